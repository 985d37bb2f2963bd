#pragma once
// A seeded random source whose numbers are the same on every platform: std::mt19937_64's output
// is fixed by the standard, but the std:: distributions are not, so the few we need are here.

#include <cstdint>
#include <random>
#include <span>

namespace gs::learn {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Standard normal (Box–Muller; the second value of each pair is kept for the next call).
    double normal();
    /// Uniform integer in [0, n), n ≥ 1, without modulo bias.
    std::uint64_t below(std::uint64_t n);
    /// Fisher–Yates shuffle.
    void shuffle(std::span<int> values);

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

} // namespace gs::learn

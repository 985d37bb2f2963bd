#include "learn/random.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace gs::learn {

double Rng::normal() {
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    // z₀ = √(−2 ln u₁) cos(2π u₂), z₁ = √(−2 ln u₁) sin(2π u₂), with u₁ ∈ (0, 1] so ln u₁ is
    // finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spare_ = r * std::sin(angle);
    hasSpare_ = true;
    return r * std::cos(angle);
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Reject the top partial block of 2⁶⁴ so every residue is equally likely.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t r;
    do {
        r = engine_();
    } while (r >= limit);
    return r % n;
}

void Rng::shuffle(std::span<int> values) {
    for (std::size_t i = values.size(); i > 1; --i)
        std::swap(values[i - 1], values[below(i)]);
}

} // namespace gs::learn

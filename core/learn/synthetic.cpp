#include "learn/synthetic.h"

#include "learn/random.h"

#include <cmath>
#include <numbers>

namespace gs::learn {

std::optional<std::string> SyntheticParams::validate() const {
    const bool twoClass = kind == SyntheticKind::Moons || kind == SyntheticKind::Xor;
    if (!twoClass && (classes < 2 || classes > 100))
        return "classes must be in [2, 100], got " + std::to_string(classes);
    const int k = twoClass ? 2 : classes;
    if (samples < k || samples > 10'000'000)
        return "samples must be in [" + std::to_string(k) + ", 10000000], got " +
               std::to_string(samples);
    if (!(noise >= 0 && noise <= 100)) return "noise must be in [0, 100]";
    return std::nullopt;
}

namespace {

constexpr double kPi = std::numbers::pi;

// Example i of n, spread evenly over k classes: its class and its position t ∈ [0, 1) within it.
struct Slot {
    int label;
    double t;
};
Slot slot(int i, int n, int k) {
    const int label = static_cast<int>(static_cast<long long>(i) * k / n);
    const long long first = (static_cast<long long>(label) * n + k - 1) / k;
    const long long next = (static_cast<long long>(label + 1) * n + k - 1) / k;
    const double count = static_cast<double>(next - first);
    return {label, count > 1 ? static_cast<double>(i - first) / count : 0.0};
}

Eigen::Vector2d point(const SyntheticParams& p, int label, double t, Rng& rng) {
    const int k = p.classes;
    switch (p.kind) {
    case SyntheticKind::Blobs: {
        const double angle = 2 * kPi * label / k;
        return {2 * std::cos(angle), 2 * std::sin(angle)};
    }
    case SyntheticKind::Moons: {
        // Upper moon (cos s, sin s); lower moon (1 − cos s, ½ − sin s), s ∈ [0, π].
        const double s = kPi * rng.uniform();
        if (label == 0) return {std::cos(s), std::sin(s)};
        return {1 - std::cos(s), 0.5 - std::sin(s)};
    }
    case SyntheticKind::Spirals: {
        // Radius r = t grows along the arm while the angle turns 1.5 times around.
        const double r = 0.05 + 0.95 * t;
        const double angle = 3 * kPi * t + 2 * kPi * label / k;
        return {r * std::cos(angle), r * std::sin(angle)};
    }
    case SyntheticKind::Xor: {
        // Quadrants with x·y > 0 are class 1: draw a quadrant of the class, then a point in it.
        const double x = rng.uniform(0.05, 1.0), y = rng.uniform(0.05, 1.0);
        const bool flip = rng.uniform() < 0.5;
        const double sx = flip ? -1 : 1;
        const double sy = (label == 1) ? sx : -sx;
        return {sx * x, sy * y};
    }
    }
    return {0, 0};
}

} // namespace

DataResult makeSynthetic(const SyntheticParams& params) {
    DataResult r;
    if (auto bad = params.validate()) {
        r.error = *bad;
        return r;
    }
    SyntheticParams p = params;
    if (p.kind == SyntheticKind::Moons || p.kind == SyntheticKind::Xor) p.classes = 2;
    Rng rng(p.seed);
    Dataset& d = r.data;
    d.classes = p.classes;
    d.features.resize(2, p.samples);
    d.labels.resize(p.samples);
    for (int i = 0; i < p.samples; ++i) {
        const Slot s = slot(i, p.samples, p.classes);
        Eigen::Vector2d x = point(p, s.label, s.t, rng);
        x.x() += p.noise * rng.normal();
        x.y() += p.noise * rng.normal();
        d.features.col(i) = x.cast<float>();
        d.labels[i] = s.label;
    }
    return r;
}

} // namespace gs::learn

#include "analysis/directional.h"

#include <cmath>
#include <numbers>

namespace gs {

namespace {
constexpr double kTwoPi = 2 * std::numbers::pi;

Vec unit(double angle) {
    return (Vec(2) << std::cos(angle), std::sin(angle)).finished();
}

// The vertex of the parabola through three equally spaced samples (h apart) around index i:
//     offset = h (y₋ − y₊) / (2 (y₋ − 2y₀ + y₊)),
// so a peak between samples is found to O(h³) instead of ±h/2.
void refineExtreme(const DirectionalProfile& d, int i, double& angle, double& value) {
    const int n = static_cast<int>(d.values.size());
    const double h = kTwoPi / n;
    const double ym = d.values[(i + n - 1) % n], y0 = d.values[i], yp = d.values[(i + 1) % n];
    const double curvature = ym - 2 * y0 + yp;
    double offset = 0;
    if (curvature != 0) offset = 0.5 * h * (ym - yp) / curvature;
    if (!(std::abs(offset) <= h)) offset = 0; // flat or noisy: keep the sample
    angle = wrapAngle(d.angles[i] + offset);
    value = y0 - 0.25 * (ym - yp) * offset / h;
}
} // namespace

double directionalDerivative(const Objective& f, const Vec& p, double angle) {
    Vec g(2);
    f.valueAndGradient(p, g);
    return unit(angle).dot(g);
}

double directionalDifference(const Objective& f, const Vec& p, double angle, double h) {
    const Vec e = unit(angle);
    return (f.value(p + h * e) - f.value(p - h * e)) / (2 * h);
}

double wrapAngle(double angle) {
    double a = std::fmod(angle, kTwoPi);
    if (a < 0) a += kTwoPi;
    return a >= kTwoPi ? 0.0 : a;
}

DirectionalProfile directionalProfile(const Objective& f, const Vec& p, int n) {
    DirectionalProfile d;
    if (n < 8) n = 8;
    Vec g(2);
    f.valueAndGradient(p, g);
    d.gradientNorm = g.norm();
    d.gradientAngle = wrapAngle(std::atan2(g[1], g[0]));
    auto D = [&](double angle) { return unit(angle).dot(g); };
    d.angles.resize(n);
    d.values.resize(n);
    int hi = 0, lo = 0;
    for (int i = 0; i < n; ++i) {
        d.angles[i] = kTwoPi * i / n;
        d.values[i] = D(d.angles[i]);
        if (d.values[i] > d.values[hi]) hi = i;
        if (d.values[i] < d.values[lo]) lo = i;
    }
    refineExtreme(d, hi, d.maxAngle, d.maxValue);
    refineExtreme(d, lo, d.minAngle, d.minValue);
    // Zeros: a sign change between neighbouring samples, narrowed by bisection.
    for (int i = 0; i < n; ++i) {
        double a = d.angles[i], b = a + kTwoPi / n;
        double ya = d.values[i], yb = d.values[(i + 1) % n];
        if (ya == 0) {
            d.zeros.push_back(a);
            continue;
        }
        if (!(ya * yb < 0)) continue;
        for (int k = 0; k < 60 && b - a > 1e-15; ++k) {
            const double m = 0.5 * (a + b), ym = D(m);
            if ((ym < 0) == (ya < 0)) {
                a = m;
                ya = ym;
            } else {
                b = m;
            }
        }
        d.zeros.push_back(wrapAngle(0.5 * (a + b)));
    }
    return d;
}

} // namespace gs

// Level curves of the quadratic model, sampled analytically. In eigen-coordinates u = Eᵀ(q − p)
// the model separates:
//     m = f + Σᵢ (gᵢ uᵢ + ½ λᵢ uᵢ²),   gᵢ = eᵢ·∇f,
// and with v = u − c, c = (−gᵢ/λᵢ) (the Newton point), m = m* + Σᵢ ½ λᵢ vᵢ² where
// m* = f − Σᵢ gᵢ² / (2λᵢ). So {m = L} is an ellipse when the λᵢ share a sign, a hyperbola (or its
// two asymptotes) when they do not, and a parabola or a pair of lines when λ₂ = 0. Each curve is a
// parametric u(t); we sample it, keep what lies within the radius, and cut at the circle by
// bisection on t, so every vertex is a point of the curve itself (a grid and marching squares
// would only interpolate).

#include "analysis/local_quadratic.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

namespace gs {

namespace {

using V2 = Eigen::Vector2d;

// Samples per unit of arc, relative to the radius: 64 segments across a radius at most.
constexpr double kSegmentsPerRadius = 64;
constexpr int kMinSamples = 64;
constexpr int kMaxSamples = 1 << 16;

struct Curve {
    std::function<V2(double)> at; // u(t), eigen-coordinates relative to the point
    double t0 = 0, t1 = 1;
    bool periodic = false; // u(t1) = u(t0)
    double speed = 1;      // an upper bound on |du/dt|, to choose the sampling
};

class Sampler {
public:
    Sampler(const LocalQuadratic& q, double radius) : q_(q), r_(radius) {}

    void add(const Curve& c, std::vector<Polyline>& out) const {
        const double arc = c.speed * (c.t1 - c.t0);
        const int n = std::clamp(static_cast<int>(std::ceil(arc / r_ * kSegmentsPerRadius)),
                                 kMinSamples, kMaxSamples);
        const auto t = [&](int i) { return c.t0 + (c.t1 - c.t0) * i / n; };
        // A periodic curve is walked from an outside sample, so no piece is split at t0.
        int begin = 0;
        if (c.periodic) {
            begin = -1;
            for (int i = 0; i < n && begin < 0; ++i)
                if (!inside(c.at(t(i)))) begin = i;
            if (begin < 0) { // wholly inside: one closed line
                Polyline line;
                line.closed = true;
                for (int i = 0; i < n; ++i)
                    line.points.push_back(toPlane(c.at(t(i))));
                out.push_back(std::move(line));
                return;
            }
        }
        Polyline line;
        const int last = c.periodic ? begin + n : n;
        double tPrev = t(begin);
        bool inPrev = inside(c.at(tPrev));
        if (inPrev) line.points.push_back(toPlane(c.at(tPrev)));
        for (int i = begin + 1; i <= last; ++i) {
            // Past t1 a periodic curve goes round again: t(i) for i > n is t(i − n) + period.
            const double ti = t(i);
            const bool in = inside(c.at(ti));
            if (in != inPrev) {
                line.points.push_back(toPlane(c.at(crossing(c, tPrev, ti, inPrev))));
                if (!in) flush(line, out);
            }
            if (in) line.points.push_back(toPlane(c.at(ti)));
            tPrev = ti;
            inPrev = in;
        }
        flush(line, out);
    }

private:
    bool inside(const V2& u) const { return u.norm() <= r_; }
    Point2 toPlane(const V2& u) const {
        const V2 x = q_.point + q_.eigenvectors * u;
        return {x.x(), x.y()};
    }
    // The t in [a, b] where the curve meets the circle; `inA` says which side a is on.
    double crossing(const Curve& c, double a, double b, bool inA) const {
        for (int k = 0; k < 60; ++k) {
            const double mid = 0.5 * (a + b);
            if (inside(c.at(mid)) == inA)
                a = mid;
            else
                b = mid;
        }
        return inA ? a : b; // the end that is inside
    }
    static void flush(Polyline& line, std::vector<Polyline>& out) {
        if (line.points.size() >= 2) out.push_back(std::move(line));
        line = Polyline();
    }

    const LocalQuadratic& q_;
    double r_;
};

// A line through u0 along the unit vector d, long enough to cross the whole disc.
Curve line(const V2& u0, const V2& d, double reach) {
    return {[u0, d](double t) { return V2(u0 + t * d); }, -reach, reach, false, 1.0};
}

void levelCurves(const LocalQuadratic& q, double level, double radius, const Sampler& sampler,
                 std::vector<Polyline>& out) {
    const double l1 = q.eigenvalues[0], l2 = q.eigenvalues[1];
    const V2 g = q.eigenvectors.transpose() * q.gradient; // gᵢ = eᵢ·∇f
    const double twoPi = 2 * std::numbers::pi;
    if (q.newtonStep) {
        const V2 c(-g[0] / l1, -g[1] / l2);
        const double mStar = q.value - g[0] * g[0] / (2 * l1) - g[1] * g[1] / (2 * l2);
        const double r = level - mStar; // ½λ₁v₁² + ½λ₂v₂² = r
        const double reach = radius + c.norm();
        if (l1 * l2 > 0) {
            if (!(r / l1 > 0)) return; // below a bowl's bottom (above a cap's top): empty
            const double a = std::sqrt(2 * r / l1), b = std::sqrt(2 * r / l2);
            sampler.add(
                {[c, a, b](double t) { return V2(c + V2(a * std::cos(t), b * std::sin(t))); }, 0,
                 twoPi, true, std::max(a, b)},
                out);
            return;
        }
        if (r == 0) { // the asymptotes: λ₁v₁² = −λ₂v₂²
            const double k = std::sqrt(-l1 / l2);
            for (double s : {1.0, -1.0})
                sampler.add(line(c, V2(1, s * k).normalized(), reach), out);
            return;
        }
        // The vertex axis i has r/λᵢ > 0: vᵢ = ±a √(1 + w²/b²), vⱼ = w.
        const int i = r / l1 > 0 ? 0 : 1, j = 1 - i;
        const double a = std::sqrt(2 * r / q.eigenvalues[i]);
        const double b = std::sqrt(-2 * r / q.eigenvalues[j]);
        for (double s : {1.0, -1.0})
            sampler.add({[c, a, b, i, j, s](double w) {
                             V2 v;
                             v[i] = s * a * std::sqrt(1 + (w / b) * (w / b));
                             v[j] = w;
                             return V2(c + v);
                         },
                         -reach, reach, false, std::sqrt(1 + (a / b) * (a / b))},
                        out);
        return;
    }
    if (l1 != 0) { // λ₂ = 0: m = f + g₁u₁ + ½λ₁u₁² + g₂u₂
        const double rest = level - q.value;
        if (std::abs(g[1]) > 1e-14 * (std::abs(g[0]) + std::abs(l1) * radius)) {
            // A parabola: u₂ = (L − f − g₁u₁ − ½λ₁u₁²) / g₂, over the u₁ of the disc.
            const double speed = std::hypot(1.0, (std::abs(g[0]) + std::abs(l1) * radius) / g[1]);
            sampler.add({[g, l1, rest](double u1) {
                             return V2(u1, (rest - g[0] * u1 - 0.5 * l1 * u1 * u1) / g[1]);
                         },
                         -radius, radius, false, speed},
                        out);
            return;
        }
        // No slope along e₂ either: ½λ₁u₁² + g₁u₁ − rest = 0 gives up to two lines u₁ = root.
        const double disc = g[0] * g[0] + 2 * l1 * rest;
        if (disc < 0) return;
        for (double s : {1.0, -1.0}) {
            const double root = (-g[0] + s * std::sqrt(disc)) / l1;
            sampler.add(line(V2(root, 0), V2(0, 1), radius), out);
            if (disc == 0) break;
        }
        return;
    }
    // H = 0: m = f + ∇f·d, straight lines across ∇f.
    const double gn = q.gradient.norm();
    if (gn == 0) return;
    const V2 along = g / gn, across(-along.y(), along.x());
    sampler.add(line(along * ((level - q.value) / gn), across, radius + 1), out);
}

} // namespace

std::vector<Isoline> modelLevelCurves(const LocalQuadratic& q, const std::vector<double>& levels,
                                      double radius) {
    std::vector<Isoline> out;
    if (!q.ok() || !(radius > 0) || !std::isfinite(radius)) return out;
    const Sampler sampler(q, radius);
    for (double level : levels) {
        Isoline iso;
        iso.level = level;
        if (std::isfinite(level)) levelCurves(q, level, radius, sampler, iso.lines);
        out.push_back(std::move(iso));
    }
    return out;
}

std::vector<double> modelLevelsNear(const LocalQuadratic& q, double radius, int count) {
    if (!q.ok() || !(radius > 0) || !std::isfinite(radius) || count < 1) return {};
    // The model's range over the disc, from a polar sample (its exact extremes need not be hit:
    // the levels only have to cross it).
    double lo = q.value, hi = q.value;
    constexpr int kAngles = 48, kRings = 8;
    for (int k = 1; k <= kRings; ++k)
        for (int a = 0; a < kAngles; ++a) {
            const double t = 2 * std::numbers::pi * a / kAngles, r = radius * k / kRings;
            const double m = q.model(q.point + r * Eigen::Vector2d(std::cos(t), std::sin(t)));
            lo = std::min(lo, m);
            hi = std::max(hi, m);
        }
    if (!(hi > lo)) return {q.value};
    // In a bowl (or under a cap) the curve of level m* ± s² has axes ∝ s: levels evenly spaced in
    // s give evenly nested ellipses. Elsewhere (saddle, singular) the levels themselves are even.
    // Either way they are spaced δ apart through f(p), so the curve through the point is one.
    const bool definite =
        q.kind == CurvatureKind::MinimumLike || q.kind == CurvatureKind::MaximumLike;
    const double base = definite ? q.model(*q.center()) : 0.0;
    const double sign = q.kind == CurvatureKind::MaximumLike ? -1.0 : 1.0;
    const auto toS = [&](double m) {
        return definite ? std::sqrt(std::max(0.0, sign * (m - base))) : m;
    };
    const auto fromS = [&](double s) { return definite ? base + sign * s * s : s; };
    const double s0 = std::min(toS(lo), toS(hi)), s1 = std::max(toS(lo), toS(hi));
    const double sp = toS(q.value), delta = (s1 - s0) / count;
    std::vector<double> levels;
    // Levels closer than rounding (a nearly flat model at a large value) would not be distinct.
    const double eps = std::numeric_limits<double>::epsilon();
    if (!(delta > 16 * eps * std::max({std::abs(s0), std::abs(s1), std::abs(sp)})))
        return {q.value};
    for (auto k = static_cast<long>(std::ceil((s0 - sp) / delta));
         sp + double(k) * delta < s1 && levels.size() <= size_t(count); ++k) {
        const double s = sp + double(k) * delta;
        if (s > s0 && (!definite || s > 0)) levels.push_back(k == 0 ? q.value : fromS(s));
    }
    return levels;
}

} // namespace gs

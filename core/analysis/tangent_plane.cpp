#include "analysis/tangent_plane.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gs {

TangentPlane tangentPlane(const Objective& f, const Vec& p) {
    TangentPlane t;
    t.p = p;
    t.gradient.resize(f.dimension());
    t.value = f.valueAndGradient(p, t.gradient);
    return t;
}

Grid samplePlane(const TangentPlane& plane, const Box& box, int nx, int ny) {
    Grid g;
    g.xMin = box.lo[0];
    g.xMax = box.hi[0];
    g.yMin = box.lo[1];
    g.yMax = box.hi[1];
    g.nx = nx;
    g.ny = ny;
    g.values.resize(static_cast<size_t>(nx) * ny);
    const double gx = plane.gradient[0], gy = plane.gradient[1];
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) // T(q), written out for the two coordinates
            g.values[static_cast<size_t>(j) * nx + i] =
                plane.value + gx * (g.x(i) - plane.p[0]) + gy * (g.y(j) - plane.p[1]);
    return g;
}

double secondOrderBound(const Objective& f, const Vec& p) {
    Mat h(f.dimension(), f.dimension());
    f.hessian(p, h);
    if (!h.allFinite()) return std::nan("");
    if (h.rows() != 2) return 0.5 * h.norm(); // Frobenius: never below the spectral norm
    // Eigenvalues of the symmetric 2 × 2 [a b; b d]: (a + d)/2 ± √(((a − d)/2)² + b²), written
    // out (Eigen's solver trips a false -Wmaybe-uninitialized in GCC 12 at this size).
    const double a = h(0, 0), d = h(1, 1), b = 0.5 * (h(0, 1) + h(1, 0));
    const double mean = 0.5 * (a + d), radius = std::hypot(0.5 * (a - d), b);
    return 0.5 * (std::abs(mean) + radius);
}

std::vector<PlaneGap> planeGaps(const Objective& f, const TangentPlane& plane, double rMin,
                                double rMax, int n, int directions) {
    std::vector<PlaneGap> out;
    if (n < 2 || !(rMin > 0) || !(rMax > rMin)) return out;
    directions = std::max(directions, 1);
    for (int k = 0; k < n; ++k) {
        const double r = rMax * std::pow(rMin / rMax, double(k) / (n - 1));
        double gap = 0;
        for (int j = 0; j < directions; ++j) {
            const double a = 2 * std::numbers::pi * j / directions;
            const Vec q = plane.p + r * (Vec(2) << std::cos(a), std::sin(a)).finished();
            gap = std::max(gap, std::abs(f.value(q) - plane.at(q)));
        }
        out.push_back({r, gap});
    }
    return out;
}

} // namespace gs

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
    Vec q(2);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            q << g.x(i), g.y(j);
            g.values[static_cast<size_t>(j) * nx + i] = plane.at(q);
        }
    return g;
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

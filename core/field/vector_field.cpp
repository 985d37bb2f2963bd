#include "field/vector_field.h"

#include <algorithm>
#include <cmath>

namespace gs {

std::vector<Arrow> gradientArrows(const Objective& f, const Box& box, int nx, int ny) {
    std::vector<Arrow> arrows;
    if (f.dimension() != 2 || nx < 1 || ny < 1) return arrows;
    arrows.reserve(static_cast<size_t>(nx) * ny);
    Vec p(2), g(2);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            // Cell centres: lo + (i + ½)·(hi − lo)/n.
            p[0] = box.lo[0] + (i + 0.5) * (box.hi[0] - box.lo[0]) / nx;
            p[1] = box.lo[1] + (j + 0.5) * (box.hi[1] - box.lo[1]) / ny;
            const double v = f.valueAndGradient(p, g);
            if (std::isfinite(v) && g.allFinite()) arrows.push_back({p[0], p[1], g[0], g[1]});
        }
    return arrows;
}

double maxArrowNorm(const std::vector<Arrow>& arrows) {
    double m = 0;
    for (const Arrow& a : arrows)
        m = std::max(m, std::hypot(a.gx, a.gy));
    return m;
}

} // namespace gs

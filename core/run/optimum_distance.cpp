#include "run/optimum_distance.h"

#include <algorithm>
#include <cmath>

namespace gs {

std::vector<Vec> distanceTargets(const std::vector<Optimum>& optima) {
    std::vector<Vec> minima, all;
    for (const Optimum& o : optima) {
        all.push_back(o.x);
        if (o.kind == Optimum::Kind::Minimum) minima.push_back(o.x);
    }
    return minima.empty() ? all : minima;
}

std::vector<double> distanceToNearestOptimum(const Trajectory& t,
                                             const std::vector<Optimum>& optima) {
    std::vector<Vec> targets = distanceTargets(optima);
    std::erase_if(targets, [&](const Vec& x) { return x.size() != t.dimension(); });
    if (targets.empty()) return {};
    std::vector<double> d(static_cast<size_t>(t.size()));
    for (int k = 0; k < t.size(); ++k) {
        double best = INFINITY;
        for (const Vec& star : targets)
            best = std::min(best, (t.x(k) - star).norm()); // ‖x_k − x*‖
        d[static_cast<size_t>(k)] = best;
    }
    return d;
}

} // namespace gs

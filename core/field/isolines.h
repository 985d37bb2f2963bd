#pragma once
// Isolines (contour lines) of a sampled grid by marching squares, joined into polylines.

#include "field/grid.h"

#include <vector>

namespace gs {

struct Point2 {
    double x = 0, y = 0;
};

struct Polyline {
    std::vector<Point2> points;
    bool closed = false; ///< the last point joins the first (the first is not repeated)
};

/// All polylines of one level.
struct Isoline {
    double level = 0;
    std::vector<Polyline> lines;
};

/// The level set {f = level} of the grid, linearly interpolated along cell edges. A saddle cell
/// (diagonal corners above) is resolved by the mean of its four corners, the same way for every
/// level, so lines of different levels never cross. Cells with a NaN corner are skipped.
std::vector<Polyline> isolines(const Grid& grid, double level);

/// One Isoline per level, in the given order; levels are shared among `threads` threads
/// (0: all cores).
std::vector<Isoline> isolines(const Grid& grid, const std::vector<double>& levels, int threads = 0);

} // namespace gs

#pragma once
// A function of two variables sampled on a regular nx × ny grid over a box: the data behind a
// heat map, isolines and the value range that levels are chosen from.

#include "objective/objective.h"

#include <vector>

namespace gs {

struct Grid {
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    int nx = 0, ny = 0;
    /// Row-major: value(i, j) = values[j * nx + i] at (x(i), y(j)). Non-finite samples are NaN.
    std::vector<double> values;

    double x(int i) const { return xMin + (xMax - xMin) * i / (nx - 1); }
    double y(int j) const { return yMin + (yMax - yMin) * j / (ny - 1); }
    double value(int i, int j) const { return values[static_cast<size_t>(j) * nx + i]; }
    /// Smallest and largest finite sample; both NaN when no sample is finite.
    double minValue() const;
    double maxValue() const;
};

/// Samples `f` (dimension 2) at nx × ny points spanning `box` corners included (nx, ny ≥ 2).
/// Rows are shared among `threads` std::threads (0: all cores); f.value must be safe to call
/// concurrently, as it is for every const Objective here.
Grid sampleGrid(const Objective& f, const Box& box, int nx, int ny, int threads = 0);

/// Number of worker threads to use for `jobs` independent jobs when asked for `threads` (0: all).
int workerCount(int jobs, int threads = 0);

} // namespace gs

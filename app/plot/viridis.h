#pragma once
// Heat maps of scalar fields, in one color gradient: viridis (van der Walt & Smith, matplotlib
// 2015), perceptually uniform and readable in grayscale and by colorblind viewers.

#include "field/grid.h"

#include <qcustomplot.h>

namespace gs::app {

/// Viridis from its published stops at 0, 0.1, …, 1, linearly interpolated in RGB.
QCPColorGradient viridisGradient();

/// A heat map on axes x and y: viridis, interpolated between the samples.
QCPColorMap* makeHeatMap(QCPAxis* x, QCPAxis* y);
/// Puts `grid`'s samples (less `offset`) into `map` over the grid's box; with `spanColors`, the
/// colors span the samples' range.
void showGrid(QCPColorMap& map, const Grid& grid, double offset = 0, bool spanColors = true);

} // namespace gs::app

#pragma once
// The color gradient for scalar fields: viridis (van der Walt & Smith, matplotlib 2015),
// perceptually uniform and readable in grayscale and by colorblind viewers.

#include <qcustomplot.h>

namespace gs::app {

/// Viridis from its published stops at 0, 0.1, …, 1, linearly interpolated in RGB.
QCPColorGradient viridisGradient();

} // namespace gs::app

#pragma once
// Drawing a QCustomPlot into part of another picture (an export of several pictures, or of one
// that is not the page's main plot), through QCustomPlot's own painter path so SVG and PDF stay
// vector.

#include <QRect>

class QCPPainter;
class QCustomPlot;

namespace gs::app {

/// Draws `plot` as it would look at `rect`'s size into `rect` of `painter`; the plot is laid out
/// at that size for the drawing and goes back to its own afterwards.
void paintPlot(QCustomPlot& plot, QCPPainter& painter, const QRect& rect);

} // namespace gs::app

#pragma once
// Arrowheads sized to the picture they are drawn in, not to the data or to a fixed pixel size: a
// head fit for a 600-pixel map covers a third of a 130-pixel one on a projector.

#include "plot/plot_style.h"

#include <QVector>

class QCPAxisRect;
class QCPItemLine;
class QCPLineEnding;
class QCustomPlot;

namespace gs::app {

/// A spike arrowhead for an arrow in `rect`: its length a share of the rect's shorter side
/// (`relative` times 4%), never longer than the style's full size (18 px × scale, the size on a
/// large picture) nor shorter than 7 px, so it reads on a small map and does not cover it.
QCPLineEnding arrowHead(const QCPAxisRect& rect, const PlotStyle& style, double relative = 1.0);

/// Keeps the heads of `arrows` sized to `rect` (arrowHead) after every layout of `plot`, when the
/// rect's size is known; `style` is the page's (a member whose address stays valid).
void fitArrowHeads(QCustomPlot& plot, const QCPAxisRect* rect, QVector<QCPItemLine*> arrows,
                   const PlotStyle* style, double relative = 1.0);

} // namespace gs::app

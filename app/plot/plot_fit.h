#pragma once
// Fitting a plot's extras to the room it has, before every full replot: on a projector at 1024 ×
// 768 (or in a small export) a title longer than the plot wraps to two lines, then elides, and a
// legend that would cover much of the data shrinks its font and, failing that, hides (the runs'
// names stay in the panels).

#include "plot/plot_style.h"

class QCPTextElement;
class QCustomPlot;

namespace gs::app {

/// On every full replot of `plot`, wraps its title (made by updatePlotTitle) to the width it
/// is given and fits its legend, with the view's style (a member whose address stays valid) and
/// the view's font.
void fitBeforeReplot(QCustomPlot& plot, const PlotStyle* style, const QWidget* view);
/// The text rows of `plot`'s top layout (a title, a status line) wrapped to the plot's width in
/// at most two lines; for a plot that fits its legends itself (fitBeforeReplot does this too).
void wrapTitleRows(QCustomPlot& plot);

} // namespace gs::app

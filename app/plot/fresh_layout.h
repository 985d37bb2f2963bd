#pragma once
// Lays a plot out afresh before each full replot when its size changed since its last layout, so
// that what is fitted before the layout (the legend, see plot_fit.h) is measured against the room
// the plot has now. A hidden plot (a page rendered headless, resized to the export size) gets no
// resize event until shown: its viewport is taken from its geometry here too.
//
// Call it before fitBeforeReplot(), so it runs first.

class QCustomPlot;

namespace gs::app {

void layOutFreshBeforeReplot(QCustomPlot& plot);

} // namespace gs::app

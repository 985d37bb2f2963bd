#include "plot/plot_paint.h"

#include <qcustomplot.h>

namespace gs::app {

void paintPlot(QCustomPlot& plot, QCPPainter& painter, const QRect& rect) {
    const QSize old = plot.size();
    plot.resize(rect.size()); // a map keeps its equal aspect at the size it is drawn
    plot.replot(QCustomPlot::rpImmediateRefresh);
    painter.save();
    painter.translate(rect.topLeft());
    plot.toPainter(&painter, rect.width(), rect.height());
    painter.restore();
    plot.resize(old);
    plot.replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gs::app

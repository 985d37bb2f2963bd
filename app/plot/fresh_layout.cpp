#include "plot/fresh_layout.h"

#include <qcustomplot.h>

namespace gs::app {

void layOutFreshBeforeReplot(QCustomPlot& plot) {
    QObject::connect(&plot, &QCustomPlot::beforeReplot, &plot, [&plot] {
        if (!plot.isVisible() && plot.viewport() != plot.rect()) plot.setViewport(plot.rect());
        // setViewport() sets the layout's outer rect but lays nothing out: remember the size
        // laid out for instead.
        const QVariant done = plot.property("gsLaidOutFor");
        if (done.isValid() && done.toRect() == plot.viewport()) return;
        plot.setProperty("gsLaidOutFor", plot.viewport());
        plot.plotLayout()->setOuterRect(plot.viewport());
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                           QCPLayoutElement::upLayout})
            plot.plotLayout()->update(phase);
    });
}

} // namespace gs::app

#include "plot/arrow_head.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gs::app {

namespace {
constexpr double kShare = 0.04; // of the rect's shorter side, per unit of relative
constexpr double kFullLength = 18, kMinLength = 7; // pixels (the full one times the style's scale)
constexpr double kWidthOverLength = 0.78;          // the spike's width for its length
} // namespace

QCPLineEnding arrowHead(const QCPAxisRect& rect, const PlotStyle& style, double relative) {
    const double side = std::min(rect.width(), rect.height());
    const double full = kFullLength * style.scale * relative;
    const double length = std::clamp(kShare * relative * side, std::min(kMinLength, full), full);
    return QCPLineEnding(QCPLineEnding::esSpikeArrow, kWidthOverLength * length, length);
}

void fitArrowHeads(QCustomPlot& plot, const QCPAxisRect* rect, QVector<QCPItemLine*> arrows,
                   const PlotStyle* style, double relative) {
    QObject::connect(&plot, &QCustomPlot::afterLayout, &plot, [rect, arrows, style, relative] {
        const QCPLineEnding head = arrowHead(*rect, *style, relative);
        for (QCPItemLine* arrow : arrows)
            arrow->setHead(head);
    });
}

} // namespace gs::app

#include "plot/math_axis.h"

#include "math/math_layout.h"

#include <cmath>

namespace gs::app {

namespace {
const QString kPlaceholder = QStringLiteral("\u2007"); // a figure space: the strip of one line
} // namespace

MathAxis* MathAxis::replace(QCPAxisRect* rect, QCPAxis::AxisType type) {
    QCustomPlot* plot = rect->parentPlot();
    QCPAxis* old = rect->axis(type);
    const bool wasX = plot->xAxis == old, wasY = plot->yAxis == old, wasX2 = plot->xAxis2 == old,
               wasY2 = plot->yAxis2 == old;
    const bool visible = old ? old->visible() : true;
    if (old) rect->removeAxis(old);
    auto* axis = new MathAxis(rect, type);
    rect->addAxis(type, axis);
    axis->setVisible(visible);
    if (wasX) plot->xAxis = axis;
    if (wasY) plot->yAxis = axis;
    if (wasX2) plot->xAxis2 = axis;
    if (wasY2) plot->yAxis2 = axis;
    return axis;
}

int MathAxis::extraHeight() const {
    if (!math::hasMath(mLabel)) return 0;
    const math::MathBox box = math::typesetMixed(mLabel, getLabelFont(), nullptr);
    return std::max(0,
                    int(std::ceil(box.height + box.depth)) - QFontMetrics(getLabelFont()).height());
}

int MathAxis::calculateMargin() {
    if (!math::hasMath(mLabel)) return QCPAxis::calculateMargin();
    const QString text = mLabel;
    mLabel = kPlaceholder; // QCustomPlot sizes a strip of one line; a fraction needs more
    const int margin = QCPAxis::calculateMargin();
    mLabel = text;
    return margin + extraHeight();
}

void MathAxis::draw(QCPPainter* painter) {
    if (!math::hasMath(mLabel)) {
        QCPAxis::draw(painter);
        return;
    }
    const QString text = mLabel;
    mLabel = kPlaceholder;
    QCPAxis::draw(painter); // the axis, its ticks and labels, and the label's strip
    mLabel = text;
    // The strip QCustomPlot kept for the label, widened outwards by what the formula needs more.
    QRectF strip = mAxisPainter->labelSelectionBox();
    const int extra = extraHeight();
    switch (axisType()) {
    case atLeft:
        strip.adjust(-extra, 0, 0, 0);
        break;
    case atRight:
        strip.adjust(0, 0, extra, 0);
        break;
    case atTop:
        strip.adjust(0, -extra, 0, 0);
        break;
    case atBottom:
        strip.adjust(0, 0, 0, extra);
        break;
    }
    const bool vertical = orientation() == Qt::Vertical;
    const double length = vertical ? mAxisRect->height() : mAxisRect->width();
    const math::MathBox box = math::fitWithin(length, getLabelFont(), [&](const QFont& f) {
        return math::typesetMixed(text, f, painter->device());
    });
    painter->save();
    painter->translate(strip.center());
    if (vertical) painter->rotate(axisType() == atLeft ? -90 : 90);
    math::drawMath(*painter, box, QPointF(-box.width / 2, (box.height - box.depth) / 2),
                   getLabelColor());
    painter->restore();
}

} // namespace gs::app

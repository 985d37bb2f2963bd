#include "plot/overlay_plottable.h"

namespace gs::app {

double OverlayPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange OverlayPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    foundRange = hasBounds_;
    return key_;
}

QCPRange OverlayPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = hasBounds_;
    return value_;
}

void OverlayPlottable::includeInBounds(double key, double value) {
    if (!hasBounds_) {
        key_ = QCPRange(key, key);
        value_ = QCPRange(value, value);
        hasBounds_ = true;
        return;
    }
    key_.expand(key);
    value_.expand(value);
}

void OverlayPlottable::drawArrowHead(QCPPainter* painter, QPointF tip, QPointF u, double size) {
    const QPointF n(-u.y(), u.x()), base = tip - u * size;
    const QPointF head[3] = {tip, base + n * (size * 0.45), base - n * (size * 0.45)};
    painter->drawPolygon(head, 3);
}

} // namespace gs::app

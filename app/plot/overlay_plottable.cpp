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

void OverlayPlottable::drawIsolines(QCPPainter* painter, const std::vector<Isoline>& lines) const {
    QPolygonF px;
    for (const Isoline& iso : lines)
        for (const Polyline& line : iso.lines) {
            px.resize(static_cast<int>(line.points.size()));
            for (int i = 0; i < px.size(); ++i)
                px[i] = coordsToPixels(line.points[size_t(i)].x, line.points[size_t(i)].y);
            if (line.closed)
                painter->drawPolygon(px);
            else
                painter->drawPolyline(px);
        }
}

} // namespace gs::app

#include "plot/isoline_plottable.h"

namespace gs::app {

IsolinePlottable::IsolinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {
    setAntialiased(true);
    setPen(QPen(QColor(255, 255, 255, 120), 1.0));
}

void IsolinePlottable::setIsolines(std::vector<Isoline> lines) {
    lines_ = std::move(lines);
    clearBounds();
    for (const Isoline& iso : lines_)
        for (const Polyline& line : iso.lines)
            for (const Point2& p : line.points)
                includeInBounds(p.x, p.y);
}

int IsolinePlottable::polylineCount() const {
    int n = 0;
    for (const Isoline& iso : lines_)
        n += static_cast<int>(iso.lines.size());
    return n;
}

void IsolinePlottable::draw(QCPPainter* painter) {
    if (!mKeyAxis || !mValueAxis) return;
    applyDefaultAntialiasingHint(painter);
    painter->setPen(mPen);
    painter->setBrush(Qt::NoBrush);
    drawIsolines(painter, lines_);
}

void IsolinePlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(mPen);
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(rect.adjusted(rect.width() * 0.2, 1, -rect.width() * 0.2, -1));
}

} // namespace gs::app

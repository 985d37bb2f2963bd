#include "plot/vector_field_plottable.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

VectorFieldPlottable::VectorFieldPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {
    setAntialiased(true);
    setPen(QPen(QColor(255, 255, 255, 170), 1.2));
}

void VectorFieldPlottable::setArrows(std::vector<Arrow> arrows, double cellWidth,
                                     double cellHeight) {
    arrows_ = std::move(arrows);
    cellW_ = cellWidth;
    cellH_ = cellHeight;
    maxNorm_ = maxArrowNorm(arrows_);
    clearBounds();
    for (const Arrow& a : arrows_)
        includeInBounds(a.x, a.y);
}

void VectorFieldPlottable::draw(QCPPainter* painter) {
    if (!mKeyAxis || !mValueAxis || arrows_.empty() || maxNorm_ <= 0) return;
    applyDefaultAntialiasingHint(painter);
    // One cell in pixels; arrows are sized in pixels so they stay readable at any zoom.
    const double cellPx =
        std::min(std::abs(mKeyAxis->coordToPixel(cellW_) - mKeyAxis->coordToPixel(0.0)),
                 std::abs(mValueAxis->coordToPixel(cellH_) - mValueAxis->coordToPixel(0.0)));
    const double full = 0.8 * cellPx, head = std::clamp(0.3 * cellPx, 3.0, 3.0 * mPen.widthF() + 5);
    painter->setPen(mPen);
    painter->setBrush(mPen.color());
    for (const Arrow& a : arrows_) {
        const double norm = std::hypot(a.gx, a.gy);
        if (norm <= 0) continue;
        const double len = mode_ == Mode::Normalized ? full : full * norm / maxNorm_;
        if (len < 1.5) continue;
        const QPointF centre = coordsToPixels(a.x, a.y);
        // Pixel y grows downwards; the arrow points along −∇f (downhill) or ∇f (uphill).
        const double sign = uphill_ ? -1.0 : 1.0;
        const QPointF u(-sign * a.gx / norm * (mKeyAxis->rangeReversed() ? -1 : 1),
                        sign * a.gy / norm * (mValueAxis->rangeReversed() ? -1 : 1));
        const QPointF from = centre - u * (len / 2), to = centre + u * (len / 2);
        painter->drawLine(QLineF(from, to));
        drawArrowHead(painter, to, u, std::min(head, 0.5 * len));
    }
}

void VectorFieldPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(QPen(legendColor_, mPen.widthF()));
    painter->setBrush(legendColor_);
    const double y = rect.center().y();
    painter->drawLine(QLineF(rect.left(), y, rect.right(), y));
    const QPointF tri[3] = {QPointF(rect.right(), y), QPointF(rect.right() - 5, y - 3),
                            QPointF(rect.right() - 5, y + 3)};
    painter->drawPolygon(tri, 3);
}

} // namespace gs::app

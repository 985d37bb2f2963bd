#include "plot/gradient_cloud_plottable.h"

#include <QLineF>

namespace gs::app {

GradientCloudPlottable::GradientCloudPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {}

void GradientCloudPlottable::setArrows(QPointF from, QVector<QPointF> tips) {
    from_ = from;
    tips_ = std::move(tips);
    clearBounds();
    includeInBounds(from.x(), from.y());
    for (const QPointF& t : tips_)
        includeInBounds(t.x(), t.y());
}

void GradientCloudPlottable::draw(QCPPainter* painter) {
    if (tips_.isEmpty() && outline_.isEmpty()) return;
    const QPointF a = coordsToPixels(from_.x(), from_.y());
    const double head = 4.0 + 2.5 * width_;
    painter->setPen(QPen(color_, width_, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(color_);
    for (const QPointF& t : tips_) {
        const QPointF b = coordsToPixels(t.x(), t.y());
        const QLineF line(a, b);
        if (line.length() < 1) continue;
        const QPointF u = (b - a) / line.length();
        painter->drawLine(a, b - u * (line.length() > head ? head * 0.6 : 0.0));
        if (line.length() > head) drawArrowHead(painter, b, u, head);
    }
    if (!outline_.isEmpty()) {
        QPolygonF px;
        for (const QPointF& p : outline_)
            px << coordsToPixels(p.x(), p.y());
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(color_, width_ * 1.2, Qt::DashLine));
        painter->drawPolygon(px);
    }
}

void GradientCloudPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    const QColor c = legendColor_.isValid() ? legendColor_ : color_;
    painter->setPen(QPen(c, width_));
    painter->setBrush(c);
    const QPointF a(rect.left(), rect.center().y()), b(rect.right(), rect.center().y());
    painter->drawLine(a, b - QPointF(4, 0));
    drawArrowHead(painter, b, QPointF(1, 0), 6);
}

} // namespace gs::app

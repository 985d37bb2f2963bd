#include "plot/arrow_legend_item.h"

#include <cmath>

namespace gs::app {

ArrowLegendItem::ArrowLegendItem(QCPLegend* legend, const QString& text, const QColor& color,
                                 bool dashed)
    : IconLegendItem(legend, text), color_(color), dashed_(dashed) {}

// A line with a spike arrowhead, dashed like the arrow on the map.
void ArrowLegendItem::drawIcon(QCPPainter* painter, const QRectF& iconRect) {
    const double y = iconRect.center().y() + 0.5;
    const double width = std::max(1.5, iconRect.height() / 6.0);
    const QPointF tip(iconRect.right() - 1, y);
    const double head = std::min(0.45 * iconRect.width(), 2.2 * width + 4);
    painter->setPen(QPen(color_, width, dashed_ ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    painter->drawLine(QLineF(iconRect.left() + 1, y, tip.x() - 0.6 * head, y));
    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    const QPointF arrow[4] = {tip, tip + QPointF(-head, -0.45 * head),
                              tip + QPointF(-0.7 * head, 0), tip + QPointF(-head, 0.45 * head)};
    painter->drawPolygon(arrow, 4);
}

} // namespace gs::app

#include "plot/arrow_legend_item.h"

#include <cmath>

namespace gs::app {

ArrowLegendItem::ArrowLegendItem(QCPLegend* legend, const QString& text, const QColor& color,
                                 bool dashed)
    : QCPAbstractLegendItem(legend), text_(text), color_(color), dashed_(dashed) {
    setFont(legend->font());
    setTextColor(legend->textColor());
}

void ArrowLegendItem::draw(QCPPainter* painter) {
    const QSize icon = mParentLegend->iconSize();
    const QRectF iconRect(mRect.topLeft(), icon);
    painter->setFont(mFont);
    painter->setPen(QPen(mTextColor));
    const QRectF textRect =
        painter->fontMetrics().boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, text_);
    painter->drawText(mRect.x() + icon.width() + mParentLegend->iconTextPadding(), mRect.y(),
                      textRect.width(), textRect.height(), Qt::TextDontClip, text_);
    // The icon: a line with a spike arrowhead, dashed like the arrow on the map.
    const double y = iconRect.center().y() + 0.5;
    const double width = std::max(1.5, icon.height() / 6.0);
    const QPointF tip(iconRect.right() - 1, y);
    const double head = std::min(0.45 * icon.width(), 2.2 * width + 4);
    painter->setPen(QPen(color_, width, dashed_ ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    painter->drawLine(QLineF(iconRect.left() + 1, y, tip.x() - 0.6 * head, y));
    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    const QPointF arrow[4] = {tip, tip + QPointF(-head, -0.45 * head),
                              tip + QPointF(-0.7 * head, 0), tip + QPointF(-head, 0.45 * head)};
    painter->drawPolygon(arrow, 4);
}

QSize ArrowLegendItem::minimumOuterSizeHint() const {
    const QSize icon = mParentLegend->iconSize();
    const QRect text =
        QFontMetrics(mFont).boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, text_);
    return {icon.width() + mParentLegend->iconTextPadding() + text.width() + mMargins.left() +
                mMargins.right(),
            std::max(text.height(), icon.height()) + mMargins.top() + mMargins.bottom()};
}

} // namespace gs::app

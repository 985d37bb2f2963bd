#include "plot/icon_legend_item.h"

#include "math/math_layout.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

IconLegendItem::IconLegendItem(QCPLegend* legend, const QString& text, bool hasIcon)
    : QCPAbstractLegendItem(legend), text_(text), hasIcon_(hasIcon) {}

QSize IconLegendItem::minimumOuterSizeHint() const {
    const QSize icon = hasIcon_ ? mParentLegend->iconSize() : QSize(0, 0);
    const int padding = hasIcon_ ? mParentLegend->iconTextPadding() : 0;
    QRect text = QFontMetrics(mParentLegend->font())
                     .boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, text_);
    if (math::hasMath(text_)) { // "$-\nabla f(x_k)$, downhill": typeset
        const math::MathBox box = math::typesetMixed(text_, mParentLegend->font(), nullptr);
        text = QRect(0, 0, int(std::ceil(box.width)), int(std::ceil(box.height + box.depth)));
    }
    return QSize(icon.width() + padding + text.width(), std::max(icon.height(), text.height())) +
           QSize(mMargins.left() + mMargins.right(), mMargins.top() + mMargins.bottom());
}

void IconLegendItem::draw(QCPPainter* painter) {
    QRect text = mRect;
    if (hasIcon_) {
        const QSize icon = mParentLegend->iconSize();
        drawIcon(painter,
                 QRectF(QPointF(mRect.left(), mRect.top() + (mRect.height() - icon.height()) / 2.0),
                        icon));
        text.setLeft(mRect.left() + icon.width() + mParentLegend->iconTextPadding());
    }
    if (math::hasMath(text_)) {
        const math::MathBox box =
            math::typesetMixed(text_, mParentLegend->font(), painter->device());
        const double baseline = text.center().y() + (box.height - box.depth) / 2;
        math::drawMath(*painter, box, QPointF(text.left(), baseline), mParentLegend->textColor());
        return;
    }
    painter->setFont(mParentLegend->font());
    painter->setPen(mParentLegend->textColor());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, text_);
}

} // namespace gs::app

#include "plot/math_legend_item.h"

#include "math/math_layout.h"

#include <cmath>

namespace gs::app {

bool MathLegendItem::add(QCPAbstractPlottable* plottable, QCPLegend* legend) {
    if (!legend) return false;
    // A plottable made with the legend's auto-add on has a plain row already: ours replaces it.
    if (QCPPlottableLegendItem* row = legend->itemWithPlottable(plottable)) {
        if (qobject_cast<MathLegendItem*>(row)) return false;
        legend->removeItem(row);
    }
    return legend->addItem(new MathLegendItem(legend, plottable));
}

void MathLegendItem::draw(QCPPainter* painter) {
    const QString name = mPlottable->name();
    if (!math::hasMath(name)) {
        QCPPlottableLegendItem::draw(painter);
        return;
    }
    // QCustomPlot draws the icon (only the plottable may, a friend of its row); the name is ours.
    mPlottable->setName(QString());
    QCPPlottableLegendItem::draw(painter);
    mPlottable->setName(name);
    const QSize icon = mParentLegend->iconSize();
    const math::MathBox box = math::typesetMixed(name, getFont(), painter->device());
    const double x = mRect.left() + icon.width() + mParentLegend->iconTextPadding();
    const double baseline = mRect.center().y() + (box.height - box.depth) / 2;
    math::drawMath(*painter, box, QPointF(x, baseline), getTextColor());
}

QSize MathLegendItem::minimumOuterSizeHint() const {
    const QString name = mPlottable->name();
    if (!math::hasMath(name)) return QCPPlottableLegendItem::minimumOuterSizeHint();
    const math::MathBox box = math::typesetMixed(name, getFont(), nullptr);
    const QSize icon = mParentLegend->iconSize();
    return QSize(icon.width() + mParentLegend->iconTextPadding() + int(std::ceil(box.width)),
                 std::max(icon.height(), int(std::ceil(box.height + box.depth)))) +
           QSize(mMargins.left() + mMargins.right(), mMargins.top() + mMargins.bottom());
}

} // namespace gs::app

#pragma once
// A plottable's legend row whose name may hold formulas ("$-\nabla f$ (downhill)"): the icon as
// QCustomPlot draws it, the name typeset. QCPAbstractPlottable::addToLegend always makes a plain
// row, so a view adds these rows itself with add().

#include <qcustomplot.h>

namespace gs::app {

class MathLegendItem : public QCPPlottableLegendItem {
    Q_OBJECT
public:
    using QCPPlottableLegendItem::QCPPlottableLegendItem;

    /// Gives `plottable` a typeset row in `legend` (in place of a plain one); false when it had.
    static bool add(QCPAbstractPlottable* plottable, QCPLegend* legend);

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;
};

} // namespace gs::app

#pragma once
// A legend row for an arrow drawn on a plot as an item (not a plottable): the step inspector's
// −∇f, update and velocity arrows get a key in the map's legend, beside the runs.

#include "plot/icon_legend_item.h"

namespace gs::app {

class ArrowLegendItem : public IconLegendItem {
    Q_OBJECT
public:
    ArrowLegendItem(QCPLegend* legend, const QString& text, const QColor& color, bool dashed);

    QColor color() const { return color_; }
    bool dashed() const { return dashed_; }

protected:
    void drawIcon(QCPPainter* painter, const QRectF& rect) override;

private:
    QColor color_;
    bool dashed_;
};

} // namespace gs::app

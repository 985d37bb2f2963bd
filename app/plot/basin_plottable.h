#pragma once
// A basin-of-attraction map drawn over the landscape: each start's cell in its attractor's color
// (a categorical palette, apart from the viridis field), lighter the more steps its run took,
// translucent so the field and isolines show through; diverged and undecided starts in colors of
// their own. BasinLegendItem is a row of its own legend: a swatch and a text.

#include "analysis/basin_map.h"
#include "plot/icon_legend_item.h"
#include "plot/overlay_plottable.h"

#include <QImage>

namespace gs::app {

class BasinPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    BasinPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Shows `map`; `maxSteps` is the step limit its runs had (the lightest shade).
    void setMap(const BasinMap& map, int maxSteps);
    void clear();
    const BasinMap& map() const { return map_; }
    bool empty() const { return image_.isNull(); }
    /// The label of the cell under plot coordinates (x, y), or BasinMap::kNotRun outside.
    int labelAt(double x, double y) const;

    /// Attractor k's color (opaque), cycling through the palette.
    static QColor attractorColor(int k);
    static QColor divergedColor();
    static QColor undecidedColor();

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    BasinMap map_;
    QImage image_; // one pixel per start, top row = largest y
    QRectF cells_; // the image's extent in plot coordinates: the grid ± half a cell
};

/// An invalid color makes the row a heading (text alone).
class BasinLegendItem : public IconLegendItem {
    Q_OBJECT
public:
    BasinLegendItem(QCPLegend* legend, const QString& text, const QColor& color);

protected:
    void drawIcon(QCPPainter* painter, const QRectF& rect) override;

private:
    QColor color_;
};

} // namespace gs::app

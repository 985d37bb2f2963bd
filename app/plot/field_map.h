#pragma once
// A map of f(x, y) in one panel of a larger plot: viridis heat map, isolines and, optionally, the
// gradient field, over a fixed box kept at an equal aspect (a circle stays a circle, so the
// gradient is seen to cross the isolines at right angles). Lesson pages put it beside their 1D
// plots in the same QCustomPlot, so one exported image holds the whole picture.

#include "objective/objective.h"
#include "plot/plot_style.h"

#include <QObject>
#include <QPointF>

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPColorMap;

namespace gs::app {

class IsolinePlottable;
class VectorFieldPlottable;

class FieldMap : public QObject {
    Q_OBJECT
public:
    /// Draws into `rect` of `plot` (which owns everything made here).
    FieldMap(QCustomPlot* plot, QCPAxisRect* rect);

    /// Samples f over `box` and shows that box.
    void setObjective(const ObjectivePtr& f, const Box& box);
    void setArrowsVisible(bool on);
    void setStyle(const PlotStyle& style, const QFont& font);

    QCPAxisRect* rect() const { return rect_; }
    QCPAxis* xAxis() const;
    QCPAxis* yAxis() const;
    const Box& box() const { return box_; }
    /// Whether a pixel of the plot is inside the map.
    bool contains(QPointF pixel) const;
    /// Plot coordinates of a pixel of the plot, clamped into the box.
    QPointF toCoords(QPointF pixel) const;
    /// Pixel of plot coordinates.
    QPointF toPixel(QPointF coords) const;
    VectorFieldPlottable* field() const { return field_; }
    IsolinePlottable* isolines() const { return isolines_; }

private:
    void keepAspect();

    QCustomPlot* plot_;
    QCPAxisRect* rect_;
    QCPColorMap* colorMap_;
    IsolinePlottable* isolines_;
    VectorFieldPlottable* field_;
    Box box_;
};

} // namespace gs::app

#pragma once
// The picture of a function of one variable: its curve, its marked optima, a descent or ascent
// path drawn as points joined by arrows, and the tangent at the current step.

#include "objective/objective.h"
#include "plot/plot_style.h"

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemLine;
class QCPItemText;
class QCPTextElement;

namespace gs::app {

class PathPlottable;

class CurveView : public QWidget {
    Q_OBJECT
public:
    explicit CurveView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// Draws f and marks its known optima, showing its view box with the value axis fitted. The
    /// curve is resampled over whatever x range is on view, so zooming out or panning never shows
    /// a blank.
    void setObjective(const ObjectivePtr& f);
    /// One run's path in plot coordinates (x_k, f(x_k)) with the slope f'(x_k) at each point.
    struct Path {
        QVector<QPointF> points;
        QVector<double> slopes;
    };
    /// The runs' paths, each in its own path color; the tangent is drawn for the first.
    void setPaths(QVector<Path> paths);
    void setPath(QVector<QPointF> points, QVector<double> slopes) {
        setPaths({Path{std::move(points), std::move(slopes)}});
    }
    void setCurrent(int k);
    /// Rings step k of path `path` (k = −1: none), e.g. the step hovered in the state panel.
    void setHighlight(int path, int k);
    /// Back to the objective's view box, the value axis fitted to the curve there.
    void resetView();
    /// Shows [lo, hi] on the x axis (the curve is resampled), keeping the value axis.
    void setXRange(double lo, double hi);
    /// Fits the value axis to the curve over the x range on view (with room for labels above).
    void fitValueAxis();
    /// Shows [lo, hi] on the value axis.
    void setValueRange(double lo, double hi);
    /// Zooms so that x range covers every point of the paths (and the value axis fits).
    bool fitToPaths();
    /// A title above the plot; empty removes it.
    void setTitle(const QString& title);

    QCustomPlot* plot() const { return plot_; }
    const PathPlottable* path(int i = 0) const { return paths_.value(i); }
    int pathCount() const { return static_cast<int>(paths_.size()); }

Q_SIGNALS:
    /// A click (not a drag) on the plot at x.
    void clicked(double x);
    /// The x or value range on view changed (by the mouse or a call).
    void rangesChanged();

private:
    void updateTangent();
    void restyle();
    void resample();
    void showLabelsInView();

    QCustomPlot* plot_;
    QCPGraph* curve_;
    QCPGraph* optima_;
    QVector<PathPlottable*> paths_;
    QCPItemLine* tangent_;
    QCPTextElement* title_ = nullptr;
    QVector<QCPItemText*> optimumLabels_;
    QVector<double> slopes_;
    ObjectivePtr f_;
    PlotStyle style_;
    double yLo_ = -1, yHi_ = 1; // the curve's finite range over the x range on view
    QPoint pressAt_;            // where a click began, to tell it from a drag
};

} // namespace gs::app

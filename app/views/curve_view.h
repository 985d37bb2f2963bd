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
    /// Samples and draws f over its view box and marks its known optima.
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
    /// Back to the objective's view box.
    void resetView();
    /// A title above the plot; empty removes it.
    void setTitle(const QString& title);

    QCustomPlot* plot() const { return plot_; }
    const PathPlottable* path(int i = 0) const { return paths_.value(i); }
    int pathCount() const { return static_cast<int>(paths_.size()); }

private:
    void updateTangent();
    void restyle();

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
    double yLo_ = -1, yHi_ = 1;
};

} // namespace gs::app

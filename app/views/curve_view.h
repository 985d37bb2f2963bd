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
    /// The path in plot coordinates (x_k, f(x_k)) with the slope f'(x_k) at each point.
    void setPath(QVector<QPointF> points, QVector<double> slopes);
    void setCurrent(int k);
    /// Back to the objective's view box.
    void resetView();
    /// A title above the plot; empty removes it.
    void setTitle(const QString& title);

    QCustomPlot* plot() const { return plot_; }
    const PathPlottable* path() const { return path_; }

private:
    void updateTangent();
    void restyle();

    QCustomPlot* plot_;
    QCPGraph* curve_;
    QCPGraph* optima_;
    PathPlottable* path_;
    QCPItemLine* tangent_;
    QCPTextElement* title_ = nullptr;
    QVector<QCPItemText*> optimumLabels_;
    QVector<double> slopes_;
    ObjectivePtr f_;
    PlotStyle style_;
    double yLo_ = -1, yHi_ = 1;
};

} // namespace gs::app

#pragma once
// The gradient-noise picture, one plot of two panels (so an exported image holds both):
//  - left, the loss J(w, b) as a viridis map with isolines; the GD and SGD paths; at the current
//    point the full-gradient step −λ∇J, the steps −λg_B of sampled mini-batches with the 2σ
//    ellipse of their tips, and, optionally, the steps of class-sorted batches;
//  - right, the variance of the batch gradient against B on log–log axes: measured, the exact
//    σ²/B · (N − B)/(N − 1), and the 1/B line σ²/B, with the current B marked.

#include "field/grid.h"
#include "field/isolines.h"
#include "learn/gradient_noise.h"
#include "plot/plot_style.h"

#include <QPolygonF>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;

namespace gs::app {

class GradientCloudPlottable;
class IsolinePlottable;
class PathPlottable;

class GradientNoiseView : public QWidget {
    Q_OBJECT
public:
    /// What is drawn at the current point, in (w, b) coordinates.
    struct Cloud {
        QPointF at;
        QPointF fullTip;               ///< at − λ∇J
        QVector<QPointF> shuffledTips; ///< at − λ g_B of the sampled batches
        QPolygonF ellipse;             ///< 2σ ellipse of those tips
        QVector<QPointF> sortedTips;   ///< at − λ g_B of class-sorted batches (may be empty)
    };

    explicit GradientNoiseView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    void setTitle(const QString& title);
    void setMap(const Grid& grid, std::vector<Isoline> lines);
    void setPaths(const QVector<QPointF>& gd, const QVector<QPointF>& sgd);
    void setCurrent(int k);
    void setCloud(const Cloud& cloud);
    /// Measured points, and the formulas sampled densely over 1 … N − 1; zero values are left out
    /// (a log axis has no room for the 0 at B = N).
    void setVariance(const std::vector<learn::VariancePoint>& measured,
                     const std::vector<learn::VariancePoint>& formulas, int currentBatch);

    QCustomPlot* plot() const { return plot_; }
    QCPAxisRect* mapPanel() const { return mapRect_; }
    QCPAxisRect* variancePanel() const { return varRect_; }
    QCPGraph* measuredGraph() const { return measured_; }
    QCPGraph* theoryGraph() const { return theory_; }
    QCPGraph* oneOverBGraph() const { return oneOverB_; }
    GradientCloudPlottable* shuffledCloud() const { return shuffled_; }
    GradientCloudPlottable* sortedCloud() const { return sorted_; }

private:
    void restyle();

    QCustomPlot* plot_;
    QCPAxisRect* mapRect_;
    QCPAxisRect* varRect_;
    QCPColorMap* map_;
    IsolinePlottable* isolines_;
    PathPlottable* gdPath_;
    PathPlottable* sgdPath_;
    GradientCloudPlottable* shuffled_;
    GradientCloudPlottable* sorted_;
    GradientCloudPlottable* full_;
    QCPGraph* measured_;
    QCPGraph* theory_;
    QCPGraph* oneOverB_;
    QCPItemStraightLine* batchMarker_;
    QCPTextElement* title_ = nullptr;
    PlotStyle style_;
};

} // namespace gs::app

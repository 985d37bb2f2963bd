#pragma once
// Decision regions of 2D classifiers: each panel shows the class a network predicts over a grid in
// the class's colour (paler where the network is unsure), with the data points on top. Several
// panels sit side by side in one plot (say, full-batch and mini-batch training), so an exported
// image holds them all; a page may add panels of its own to the plot's layout below them.
//
// Redrawing after a training step is one grid evaluation in core (learn/decision_grid.h) and one
// image: the regions sit on their own buffered layer below the points.

#include "learn/dataset.h"
#include "learn/decision_grid.h"
#include "plot/plot_style.h"

#include <QImage>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPLayoutGrid;
class QCPTextElement;

namespace gs::app {

class RegionsPlottable;

class DecisionRegionsView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionRegionsView(int panels = 1, QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// The points drawn on every panel (2 features), coloured by class.
    void setData(const learn::Dataset& data);
    /// The region every panel shows.
    void setBox(const learn::GridBox& box);
    /// Shows a grid's regions on `panel` (its box is where they go). Call replot() after.
    void setRegions(int panel, const learn::DecisionGrid& grid);
    void clearRegions(int panel);
    void setPanelTitle(int panel, const QString& title);
    /// A title above the whole plot; empty removes it.
    void setTitle(const QString& title);
    void replot();

    int panelCount() const { return static_cast<int>(panels_.size()); }
    QCPAxisRect* panel(int i) const;
    /// The row of region panels, the plot layout's first element (the page may add rows).
    QCPLayoutGrid* panelRow() const { return row_; }
    QCustomPlot* plot() const { return plot_; }
    const QImage& regionsImage(int panel) const;
    /// Class k's colour (Okabe–Ito, blue, orange, green, …).
    QColor classColor(int k) const;

    /// The regions as an image (top row = largest y): class colour mixed into the background,
    /// weaker where the largest probability is near 1 / classes.
    static QImage regionsImage(const learn::DecisionGrid& grid, const QVector<QColor>& classColors,
                               const QColor& background);

private:
    struct Panel {
        QCPAxisRect* rect = nullptr;
        RegionsPlottable* regions = nullptr;
        QVector<QCPGraph*> points; ///< one graph per class
        QCPTextElement* title = nullptr;
    };
    void restyle();
    void showPoints();

    QCustomPlot* plot_;
    QCPLayoutGrid* row_;
    QVector<Panel> panels_;
    QCPTextElement* title_ = nullptr;
    learn::Dataset data_;
    learn::GridBox box_;
    QVector<learn::DecisionGrid> grids_; ///< the last grid of each panel, to recolour on restyle
    PlotStyle style_;
};

} // namespace gs::app

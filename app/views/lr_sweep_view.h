#pragma once
// The picture of a learning-rate sweep: one curve per optimizer of the final loss (or the steps
// to reach a tolerance) against the learning rate on a log axis, diverged rates marked with a
// cross along the top edge, gradient descent's stability limit 2/λmax as a labelled vertical
// line, and the rate last clicked. A click near a point reports which run and rate it is.

#include "plot/plot_style.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QCPItemStraightLine;
class QCPLegend;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace gs::app {

class LrSweepView : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name;
        QColor color;
        QVector<double> lr;     ///< ascending
        QVector<double> value;  ///< NaN where the rate has no value (not run, never reached)
        QVector<bool> diverged; ///< drawn as crosses on the top edge
    };

    explicit LrSweepView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// Replaces the curves. `logValues` puts the value axis on a log scale (values ≤ 0 are then
    /// left out); `valueLabel` names it. Fits both axes: the rates [lo, hi], the finite values.
    void setSeries(const QVector<Series>& series, bool logValues, const QString& valueLabel,
                   double lo, double hi);
    /// Gradient descent's stability limit: a vertical line at `rate` labelled with `label`;
    /// nothing hides it.
    void setOnset(std::optional<double> rate, const QString& label = {});
    std::optional<double> onset() const { return onset_; }
    /// Marks the rate last clicked (a dashed line in its run's color); nothing hides it.
    void setSelected(std::optional<double> rate, const QColor& color = {});
    void setTitle(const QString& title);

    QCustomPlot* plot() const { return plot_; }
    /// The pixel position of series s's point i (for tests and tooltips).
    QPointF pixelOf(int s, int i) const;

Q_SIGNALS:
    /// A click within a few pixels of series s's point i.
    void pointClicked(int s, int i);

private:
    void restyle();
    void clickAt(QPointF pos);

    QCustomPlot* plot_;
    QVector<Series> series_;
    QCPLegend* legend_;
    QCPItemStraightLine* onsetLine_;
    QCPItemText* onsetLabel_;
    QCPItemStraightLine* selectedLine_;
    QCPTextElement* title_ = nullptr;
    std::optional<double> onset_;
    double top_ = 1; // the value axis's upper end, where diverged crosses sit
    PlotStyle style_;
    QPoint pressAt_;
};

} // namespace gs::app

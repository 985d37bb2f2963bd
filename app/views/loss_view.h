#pragma once
// The loss panel linked to the landscape: f(x_k) against k for every run, or the distance to the
// nearest known minimum where one is known, on a linear or log axis, a marker at the current step,
// and each run's status.

#include "plot/plot_style.h"

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;
class QComboBox;
class QLabel;

namespace gs::app {

class LossView : public QWidget {
    Q_OBJECT
public:
    /// One run's losses. Only the points with inView set decide the value axis, so a run that
    /// flies off the map cannot stretch the axis to 1e8.
    struct Series {
        QString name;
        QColor color;
        QVector<double> f;
        QVector<double> distance; ///< ‖x_k − x*‖ to the nearest known optimum; empty if none
        QVector<bool> inView;
        QString status;
        bool diverged = false;
        bool visible = true;
    };

    enum class Quantity { Value, Distance };

    explicit LossView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// On a log axis the plotted quantity is f − reference (the known minimum, or the lowest value
    /// seen) so that negative losses can be shown too. Scale and reference take effect with the
    /// next setSeries(), so a change of all three redraws once.
    void setLogScale(bool on) { log_ = on; }
    /// Draft quality while the user drags: curves without antialiasing, redrawn fully after.
    void setDraft(bool on);
    bool logScale() const { return log_; }
    /// The runs climbed f: on the log axis the plotted quantity is reference − f (the reference is
    /// then the known maximum, or the highest value seen). Takes effect with the next setSeries().
    void setAscent(bool on) { ascent_ = on; }
    void setReference(double fRef, const QString& what);
    /// Offers the distance to the nearest known optimum (the series carry it); takes effect with
    /// the next setSeries(). Without it the panel shows f(x_k) whatever was chosen.
    void setDistanceAvailable(bool on);
    /// What is plotted now.
    Quantity quantity() const;
    void setSeries(const QVector<Series>& series);
    void setCurrent(int k);

    QCustomPlot* plot() const { return plot_; }
    /// Each run's status in words, wrapped. The page lays it out (below its plots, in a box
    /// layout that gives a wrapped label the height it needs; a splitter would squeeze it).
    QLabel* statusLabel() const { return status_; }
    QComboBox* quantityBox() const { return quantity_; }

private:
    void rebuild();
    void restyle();

    QCustomPlot* plot_;
    QCPItemStraightLine* cursor_;
    QLabel* status_;
    QComboBox* quantity_;
    QVector<Series> series_;
    PlotStyle style_;
    bool log_ = false;
    bool ascent_ = false;
    double ref_ = 0;
    QString refName_;
};

} // namespace gs::app

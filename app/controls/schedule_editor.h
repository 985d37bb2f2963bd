#pragma once
// A run's learning-rate schedule: a combo of the kinds, the chosen kind's formula and its
// parameters as sliders (built from scheduleParams(), as the optimizer's controls are built from
// its hyperparameters), and a small plot of λₖ against the step k. Constant shows the combo only.

#include "optim/optimizer.h"
#include "optim/schedule.h"
#include "plot/plot_style.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QCustomPlot;
class QLabel;
class QVBoxLayout;

namespace gs::app {

class ParamSlider;

class ScheduleEditor : public QWidget {
    Q_OBJECT
public:
    /// `lr`: the optimizer's learning-rate descriptor (λₖ is clamped to its range, as a run
    /// clamps it); `color`: the run's, for the plot.
    ScheduleEditor(const HyperParam& lr, const QColor& color, QWidget* parent = nullptr);

    /// Shows a schedule (none: constant) without emitting scheduleChanged.
    void setSchedule(const std::optional<Schedule>& schedule);
    /// The schedule shown; nothing when it is the constant rate.
    std::optional<Schedule> schedule() const;
    /// λ₀, the optimizer's current "lr": the plot starts there.
    void setBaseRate(double lr);
    /// The plot spans steps 0 … steps − 1 (the run's step limit).
    void setHorizon(int steps);
    void setStyle(const PlotStyle& style);

    /// λₖ as the plot shows it, clamped to the learning rate's range.
    double plottedRate(int k) const;

    QComboBox* kindBox() const { return kind_; }
    ParamSlider* slider(const QString& key) const { return sliders_.value(key); }
    QCustomPlot* plot() const { return plot_; }

Q_SIGNALS:
    void scheduleChanged();

private:
    void buildSliders();
    void redraw();

    HyperParam lr_;
    QColor color_;
    Schedule schedule_;
    double base_;
    int horizon_ = 1000;
    PlotStyle style_;
    QComboBox* kind_;
    QLabel* formula_;
    QWidget* details_;
    QVBoxLayout* sliderBox_;
    QMap<QString, ParamSlider*> sliders_;
    QCustomPlot* plot_;
};

} // namespace gs::app

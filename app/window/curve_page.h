#pragma once
// The one-variable explorer: a curve, start-point and learning-rate sliders, ascent or descent,
// playback, and a readout of the current step. Any change recomputes the whole run at once;
// playback only reveals it.

#include "objective/objective.h"
#include "plot/plot_style.h"
#include "run/trajectory.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace gs::app {

class CurveView;
class ParamSlider;
class PlaybackBar;

class CurvePage : public QWidget {
    Q_OBJECT
public:
    enum class Direction { Ascent, Descent };

    explicit CurvePage(QWidget* parent = nullptr);

    void setObjective(const ObjectivePtr& f);
    void setDirection(Direction d);
    void setStyle(const PlotStyle& style);

    const Trajectory& trajectory() const { return trajectory_; }
    CurveView* view() const { return view_; }
    ParamSlider* startSlider() const { return start_; }
    ParamSlider* learningRateSlider() const { return lr_; }
    PlaybackBar* playback() const { return playback_; }
    QLabel* readout() const { return readout_; }
    /// How many times the run was recomputed (for tests and benchmarks).
    int recomputeCount() const { return recomputes_; }

public Q_SLOTS:
    void recompute();

private:
    void showStep(int k);

    ObjectivePtr f_;
    Direction direction_ = Direction::Ascent;
    Trajectory trajectory_;
    int recomputes_ = 0;
    PlotStyle style_;

    CurveView* view_;
    QComboBox* directionBox_;
    ParamSlider* start_;
    ParamSlider* lr_;
    PlaybackBar* playback_;
    QLabel* formula_;
    QLabel* readout_;
};

} // namespace gs::app

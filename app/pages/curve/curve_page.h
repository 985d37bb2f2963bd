#pragma once
// The one-variable explorer: a curve, start-point and learning-rate sliders, ascent or descent,
// playback, and a readout of the current step with the step rule's numbers filled in. A scene may
// hold several runs: the first starts at the slider's start, the others at their own starts, all
// with the slider's learning rate (the page compares where starts lead). Any change recomputes the
// whole run at once; playback only reveals it.

#include "objective/objective.h"
#include "pages/page.h"

#include <optional>
#include <vector>

class QComboBox;
class QLabel;

namespace gs::app {

class CurveView;
class FunctionPicker;
class ParamSlider;
class PlaybackBar;
class RangeFields;
class StateView;
class ScheduleEditor;

class CurvePage : public Page {
    Q_OBJECT
public:
    using Direction = Scene::Direction;

    explicit CurvePage(QWidget* parent = nullptr);

    /// Shows a function directly (not from the catalog or a formula), e.g. from a test.
    void setObjective(const ObjectivePtr& f);
    void setDirection(Direction d);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    PlaybackBar* playback() const override { return playback_; }
    QVector<RunView> runs() const override;
    bool fitToRuns() override;
    /// Moves the start to x (a click on the curve does this), widening the slider if needed.
    void setStartAt(double x);

    /// Run i's trajectory (the first is the one the start slider moves).
    const Trajectory& trajectory(int i = 0) const { return trajectories_[size_t(i)]; }
    int runCount() const { return static_cast<int>(trajectories_.size()); }
    CurveView* view() const { return view_; }
    /// The runs' optimizer state over the steps; shown under the curve when a run keeps state.
    StateView* stateView() const { return state_; }
    ParamSlider* startSlider() const { return start_; }
    ParamSlider* learningRateSlider() const { return lr_; }
    /// The learning-rate schedule of every run (like the rate slider).
    ScheduleEditor* scheduleEditor() const { return schedule_; }
    QLabel* readout() const { return readout_; }
    FunctionPicker* functionPicker() const { return picker_; }
    /// How many times the run was recomputed (for tests and benchmarks).
    int recomputeCount() const { return recomputes_; }

public Q_SLOTS:
    void recompute();

private:
    void showStep(int k);
    /// The step rule with step k's numbers filled in (k ≥ 1).
    QString stepRule(const Trajectory& t, int k) const;
    /// Shows f over its view box (curve, start-slider range, formula field), starting at `start`
    /// or f's default start, then recomputes once.
    void showFunction(const ObjectivePtr& f, std::optional<double> start = std::nullopt);

    ObjectivePtr f_;
    Scene scene_; // function spec, optimizer and the settings without a control here
    Direction direction_ = Direction::Ascent;
    std::vector<Trajectory> trajectories_{1}; // one per scene run
    QVector<bool> visible_;                   // per run: drawn and reported

    int recomputes_ = 0;
    PlotStyle style_;

    CurveView* view_;
    StateView* state_;
    QComboBox* directionBox_;
    FunctionPicker* picker_;
    ParamSlider* start_;
    ParamSlider* lr_;
    ScheduleEditor* schedule_;
    PlaybackBar* playback_;
    QLabel* readout_;
    RangeFields* xRange_;
    RangeFields* yRange_;
};

} // namespace gs::app

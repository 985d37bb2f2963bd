#pragma once
// The one-variable explorer: a curve, start-point and learning-rate sliders, ascent or descent,
// playback, and a readout of the current step. Any change recomputes the whole run at once;
// playback only reveals it.

#include "objective/objective.h"
#include "window/scene_page.h"

#include <optional>

class QComboBox;
class QLabel;

namespace gs::app {

class CurveView;
class FormulaField;
class ParamSlider;
class PlaybackBar;

class CurvePage : public ScenePage {
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

    const Trajectory& trajectory() const { return trajectory_; }
    CurveView* view() const { return view_; }
    ParamSlider* startSlider() const { return start_; }
    ParamSlider* learningRateSlider() const { return lr_; }
    QLabel* readout() const { return readout_; }
    FormulaField* formulaField() const { return formulaField_; }
    QComboBox* functionPicker() const { return picker_; }
    /// How many times the run was recomputed (for tests and benchmarks).
    int recomputeCount() const { return recomputes_; }

public Q_SLOTS:
    void recompute();

private:
    void showStep(int k);
    /// Shows f over its view box (curve, start-slider range, formula field), starting at `start`
    /// or f's default start, then recomputes once.
    void showFunction(const ObjectivePtr& f, std::optional<double> start = std::nullopt);
    void pickFunction(int index);
    void syncPicker();

    ObjectivePtr f_;
    Scene scene_; // function spec, optimizer and the settings without a control here
    Direction direction_ = Direction::Ascent;
    Trajectory trajectory_;
    int recomputes_ = 0;
    PlotStyle style_;

    CurveView* view_;
    QComboBox* directionBox_;
    QComboBox* picker_;
    FormulaField* formulaField_;
    ParamSlider* start_;
    ParamSlider* lr_;
    PlaybackBar* playback_;
    QLabel* readout_;
};

} // namespace gs::app

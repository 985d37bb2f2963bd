#pragma once
// The two-variable explorer: a landscape with any number of optimizers at once, each with its
// own controls built from its descriptors, a shared start point (sliders, or click/drag on the
// map), a linked loss panel, a step inspector and playback. Any change recomputes every run
// whole; playback only reveals them.

#include "objective/objective.h"
#include "optim/optimizer.h"
#include "plot/plot_style.h"
#include "run/trajectory.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace gs::app {

class LandscapeView;
class LossView;
class OptimizerPanel;
class ParamSlider;
class PathPlottable;
class PlaybackBar;
class StepInspector;

class LandscapePage : public QWidget {
    Q_OBJECT
public:
    explicit LandscapePage(QWidget* parent = nullptr);
    ~LandscapePage() override;

    void setObjective(const ObjectivePtr& f);
    void setStyle(const PlotStyle& style);
    /// Moves the shared start point (clamped to the view box) and recomputes once.
    void setStart(QPointF start);
    QPointF start() const;
    void setMaxSteps(int steps);

    /// Adds an optimizer by registry key with default hyperparameters; returns its index or −1.
    int addOptimizer(const std::string& key);
    void removeOptimizer(int index);
    int optimizerCount() const { return static_cast<int>(runs_.size()); }
    Optimizer& optimizer(int i) const;
    const Trajectory& trajectory(int i) const;
    PathPlottable* path(int i) const;
    OptimizerPanel* panel(int i) const;

    LandscapeView* view() const { return view_; }
    LossView* lossView() const { return loss_; }
    PlaybackBar* playback() const { return playback_; }
    StepInspector* inspector() const { return inspector_; }
    ParamSlider* startXSlider() const { return x0_; }
    ParamSlider* startYSlider() const { return y0_; }
    QComboBox* functionBox() const { return functionBox_; }
    QComboBox* addBox() const { return addBox_; }
    QCheckBox* logLossBox() const { return logLoss_; }
    int recomputeCount() const { return recomputes_; }

public Q_SLOTS:
    void recompute();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Run;
    QWidget* createControls();
    void fitControls();
    void showStep(int k);
    void updateLoss();
    void updateInspectorNames();
    int freeColor() const;

    ObjectivePtr f_;
    std::vector<std::unique_ptr<Run>> runs_;
    std::vector<std::pair<QString, ObjectivePtr>> functions_;
    PlotStyle style_;
    double coarseMin_ = 0; // lowest value on a coarse grid: the log-loss reference without f*
    int recomputes_ = 0;
    bool holdRecompute_ = false;

    LandscapeView* view_;
    LossView* loss_;
    PlaybackBar* playback_;
    StepInspector* inspector_;
    ParamSlider* x0_ = nullptr;
    ParamSlider* y0_ = nullptr;
    ParamSlider* steps_ = nullptr;
    QComboBox* functionBox_ = nullptr;
    QComboBox* levelsBox_ = nullptr;
    QComboBox* arrowsBox_ = nullptr;
    QCheckBox* equalAspect_ = nullptr;
    QCheckBox* logLoss_ = nullptr;
    QComboBox* addBox_ = nullptr;
    QVBoxLayout* panels_ = nullptr;
    QScrollArea* controlsScroll_ = nullptr;
};

} // namespace gs::app

#pragma once
// The two-variable explorer: a landscape with any number of optimizers at once, each with its
// own controls built from its descriptors, a shared start point (sliders, or click/drag on the
// map), a linked loss panel, a step inspector and playback. Any change recomputes every run
// whole; playback only reveals them. Runs descend f, or climb it (descent on −f).

#include "objective/objective.h"
#include "optim/optimizer.h"
#include "pages/page.h"
#include "run/run_set.h"

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QVBoxLayout;

namespace gs::app {

class BasinPanel;
class FunctionPicker;
class HessianPanel;
class HessianPlottable;
class LandscapeSurface;
class LandscapeView;
class LossView;
class OptimizerPanel;
class ParamSlider;
class PathPlottable;
class PlaybackBar;
class StateView;
class StepInspector;
struct LandscapeSettings;

class LandscapePage : public Page {
    Q_OBJECT
public:
    explicit LandscapePage(QWidget* parent = nullptr);
    ~LandscapePage() override;

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    PlaybackBar* playback() const override { return playback_; }
    QVector<RunView> runs() const override;
    bool fitToRuns() override;
    bool hasSidePanel() const override { return true; }
    void setSidePanelVisible(bool visible) override;
    bool paintsPicture() const override;
    QSize pictureSize() const override;
    void paintPicture(QCPPainter& painter, const QRect& rect) override;

    /// Shows a function directly (not from the catalog or a formula), e.g. from a test.
    void setObjective(const ObjectivePtr& f);
    /// Moves the shared start point (clamped to the view box) and recomputes once.
    void setStart(QPointF start);
    QPointF start() const;
    /// Gives run i a start of its own (clamped to the view box), or back to the shared one when
    /// empty, and recomputes once.
    void setRunStart(int i, std::optional<QPointF> start);
    /// Run i's own start, or nothing when it starts from the shared start.
    std::optional<QPointF> runStart(int i) const;
    void setMaxSteps(int steps);
    /// Descent minimizes f; ascent maximizes it (every run descends −f). Recomputes once.
    void setDirection(Scene::Direction direction);
    Scene::Direction direction() const { return direction_; }

    /// Adds an optimizer by registry key with default hyperparameters; returns its index or −1.
    int addOptimizer(const std::string& key);
    void removeOptimizer(int index);
    int optimizerCount() const { return static_cast<int>(runs_.size()); }
    Optimizer& optimizer(int i) const;
    const Trajectory& trajectory(int i) const;
    PathPlottable* path(int i) const;
    OptimizerPanel* panel(int i) const;

    LandscapeView* view() const { return view_; }
    /// The 3D surface beside or instead of the map (Map | Surface | Both).
    LandscapeSurface* surface() const { return surface_; }
    LossView* lossView() const { return loss_; }
    /// The state over time, in a tab beside the loss panel.
    StateView* stateView() const { return state_; }
    QTabWidget* lowerTabs() const { return lowerTabs_; }
    StepInspector* inspector() const { return inspector_; }
    ParamSlider* startXSlider() const { return x0_; }
    ParamSlider* startYSlider() const { return y0_; }
    FunctionPicker* functionPicker() const { return picker_; }
    QComboBox* addBox() const { return addBox_; }
    QCheckBox* logLossBox() const { return logLoss_; }
    QComboBox* levelsBox() const { return levelsBox_; }
    QComboBox* colorsBox() const { return colorsBox_; }
    QComboBox* arrowsBox() const { return arrowsBox_; }
    QComboBox* directionBox() const { return directionBox_; }
    int recomputeCount() const { return recomputes_; }
    QCheckBox* hessianBox() const { return hessianBox_; }
    HessianPanel* hessianPanel() const { return hessianPanel_; }
    HessianPlottable* hessianPlottable() const { return hessianPlot_; }
    BasinPanel* basinPanel() const { return basins_; }

public Q_SLOTS:
    void recompute();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    /// Stacks the lower tabs under the map, or on a projector where that leaves them under
    /// PlotStyle::kMinPicture puts them beside it.
    void fitPlots();

private:
    /// One optimizer on the page: its run (method, start, last trajectory; owned by runSet_),
    /// its path, its controls.
    struct Run {
        RunSet::Run* run = nullptr;
        PathPlottable* path = nullptr;
        OptimizerPanel* panel = nullptr;
        QString name;   ///< the method's name (runMethodName) and suffix
        QString suffix; ///< " 2", " 3", … for a second or third run of one method
        int colorIndex = 0;
    };
    /// Names every run for the direction shown, everywhere it is named.
    void nameRuns();
    QWidget* createControls();
    QWidget* createDisplayControls(QWidget* box);
    /// The settings section as the controls show it, and back.
    LandscapeSettings settingsShown() const;
    void showSettings(const LandscapeSettings& settings);
    /// −1 when the runs climb f, +1 when they descend it.
    double sign() const { return direction_ == Scene::Direction::Ascent ? -1.0 : 1.0; }
    void fitControls();
    void showStep(int k);
    /// The Hessian overlay and panel (landscape_page_hessian.cpp): made once, then shown at the
    /// inspected point of step k with the inspector's arrows and Newton's and the gradient step.
    QWidget* createHessianPanel(QWidget* box);
    void showHessian(int k);
    void updateLoss();
    /// The tabs under the map (loss | state) and their links to playback and the map.
    QWidget* createLowerTabs();
    void updateStatePanel();
    void updateInspectorNames();
    void assignRunStart(Run& r, std::optional<QPointF> start);
    void pickFunction(const QString& key);
    /// Shows f over its view box with the shared start at `start` (f's default start when empty),
    /// then recomputes once. Leaves the scene's function spec to the caller.
    void showFunction(const ObjectivePtr& f, std::optional<QPointF> start = std::nullopt);
    void removeAllOptimizers();
    /// While `slider` is held, the map draws in draft quality (see LandscapeView::setDraft).
    void draftWhileDragging(ParamSlider* slider);
    int freeColor() const;
    /// Asks the basin panel for the map of its chosen run (landscape_page_basins.cpp).
    void updateBasins();
    /// Gives the surface every visible run as points (x, y, f).
    void showSurfacePaths();

    ObjectivePtr f_;
    RunSet runSet_;
    std::vector<std::unique_ptr<Run>> runs_; // runs_[i] draws runSet_[i]
    Scene scene_; // function spec, title, lesson: what has no control of its own here
    PlotStyle style_;
    Scene::Direction direction_ = Scene::Direction::Descent;
    double coarseMin_ = 0; // lowest value on a coarse grid: the log-loss reference without f*
    double coarseMax_ = 0; // highest: the reference of a climb without a known maximum
    int recomputes_ = 0;
    bool holdRecompute_ = false;

    LandscapeView* view_;
    LandscapeSurface* surface_;
    LossView* loss_;
    StateView* state_ = nullptr;
    QTabWidget* lowerTabs_ = nullptr;
    PlaybackBar* playback_;
    StepInspector* inspector_;
    ParamSlider* x0_ = nullptr;
    ParamSlider* y0_ = nullptr;
    ParamSlider* steps_ = nullptr;
    FunctionPicker* picker_ = nullptr;
    QComboBox* levelsBox_ = nullptr;
    QComboBox* colorsBox_ = nullptr;
    QComboBox* arrowsBox_ = nullptr;
    QComboBox* directionBox_ = nullptr;
    QCheckBox* equalAspect_ = nullptr;
    QCheckBox* logLoss_ = nullptr;
    QCheckBox* hessianBox_ = nullptr;
    HessianPanel* hessianPanel_ = nullptr;
    HessianPlottable* hessianPlot_ = nullptr;
    QWidget* hessianSection_ = nullptr; // its title and panel, hidden with the overlay
    QComboBox* addBox_ = nullptr;
    QVBoxLayout* panels_ = nullptr;
    QScrollArea* controlsScroll_ = nullptr;
    QSplitter* sides_ = nullptr; // the plots | the control panel
    QSplitter* plots_ = nullptr; // the map (and surface) over the loss and state tabs
    BasinPanel* basins_ = nullptr;
};

} // namespace gs::app

// LandscapePage's control panel: the function, the display choices (direction, isolines, colors,
// field, aspect), the start point and steps, the optimizers and the step inspector; and the
// settings section of a scene as those controls show it.

#include "pages/landscape/landscape_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "objective/expression_objective.h"
#include "optim/registry.h"
#include "pages/landscape/basin_panel.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/landscape/landscape_surface.h"
#include "scene/function_source.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "views/state_view.h"
#include "views/step_inspector.h"
#include "views/surface_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gs::app {

namespace {
constexpr int kDefaultSteps = 1000;
// The Field choice: off, then −∇f and ∇f, each as unit arrows or scaled by ‖∇f‖.
enum FieldChoice { kNoArrows, kDownhillUnit, kDownhillScaled, kUphillUnit, kUphillScaled };
} // namespace

QWidget* LandscapePage::createDisplayControls(QWidget* box) {
    auto* panel = new QWidget(box);
    auto* form = new QFormLayout(panel);
    form->setContentsMargins(0, 0, 0, 0);
    directionBox_ = new QComboBox(panel);
    directionBox_->addItems({tr("descent (minimize f)"), tr("ascent (maximize f)")});
    directionBox_->setToolTip(tr("Descent: x ← x − λ ∇f. Ascent climbs f: every optimizer "
                                 "descends −f, as in the article's gradient ascent."));
    levelsBox_ = new QComboBox(panel);
    levelsBox_->addItems({tr("linear levels"), tr("log levels (f − min)"), tr("no isolines")});
    colorsBox_ = new QComboBox(panel);
    colorsBox_->addItems({tr("linear"), tr("log (f − min)")});
    colorsBox_->setToolTip(tr("How values map to colors; the isoline levels are chosen apart"));
    arrowsBox_ = new QComboBox(panel);
    arrowsBox_->addItems({tr("no arrows"), tr("−∇f, unit (downhill)"), tr("−∇f ∝ ‖∇f‖"),
                          tr("∇f, unit (uphill)"), tr("∇f ∝ ‖∇f‖")});
    arrowsBox_->setCurrentIndex(kDownhillUnit);
    equalAspect_ = new QCheckBox(tr("equal aspect"), panel);
    equalAspect_->setChecked(true);
    logLoss_ = new QCheckBox(tr("log loss"), panel);
    hessianBox_ = new QCheckBox(tr("Hessian"), panel);
    hessianBox_->setToolTip(tr("The quadratic model at the inspected point: eigen-axes, level "
                               "curves, Newton's step and the gradient step"));
    auto* resetView = new QPushButton(tr("Reset view"), panel);
    resetView->setToolTip(tr("Back to the function's box (or double-click the map)"));
    auto* fitRuns = new QPushButton(tr("Fit runs"), panel);
    fitRuns->setToolTip(tr("Zoom so every point of every shown run is in view"));
    for (QWidget* w :
         std::initializer_list<QWidget*>{directionBox_, levelsBox_, colorsBox_, arrowsBox_,
                                         equalAspect_, logLoss_, hessianBox_, resetView, fitRuns})
        w->setFocusPolicy(Qt::NoFocus); // keep Space and the arrow keys for playback
    form->addRow(tr("View"), surface_->modeBox());
    form->addRow(tr("Direction"), directionBox_);
    form->addRow(tr("Isolines"), levelsBox_);
    form->addRow(tr("Colors"), colorsBox_);
    form->addRow(tr("Field"), arrowsBox_);
    auto* toggles = new QGridLayout;
    toggles->addWidget(equalAspect_, 0, 0);
    toggles->addWidget(logLoss_, 0, 1);
    toggles->addWidget(resetView, 1, 0);
    toggles->addWidget(fitRuns, 1, 1);
    toggles->addWidget(hessianBox_, 2, 0);
    form->addRow(toggles);

    connect(directionBox_, &QComboBox::activated, this, [this](int i) {
        setDirection(i == 1 ? Scene::Direction::Ascent : Scene::Direction::Descent);
    });
    connect(levelsBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        view_->setIsolinesVisible(i != 2);
        if (i != 2) view_->setLevelSpacing(i == 1 ? LevelSpacing::Log : LevelSpacing::Linear);
    });
    connect(colorsBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        view_->setColorScale(i == 1 ? LandscapeView::ColorScale::Log
                                    : LandscapeView::ColorScale::Linear);
        surface_->view()->setLogColors(i == 1);
    });
    connect(arrowsBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        view_->setFieldUphill(i >= kUphillUnit);
        view_->setArrowMode(i == kNoArrows ? LandscapeView::ArrowMode::Off
                            : i == kDownhillScaled || i == kUphillScaled
                                ? LandscapeView::ArrowMode::Scaled
                                : LandscapeView::ArrowMode::Normalized);
    });
    connect(equalAspect_, &QCheckBox::toggled, view_, &LandscapeView::setEqualAspect);
    connect(logLoss_, &QCheckBox::toggled, this, [this] { updateLoss(); });
    connect(resetView, &QPushButton::clicked, view_, &LandscapeView::resetView);
    connect(fitRuns, &QPushButton::clicked, this, [this] { fitToRuns(); });
    return panel;
}

QWidget* LandscapePage::createControls() {
    auto* box = new QWidget;
    picker_ = new FunctionPicker(2, Qt::Vertical, box);
    x0_ = new ParamSlider(tr("x₀"), {-1, 1, false, 2}, 0, box);
    y0_ = new ParamSlider(tr("y₀"), {-1, 1, false, 2}, 0, box);
    steps_ = new ParamSlider(tr("steps"), {10, 5000, false, 0}, kDefaultSteps, box);
    addBox_ = new QComboBox(box);
    for (const std::string& key : optimizerKeys())
        addBox_->addItem(QString::fromStdString(createOptimizer(key)->displayName()),
                         QString::fromStdString(key));
    addBox_->setFocusPolicy(Qt::NoFocus);
    auto* addButton = new QPushButton(tr("Add"), box);
    addButton->setFocusPolicy(Qt::NoFocus);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(addBox_, 1);
    addRow->addWidget(addButton);
    panels_ = new QVBoxLayout;

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(picker_);
    layout->addWidget(createDisplayControls(box));
    auto* startLabel =
        new QLabel(tr("<b>Start point</b> (or click the map, drag the start; Shift+click gives the "
                      "optimizer chosen in the step inspector its own start)"),
                   box);
    startLabel->setWordWrap(true);
    layout->addWidget(startLabel);
    layout->addWidget(x0_);
    layout->addWidget(y0_);
    layout->addWidget(steps_);
    layout->addWidget(new QLabel(tr("<b>Optimizers</b>"), box));
    layout->addLayout(addRow);
    layout->addLayout(panels_);
    basins_ = new BasinPanel(view_->plot(), box);
    layout->addWidget(basins_);
    layout->addWidget(new QLabel(tr("<b>Step inspector</b>"), box));
    layout->addWidget(inspector_);
    layout->addWidget(createHessianPanel(box));
    layout->addStretch(1);

    connect(picker_, &FunctionPicker::catalogPicked, this, &LandscapePage::pickFunction);
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                showFunction(f);
            });
    connect(x0_, &ParamSlider::valueChanged, this, &LandscapePage::recompute);
    for (ParamSlider* slider : {x0_, y0_, steps_})
        draftWhileDragging(slider);
    connect(y0_, &ParamSlider::valueChanged, this, &LandscapePage::recompute);
    connect(steps_, &ParamSlider::valueChanged, this, &LandscapePage::recompute);
    connect(basins_, &BasinPanel::settingsChanged, this, &LandscapePage::updateBasins);
    connect(view_, &LandscapeView::draftChanged, this, &LandscapePage::updateBasins);
    // The basin map covers the region on view. This arrives just before a replot draws, so a map
    // computed at once (headless) is in the same picture; in the window the map is computed in
    // the background and drawn when it is ready.
    connect(view_, &LandscapeView::viewResampled, this, &LandscapePage::updateBasins);
    connect(addButton, &QPushButton::clicked, this,
            [this] { addOptimizer(addBox_->currentData().toString().toStdString()); });
    return box;
}

LandscapeSettings LandscapePage::settingsShown() const {
    LandscapeSettings s;
    s.isolines = levelsBox_->currentIndex() != 2;
    s.logLevels = levelsBox_->currentIndex() == 1;
    s.logColors = colorsBox_->currentIndex() == 1;
    const int field = arrowsBox_->currentIndex();
    s.gradientField = field != kNoArrows;
    s.fieldUphill = field >= kUphillUnit;
    s.scaledArrows = field == kDownhillScaled || field == kUphillScaled;
    s.hessian = hessianBox_->isChecked();
    s.basins = basins_->settings();
    s.view = surface_->mode();
    s.camera = surface_->view()->camera();
    s.statePanel = lowerTabs_->currentIndex() == 1;
    s.logLoss = logLoss_->isChecked();
    s.state = state_->selection();
    return s;
}

void LandscapePage::showSettings(const LandscapeSettings& s) {
    levelsBox_->setCurrentIndex(!s.isolines ? 2 : s.logLevels ? 1 : 0);
    colorsBox_->setCurrentIndex(s.logColors ? 1 : 0);
    const int field = !s.gradientField ? kNoArrows
                      : s.fieldUphill  ? (s.scaledArrows ? kUphillScaled : kUphillUnit)
                                       : (s.scaledArrows ? kDownhillScaled : kDownhillUnit);
    arrowsBox_->setCurrentIndex(field);
    hessianBox_->setChecked(s.hessian);
    basins_->setSettings(s.basins);
    surface_->setMode(s.view);
    surface_->view()->setCamera(s.camera);
    lowerTabs_->setCurrentIndex(s.statePanel ? 1 : 0);
    logLoss_->setChecked(s.logLoss);
    state_->select(s.state); // resolved against the runs as they come
}

void LandscapePage::setDirection(Scene::Direction direction) {
    direction_ = direction;
    {
        const QSignalBlocker block(directionBox_);
        directionBox_->setCurrentIndex(direction == Scene::Direction::Ascent ? 1 : 0);
    }
    view_->setOptimumKind(direction == Scene::Direction::Ascent ? Optimum::Kind::Maximum
                                                                : Optimum::Kind::Minimum);
    loss_->setAscent(direction == Scene::Direction::Ascent);
    nameRuns();
    recompute();
}

} // namespace gs::app

#include "pages/landscape/landscape_page.h"

#include "controls/function_picker.h"
#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "controls/schedule_editor.h"
#include "field/grid.h"
#include "objective/catalog.h"
#include "optim/registry.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/landscape/landscape_surface.h"
#include "plot/path_plottable.h"
#include "run/optimum_distance.h"
#include "scene/function_source.h"
#include "scene/scene_optimizer.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "views/state_view.h"
#include "views/step_inspector.h"
#include "views/surface_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace gs::app {

namespace {
const char* const kDefaultKeys[] = {"gd", "momentum", "adam", "rmsprop"};
} // namespace

LandscapePage::LandscapePage(QWidget* parent) : Page(parent) {
    view_ = new LandscapeView(this);
    surface_ = new LandscapeSurface(view_, this);
    loss_ = new LossView(this);
    playback_ = new PlaybackBar(this);
    inspector_ = new StepInspector(this);

    plots_ = new QSplitter(Qt::Vertical, this);
    plots_->addWidget(surface_->widget()); // the map, and the surface beside it when shown
    plots_->addWidget(createLowerTabs());
    plots_->setStretchFactor(0, 3);
    plots_->setStretchFactor(1, 1);
    plots_->setSizes({640, 300});
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(plots_, 1);
    leftLayout->addWidget(loss_->statusLabel());
    leftLayout->addWidget(playback_);
    // The panel scrolls vertically only; it is as wide as its content wants when there is room,
    // and gives way to the map (down to its content's minimum) when there is not.
    controlsScroll_ = new QScrollArea(this);
    controlsScroll_->setWidget(createControls());
    controlsScroll_->setWidgetResizable(true);
    controlsScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sides_ = new QSplitter(Qt::Horizontal, this);
    sides_->addWidget(left);
    sides_->addWidget(controlsScroll_);
    sides_->setStretchFactor(0, 1);
    sides_->setStretchFactor(1, 0);
    sides_->setChildrenCollapsible(false);
    fitControls();
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sides_);
    addPicture(QStringLiteral("map"), tr("Map"), view_);
    addPicture(QStringLiteral("surface"), tr("3D surface"), surface_->view());
    addPicture(QStringLiteral("loss"), tr("Loss over the steps"), loss_);
    addPicture(QStringLiteral("state"), tr("State over the steps"), state_);
    keepWithFocus(loss_->statusLabel());
    keepWithFocus(playback_);

    view_->setEqualAspect(true); // a landscape reads right when circles look round
    connect(view_, &LandscapeView::startPicked, this, &LandscapePage::setStart);
    connect(view_, &LandscapeView::draftChanged, loss_, &LossView::setDraft);
    connect(view_, &LandscapeView::ownStartPicked, this,
            [this](QPointF at) { setRunStart(inspector_->selected(), at); });
    connect(playback_, &PlaybackBar::indexChanged, this, &LandscapePage::showStep);
    connect(inspector_, &StepInspector::selectionChanged, this,
            [this] { showStep(playback_->index()); });

    Scene initial;
    initial.page = QStringLiteral("landscape");
    initial.catalog = QStringLiteral("cosine-landscape");
    LandscapeSettings settings;
    settings.gradientField = true;
    initial.settings = settings.toJson();
    initial.runs.clear();
    for (const char* key : kDefaultKeys)
        initial.runs << SceneRun{QString::fromLatin1(key), {}, {}, true};
    applyScene(initial);
}

void LandscapePage::setSidePanelVisible(bool visible) {
    controlsScroll_->setVisible(visible);
}

QCustomPlot* LandscapePage::plot() const {
    return view_->plot();
}

void LandscapePage::draftWhileDragging(ParamSlider* slider) {
    connect(slider->slider(), &QSlider::sliderPressed, view_, [this] {
        view_->setDraft(true);
        surface_->setDraft(true);
    });
    connect(slider->slider(), &QSlider::sliderReleased, view_, [this] {
        view_->setDraft(false);
        surface_->setDraft(false);
    });
}

void LandscapePage::removeAllOptimizers() {
    while (optimizerCount() > 0)
        removeOptimizer(optimizerCount() - 1);
}

void LandscapePage::setObjective(const ObjectivePtr& f) {
    scene_.catalog.clear();
    scene_.formula.clear();
    showFunction(f);
}

void LandscapePage::showFunction(const ObjectivePtr& f, std::optional<QPointF> start) {
    f_ = f;
    const ObjectiveInfo& info = f->info();
    // An objective without a default start (one made in code) keeps the current start.
    const QPointF at = start.value_or(info.defaultStart.size() == 2
                                          ? QPointF(info.defaultStart[0], info.defaultStart[1])
                                          : this->start());
    x0_->setRangeAndValue({info.viewBox.lo[0], info.viewBox.hi[0], false, 2}, at.x());
    y0_->setRangeAndValue({info.viewBox.lo[1], info.viewBox.hi[1], false, 2}, at.y());
    const Grid coarse = sampleGrid(*f, info.viewBox, 64, 64);
    coarseMin_ = coarse.minValue();
    coarseMax_ = coarse.maxValue();
    view_->setObjective(f);
    surface_->setObjective(f);
    recompute();
}

void LandscapePage::fitControls() {
    // Never a horizontal scroll bar: the panel is never narrower than its content's minimum (long
    // texts wrap), and starts as wide as the content would like, up to 36% of the page.
    QWidget* content = controlsScroll_->widget();
    content->ensurePolished();
    const int chrome = controlsScroll_->verticalScrollBar()->sizeHint().width() +
                       2 * controlsScroll_->frameWidth();
    const int minimum = content->minimumSizeHint().width() + chrome;
    controlsScroll_->setMinimumWidth(minimum);
    const int total = std::max(sides_->width(), width());
    const int wanted = std::clamp(content->sizeHint().width() + chrome, minimum,
                                  std::max(minimum, int(0.36 * total)));
    sides_->setSizes({std::max(1, total - wanted), wanted});
}

void LandscapePage::resizeEvent(QResizeEvent* event) {
    Page::resizeEvent(event);
    if (!event->oldSize().isValid() || event->oldSize().width() <= 0) fitControls();
    fitPlots();
}

void LandscapePage::fitPlots() {
    // Stacked, the lower tabs get about a third of the height (the splitter's 640 : 300).
    constexpr double kLowerShare = 0.32;
    const bool beside = style_.scale > 1 && height() * kLowerShare < PlotStyle::kMinPicture;
    const Qt::Orientation o = beside ? Qt::Horizontal : Qt::Vertical;
    if (plots_->orientation() == o) return;
    plots_->setOrientation(o);
    // Shares, not pixels: the splitter scales them to the room it has.
    plots_->setSizes(beside ? QList<int>{620, 380} : QList<int>{640, 300});
}

void LandscapePage::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Queued: the panel's children take the new font after the page hears of it.
    if (event->type() == QEvent::FontChange)
        QMetaObject::invokeMethod(this, &LandscapePage::fitControls, Qt::QueuedConnection);
}

void LandscapePage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    surface_->setStyle(style);
    loss_->setStyle(style);
    state_->setStyle(style);
    updateStatePanel(); // the runs' colors
    for (const auto& r : runs_)
        r->path->setColor(style_.pathColor(r->colorIndex));
    showSurfacePaths();
    for (const auto& r : runs_) {
        r->path->setColor(style_.pathColor(r->colorIndex));
        if (ScheduleEditor* editor = r->panel->scheduleEditor()) editor->setStyle(style_);
    }
    updateLoss();
    showStep(playback_->index());
    fitPlots();
}

void LandscapePage::setStart(QPointF start) {
    {
        const QSignalBlocker blockX(x0_), blockY(y0_); // two sliders, one recompute
        x0_->setValue(start.x());
        y0_->setValue(start.y());
    }
    recompute();
}

QPointF LandscapePage::start() const {
    return {x0_->value(), y0_->value()};
}

void LandscapePage::assignRunStart(Run& r, std::optional<QPointF> start) {
    if (start && f_) {
        const Box& box = f_->info().viewBox;
        start = QPointF(std::clamp(start->x(), box.lo[0], box.hi[0]),
                        std::clamp(start->y(), box.lo[1], box.hi[1]));
    }
    if (start)
        r.run->start = (Vec(2) << start->x(), start->y()).finished();
    else
        r.run->start.reset();
    r.panel->setOwnStart(start);
}

void LandscapePage::setRunStart(int i, std::optional<QPointF> start) {
    if (i < 0 || i >= optimizerCount()) return;
    assignRunStart(*runs_[size_t(i)], start);
    recompute();
}

std::optional<QPointF> LandscapePage::runStart(int i) const {
    const Run& r = *runs_[size_t(i)];
    if (!r.run->start) return std::nullopt;
    return QPointF((*r.run->start)[0], (*r.run->start)[1]);
}

void LandscapePage::setMaxSteps(int steps) {
    steps_->setValue(steps);
}

int LandscapePage::freeColor() const {
    for (int c = 0;; ++c)
        if (std::none_of(runs_.begin(), runs_.end(),
                         [c](const auto& r) { return r->colorIndex == c; }))
            return c;
}

int LandscapePage::addOptimizer(const std::string& key) {
    auto opt = createOptimizer(key);
    if (!opt) return -1;
    auto run = std::make_unique<Run>();
    Run* r = run.get();
    r->colorIndex = freeColor();
    const QColor color = style_.pathColor(r->colorIndex);
    // Two runs of one method (say, two learning rates) need names that tell them apart.
    const auto same = std::count_if(runs_.begin(), runs_.end(), [&](const auto& o) {
        return o->run->optimizer->key() == opt->key();
    });
    if (same > 0) r->suffix = QStringLiteral(" %1").arg(same + 1);
    r->name = runMethodName(*opt, direction_ == Scene::Direction::Ascent) + r->suffix;
    r->path = view_->addPath(color, r->name);
    // A shape per color, so hues that look alike (the two blues) still differ.
    r->path->setMarker(PathPlottable::Marker(r->colorIndex % 4));
    r->panel = new OptimizerPanel(*opt, r->name, color, this);
    if (ScheduleEditor* editor = r->panel->scheduleEditor()) editor->setStyle(style_);
    for (ParamSlider* slider : r->panel->findChildren<ParamSlider*>())
        draftWhileDragging(slider);
    r->run = &runSet_[runSet_.add(std::move(opt))];
    panels_->addWidget(r->panel);
    connect(r->panel, &OptimizerPanel::paramChanged, this, [this, r](const QString& k, double v) {
        if (!r->run->optimizer->set(k.toStdString(), v))
            recompute(); // core still checks what sliders clamp
    });
    connect(r->panel, &OptimizerPanel::scheduleChanged, this, [this, r] {
        r->run->schedule = r->panel->scheduleEditor()->schedule();
        recompute();
    });
    connect(r->panel, &OptimizerPanel::visibilityChanged, this, [this, r](bool on) {
        r->run->visible = on;
        r->path->setVisible(on);
        view_->replotPaths();
        showSurfacePaths();
        updateLoss();
    });
    connect(r->panel, &OptimizerPanel::removeRequested, this, [this, r] {
        for (size_t i = 0; i < runs_.size(); ++i)
            if (runs_[i].get() == r) removeOptimizer(int(i));
    });
    connect(r->panel, &OptimizerPanel::sharedStartRequested, this, [this, r] {
        assignRunStart(*r, std::nullopt);
        recompute();
    });
    runs_.push_back(std::move(run));
    updateInspectorNames();
    recompute();
    return optimizerCount() - 1;
}

void LandscapePage::nameRuns() {
    for (const auto& r : runs_) {
        r->name =
            runMethodName(*r->run->optimizer, direction_ == Scene::Direction::Ascent) + r->suffix;
        r->path->setName(r->name);
        r->panel->setTitle(r->name);
    }
    updateInspectorNames();
}

void LandscapePage::removeOptimizer(int index) {
    if (index < 0 || index >= optimizerCount()) return;
    std::unique_ptr<Run> r = std::move(runs_[size_t(index)]);
    runs_.erase(runs_.begin() + index);
    runSet_.remove(index);
    view_->removePath(r->path);
    // Deleted later (it may be the sender of the click that got us here), and deaf meanwhile: a
    // slider still held down repeats its step, and the run it would set is gone.
    QObject::disconnect(r->panel, nullptr, this, nullptr);
    r->panel->deleteLater();
    r->panel->hide();
    updateInspectorNames();
    recompute();
}

Optimizer& LandscapePage::optimizer(int i) const {
    return *runSet_[i].optimizer;
}
const Trajectory& LandscapePage::trajectory(int i) const {
    return runSet_[i].trajectory;
}
PathPlottable* LandscapePage::path(int i) const {
    return runs_[size_t(i)]->path;
}
OptimizerPanel* LandscapePage::panel(int i) const {
    return runs_[size_t(i)]->panel;
}

void LandscapePage::updateInspectorNames() {
    QStringList names;
    for (const auto& r : runs_)
        names << r->name;
    inspector_->setNames(names, inspector_->selected());
}

void LandscapePage::recompute() {
    if (!f_ || holdRecompute_) return;
    const Vec start = (Vec(2) << x0_->value(), y0_->value()).finished();
    view_->setStart(QPointF(start[0], start[1]));
    StopRules rules;
    rules.maxSteps = static_cast<int>(std::lround(steps_->value()));
    rules.gradientTol = 1e-8;
    // Points are drawn clamped to a box 50× the view's size: far off-screen anyway, and pixel
    // coordinates of 1e8-unit points would overflow the painter.
    const Box& box = f_->info().viewBox;
    const Vec mid = box.center(), half = 50 * (box.hi - box.lo);
    // Ascent is descent on −f: one code path for both.
    const ObjectivePtr objective = direction_ == Scene::Direction::Ascent
                                       ? std::make_shared<NegatedObjective>(f_)
                                       : ObjectivePtr(f_);
    const int last = runSet_.recompute(*objective, start, rules);
    for (const auto& r : runs_) {
        if (ScheduleEditor* editor = r->panel->scheduleEditor(); editor && r->run->schedule)
            editor->setHorizon(rules.maxSteps);
        const Trajectory& t = r->run->trajectory;
        QVector<QPointF> points(t.size());
        for (int k = 0; k < t.size(); ++k) {
            const auto x = t.x(k);
            points[k] = QPointF(std::clamp(x[0], mid[0] - half[0], mid[0] + half[0]),
                                std::clamp(x[1], mid[1] - half[1], mid[1] + half[1]));
        }
        r->path->setPoints(std::move(points));
    }
    showSurfacePaths();
    ++recomputes_;
    updateLoss();
    updateStatePanel();
    {
        // A changed setting shows every new run whole; Play replays them from the start.
        const QSignalBlocker block(playback_);
        playback_->setLast(last);
        playback_->setIndex(last);
    }
    showStep(playback_->index());
    updateBasins();
}

void LandscapePage::updateLoss() {
    // The panel reports f itself; a climb is measured against the maximum, a descent against
    // the minimum (the known global one, else the most extreme value on the map or the runs).
    const Box& box = f_->info().viewBox;
    const bool ascent = direction_ == Scene::Direction::Ascent;
    const Optimum::Kind kind = ascent ? Optimum::Kind::Maximum : Optimum::Kind::Minimum;
    const double s = sign(); // s·f is what the runs minimized
    double ref = ascent ? coarseMax_ : coarseMin_;
    QString refName = ascent ? tr("max") : tr("min");
    bool known = false;
    // Distances to the nearest minimum (distanceTargets picks them), or to a maximum in a climb.
    std::vector<Optimum> targets;
    for (const Optimum& o : f_->info().optima) {
        if (!ascent || o.kind == kind) targets.push_back(o);
        if (o.kind == kind && o.global && (!known || s * o.value < s * ref)) {
            ref = o.value;
            known = true;
            refName = tr("f*");
        }
    }
    QVector<LossView::Series> series;
    for (const auto& r : runs_) {
        const Trajectory& t = r->run->trajectory;
        LossView::Series ls;
        ls.name = r->name;
        ls.color = style_.pathColor(r->colorIndex);
        ls.visible = r->run->visible;
        ls.status = QString::fromStdString(describeStatus(t));
        ls.diverged = t.status() == RunStatus::Diverged;
        for (double d : distanceToNearestOptimum(t, targets))
            ls.distance << d;
        for (int k = 0; k < t.size(); ++k) {
            ls.f << s * t.f(k);
            ls.inView << box.contains(t.x(k));
            if (!known) ref = s * std::min(s * ref, t.f(k));
        }
        series << ls;
    }
    loss_->setReference(ref, refName);
    loss_->setLogScale(logLoss_->isChecked());
    loss_->setAscent(ascent);
    loss_->setDistanceAvailable(!targets.empty());
    loss_->setSeries(series);
}

void LandscapePage::showStep(int k) {
    for (const auto& r : runs_)
        r->path->setCurrent(k);
    loss_->setCurrent(k);
    surface_->setStep(k);
    state_->setCurrent(k);
    const int sel = inspector_->selected();
    view_->setOwnStart(sel >= 0 && sel < optimizerCount() ? runStart(sel) : std::nullopt);
    if (sel >= 0 && sel < optimizerCount()) {
        const Run& r = *runs_[size_t(sel)];
        const QCPRange xr = view_->plot()->xAxis->range(), yr = view_->plot()->yAxis->range();
        inspector_->show(*r.run->optimizer, r.run->trajectory, k, style_.pathColor(r.colorIndex),
                         std::min(xr.size(), yr.size()), style_, sign());
    } else {
        inspector_->clear();
    }
    showHessian(k); // sets the step arrows: the inspector's, and the Hessian's steps
    view_->replotPaths();
}

} // namespace gs::app

namespace gs::app {

bool LandscapePage::fitToRuns() {
    // The drawn points: a run that flew off is clamped far out, and the fit shows that too.
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& r : runs_) {
        if (!r->run->visible) continue;
        for (const QPointF& p : r->path->points()) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
    }
    if (!(x0 <= x1 && y0 <= y1)) return false;
    view_->fitTo(QRectF(QPointF(x0, y0), QPointF(x1, y1)));
    return true;
}

} // namespace gs::app

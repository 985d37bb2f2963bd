#include "pages/curve/curve_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "controls/range_fields.h"
#include "controls/schedule_editor.h"
#include "optim/registry.h"
#include "run/run.h"
#include "scene/function_source.h"
#include "scene/scene_optimizer.h"
#include "views/curve_view.h"
#include "views/number_format.h"
#include "views/state_view.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace gs::app {

CurvePage::CurvePage(QWidget* parent) : Page(parent) {
    view_ = new CurveView(this);
    state_ = new StateView(this);
    picker_ = new FunctionPicker(1, Qt::Horizontal, this);
    directionBox_ = new QComboBox(this);
    directionBox_->addItem(tr("Ascent: x ← x + λ f′(x)"));
    directionBox_->addItem(tr("Descent: x ← x − λ f′(x)"));
    directionBox_->setToolTip(tr("Gradient ascent climbs; gradient descent goes down"));
    start_ = new ParamSlider(tr("Start x₀"), {-10.0, 10.0, false, 2}, -2.0, this);
    lr_ = new ParamSlider(tr("Learning rate λ"), {1e-4, 1.0, true}, 0.01, this);
    schedule_ = new ScheduleEditor(createOptimizer("gd")->hyperParams().front(), // "lr"
                                   PlotStyle{}.pathColor(0), this);
    playback_ = new PlaybackBar(this);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true); // long readouts wrap on a narrow window, never widen it
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    xRange_ = new RangeFields(tr("x"), this);
    xRange_->setToolTip(tr("The x range on view; the start slider spans it"));
    yRange_ = new RangeFields(tr("f"), this);
    yRange_->setToolTip(tr("The value range on view"));
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Back to the function's range, the value axis fitted to the curve "
                       "(or double-click the plot)"));
    fit->setFocusPolicy(Qt::NoFocus);
    auto* ranges = new QHBoxLayout;
    ranges->addWidget(xRange_, 1);
    ranges->addWidget(yRange_, 1);
    ranges->addWidget(fit);

    auto* controls = new QGridLayout;
    controls->addWidget(picker_, 0, 0, 1, 2);
    controls->addWidget(directionBox_, 0, 2, Qt::AlignTop);
    controls->addWidget(start_, 1, 0, 1, 2);
    auto* rate = new QVBoxLayout;
    rate->addWidget(lr_);
    rate->addWidget(schedule_);
    controls->addLayout(rate, 1, 2);
    controls->addLayout(ranges, 2, 0, 1, 3);
    controls->setColumnStretch(1, 1);
    controls->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    // The state panel takes a share of the curve's height only when some run keeps state.
    auto* plots = new QSplitter(Qt::Vertical, this);
    plots->addWidget(view_);
    plots->addWidget(state_);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 1);
    plots->setSizes({3000, 1000}); // proportions: the curve keeps three quarters
    plots->setChildrenCollapsible(false);
    layout->addWidget(plots, 1);
    layout->addWidget(readout_);
    layout->addWidget(playback_);
    layout->addLayout(controls);

    connect(start_, &ParamSlider::valueChanged, this, &CurvePage::recompute);
    connect(view_, &CurveView::clicked, this, &CurvePage::setStartAt);
    connect(view_, &CurveView::rangesChanged, this, [this] {
        const QCPRange x = view_->plot()->xAxis->range(), y = view_->plot()->yAxis->range();
        xRange_->setRange(x.lower, x.upper);
        yRange_->setRange(y.lower, y.upper);
    });
    connect(xRange_, &RangeFields::edited, this, [this](double lo, double hi) {
        // The range typed is the box: the start slider spans it, the start stays if inside.
        start_->setRangeAndValue({lo, hi, false, 2}, start_->value());
        view_->setXRange(lo, hi);
        view_->fitValueAxis();
        recompute();
    });
    connect(yRange_, &RangeFields::edited, view_, &CurveView::setValueRange);
    connect(fit, &QPushButton::clicked, view_, &CurveView::resetView);
    connect(lr_, &ParamSlider::valueChanged, this, &CurvePage::recompute);
    connect(lr_, &ParamSlider::valueChanged, schedule_, &ScheduleEditor::setBaseRate);
    connect(schedule_, &ScheduleEditor::scheduleChanged, this, [this] {
        for (SceneRun& run : scene_.runs) // one schedule for every run, as one rate
            run.schedule = schedule_->schedule();
        recompute();
    });
    connect(directionBox_, &QComboBox::activated, this,
            [this](int i) { setDirection(i == 0 ? Direction::Ascent : Direction::Descent); });
    connect(picker_, &FunctionPicker::catalogPicked, this,
            [this](const QString& key) { applyScene(withCatalogFunction(scene(), key)); });
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                // The start stays where it was when the new function's box still holds it.
                const double at = start_->value();
                const Box& box = f->info().viewBox;
                showFunction(f,
                             at >= box.lo[0] && at <= box.hi[0] ? std::optional(at) : std::nullopt);
            });
    connect(playback_, &PlaybackBar::indexChanged, this, &CurvePage::showStep);
    connect(state_, &StateView::stepPicked, playback_, &PlaybackBar::setIndex);
    connect(state_, &StateView::stepHovered, view_, &CurveView::setHighlight);

    Scene start;
    start.catalog = QStringLiteral("sine-parabola");
    start.direction = Direction::Ascent;
    start.start = {-2.0};
    start.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.01}}, {}, true}};
    applyScene(start);
}

QString CurvePage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("curve")) return tr("this scene is not for the one-variable view");
    const ResolvedFunction fn = resolveSceneFunction(s, 1);
    if (!fn.objective) return fn.error;
    if (s.runs.isEmpty()) return tr("the scene needs a run");
    if (const QString error = checkSceneRuns(s.runs); !error.isEmpty()) return error;
    scene_ = s;
    direction_ = s.direction;
    directionBox_->setCurrentIndex(direction_ == Direction::Ascent ? 0 : 1);
    {
        const QSignalBlocker block(lr_);
        lr_->setValue(s.runs.front().params.value(QStringLiteral("lr"), 0.01));
    }
    schedule_->setBaseRate(lr_->value());
    schedule_->setHorizon(s.maxSteps);
    schedule_->setSchedule(s.runs.front().schedule);
    view_->setTitle(s.title);
    showFunction(fn.objective, s.start.isEmpty() ? std::nullopt : std::optional(s.start[0]));
    if (s.yRange.size() == 2) view_->setValueRange(s.yRange[0], s.yRange[1]);
    if (s.step >= 0) playback_->setIndex(s.step);
    return {};
}

void CurvePage::showFunction(const ObjectivePtr& f, std::optional<double> start) {
    f_ = f;
    const Box& box = f->info().viewBox;
    // An objective without a default start (one made in code) keeps the current start.
    const Vec& fallback = f->info().defaultStart;
    start_->setRangeAndValue({box.lo[0], box.hi[0], false, 2},
                             start.value_or(fallback.size() == 1 ? fallback[0] : start_->value()));
    picker_->showFunction(scene_.catalog, scene_.formula, *f);
    view_->setObjective(f);
    recompute();
}

Scene CurvePage::scene() const {
    Scene s = scene_;
    s.page = QStringLiteral("curve");
    s.direction = direction_;
    s.start = {start_->value()};
    if (s.runs.isEmpty()) s.runs = {SceneRun{}};
    for (SceneRun& run : s.runs)
        run.params.insert(QStringLiteral("lr"), lr_->value());
    s.step = playback_->index() == playback_->last() ? -1 : playback_->index();
    // What is on view is what a saved scene shows again.
    const QCPRange x = view_->plot()->xAxis->range(), y = view_->plot()->yAxis->range();
    s.xRange = {x.lower, x.upper};
    s.yRange = {y.lower, y.upper};
    return s;
}

void CurvePage::setStartAt(double x) {
    // A click outside the slider's span (after zooming out) widens it to what is on view.
    const QCPRange view = view_->plot()->xAxis->range();
    if (x < start_->range().min || x > start_->range().max)
        start_->setRangeAndValue({std::min(view.lower, start_->range().min),
                                  std::max(view.upper, start_->range().max), false, 2},
                                 start_->value());
    start_->setValue(x); // recomputes
}

bool CurvePage::fitToRuns() {
    return view_->fitToPaths();
}

QCustomPlot* CurvePage::plot() const {
    return view_->plot();
}

QVector<RunView> CurvePage::runs() const {
    QVector<RunView> out;
    for (size_t i = 0; i < trajectories_.size(); ++i)
        out << RunView{scene_.runs.value(int(i)).optimizer, &trajectories_[i],
                       direction_ == Direction::Ascent ? -1.0 : 1.0};
    return out;
}

void CurvePage::setObjective(const ObjectivePtr& f) {
    scene_.catalog.clear();
    scene_.formula.clear();
    showFunction(f);
}

void CurvePage::setDirection(Direction d) {
    direction_ = d;
    directionBox_->setCurrentIndex(d == Direction::Ascent ? 0 : 1);
    recompute();
}

void CurvePage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    state_->setStyle(style);
    schedule_->setStyle(style);
    showStep(playback_->index());
}

void CurvePage::recompute() {
    if (!f_) return;
    // Ascent is descent on −f: one code path for both.
    const auto objective =
        direction_ == Direction::Ascent ? std::make_shared<NegatedObjective>(f_) : ObjectivePtr(f_);
    const double sign = direction_ == Direction::Ascent ? -1.0 : 1.0;
    StopRules rules;
    rules.maxSteps = scene_.maxSteps;
    rules.gradientTol = 1e-6;
    const QVector<SceneRun> specs =
        scene_.runs.isEmpty() ? QVector<SceneRun>{SceneRun{}} : scene_.runs;
    trajectories_.clear();
    visible_.clear();
    QVector<CurveView::Path> paths;
    int last = 0;
    QVector<StateView::Run> states;
    for (int i = 0; i < specs.size(); ++i) {
        const SceneRun& spec = specs[i];
        auto opt = createOptimizer(spec.optimizer.toStdString());
        if (!opt) return; // the scene was checked when applied
        for (auto it = spec.params.begin(); it != spec.params.end(); ++it)
            (void)opt->set(it.key().toStdString(), it.value()); // validated when the scene was read
        // The slider's rate is every run's: the runs on this page compare starts.
        if (opt->set("lr", lr_->value())) return; // the slider's range is inside the method's
        const double start = i == 0 || !spec.start ? start_->value() : (*spec.start)[0];
        const Vec x0 = Vec::Constant(1, start);
        trajectories_.push_back(spec.schedule // checked when the scene was applied
                                    ? gs::run(*objective, *opt, x0, rules, *spec.schedule)
                                    : gs::run(*objective, *opt, x0, rules));
        const Trajectory& t = trajectories_.back();
        CurveView::Path path;
        for (int k = 0; k < t.size(); ++k) {
            path.points << QPointF(t.x(k)[0], sign * t.f(k));
            path.slopes << sign * t.gradient(k)[0];
        }
        paths << (spec.visible ? path : CurveView::Path{});
        visible_ << spec.visible;
        QString name = runMethodName(*opt, direction_ == Direction::Ascent);
        if (specs.size() > 1) name = tr("%1. %2").arg(i + 1).arg(name);
        states << StateView::Run{name, style_.pathColor(i), t};
        last = std::max(last, t.size() - 1);
    }
    ++recomputes_;
    view_->setPaths(std::move(paths));
    state_->setVisible(std::any_of(states.begin(), states.end(), [](const StateView::Run& r) {
        return !r.trajectory.stateNames().empty();
    }));
    state_->setRuns(std::move(states));
    // A changed setting shows the whole new run; Play replays it from the start.
    playback_->setLast(last);
    playback_->setIndex(last);
    showStep(playback_->index());
}

void CurvePage::showStep(int k) {
    view_->setCurrent(k);
    state_->setCurrent(k);
    const Trajectory& first = trajectory();
    if (first.empty()) {
        readout_->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                              .arg(style_.errorColor().name(),
                                   tr("The start point is not valid: %1")
                                       .arg(QString::fromStdString(describeStatus(first)))));
        return;
    }
    const double sign = direction_ == Direction::Ascent ? -1.0 : 1.0;
    QStringList lines;
    for (size_t i = 0; i < trajectories_.size(); ++i) {
        const Trajectory& t = trajectories_[i];
        if (t.empty() || (int(i) < visible_.size() && !visible_[int(i)])) continue;
        const int at = std::min(k, t.size() - 1);
        const double x = t.x(at)[0];
        QString line = trajectories_.size() > 1 ? QStringLiteral("<span style='color:%1'>■</span> ")
                                                      .arg(style_.pathColor(int(i)).name())
                                                : QString();
        line += tr("step <b>%1</b> of %2 &nbsp;·&nbsp; x = <b>%3</b> &nbsp;·&nbsp; f(x) = <b>%4</b>"
                   " &nbsp;·&nbsp; f′(x) = <b>%5</b>")
                    .arg(at)
                    .arg(t.size() - 1)
                    .arg(formatNumber(x), formatNumber(sign * t.f(at)),
                         formatNumber(sign * t.gradient(at)[0]));
        const QString status = QString::fromStdString(describeStatus(t));
        const bool diverged = t.status() == RunStatus::Diverged;
        line += QStringLiteral(" &nbsp;·&nbsp; ") +
                (diverged ? QStringLiteral("<span style='color:%1'>%2</span>")
                                .arg(style_.errorColor().name(),
                                     tr("<b>%1</b>: the learning rate is too large for this "
                                        "function")
                                         .arg(status.toHtmlEscaped()))
                          : status.toHtmlEscaped());
        lines << line;
        if (i == 0 && at >= 1) lines << stepRule(t, at);
    }
    readout_->setText(lines.join(QStringLiteral("<br>")));
}

QString CurvePage::stepRule(const Trajectory& t, int k) const {
    // xₖ = xₖ₋₁ ± λ f′(xₖ₋₁), with the numbers of this step filled in (gradient descent's rule;
    // other methods show only the move).
    const bool ascent = direction_ == Direction::Ascent;
    const double sign = ascent ? -1.0 : 1.0;
    const double prev = t.x(k - 1)[0], slope = sign * t.gradient(k - 1)[0], now = t.x(k)[0];
    const QString xk = subscripted(QStringLiteral("x"), k),
                  xp = subscripted(QStringLiteral("x"), k - 1);
    const bool gd = scene_.runs.isEmpty() || scene_.runs.front().optimizer == QLatin1String("gd");
    if (!gd) return tr("%1 = %2 + Δ = %3").arg(xk, formatNumber(prev), formatNumber(now));
    return tr("%1 = %2 %3 λ f′(%2) = %4 %3 %5 × (%6) = <b>%7</b>")
        .arg(xk, xp, ascent ? QStringLiteral("+") : QStringLiteral("−"), formatNumber(prev),
             formatNumber(lr_->value()), formatNumber(slope), formatNumber(now));
}

} // namespace gs::app

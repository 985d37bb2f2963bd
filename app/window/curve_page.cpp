#include "window/curve_page.h"

#include "controls/formula_field.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "optim/registry.h"
#include "run/run.h"
#include "scene/function_source.h"
#include "views/curve_view.h"
#include "window/number_format.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace gs::app {

CurvePage::CurvePage(QWidget* parent) : ScenePage(parent) {
    view_ = new CurveView(this);
    picker_ = new QComboBox(this);
    picker_->setToolTip(tr("Built-in functions; or type your own formula"));
    for (const QString& key : catalogKeys(1))
        picker_->addItem(catalogName(key), key);
    picker_->addItem(tr("Typed formula"), QString());
    formulaField_ = new FormulaField({"x"}, this);
    directionBox_ = new QComboBox(this);
    directionBox_->addItem(tr("Gradient ascent: x ← x + λ f′(x)"));
    directionBox_->addItem(tr("Gradient descent: x ← x − λ f′(x)"));
    start_ = new ParamSlider(tr("Start x₀"), {-10.0, 10.0, false, 2}, -2.0, this);
    lr_ = new ParamSlider(tr("Learning rate λ"), {1e-4, 1.0, true}, 0.01, this);
    playback_ = new PlaybackBar(this);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QGridLayout;
    controls->addWidget(new QLabel(tr("f(x) ="), this), 0, 0, Qt::AlignTop);
    auto* function = new QHBoxLayout;
    function->addWidget(picker_, 0, Qt::AlignTop);
    function->addWidget(formulaField_, 1);
    controls->addLayout(function, 0, 1);
    controls->addWidget(directionBox_, 0, 2, Qt::AlignTop);
    controls->addWidget(start_, 1, 0, 1, 2);
    controls->addWidget(lr_, 1, 2);
    controls->setColumnStretch(1, 1);
    controls->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(readout_);
    layout->addWidget(playback_);
    layout->addLayout(controls);

    connect(start_, &ParamSlider::valueChanged, this, &CurvePage::recompute);
    connect(lr_, &ParamSlider::valueChanged, this, &CurvePage::recompute);
    connect(directionBox_, &QComboBox::activated, this,
            [this](int i) { setDirection(i == 0 ? Direction::Ascent : Direction::Descent); });
    connect(picker_, &QComboBox::activated, this, &CurvePage::pickFunction);
    connect(formulaField_, &FormulaField::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                scene_.catalog.clear();
                scene_.formula = text;
                syncPicker();
                setFormulaDefaults(*f);
                f->info().viewBox = sceneViewBox(scene_, *f);
                showFunction(f);
            });
    connect(playback_, &PlaybackBar::indexChanged, this, &CurvePage::showStep);

    Scene start;
    start.catalog = QStringLiteral("sine-parabola");
    start.direction = Direction::Ascent;
    start.start = {-2.0};
    start.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.01}}, {}, true}};
    applyScene(start);
}

QString CurvePage::applyScene(const Scene& s) {
    if (s.view != Scene::View::Curve) return tr("this scene is not for the one-variable view");
    const ResolvedFunction fn = resolveSceneFunction(s);
    if (!fn.objective) return fn.error;
    if (s.runs.isEmpty() || !createOptimizer(s.runs.front().optimizer.toStdString()))
        return tr("the scene needs one run with a known optimizer");
    scene_ = s;
    direction_ = s.direction;
    directionBox_->setCurrentIndex(direction_ == Direction::Ascent ? 0 : 1);
    {
        const QSignalBlocker block(lr_);
        lr_->setValue(s.runs.front().params.value(QStringLiteral("lr"), 0.01));
    }
    syncPicker();
    view_->setTitle(s.title);
    showFunction(fn.objective, s.start.isEmpty() ? std::nullopt : std::optional(s.start[0]));
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
    if (scene_.formula.isEmpty() || formulaField_->formula() != scene_.formula)
        formulaField_->setFormula(
            scene_.formula.isEmpty() ? QString::fromStdString(f->info().formula) : scene_.formula);
    view_->setObjective(f);
    recompute();
}

void CurvePage::pickFunction(int index) {
    const QString key = picker_->itemData(index).toString();
    if (key.isEmpty()) { // "Typed formula": hand the keyboard to the field
        formulaField_->edit()->setFocus();
        return;
    }
    applyScene(withCatalogFunction(scene(), key));
}

void CurvePage::syncPicker() {
    const int i = picker_->findData(scene_.catalog);
    picker_->setCurrentIndex(i >= 0 ? i : picker_->count() - 1);
}

Scene CurvePage::scene() const {
    Scene s = scene_;
    s.view = Scene::View::Curve;
    s.direction = direction_;
    s.start = {start_->value()};
    if (s.runs.isEmpty()) s.runs = {SceneRun{}};
    s.runs.front().params.insert(QStringLiteral("lr"), lr_->value());
    s.step = playback_->index() == playback_->last() ? -1 : playback_->index();
    return s;
}

QCustomPlot* CurvePage::plot() const {
    return view_->plot();
}

QVector<RunView> CurvePage::runs() const {
    return {RunView{scene_.runs.isEmpty() ? QStringLiteral("gd") : scene_.runs.front().optimizer,
                    &trajectory_, direction_ == Direction::Ascent ? -1.0 : 1.0}};
}

void CurvePage::setObjective(const ObjectivePtr& f) {
    scene_.catalog.clear();
    scene_.formula.clear();
    syncPicker();
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
    showStep(playback_->index());
}

void CurvePage::recompute() {
    if (!f_) return;
    const SceneRun spec = scene_.runs.isEmpty() ? SceneRun{} : scene_.runs.front();
    auto opt = createOptimizer(spec.optimizer.toStdString());
    if (!opt) return;
    for (auto it = spec.params.begin(); it != spec.params.end(); ++it)
        (void)opt->set(it.key().toStdString(), it.value()); // validated when the scene was read
    if (opt->set("lr", lr_->value())) return; // the slider's range is inside the method's range
    // Ascent is descent on −f: one code path for both.
    const auto objective =
        direction_ == Direction::Ascent ? std::make_shared<NegatedObjective>(f_) : ObjectivePtr(f_);
    StopRules rules;
    rules.maxSteps = scene_.maxSteps;
    rules.gradientTol = 1e-6;
    trajectory_ = gs::run(*objective, *opt, Vec::Constant(1, start_->value()), rules);
    ++recomputes_;

    const double sign = direction_ == Direction::Ascent ? -1.0 : 1.0;
    QVector<QPointF> points;
    QVector<double> slopes;
    points.reserve(trajectory_.size());
    slopes.reserve(trajectory_.size());
    for (int k = 0; k < trajectory_.size(); ++k) {
        points << QPointF(trajectory_.x(k)[0], sign * trajectory_.f(k));
        slopes << sign * trajectory_.gradient(k)[0];
    }
    view_->setPath(points, slopes);
    // A changed setting shows the whole new run; Play replays it from the start.
    playback_->setLast(std::max(0, trajectory_.size() - 1));
    playback_->setIndex(playback_->last());
    showStep(playback_->index());
}

void CurvePage::showStep(int k) {
    view_->setCurrent(k);
    if (trajectory_.empty()) {
        readout_->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                              .arg(style_.errorColor().name(),
                                   tr("The start point is not valid: %1")
                                       .arg(QString::fromStdString(describeStatus(trajectory_)))));
        return;
    }
    const double sign = direction_ == Direction::Ascent ? -1.0 : 1.0;
    const double x = trajectory_.x(k)[0];
    QString text =
        tr("step <b>%1</b> of %2 &nbsp;·&nbsp; x = <b>%3</b> &nbsp;·&nbsp; f(x) = <b>%4</b>"
           " &nbsp;·&nbsp; f′(x) = <b>%5</b>")
            .arg(k)
            .arg(trajectory_.size() - 1)
            .arg(formatNumber(x), formatNumber(sign * trajectory_.f(k)),
                 formatNumber(sign * trajectory_.gradient(k)[0]));
    const QString status = QString::fromStdString(describeStatus(trajectory_));
    const bool diverged = trajectory_.status() == RunStatus::Diverged;
    text += QStringLiteral(" &nbsp;·&nbsp; ") +
            (diverged ? QStringLiteral("<span style='color:%1'>%2</span>")
                            .arg(style_.errorColor().name(),
                                 tr("<b>%1</b>: the learning rate is too large for this function")
                                     .arg(status.toHtmlEscaped()))
                      : status.toHtmlEscaped());
    readout_->setText(text);
}

} // namespace gs::app

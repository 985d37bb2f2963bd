#include "pages/learning_rate/learning_rate_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "optim/registry.h"
#include "plot/plot_fit.h"
#include "run/run.h"
#include "scene/function_source.h"
#include "scene/quote.h"
#include "views/curve_view.h"
#include "views/number_format.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace gs::app {

namespace {
constexpr double kMinRate = 1e-4, kMaxRate = 10; // inside gradient descent's own range

// Run i's color, the same as its path on the curve.
QColor runColor(const PlotStyle& style, int i) {
    return style.pathColor(i);
}
} // namespace

LearningRatePage::LearningRatePage(QWidget* parent) : Page(parent) {
    view_ = new CurveView(this);
    // xₙ against n: a second panel under the curve, its left edge aligned with the curve's.
    QCustomPlot* p = view_->plot();
    iterates_ = new QCPAxisRect(p);
    p->plotLayout()->addElement(p->plotLayout()->rowCount(), 0, iterates_);
    auto* margins = new QCPMarginGroup(p);
    p->axisRect(0)->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    iterates_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    iterates_->axis(QCPAxis::atBottom)->setLabel(tr("step n"));
    iterates_->axis(QCPAxis::atLeft)->setLabel(tr("xₙ"));
    // Its own legend (the plot's belongs to the curve): the rates, where the lines have settled.
    legend_ = new QCPLegend;
    iterates_->insetLayout()->addElement(legend_, Qt::AlignRight | Qt::AlignVCenter);
    legend_->setLayer(QStringLiteral("legend"));
    legend_->setFillOrder(QCPLayoutGrid::foColumnsFirst); // two columns keep it low
    legend_->setWrap(2);
    picker_ = new FunctionPicker(1, Qt::Horizontal, this);
    start_ = new ParamSlider(tr("Start x₀"), {-10.0, 10.0, false, 2}, 2.5, this);
    readout_ = new QLabel(this);
    readout_->setWordWrap(true);
    readout_->setTextFormat(Qt::RichText);
    rateBox_ = new QVBoxLayout;
    rateBox_->setSpacing(2);

    auto* controls = new QGridLayout;
    controls->addWidget(picker_, 0, 0);
    controls->addWidget(start_, 1, 0);
    controls->addWidget(readout_, 2, 0);
    controls->addLayout(rateBox_, 0, 1, 3, 1);
    controls->setColumnStretch(0, 1);
    controls->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addLayout(controls);

    connect(start_, &ParamSlider::valueChanged, this, &LearningRatePage::recompute);
    connect(view_, &CurveView::clicked, start_, &ParamSlider::setValue);
    connect(picker_, &FunctionPicker::catalogPicked, this,
            [this](const QString& key) { applyScene(withCatalogFunction(scene(), key)); });
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                showFunction(f, start_->value());
            });

    Scene initial;
    initial.page = QStringLiteral("learning-rate");
    initial.catalog = QStringLiteral("linear-plus-sine");
    initial.start = {2.5};
    initial.maxSteps = 100;
    initial.runs.clear();
    for (double lr : {1.0, 0.1, 0.01})
        initial.runs << SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), lr}}, {}, true};
    applyScene(initial);
}

QString LearningRatePage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("learning-rate"))
        return tr("this scene is not for the learning-rate page");
    const ResolvedFunction fn = resolveSceneFunction(s, 1);
    if (!fn.objective) return fn.error;
    if (s.runs.isEmpty() || s.runs.size() > 8) return tr("the scene needs 1 to 8 runs");
    for (const SceneRun& run : s.runs) {
        if (run.optimizer != QLatin1String("gd"))
            return tr("the learning-rate page runs gradient descent only, not %1")
                .arg(quote(run.optimizer));
        const double lr = run.params.value(QStringLiteral("lr"), 0.01);
        if (!(lr >= kMinRate && lr <= kMaxRate))
            return tr("lr must be in [%1, %2], got %3").arg(kMinRate).arg(kMaxRate).arg(lr);
    }
    scene_ = s;
    scene_.direction = Scene::Direction::Descent;
    view_->setTitle(s.title);
    buildRateSliders();
    showFunction(fn.objective, s.start.isEmpty() ? std::nullopt : std::optional(s.start[0]));
    return {};
}

void LearningRatePage::buildRateSliders() {
    for (ParamSlider* s : std::as_const(rates_))
        delete s;
    rates_.clear();
    for (int i = 0; i < scene_.runs.size(); ++i) {
        const double lr = scene_.runs[i].params.value(QStringLiteral("lr"), 0.01);
        auto* s = new ParamSlider(tr("α%1").arg(subscripted(QString(), i + 1)),
                                  {kMinRate, kMaxRate, true}, lr, this);
        s->setToolTip(tr("Learning rate of run %1").arg(i + 1));
        rateBox_->addWidget(s);
        rates_ << s;
        connect(s, &ParamSlider::valueChanged, this, [this, i](double v) {
            scene_.runs[i].params.insert(QStringLiteral("lr"), v);
            recompute();
        });
    }
}

void LearningRatePage::showFunction(const ObjectivePtr& f, std::optional<double> start) {
    f_ = f;
    const Box& box = f->info().viewBox;
    const Vec& fallback = f->info().defaultStart;
    const double at = start.value_or(fallback.size() == 1 ? fallback[0] : start_->value());
    start_->setRangeAndValue({std::min(box.lo[0], at), std::max(box.hi[0], at), false, 2}, at);
    picker_->showFunction(scene_.catalog, scene_.formula, *f);
    view_->setObjective(f);
    recompute();
}

Scene LearningRatePage::scene() const {
    Scene s = scene_;
    s.start = {start_->value()};
    s.step = -1;
    return s;
}

void LearningRatePage::recompute() {
    if (!f_) return;
    StopRules rules;
    rules.maxSteps = scene_.maxSteps;
    rules.gradientTol = 0; // every rate runs all its steps: the article's fixed horizon
    trajectories_.clear();
    QVector<CurveView::Path> paths;
    QCustomPlot* p = view_->plot();
    for (QCPGraph* g : std::as_const(iterateGraphs_)) {
        g->removeFromLegend(legend_); // removeGraph clears only the plot's own legend
        p->removeGraph(g);
    }
    iterateGraphs_.clear();
    legend_->simplify(); // the removed graphs' cells go, so the new ones fill from the top
    QStringList lines;
    for (int i = 0; i < scene_.runs.size(); ++i) {
        auto gd = createOptimizer("gd");
        const double lr = scene_.runs[i].params.value(QStringLiteral("lr"), 0.01);
        if (gd->set("lr", lr)) return; // checked when the scene was applied
        trajectories_.push_back(gs::run(*f_, *gd, Vec::Constant(1, start_->value()), rules));
        const Trajectory& t = trajectories_.back();
        CurveView::Path path;
        QVector<double> n, x;
        for (int k = 0; k < t.size(); ++k) {
            path.points << QPointF(t.x(k)[0], t.f(k));
            path.slopes << t.gradient(k)[0];
            n << k;
            x << t.x(k)[0];
        }
        paths << path;
        QCPGraph* g =
            p->addGraph(iterates_->axis(QCPAxis::atBottom), iterates_->axis(QCPAxis::atLeft));
        g->removeFromLegend();
        g->setName(tr("α = %1").arg(formatNumber(lr, 3)));
        g->addToLegend(legend_);
        if (QCPAbstractLegendItem* item = legend_->itemWithPlottable(g))
            item->setFont(legend_->font());
        iterateGraphs_ << g;
        g->setPen(QPen(runColor(style_, i), style_.lineWidth() * 0.8));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, style_.markerSize() * 0.45));
        g->setData(n, x, true);
        const int last = t.size() - 1;
        if (last < 0) { // stopped before its first point (f is not finite at the start)
            lines << QStringLiteral("<span style='color:%1'>■</span> α = <b>%2</b>: %3")
                         .arg(runColor(style_, i).name(), formatNumber(lr, 3),
                              QString::fromStdString(describeStatus(t)).toHtmlEscaped());
            continue;
        }
        lines << QStringLiteral("<span style='color:%1'>■</span> α = <b>%2</b>: x<sub>%3</sub> = "
                                "<b>%4</b> &nbsp;·&nbsp; f′ = %5%6")
                     .arg(runColor(style_, i).name(), formatNumber(lr, 3))
                     .arg(last)
                     .arg(formatNumber(t.x(last)[0], 6), formatNumber(t.gradient(last)[0], 3),
                          t.status() == RunStatus::Diverged
                              ? QStringLiteral(" &nbsp;·&nbsp; <b>%1</b>")
                                    .arg(QString::fromStdString(describeStatus(t)).toHtmlEscaped())
                              : QString());
    }
    view_->setPaths(std::move(paths));
    view_->setCurrent(scene_.maxSteps);
    fitToRuns();
    double lo = INFINITY, hi = -INFINITY;
    for (const Trajectory& t : trajectories_)
        for (int k = 0; k < t.size(); ++k) {
            lo = std::min(lo, t.x(k)[0]);
            hi = std::max(hi, t.x(k)[0]);
        }
    if (lo <= hi) {
        const double pad = std::max(0.12 * (hi - lo), 0.1);
        iterates_->axis(QCPAxis::atLeft)->setRange(lo - pad, hi + pad);
    }
    iterates_->axis(QCPAxis::atBottom)->setRange(0, std::max(1, scene_.maxSteps));
    p->replot();
    readout_->setText(lines.join(QStringLiteral("<br>")));
}

bool LearningRatePage::fitToRuns() {
    // The function's box and every path: a run that drifts off the box stays in the picture.
    const Box& box = f_->info().viewBox;
    double lo = box.lo[0], hi = box.hi[0];
    for (const Trajectory& t : trajectories_)
        for (int k = 0; k < t.size(); ++k) {
            lo = std::min(lo, t.x(k)[0]);
            hi = std::max(hi, t.x(k)[0]);
        }
    const double margin = 0.05 * (hi - lo);
    view_->setXRange(lo - margin, hi + margin);
    view_->fitValueAxis();
    return true;
}

void LearningRatePage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    legend_->setFont(style_.font(font(), 0.8));
    legend_->setTextColor(style_.foreground());
    legend_->setBrush(QBrush(style_.background()));
    legend_->setBorderPen(QPen(style_.grid()));
    recompute(); // the curve's view styled every panel of its plot; the lines take the colors
}

QCustomPlot* LearningRatePage::plot() const {
    return view_->plot();
}

QVector<RunView> LearningRatePage::runs() const {
    QVector<RunView> out;
    for (const Trajectory& t : trajectories_)
        out << RunView{QStringLiteral("gd"), &t, 1.0};
    return out;
}

} // namespace gs::app

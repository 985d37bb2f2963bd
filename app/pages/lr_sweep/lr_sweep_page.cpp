#include "pages/lr_sweep/lr_sweep_page.h"

#include "controls/param_slider.h"
#include "optim/registry.h"
#include "pages/page_registry.h"
#include "scene/function_source.h"
#include "scene/scene_optimizer.h"
#include "views/lr_sweep_view.h"
#include "views/number_format.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>
#include <cmath>
#include <limits>

namespace gs::app {

namespace {
constexpr double kGradientTol = 1e-8; // as on the two-variable page, so a clicked run matches

QString statusKey(RunStatus s) {
    switch (s) {
    case RunStatus::Converged:
        return QStringLiteral("converged");
    case RunStatus::Diverged:
        return QStringLiteral("diverged");
    case RunStatus::StepLimit:
        return QStringLiteral("step_limit");
    }
    return {};
}

QString number(double v) {
    return std::isfinite(v) ? QString::number(v, 'g', 17) : QString();
}
} // namespace

/// One sweep of every run, owned by the page; the worker thread reads `settings` and `f` and
/// writes `results`, the page reads them after the thread ended.
struct LrSweepPage::Job {
    ObjectivePtr f;
    std::vector<LrSweepSettings> settings;
    std::vector<LrSweepResult> results;
    std::atomic<bool> cancel{false};
    std::unique_ptr<QThread> thread;
    int total = 0;
    int id = 0;

    void run(const std::function<void(int)>& progress) {
        int before = 0;
        // Every run gets a result, a cancelled one too (its rates listed, none done).
        for (const LrSweepSettings& s : settings) {
            results.push_back(sweepLearningRate(
                *f, s, [&](int done, int) { progress(before + done); }, &cancel));
            before += s.points;
        }
    }
};

QString LrSweepPage::pageKey(int dimension) {
    return dimension == 1 ? QStringLiteral("lr-sweep-1d") : QStringLiteral("lr-sweep");
}

Scene LrSweepPage::sweepSceneFor(const Scene& from, int dimension) {
    Scene s = from;
    s.page = pageKey(dimension);
    // The optimizers on show are the ones swept (all of them when none is).
    QVector<SceneRun> shown;
    for (const SceneRun& run : from.runs)
        if (run.visible) shown << run;
    if (!shown.isEmpty()) s.runs = shown;
    s.step = -1;
    s.title = tr("Learning-rate sweep%1")
                  .arg(from.title.isEmpty() ? QString() : QStringLiteral(": ") + from.title);
    LrSweepPageSettings settings;
    settings.lo = 1e-4;
    settings.from = from.page;
    s.settings = settings.toJson();
    return s;
}

LrSweepPage::LrSweepPage(int dimension, QWidget* parent)
    : Page(parent), dimension_(dimension),
      synchronous_(QGuiApplication::platformName() == QLatin1String("offscreen")) {
    view_ = new LrSweepView(this);
    lo_ = new ParamSlider(tr("smallest λ"),
                          {LrSweepPageSettings::kMinRate, LrSweepPageSettings::kMaxRate, true},
                          1e-3, this);
    hi_ = new ParamSlider(tr("largest λ"),
                          {LrSweepPageSettings::kMinRate, LrSweepPageSettings::kMaxRate, true}, 1.0,
                          this);
    points_ = new QSpinBox(this);
    points_->setRange(2, LrSweepPageSettings::kMaxPoints);
    points_->setKeyboardTracking(false);
    points_->setToolTip(tr("Rates on the log grid from the smallest to the largest"));
    quantity_ = new QComboBox(this);
    quantity_->addItems({tr("final loss"), tr("steps to reach the tolerance")});
    tolerance_ = new ParamSlider(tr("tolerance"), {1e-12, 1.0, true}, 1e-6, this);
    tolerance_->setToolTip(tr("Steps to reach: the first step with f − f* at most this"));
    progress_ = new QProgressBar(this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop the sweep; the rates done so far stay on the plot"));
    auto* again = new QPushButton(tr("Sweep"), this);
    again->setToolTip(tr("Run the sweep again"));
    open_ = new QPushButton(this);
    open_->setVisible(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);

    auto* form = new QFormLayout;
    form->addRow(lo_);
    form->addRow(hi_);
    form->addRow(tr("rates"), points_);
    form->addRow(tr("plot"), quantity_);
    form->addRow(tolerance_);
    auto* bar = new QHBoxLayout;
    bar->addWidget(progress_, 1);
    bar->addWidget(cancel_);
    bar->addWidget(again);
    auto* controls = new QVBoxLayout;
    controls->addLayout(form);
    controls->addLayout(bar);
    controls->addWidget(open_);
    controls->addWidget(status_, 1);
    auto* side = new QWidget(this);
    side->setLayout(controls);
    side_ = side;
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(side);

    for (ParamSlider* s : {lo_, hi_, tolerance_})
        connect(s, &ParamSlider::valueChanged, this, &LrSweepPage::sweep);
    connect(points_, &QSpinBox::valueChanged, this, &LrSweepPage::sweep);
    connect(quantity_, &QComboBox::currentIndexChanged, this, &LrSweepPage::showResults);
    connect(cancel_, &QPushButton::clicked, this, &LrSweepPage::cancel);
    connect(again, &QPushButton::clicked, this, &LrSweepPage::sweep);
    connect(view_, &LrSweepView::pointClicked, this, &LrSweepPage::selectPoint);
    connect(open_, &QPushButton::clicked, this, [this] {
        // The sweep's scene on the page it came from (that page's own settings start afresh).
        Scene s = scene_;
        s.page = scene_.settings.value(QStringLiteral("from")).toString();
        s.settings = {};
        s.step = -1;
        Q_EMIT openSceneRequested(s);
    });

    Scene initial;
    initial.page = pageKey(dimension);
    initial.catalog =
        dimension == 1 ? QStringLiteral("quadratic") : QStringLiteral("ill-conditioned");
    initial.runs = {SceneRun{QStringLiteral("gd"), {}, {}, true},
                    SceneRun{QStringLiteral("momentum"), {}, {}, true}};
    LrSweepPageSettings settings;
    settings.lo = 1e-4;
    initial.settings = settings.toJson();
    applyScene(initial);
}

void LrSweepPage::resizeEvent(QResizeEvent* event) {
    Page::resizeEvent(event);
    side_->setMaximumWidth(std::max(240, width() / 3)); // the plot keeps two thirds
}

LrSweepPage::~LrSweepPage() {
    cancel();
    waitForSweep();
}

QString LrSweepPage::applyScene(const Scene& s) {
    if (s.page != pageKey(dimension_)) return tr("this scene is not for the learning-rate sweep");
    const ResolvedFunction fn = resolveSceneFunction(s, dimension_);
    if (!fn.objective) return fn.error;
    if (s.runs.isEmpty()) return tr("the scene needs an optimizer");
    if (const QString error = checkSceneRuns(s.runs); !error.isEmpty()) return error;
    cancel();
    waitForSweep();
    const bool ascent = s.direction == Scene::Direction::Ascent;
    // The sweep minimizes; a climb is descent on −f, measured against the known maximum.
    f_ = ascent ? ObjectivePtr(std::make_shared<NegatedObjective>(fn.objective))
                : ObjectivePtr(fn.objective);
    knownReference_ = false;
    for (const Optimum& o : fn.objective->info().optima)
        if (o.global && o.kind == (ascent ? Optimum::Kind::Maximum : Optimum::Kind::Minimum)) {
            reference_ = ascent ? -o.value : o.value;
            knownReference_ = true;
        }
    scene_ = s;
    selectedRun_ = -1;
    view_->setSelected(std::nullopt);
    open_->setVisible(false);
    view_->setTitle(s.title);
    showSettings(settingsFrom<LrSweepPageSettings>(s.settings));
    sweep();
    return {};
}

Scene LrSweepPage::scene() const {
    Scene s = scene_;
    s.settings = settingsShown().toJson();
    return s;
}

LrSweepPageSettings LrSweepPage::settingsShown() const {
    LrSweepPageSettings s = settingsFrom<LrSweepPageSettings>(scene_.settings);
    s.lo = lo_->value();
    s.hi = std::max(hi_->value(), lo_->value() * 1.0001);
    s.points = points_->value();
    s.quantity = LrSweepPageSettings::Quantity(quantity_->currentIndex());
    s.tolerance = tolerance_->value();
    return s;
}

void LrSweepPage::showSettings(const LrSweepPageSettings& s) {
    const QSignalBlocker a(lo_), b(hi_), c(points_), d(quantity_), e(tolerance_);
    lo_->setValue(s.lo);
    hi_->setValue(s.hi);
    points_->setValue(s.points);
    quantity_->setCurrentIndex(int(s.quantity));
    tolerance_->setValue(s.tolerance);
    const QString from = s.from;
    const PageInfo* info = PageRegistry::instance().find(from);
    open_->setText(info ? tr("Show this run on “%1”").arg(info->title) : QString());
}

Vec LrSweepPage::startOf(int r) const {
    const SceneRun& run = scene_.runs[r];
    const QVector<double>& at = run.start ? *run.start : scene_.start;
    if (at.size() == dimension_) return Eigen::Map<const Vec>(at.data(), dimension_);
    return f_->info().defaultStart.size() == dimension_ ? f_->info().defaultStart
                                                        : Vec::Zero(dimension_);
}

void LrSweepPage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    showResults();
}

QCustomPlot* LrSweepPage::plot() const {
    return view_->plot();
}

bool LrSweepPage::running() const {
    return job_ && job_->thread && job_->thread->isRunning();
}

void LrSweepPage::cancel() {
    if (job_) job_->cancel = true;
}

void LrSweepPage::waitForSweep() {
    if (job_ && job_->thread) job_->thread->wait();
    if (job_ && job_->thread) finishJob(); // its queued "finished" is ignored: the job is gone
}

void LrSweepPage::sweep() {
    if (!f_) return;
    cancel();
    waitForSweep();
    startJob();
}

void LrSweepPage::startJob() {
    const LrSweepPageSettings shown = settingsShown();
    auto job = std::make_unique<Job>();
    job->f = f_;
    for (int r = 0; r < scene_.runs.size(); ++r) {
        const SceneRun& run = scene_.runs[r];
        LrSweepSettings s;
        s.optimizer = run.optimizer.toStdString();
        for (auto it = run.params.begin(); it != run.params.end(); ++it)
            if (it.key() != QLatin1String("lr"))
                s.hyperParams.emplace_back(it.key().toStdString(), it.value());
        s.start = startOf(r);
        s.lo = shown.lo;
        s.hi = shown.hi;
        s.points = shown.points;
        s.rules.maxSteps = scene_.maxSteps;
        s.rules.gradientTol = kGradientTol;
        s.lossTarget = (knownReference_ ? reference_ : 0.0) + shown.tolerance;
        s.schedule = run.schedule;
        job->settings.push_back(std::move(s));
        job->total += shown.points;
    }
    progress_->setRange(0, job->total);
    progress_->setValue(0);
    status_->setText(tr("Sweeping %1 rates…").arg(job->total));
    job->id = ++jobId_;
    Job* raw = job.get();
    job_ = std::move(job);
    if (synchronous_) {
        raw->run([](int) {});
        finishJob();
        return;
    }
    cancel_->setEnabled(true);
    QProgressBar* bar = progress_;
    raw->thread.reset(QThread::create([raw, bar] {
        raw->run([bar](int done) {
            QMetaObject::invokeMethod(
                bar, [bar, done] { bar->setValue(done); }, Qt::QueuedConnection);
        });
    }));
    connect(raw->thread.get(), &QThread::finished, this, [this, id = raw->id] {
        if (job_ && job_->id == id) finishJob();
    });
    raw->thread->start();
}

void LrSweepPage::finishJob() {
    std::unique_ptr<Job> job = std::move(job_);
    if (!job) return;
    if (job->thread) job->thread->wait();
    results_ = QVector<LrSweepResult>(job->results.begin(), job->results.end());
    int done = 0;
    for (const LrSweepResult& r : results_)
        done += r.completed;
    progress_->setValue(done);
    cancel_->setEnabled(false);
    computeLimit();
    showResults();
    Q_EMIT sweepFinished();
}

void LrSweepPage::computeLimit() {
    limit_.reset();
    int gd = -1;
    for (int r = 0; r < scene_.runs.size(); ++r)
        if (scene_.runs[r].optimizer == QLatin1String("gd") && gd < 0) gd = r;
    if (gd < 0 || !f_) return;
    // The Hessian at the minimum: the known one, else where gradient descent's best run ended.
    std::optional<Vec> at;
    const bool ascent = scene_.direction == Scene::Direction::Ascent;
    for (const Optimum& o : f_->info().optima)
        if (!ascent && o.global && o.kind == Optimum::Kind::Minimum) at = o.x;
    if (ascent) // a climb's optima are listed on f, not on the −f the runs minimize
        if (const auto* neg = dynamic_cast<const NegatedObjective*>(f_.get()))
            for (const Optimum& o : neg->inner().info().optima)
                if (o.global && o.kind == Optimum::Kind::Maximum) at = o.x;
    if (!at && gd < results_.size()) {
        const LrSweepPoint* best = nullptr;
        for (const LrSweepPoint& p : results_[gd].points)
            if (p.done && p.status == RunStatus::Converged &&
                (!best || p.finalLoss < best->finalLoss))
                best = &p;
        if (best) {
            auto opt = createOptimizer("gd");
            opt->set("lr", best->lr);
            StopRules rules;
            rules.maxSteps = scene_.maxSteps;
            rules.gradientTol = kGradientTol;
            const Trajectory t = run(*f_, *opt, startOf(gd), rules);
            if (!t.empty()) at = t.x(t.size() - 1);
        }
    }
    if (!at) return;
    const double limit = gdStabilityLimit(*f_, *at);
    if (std::isfinite(limit) && limit > 0) limit_ = limit;
}

void LrSweepPage::showResults() {
    const bool steps = quantity_->currentIndex() == 1;
    const bool log = steps || knownReference_;
    QVector<LrSweepView::Series> series;
    QStringList lines;
    for (int r = 0; r < results_.size() && r < scene_.runs.size(); ++r) {
        const LrSweepResult& result = results_[r];
        LrSweepView::Series s;
        auto opt = createOptimizer(scene_.runs[r].optimizer.toStdString());
        s.name = QString::fromStdString(opt->displayName());
        if (scene_.runs[r].schedule)
            s.name += QStringLiteral(" (%1)").arg(
                QString::fromUtf8(scheduleKindName(scene_.runs[r].schedule->kind)).toLower());
        s.color = style_.pathColor(r);
        if (result.status == LrSweepStatus::Invalid) {
            lines << tr("%1: %2").arg(s.name, QString::fromStdString(result.error).toHtmlEscaped());
            continue;
        }
        int diverged = 0, reached = 0;
        double bestLr = NAN, best = INFINITY;
        for (const LrSweepPoint& p : result.points) {
            s.lr << p.lr;
            s.diverged << (p.done && p.status == RunStatus::Diverged);
            double v = NAN;
            if (p.done && p.status != RunStatus::Diverged) {
                if (steps)
                    v = p.stepsToTarget >= 0 ? std::max(1, p.stepsToTarget) : NAN;
                else
                    v = knownReference_ ? std::max(p.finalLoss - reference_, 1e-17) : p.finalLoss;
            }
            s.value << v;
            diverged += s.diverged.back();
            reached += p.stepsToTarget >= 0;
            const double score = steps ? (p.stepsToTarget >= 0 ? p.stepsToTarget : INFINITY)
                                       : (std::isfinite(v) ? v : INFINITY);
            if (p.done && p.status != RunStatus::Diverged && score < best) {
                best = score;
                bestLr = p.lr;
            }
        }
        QString line = QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>: ")
                           .arg(s.color.name(), s.name.toHtmlEscaped());
        line += std::isfinite(bestLr) ? tr("best λ = %1").arg(formatNumber(bestLr, 3))
                                      : tr("no rate converged");
        line += tr(", %1 of %2 rates diverged, %3 reached the tolerance")
                    .arg(diverged)
                    .arg(result.points.size())
                    .arg(reached);
        if (result.status == LrSweepStatus::Cancelled)
            line += tr(" (cancelled after %1 rates)").arg(result.completed);
        lines << line;
        series << s;
    }
    const LrSweepPageSettings shown = settingsShown();
    view_->setSeries(series, log,
                     steps             ? tr("steps to reach the tolerance")
                     : knownReference_ ? tr("final f − f*")
                                       : tr("final f"),
                     shown.lo, shown.hi);
    view_->setOnset(limit_, limit_ ? tr("2/λmax = %1").arg(formatNumber(*limit_, 4)) : QString());
    if (limit_)
        lines << tr("Gradient descent is stable on the quadratic model at the minimum exactly when "
                    "λ &lt; 2/λmax = %1 (λmax: the largest eigenvalue of the Hessian there).")
                     .arg(formatNumber(*limit_, 4));
    lines << tr("Click a point to give that optimizer its rate.");
    status_->setText(lines.join(QStringLiteral("<br>")));
}

void LrSweepPage::selectPoint(int s, int i) {
    // Series are made in run order, skipping runs whose settings were refused.
    int r = -1;
    for (int k = 0, shown = -1; k < results_.size(); ++k)
        if (results_[k].status != LrSweepStatus::Invalid && ++shown == s) r = k;
    if (r < 0 || i < 0 || i >= int(results_[r].points.size())) return;
    const double lr = results_[r].points[size_t(i)].lr;
    scene_.runs[r].params.insert(QStringLiteral("lr"), lr);
    selectedRun_ = r;
    view_->setSelected(lr, style_.pathColor(r));
    open_->setVisible(!open_->text().isEmpty());
    auto opt = createOptimizer(scene_.runs[r].optimizer.toStdString());
    status_->setText(tr("<b>%1</b> now runs with λ = %2.")
                         .arg(QString::fromStdString(opt->displayName()), formatNumber(lr, 4)) +
                     QStringLiteral("<br>") + status_->text());
}

Table LrSweepPage::table() const {
    Table t;
    t.header = QStringList{QStringLiteral("optimizer"),
                           QStringLiteral("run"),
                           QStringLiteral("lr"),
                           QStringLiteral("final_loss"),
                           QStringLiteral("steps_to_tolerance"),
                           QStringLiteral("status"),
                           QStringLiteral("stop_step")};
    for (int r = 0; r < results_.size() && r < scene_.runs.size(); ++r)
        for (const LrSweepPoint& p : results_[r].points) {
            if (!p.done) continue;
            // The function's own value (a climb reports f, not −f).
            const double sign = scene_.direction == Scene::Direction::Ascent ? -1.0 : 1.0;
            t.rows << QStringList{scene_.runs[r].optimizer,
                                  QString::number(r),
                                  number(p.lr),
                                  number(sign * p.finalLoss),
                                  p.stepsToTarget >= 0 ? QString::number(p.stepsToTarget)
                                                       : QString(),
                                  statusKey(p.status),
                                  QString::number(p.stopStep)};
        }
    return t;
}

} // namespace gs::app

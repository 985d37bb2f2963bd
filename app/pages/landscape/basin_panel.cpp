#include "pages/landscape/basin_panel.h"

#include "plot/basin_plottable.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QThread>

#include <algorithm>

namespace gs::app {

namespace {

const QString kBasinsLayer = QStringLiteral("basins");
constexpr int kMaxLegendBasins = 8; // more would cover the map; the rest are summed up

bool headless() {
    return QGuiApplication::platformName() == QLatin1String("offscreen");
}

QString percent(int cells, int total) {
    const double p = total > 0 ? 100.0 * cells / total : 0.0;
    return p < 1 && cells > 0 ? QStringLiteral("<1%") : QStringLiteral("%1%").arg(p, 0, 'f', 0);
}

} // namespace

bool BasinPanel::Job::sameMap(const Job& o) const {
    const BasinMapSettings &a = settings, &b = o.settings;
    return f == o.f && a.optimizer == b.optimizer && a.hyperParams == b.hyperParams &&
           a.nx == b.nx && a.ny == b.ny && a.box.lo == b.box.lo && a.box.hi == b.box.hi &&
           a.rules.maxSteps == b.rules.maxSteps && a.rules.gradientTol == b.rules.gradientTol &&
           a.rules.stepTol == b.rules.stepTol && a.rules.valueTol == b.rules.valueTol &&
           a.rules.bound == b.rules.bound && a.attractorTolerance == b.attractorTolerance;
}

BasinPanel::BasinPanel(QCustomPlot* plot, QWidget* parent)
    : QWidget(parent), plot_(plot), inWorker_(!headless()) {
    // Above the field (heat map, isolines), below the paths: the runs stay on top.
    plot_->addLayer(kBasinsLayer, plot_->layer(QStringLiteral("field")), QCustomPlot::limAbove);
    plot_->layer(kBasinsLayer)->setMode(QCPLayer::lmBuffered);
    plottable_ = new BasinPlottable(plot_->xAxis, plot_->yAxis);
    plottable_->setLayer(kBasinsLayer);
    plottable_->setName(tr("basins"));
    plottable_->removeFromLegend();
    legend_ = new QCPLegend;
    plot_->axisRect()->insetLayout()->addElement(legend_, Qt::AlignBottom | Qt::AlignRight);
    legend_->setLayer(QStringLiteral("legend"));
    legend_->setVisible(false);
    // After the view's own fitting (connected first): the main legend's font is then set.
    connect(plot_, &QCustomPlot::beforeReplot, this, &BasinPanel::fitLegend);

    show_ = new QCheckBox(tr("Basins of attraction"), this);
    show_->setToolTip(tr("Run the chosen optimizer from every point of a grid over the box and "
                         "color each start by the minimum its run reaches; lighter: more steps. "
                         "Click a cell to run from there."));
    run_ = new QComboBox(this);
    run_->setToolTip(tr("Whose optimizer and hyperparameters map the basins"));
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setTextVisible(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    figures_ = new QLabel(this);
    figures_->setWordWrap(true);
    for (QWidget* w : std::initializer_list<QWidget*>{show_, run_, cancel_})
        w->setFocusPolicy(Qt::NoFocus); // keep Space and the arrow keys for playback
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(show_, 0, 0);
    grid->addWidget(run_, 0, 1);
    grid->addWidget(progress_, 1, 0);
    grid->addWidget(cancel_, 1, 1);
    grid->addWidget(figures_, 2, 0, 1, 2);
    setBusy(false);

    connect(show_, &QCheckBox::toggled, this, [this](bool on) {
        settings_.show = on;
        run_->setEnabled(on);
        emit settingsChanged();
    });
    connect(run_, &QComboBox::activated, this, [this](int i) {
        settings_.run = i;
        emit settingsChanged();
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        pending_.reset();
        if (cancelFlag_) cancelFlag_->store(true);
    });
}

BasinPanel::~BasinPanel() {
    pending_.reset();
    if (worker_) {
        cancelFlag_->store(true);
        worker_->wait();
    }
}

BasinSettings BasinPanel::settings() const {
    return settings_;
}

void BasinPanel::setSettings(const BasinSettings& s) {
    settings_ = s;
    const QSignalBlocker blockShow(show_), blockRun(run_);
    show_->setChecked(s.show);
    run_->setEnabled(s.show);
    if (s.run < run_->count()) run_->setCurrentIndex(s.run);
}

void BasinPanel::setRunNames(const QStringList& names) {
    QStringList now;
    for (int i = 0; i < run_->count(); ++i)
        now << run_->itemText(i);
    if (now == names) return;
    const QSignalBlocker block(run_);
    run_->clear();
    run_->addItems(names);
    if (settings_.run < names.size()) run_->setCurrentIndex(settings_.run);
}

void BasinPanel::request(const ObjectivePtr& f, BasinMapSettings s, bool preview,
                         const QString& runName) {
    s.nx = s.ny = settings_.resolution;
    Job full{f, s, runName};
    if (inWorker_ && preview) {
        s.nx = s.ny = settings_.preview;
        // A drag that does not change the map (the start point, say) keeps the full one.
        if (shown_ && shown_->sameMap(full) && !running_) return;
    }
    Job job{f, s, runName};
    if (running_ && running_->sameMap(job)) {
        pending_.reset();
        return;
    }
    if (!running_ && shown_ && shown_->sameMap(job)) return;
    if (!inWorker_) { // a screenshot must show the map: compute it here and now
        QElapsedTimer clock;
        clock.start();
        const BasinMap map = computeBasinMap(*job.f, job.settings);
        show(map, job, clock.nsecsElapsed() * 1e-9);
        return;
    }
    if (running_) { // the newer request wins: stop the older one, then start
        pending_ = std::move(job);
        cancelFlag_->store(true);
        return;
    }
    start(std::move(job));
}

void BasinPanel::start(Job job) {
    running_ = job;
    cancelFlag_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++generation_;
    auto cancel = cancelFlag_;
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    QPointer<QProgressBar> bar = progress_;
    // Progress only when the percentage moves: a queued call per finished block would flood the
    // event loop on a large map.
    auto progress = [bar, lastPercent](int done, int total) {
        const int p = int(100LL * done / std::max(total, 1));
        if (lastPercent->exchange(p) != p)
            QMetaObject::invokeMethod(
                bar,
                [bar, p] {
                    if (bar) bar->setValue(p);
                },
                Qt::QueuedConnection);
    };
    worker_ = QThread::create([this, job = std::move(job), cancel, progress, generation] {
        QElapsedTimer clock;
        clock.start();
        BasinMap map = computeBasinMap(*job.f, job.settings, progress, cancel.get());
        const double seconds = clock.nsecsElapsed() * 1e-9;
        QMetaObject::invokeMethod(
            this,
            [this, map = std::move(map), generation, seconds]() mutable {
                finished(std::move(map), generation, seconds);
            },
            Qt::QueuedConnection);
    });
    connect(worker_, &QThread::finished, worker_, &QObject::deleteLater);
    setBusy(true);
    worker_->start();
}

void BasinPanel::finished(BasinMap map, quint64 generation, double seconds) {
    if (generation != generation_) return;
    if (worker_) worker_->wait(); // its last act was to queue this call
    worker_ = nullptr;
    const Job job = *running_;
    running_.reset();
    setBusy(false);
    if (pending_) {
        Job next = std::move(*pending_);
        pending_.reset();
        start(std::move(next));
        return;
    }
    if (map.status == BasinMapStatus::Cancelled) {
        // Cancelled by the Cancel button, or by switching the map off while it was made.
        clear(settings_.show
                  ? tr("Cancelled: %1 of %2 starts ran.").arg(map.completed).arg(map.nx * map.ny)
                  : QString());
        return;
    }
    show(map, job, seconds);
}

void BasinPanel::wait() {
    while (worker_ || pending_) {
        if (worker_) worker_->wait();
        QCoreApplication::sendPostedEvents(this);
    }
}

void BasinPanel::show(const BasinMap& map, const Job& job, double seconds) {
    if (map.status == BasinMapStatus::Invalid) {
        clear(tr("No basin map: %1").arg(QString::fromStdString(map.error)));
        return;
    }
    shown_ = job;
    plottable_->setMap(map, job.settings.rules.maxSteps);
    rebuildLegend(map, job.runName);
    int basins = 0;
    for (const Attractor& a : map.attractors)
        basins += a.cells > 0;
    figures_->setText(tr("%1 × %2 starts, %3 basins, %4 s%5")
                          .arg(map.nx)
                          .arg(map.ny)
                          .arg(basins)
                          .arg(seconds, 0, 'f', 2)
                          .arg(map.usedBlocks ? tr(" (lock-step blocks)") : QString()));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void BasinPanel::clear(const QString& why) {
    if (running_) {
        pending_.reset();
        cancelFlag_->store(true);
    }
    shown_.reset();
    plottable_->clear();
    legend_->clearItems();
    legend_->setVisible(false);
    figures_->setText(why);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void BasinPanel::fitLegend() {
    if (!shown_ || legend_->itemCount() == 0) {
        legend_->setVisible(false);
        return;
    }
    // Styled as the main legend, so themes and the presentation scale reach it too; like it, it
    // shrinks its font, then hides, rather than cover much of a small map.
    const QCPLegend* main = plot_->legend;
    legend_->setTextColor(main->textColor());
    legend_->setBrush(main->brush());
    legend_->setBorderPen(main->borderPen());
    legend_->setIconSize(main->iconSize());
    const QRect room = plot_->axisRect()->rect();
    for (double scale : {1.0, 0.82, 0.68}) {
        QFont font = main->font();
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * scale);
        else
            font.setPixelSize(std::max(6, int(font.pixelSize() * scale)));
        legend_->setFont(font);
        const QSize need = legend_->minimumOuterSizeHint();
        if (need.width() <= 0.42 * room.width() && need.height() <= 0.42 * room.height()) {
            legend_->setVisible(true);
            return;
        }
    }
    legend_->setVisible(false);
}

void BasinPanel::rebuildLegend(const BasinMap& map, const QString& runName) {
    legend_->clearItems();
    const int total = map.nx * map.ny;
    legend_->addItem(new BasinLegendItem(legend_, tr("basins of %1").arg(runName), QColor()));
    std::vector<int> order;
    for (int k = 0; k < int(map.attractors.size()); ++k)
        if (map.attractors[size_t(k)].cells > 0) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return map.attractors[size_t(a)].cells > map.attractors[size_t(b)].cells;
    });
    int others = 0;
    for (size_t n = 0; n < order.size(); ++n) {
        const Attractor& a = map.attractors[size_t(order[n])];
        if (int(n) >= kMaxLegendBasins) {
            others += a.cells;
            continue;
        }
        legend_->addItem(new BasinLegendItem(legend_,
                                             QStringLiteral("(%1, %2)  %3")
                                                 .arg(a.x, 0, 'f', 2)
                                                 .arg(a.y, 0, 'f', 2)
                                                 .arg(percent(a.cells, total)),
                                             BasinPlottable::attractorColor(order[n])));
    }
    if (others > 0)
        legend_->addItem(new BasinLegendItem(
            legend_,
            tr("%1 more  %2").arg(int(order.size()) - kMaxLegendBasins).arg(percent(others, total)),
            QColor(Qt::gray)));
    int diverged = 0, undecided = 0;
    for (int l : map.labels)
        diverged += l == BasinMap::kDiverged, undecided += l == BasinMap::kUndecided;
    if (diverged > 0)
        legend_->addItem(new BasinLegendItem(legend_,
                                             tr("diverged  %1").arg(percent(diverged, total)),
                                             BasinPlottable::divergedColor()));
    if (undecided > 0)
        legend_->addItem(new BasinLegendItem(legend_,
                                             tr("undecided  %1").arg(percent(undecided, total)),
                                             BasinPlottable::undecidedColor()));
}

void BasinPanel::setBusy(bool on) {
    progress_->setVisible(on);
    cancel_->setVisible(on);
    if (on) progress_->setValue(0);
}

} // namespace gs::app

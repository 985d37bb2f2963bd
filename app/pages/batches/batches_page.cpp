#include "pages/batches/batches_page.h"

#include "controls/param_slider.h"
#include "learn/synthetic.h"
#include "pages/data_file.h"
#include "views/decision_regions_view.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

constexpr int kPollMs = 33;      // the GUI looks at the workers about 30 times a second
constexpr int kDebounceMs = 150; // a slider drag restarts training once it pauses

/// The settings' data: a seeded synthetic set, or a file of two features (standardized, at most
/// kMaxSamples rows), or the reason there is none.
learn::DataResult makeData(const BatchesSettings& s) {
    if (s.dataset == BatchesSettings::kFile) {
        learn::CsvDataset csv =
            readDataCsv(s.dataFile, s.labelColumn, BatchesSettings::kMaxFileBytes);
        learn::DataResult r;
        if (!csv.ok()) {
            r.error = csv.error;
        } else if (csv.data.dimension() != 2) {
            r.error = QFileInfo(s.dataFile).fileName().toStdString() + ": " +
                      std::to_string(csv.data.dimension()) +
                      " features; the decision regions here need two (the classifier page "
                      "takes any number)";
        } else {
            r.data = std::move(csv.data);
            if (r.data.size() > BatchesSettings::kMaxSamples)
                r.data = r.data.head(BatchesSettings::kMaxSamples);
            standardize(r.data);
        }
        return r;
    }
    learn::SyntheticParams p;
    p.kind = s.dataset == 1 ? learn::SyntheticKind::Spirals : learn::SyntheticKind::Moons;
    p.samples = s.samples;
    p.classes = 3; // spirals: three arms
    p.noise = s.noise;
    p.seed = static_cast<std::uint64_t>(s.seed);
    return learn::makeSynthetic(p); // the settings reader keeps every field valid
}

/// The data's bounding box with a margin of 12% on every side.
learn::GridBox boxAround(const learn::Dataset& d) {
    learn::GridBox box;
    if (d.size() == 0) return box;
    const Eigen::Vector2f lo = d.features.rowwise().minCoeff(),
                          hi = d.features.rowwise().maxCoeff();
    const double mx = 0.12 * std::max(1e-3f, hi.x() - lo.x()),
                 my = 0.12 * std::max(1e-3f, hi.y() - lo.y());
    box.x0 = lo.x() - mx;
    box.x1 = hi.x() + mx;
    box.y0 = lo.y() - my;
    box.y1 = hi.y() + my;
    return box;
}

QString percent(double fraction) {
    return QString::number(100 * fraction, 'f', 1) + QStringLiteral("%");
}

} // namespace

BatchesPage::BatchesPage(QWidget* parent) : Page(parent) {
    view_ = new DecisionRegionsView(2, this);
    QCustomPlot* plot = view_->plot();
    // Below the two region panels: the whole-set loss against examples processed.
    lossRect_ = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(1, 0, lossRect_);
    plot->plotLayout()->setRowStretchFactors({3, 2});
    QCPAxis* y = lossRect_->axis(QCPAxis::atLeft);
    y->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    y->setTicker(ticker);
    y->setNumberFormat(QStringLiteral("gb"));
    y->setLabel(tr("J(w)"));
    lossRect_->axis(QCPAxis::atBottom)->setLabel(tr("examples processed"));
    for (int r = 0; r < 2; ++r) {
        loss_[r] = plot->addGraph(lossRect_->axis(QCPAxis::atBottom), y);
    }
    // The curves are named by labels of their colour in the panel's lower left corner, which the
    // falling curves leave empty (the plot's legend sizes itself to the first panel, not to this
    // short, wide one). The full-batch label sits on top of the mini-batch one.
    for (int r = 0; r < 2; ++r) {
        curveLabels_[r] = new QCPItemText(plot);
        curveLabels_[r]->setClipAxisRect(lossRect_);
        curveLabels_[r]->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    }
    QCPItemPosition* below = curveLabels_[MiniBatch]->position;
    below->setAxisRect(lossRect_);
    below->setType(QCPItemPosition::ptAxisRectRatio);
    below->setCoords(0.015, 0.97);
    curveLabels_[FullBatch]->position->setParentAnchor(curveLabels_[MiniBatch]->topLeft);
    curveLabels_[FullBatch]->position->setCoords(0, -1);

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    poll_ = new QTimer(this);
    poll_->setInterval(kPollMs);
    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(poll_, &QTimer::timeout, this, &BatchesPage::poll);
    connect(debounce_, &QTimer::timeout, this, [this] {
        settings_ = fromControls();
        restart();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(status_);
    buildControls();
    // Pictures: each region panel with its title, and the loss; on a narrow projector the
    // panels and the loss take turns, where both rows would leave the loss under the minimum.
    QCPLayoutGrid* root = plot->plotLayout();
    addPicture(QStringLiteral("full-batch"), tr("Full batch"), plot,
               view_->panel(FullBatch)->layout(), root);
    addPicture(QStringLiteral("mini-batch"), tr("Mini-batches"), plot,
               view_->panel(MiniBatch)->layout(), root);
    addPicture(QStringLiteral("loss"), tr("Loss"), plot, lossRect_, root);
    keepWithFocus(status_);
    addPictureGroups(
        plot,
        [this] {
            return QVector<PictureGroup>{{tr("Full batch · Mini-batches"), view_->panelRow()},
                                         {tr("Loss"), lossRect_}};
        },
        [this](QSize size) {
            constexpr double kLossShare = 2.0 / 5; // the rows' stretch, 3 : 2
            return style_.scale > 1 && size.height() * kLossShare < PlotStyle::kMinPicture;
        });
    restyle();

    Scene initial;
    initial.page = QStringLiteral("batches");
    applyScene(initial);
}

BatchesPage::~BatchesPage() {
    for (auto& job : jobs_)
        if (job) job->cancel();
    // The jobs' destructors wait for their workers (one step at most).
}

void BatchesPage::buildControls() {
    dataset_ = new QComboBox(this);
    dataset_->addItems({tr("Moons"), tr("Spirals")});
    order_ = new QComboBox(this);
    order_->addItems({tr("shuffled"), tr("class-sorted")});
    batch_ = new ParamSlider(tr("Batch size B"), {1, 300, true}, 16, this);
    lr_ = new ParamSlider(tr("Learning rate λ"), {1e-3, 10, true}, 0.3, this);
    epochs_ = new ParamSlider(tr("Epochs"), {1, 1000, true}, 60, this);
    trainButton_ = new QPushButton(tr("Stop"), this);
    trainButton_->setFocusPolicy(Qt::NoFocus);

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Data"), this), 0, 0);
    grid->addWidget(dataset_, 0, 1);
    grid->addWidget(batch_, 0, 2);
    grid->addWidget(new QLabel(tr("Order"), this), 0, 3);
    grid->addWidget(order_, 0, 4);
    grid->addWidget(lr_, 1, 0, 1, 2);
    grid->addWidget(epochs_, 1, 2);
    grid->addWidget(trainButton_, 1, 3, 1, 2);
    grid->setColumnStretch(2, 1);
    static_cast<QVBoxLayout*>(layout())->addLayout(grid);

    auto changed = [this] { debounce_->start(); };
    connect(dataset_, &QComboBox::currentIndexChanged, this, changed);
    connect(order_, &QComboBox::currentIndexChanged, this, changed);
    for (ParamSlider* s : {batch_, lr_, epochs_})
        connect(s, &ParamSlider::valueChanged, this, changed);
    connect(trainButton_, &QPushButton::clicked, this, [this] {
        if (training())
            stop();
        else
            restart();
    });
}

void BatchesPage::setControls(const BatchesSettings& s) {
    const QSignalBlocker b1(dataset_), b2(order_), b3(batch_), b4(lr_), b5(epochs_);
    // A data file is a third entry, named after the file, while the scene has one.
    while (dataset_->count() > BatchesSettings::kFile)
        dataset_->removeItem(BatchesSettings::kFile);
    if (s.dataset == BatchesSettings::kFile) {
        dataset_->addItem(tr("File: %1").arg(QFileInfo(s.dataFile).fileName()));
        dataset_->setItemData(BatchesSettings::kFile, s.dataFile, Qt::ToolTipRole);
    }
    dataset_->setCurrentIndex(s.dataset);
    order_->setCurrentIndex(s.order);
    batch_->setRangeAndValue({1, double(s.samples), true}, std::min(s.batch, s.samples));
    lr_->setValue(s.lr);
    epochs_->setValue(s.epochs);
}

BatchesSettings BatchesPage::fromControls() const {
    BatchesSettings s = settings_;
    s.dataset = dataset_->currentIndex();
    s.order = order_->currentIndex();
    s.batch = std::clamp(static_cast<int>(std::lround(batch_->value())), 1, s.samples);
    s.lr = lr_->value();
    s.epochs = std::clamp(static_cast<int>(std::lround(epochs_->value())), 1, 1000);
    return s;
}

QString BatchesPage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("batches")) return tr("this scene is not for the batches page");
    scene_ = s;
    settings_ = settingsFrom<BatchesSettings>(s.settings);
    settings_.batch = std::min(settings_.batch, settings_.samples);
    setControls(settings_);
    view_->setTitle(s.title);
    restart();
    return {};
}

Scene BatchesPage::scene() const {
    Scene s = scene_;
    s.settings = fromControls().toJson();
    return s;
}

void BatchesPage::restart() {
    debounce_->stop();
    for (auto& job : jobs_)
        job.reset(); // cancels and waits
    learn::DataResult made = makeData(settings_);
    if (!made.ok()) { // a data file that does not read: say why, train nothing
        data_.reset();
        status_->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                             .arg(style_.errorColor().name(),
                                  QString::fromStdString(made.error).toHtmlEscaped()));
        trainButton_->setText(tr("Train again"));
        return;
    }
    auto data = std::make_shared<learn::Dataset>(std::move(made.data));
    const int n = data->size();
    settings_.batch = std::clamp(settings_.batch, 1, n);
    data_ = data;
    net_ = std::make_shared<const learn::Network>(
        learn::mlp(2, {settings_.hidden, settings_.hidden}, data->classes,
                   settings_.activation == 1 ? learn::Activation::ReLU : learn::Activation::Tanh,
                   learn::Precision::Float32));
    learn::GridBox box = boxAround(*data);
    view_->setData(*data);
    view_->setBox(box);
    curveLabels_[FullBatch]->setText(tr("— GD, B = N = %1").arg(n));
    curveLabels_[MiniBatch]->setText(tr("— SGD, B = %1").arg(settings_.batch));
    view_->setPanelTitle(FullBatch, tr("Full batch: B = N = %1").arg(n));
    view_->setPanelTitle(
        MiniBatch,
        tr("Mini-batches: B = %1, %2").arg(settings_.batch).arg(order_->itemText(settings_.order)));
    const long long total = static_cast<long long>(settings_.epochs) * n;
    lossRect_->axis(QCPAxis::atBottom)->setRange(0, double(total));
    for (int r = 0; r < 2; ++r) {
        TrainingJob::Spec spec;
        spec.net = net_;
        spec.data = data_;
        spec.settings.optimizer = "gd";
        spec.settings.hyperParams = {{"lr", settings_.lr}};
        spec.settings.epochs = settings_.epochs;
        spec.settings.batchSize = r == FullBatch ? n : settings_.batch;
        spec.settings.order = r == FullBatch || settings_.order == 0
                                  ? learn::BatchOrder::Shuffled
                                  : learn::BatchOrder::ClassSorted;
        spec.settings.seed = static_cast<std::uint64_t>(settings_.seed);
        spec.box = box;
        // Eight points an epoch, off the class-sorted half-epoch rhythm, or 400 points in all.
        spec.every = std::max<long long>({1, n / 8, total / 400});
        spec.seconds = kLiveSeconds;
        shown_[r] = {};
        loss_[r]->data()->clear();
        view_->clearRegions(r);
        jobs_[r] = std::make_unique<TrainingJob>(std::move(spec));
    }
    trainButton_->setText(tr("Stop"));
    poll_->start();
    poll();
}

void BatchesPage::stop() {
    for (auto& job : jobs_)
        if (job) job->cancel();
}

bool BatchesPage::training() const {
    return std::any_of(jobs_.begin(), jobs_.end(),
                       [](const auto& job) { return job && !job->snapshot().done; });
}

void BatchesPage::finishWork() {
    if (debounce_->isActive()) {
        settings_ = fromControls();
        restart();
    }
    for (auto& job : jobs_)
        if (job) job->finish();
    poll();
}

void BatchesPage::poll() {
    bool changed = false, running = false;
    for (int r = 0; r < 2; ++r) {
        if (!jobs_[r]) continue;
        if (jobs_[r]->version() != shown_[r].version) {
            showRun(Run(r), jobs_[r]->snapshot());
            changed = true;
        }
        running = running || !shown_[r].done;
    }
    if (!running) {
        poll_->stop();
        trainButton_->setText(tr("Train again"));
    }
    if (!changed) return;
    fitLossAxes();
    updateStatus();
    view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void BatchesPage::showRun(Run run, TrainingJob::Snapshot s) {
    // Only finite points reach the axes (the trainer stops before a NaN; this is the last guard).
    QVector<double> xs, ys;
    for (std::size_t i = 0; i < s.examples.size(); ++i)
        if (std::isfinite(s.loss[i]) && s.loss[i] > 0) {
            xs << double(s.examples[i]);
            ys << s.loss[i];
        }
    loss_[run]->setData(xs, ys, true);
    if (s.grid.classes > 0) view_->setRegions(run, s.grid);
    shown_[run] = std::move(s);
}

void BatchesPage::fitLossAxes() {
    double lo = INFINITY, hi = 0;
    for (QCPGraph* g : loss_)
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
            lo = std::min(lo, it->value);
            hi = std::max(hi, it->value);
        }
    if (!(lo > 0 && std::isfinite(hi) && hi >= lo)) {
        lo = 0.01;
        hi = 1;
    }
    lossRect_->axis(QCPAxis::atLeft)->setRange(lo / 1.5, hi * 1.5);
}

void BatchesPage::updateStatus() {
    QStringList parts;
    for (int r = 0; r < 2; ++r) {
        const TrainingJob::Snapshot& s = shown_[r];
        const QString name =
            r == FullBatch ? tr("Full batch") : tr("Mini-batch B = %1").arg(settings_.batch);
        if (s.loss.empty()) {
            parts << name + tr(": starting");
            continue;
        }
        QString state;
        if (s.done)
            state = QString::fromStdString(learn::describe(s.result));
        else
            state = tr("training, %1 steps").arg(s.iterations);
        const QColor c = loss_[r]->pen().color();
        parts << QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>: %3; J = %4, %5 right")
                     .arg(c.name(), name, state.toHtmlEscaped(), formatNumber(s.loss.back(), 3),
                          percent(s.accuracy.back()));
    }
    status_->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

void BatchesPage::restyle() {
    QColor box = style_.background();
    box.setAlpha(215);
    for (int r = 0; r < 2; ++r) {
        const QColor c = style_.pathColor(r == FullBatch ? 5 : 4);
        loss_[r]->setPen(QPen(c, style_.lineWidth()));
        curveLabels_[r]->setColor(c);
        curveLabels_[r]->setFont(style_.font(font(), 0.85));
        curveLabels_[r]->setBrush(box);
        curveLabels_[r]->setPadding(QMargins(4, 1, 4, 1));
    }
}

void BatchesPage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    restyle();
    updateStatus();
    view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

QCustomPlot* BatchesPage::plot() const {
    return view_->plot();
}

Table BatchesPage::table() const {
    Table t;
    t.header = {QStringLiteral("run"),      QStringLiteral("batch_size"), QStringLiteral("order"),
                QStringLiteral("examples"), QStringLiteral("epochs"),     QStringLiteral("loss"),
                QStringLiteral("accuracy")};
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    const int n = data_ ? data_->size() : 0;
    for (int r = 0; r < 2; ++r) {
        const TrainingJob::Snapshot& s = shown_[r];
        const QString run =
            r == FullBatch ? QStringLiteral("full_batch") : QStringLiteral("mini_batch");
        const QString order = r == FullBatch ? BatchesSettings::kOrders[0]
                                             : BatchesSettings::kOrders[settings_.order];
        const int b = r == FullBatch ? n : settings_.batch;
        for (std::size_t i = 0; i < s.examples.size(); ++i)
            t.rows << QStringList{run,
                                  QString::number(b),
                                  order,
                                  QString::number(s.examples[i]),
                                  num(n ? double(s.examples[i]) / n : 0),
                                  num(s.loss[i]),
                                  num(s.accuracy[i])};
    }
    return t;
}

} // namespace gs::app

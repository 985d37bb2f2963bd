#include "pages/classifier/classifier_page.h"

#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "learn/fashion_mnist.h"
#include "optim/registry.h"
#include "pages/classifier/classifier_plots.h"
#include "pages/classifier/classifier_training.h"
#include "scene/scene_optimizer.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace gs::app {

namespace {

constexpr int kPollMs = 100;    // how often a running training is redrawn
constexpr int kRestartMs = 250; // settle time after a control changes, before retraining

QStringList classNamesOf(const learn::Dataset& d) {
    QStringList names;
    for (int k = 0; k < d.classes; ++k)
        names << (k < static_cast<int>(d.classNames.size())
                      ? QString::fromStdString(d.classNames[static_cast<std::size_t>(k)])
                      : QObject::tr("class %1").arg(k));
    return names;
}

QString percent(double fraction) {
    return QString::number(100 * fraction, 'f', 1) + QLatin1Char('%');
}

} // namespace

ClassifierPage::ClassifierPage(QWidget* parent)
    : Page(parent), progress_(std::make_unique<ClassifierProgress>()) {
    plots_ = std::make_unique<ClassifierPlots>(this);
    training_ = new ClassifierTraining(this);
    pollTimer_ = new QTimer(this);
    pollTimer_->setInterval(kPollMs);
    restartTimer_ = new QTimer(this);
    restartTimer_->setSingleShot(true);
    restartTimer_->setInterval(kRestartMs);

    dataset_ = new QComboBox(this);
    dataset_->addItem(tr("Fashion-MNIST images"), QStringLiteral("fashion-mnist"));
    dataset_->addItem(tr("Blobs (2D, 3 classes)"), QStringLiteral("blobs"));
    dataset_->addItem(tr("Moons (2D, 2 classes)"), QStringLiteral("moons"));
    dataset_->addItem(tr("Spirals (2D, 3 classes)"), QStringLiteral("spirals"));
    optimizerBox_ = new QComboBox(this);
    for (const std::string& key : optimizerKeys()) {
        const auto opt = createOptimizer(key);
        if (opt && !opt->usesHessian()) // a Hessian of 7,850 weights is not on offer
            optimizerBox_->addItem(QString::fromStdString(opt->displayName()),
                                   QString::fromStdString(key));
    }
    epochs_ = new QSpinBox(this);
    epochs_->setRange(1, ClassifierSettings::kMaxEpochs);
    batch_ = new QSpinBox(this);
    batch_->setRange(1, 60000);
    trainSize_ = new QSpinBox(this);
    trainSize_->setRange(100, 60000);
    trainSize_->setSingleStep(1000);
    trainButton_ = new QPushButton(tr("Train again"), this);
    stopButton_ = new QPushButton(tr("Stop"), this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Data"), dataset_);
    form->addRow(tr("Optimizer"), optimizerBox_);
    auto* sizes = new QHBoxLayout;
    sizes->addWidget(new QLabel(tr("Epochs"), this));
    sizes->addWidget(epochs_);
    sizes->addWidget(new QLabel(tr("Batch"), this));
    sizes->addWidget(batch_);
    form->addRow(sizes);
    form->addRow(tr("Training examples"), trainSize_);
    optimizerSlot_ = new QVBoxLayout;
    optimizerSlot_->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(trainButton_);
    buttons->addWidget(stopButton_);
    buttons->addStretch(1);
    auto* controls = new QHBoxLayout;
    controls->addLayout(form);
    controls->addLayout(optimizerSlot_, 1);
    controls->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(plots_->plot(), 1);
    statusLabel_->hide(); // the plot's top row shows the status; the label serves accessibility
    layout->addLayout(controls);

    // Pictures: each panel with its title; on a narrow projector the curves and the images take
    // turns, where both rows would leave the images' row under a picture's minimum.
    QCustomPlot* plot = plots_->plot();
    addPicture(QStringLiteral("loss"), tr("Loss per step"), plot, plots_->lossRect()->layout(),
               plot->plotLayout());
    addPicture(QStringLiteral("accuracy"), tr("Accuracy"), plot, plots_->accuracyRect()->layout(),
               plot->plotLayout());
    addPicture(QStringLiteral("confusion"), tr("Confusion matrix"), plot,
               plots_->confusionRect()->layout(), plot->plotLayout());
    keepWithFocus(statusLabel_);
    expectPictures({QStringLiteral("images"), QStringLiteral("weights")}); // with the images
    addPictureGroups(
        plot,
        [this] {
            QVector<PictureGroup> groups{{tr("Loss · Accuracy · Confusion"), plots_->topRow()}};
            if (plots_->bottomRow())
                groups.push_back({tr("Test images · Weights"), plots_->bottomRow()});
            return groups;
        },
        [this](QSize size) {
            constexpr double kImagesShare = 1 / 2.4; // the rows' stretch, 1.4 : 1
            return style_.scale > 1 && size.height() * kImagesShare < PlotStyle::kMinPicture;
        });

    auto later = [this] {
        if (!loading_) restartTimer_->start();
    };
    connect(dataset_, &QComboBox::currentIndexChanged, this, later);
    connect(optimizerBox_, &QComboBox::currentIndexChanged, this, [this, later] {
        if (loading_) return;
        optimizer_ = createOptimizer(optimizerBox_->currentData().toString().toStdString());
        buildOptimizerPanel();
        later();
    });
    for (QSpinBox* box : {epochs_, batch_, trainSize_})
        connect(box, &QSpinBox::valueChanged, this, later);
    connect(restartTimer_, &QTimer::timeout, this, &ClassifierPage::retrain);
    connect(trainButton_, &QPushButton::clicked, this, &ClassifierPage::retrain);
    connect(stopButton_, &QPushButton::clicked, this, &ClassifierPage::stop);
    connect(pollTimer_, &QTimer::timeout, this, &ClassifierPage::poll);
    connect(training_, &ClassifierTraining::finished, this, &ClassifierPage::runFinished);

    plots_->setStyle(style_, font());
    Scene initial;
    initial.page = QStringLiteral("classifier");
    initial.runs = {SceneRun{QStringLiteral("momentum"), {{QStringLiteral("lr"), 0.01}}, {}, true}};
    applyScene(initial);
}

ClassifierPage::~ClassifierPage() {
    training_->cancel();
    training_->wait();
}

QString ClassifierPage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("classifier"))
        return tr("this scene is not for the classifier page");
    const SceneRun run = s.runs.isEmpty() ? SceneRun{} : s.runs.front();
    SceneOptimizer made = makeSceneOptimizer(run);
    if (!made.optimizer) return made.error;
    auto opt = std::move(made.optimizer);
    if (opt->usesHessian())
        return tr("%1 needs the Hessian, too costly for a network; choose a first-order method")
            .arg(QString::fromStdString(opt->displayName()));
    scene_ = s;
    settings_ = settingsFrom<ClassifierSettings>(s.settings);
    optimizer_ = std::move(opt);
    {
        loading_ = true;
        // A data file is an entry of its own in the list, named after the file.
        if (const int old = dataset_->findData(QStringLiteral("file")); old >= 0)
            dataset_->removeItem(old);
        if (settings_.dataset == QLatin1String("file")) {
            dataset_->addItem(tr("File: %1").arg(QFileInfo(settings_.dataFile).fileName()),
                              QStringLiteral("file"));
            dataset_->setItemData(dataset_->count() - 1, settings_.dataFile, Qt::ToolTipRole);
        }
        dataset_->setCurrentIndex(std::max(0, dataset_->findData(settings_.dataset)));
        optimizerBox_->setCurrentIndex(
            std::max(0, optimizerBox_->findData(QString::fromStdString(optimizer_->key()))));
        epochs_->setValue(settings_.epochs);
        batch_->setValue(settings_.batchSize);
        trainSize_->setValue(settings_.trainSize);
        loading_ = false;
    }
    buildOptimizerPanel();
    retrain();
    return {};
}

void ClassifierPage::buildOptimizerPanel() {
    if (panel_) {
        optimizerSlot_->removeWidget(panel_);
        panel_->hide(); // until deleteLater runs, it must not paint over the plot
        QObject::disconnect(panel_, nullptr, this, nullptr); // nor set the optimizer it showed
        panel_->deleteLater();
        panel_ = nullptr;
    }
    if (!optimizer_) return;
    panel_ = new OptimizerPanel(*optimizer_, QString::fromStdString(optimizer_->displayName()),
                                style_.pathColor(0), this);
    panel_->visibleBox()->hide();
    panel_->removeButton()->hide();
    optimizerSlot_->addWidget(panel_);
    connect(panel_, &OptimizerPanel::paramChanged, this, [this](const QString& key, double v) {
        optimizer_->set(key.toStdString(), v);
        restartTimer_->start();
    });
}

ClassifierSettings ClassifierPage::settingsFromControls() const {
    ClassifierSettings s = settings_;
    s.dataset = dataset_->currentData().toString();
    s.epochs = epochs_->value();
    s.batchSize = batch_->value();
    s.trainSize = trainSize_->value();
    return s;
}

void ClassifierPage::retrain() {
    restartTimer_->stop();
    settings_ = settingsFromControls();
    learn::TrainSettings t;
    t.optimizer = optimizer_->key();
    for (const HyperParam& p : optimizer_->hyperParams())
        t.hyperParams.emplace_back(p.key, optimizer_->get(p.key));
    t.epochs = settings_.epochs;
    t.batchSize = settings_.batchSize;
    t.seed = settings_.seed;
    t.bound = settings_.lossBound;
    finishedShown_ = false;
    diverged_ = false;
    training_->start(settings_, t);
    showStatus(tr("loading data and training …"), false);
    pollTimer_->start();
}

void ClassifierPage::stop() {
    training_->cancel();
}

bool ClassifierPage::training() const {
    return training_->running();
}

void ClassifierPage::showData(const std::shared_ptr<const learn::Dataset>& test) {
    // The panels are built (again) with every picture in the layout, then focused as they were.
    const QString focused = focusedPicture();
    if (!focused.isEmpty()) focusPicture({});
    plots_->setData(test, classNamesOf(*test), settings_.samples);
    // The image panels are made (again) for the data: they are pictures while they exist.
    QCustomPlot* plot = plots_->plot();
    if (QCPAxisRect* samples = plots_->samplesRect())
        addPicture(QStringLiteral("images"), tr("Test images"), plot, samples->layout(),
                   plot->plotLayout());
    if (QCPAxisRect* weights = plots_->weightsRect())
        addPicture(QStringLiteral("weights"), tr("Weights"), plot, weights->layout(),
                   plot->plotLayout());
    if (!focused.isEmpty()) focusPicture(focused);
}

void ClassifierPage::poll() {
    ClassifierProgress p = training_->snapshot();
    if (p.test && p.test != progress_->test) showData(p.test);
    *progress_ = std::move(p);
    plots_->show(*progress_);
    if (progress_->result) return runFinished();
    const int epochsDone = std::max(0, static_cast<int>(progress_->epochLoss.size()) - 1);
    showStatus(tr("training: step %1, epoch %2 of %3")
                   .arg(progress_->iterationLoss.size())
                   .arg(std::min(epochsDone + 1, settings_.epochs))
                   .arg(settings_.epochs),
               false);
}

void ClassifierPage::runFinished() {
    if (finishedShown_) return;
    ClassifierProgress p = training_->snapshot();
    if (!p.result) return; // a newer run is under way; its own end will come
    finishedShown_ = true;
    pollTimer_->stop();
    if (p.test && p.test != progress_->test) showData(p.test);
    *progress_ = std::move(p);
    plots_->show(*progress_);
    const learn::TrainResult& r = *progress_->result;
    const QString test =
        progress_->testAccuracy.empty()
            ? QString()
            : tr(", test accuracy %1").arg(percent(progress_->testAccuracy.back()));
    switch (r.status) {
    case learn::TrainStatus::Finished:
        // A data file says what it is: its size, its split and the scaling of its features.
        showStatus(
            tr("Finished: %1 epoch(s), %2 steps%3").arg(r.epochs).arg(r.iterations).arg(test) +
                (progress_->dataAbout.isEmpty() ? QString()
                                                : QStringLiteral(" · ") + progress_->dataAbout),
            false);
        break;
    case learn::TrainStatus::Diverged:
        diverged_ = true;
        showStatus(
            tr("Diverged at step %1: the loss passed %2 (guessing costs %3); lower the "
               "learning rate")
                .arg(r.stopIteration)
                .arg(formatNumber(settings_.lossBound))
                .arg(formatNumber(
                    std::log(std::max(2, progress_->test ? progress_->test->classes : 10)), 3)),
            true);
        break;
    case learn::TrainStatus::Cancelled:
        if (progress_->epochIteration.empty())
            showStatus(tr("Stopped while reading the data"), false);
        else
            showStatus(tr("Stopped at step %1%2").arg(r.stopIteration).arg(test), false);
        break;
    case learn::TrainStatus::Invalid:
        if (!progress_->dataError.isEmpty())
            showStatus(tr("No data: %1. Install Debian's dataset-fashion-mnist, or choose a "
                          "synthetic data set.")
                           .arg(progress_->dataError),
                       true);
        else
            showStatus(tr("Not started: %1").arg(QString::fromStdString(r.error)), true);
        break;
    }
}

void ClassifierPage::showStatus(const QString& text, bool bad) {
    status_ = text;
    statusBad_ = bad;
    statusLabel_->setText(text);
    statusLabel_->setStyleSheet(bad ? QStringLiteral("color: %1").arg(style_.errorColor().name())
                                    : QString());
    plots_->setStatus(text, bad);
}

void ClassifierPage::finishWork() {
    training_->wait();
    runFinished();
}

Scene ClassifierPage::scene() const {
    Scene s = scene_;
    SceneRun run;
    run.optimizer = QString::fromStdString(optimizer_->key());
    for (const HyperParam& p : optimizer_->hyperParams()) {
        const double v = optimizer_->get(p.key);
        if (v != p.defaultValue) run.params.insert(QString::fromStdString(p.key), v);
    }
    s.runs = {run};
    s.settings = settingsFromControls().toJson();
    return s;
}

void ClassifierPage::setStyle(const PlotStyle& style) {
    style_ = style;
    plots_->setStyle(style, font());
    if (!status_.isEmpty()) showStatus(status_, statusBad_);
}

QCustomPlot* ClassifierPage::plot() const {
    return plots_->plot();
}

Table ClassifierPage::table() const {
    Table t;
    t.header = {QStringLiteral("step"),           QStringLiteral("epoch"),
                QStringLiteral("batch_loss"),     QStringLiteral("epoch_mean_loss"),
                QStringLiteral("train_accuracy"), QStringLiteral("test_accuracy")};
    const ClassifierProgress& p = *progress_;
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    auto scores = [&](std::size_t e) {
        return QStringList{num(p.epochLoss[e]), num(p.trainAccuracy[e]), num(p.testAccuracy[e])};
    };
    if (p.epochIteration.empty()) return t;
    t.rows << (QStringList{QStringLiteral("0"), QStringLiteral("0"), QString()} + scores(0));
    std::size_t e = 1; // the epoch step k belongs to
    for (std::size_t k = 1; k <= p.iterationLoss.size(); ++k) {
        while (e < p.epochIteration.size() && p.epochIteration[e] < static_cast<int>(k))
            ++e;
        const bool ends = e < p.epochIteration.size() && p.epochIteration[e] == static_cast<int>(k);
        t.rows << (QStringList{QString::number(k), QString::number(e),
                               num(p.iterationLoss[k - 1])} +
                   (ends ? scores(e) : QStringList{QString(), QString(), QString()}));
    }
    return t;
}

} // namespace gs::app

#include "pages/gradient_noise/gradient_noise_page.h"

#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "field/levels.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gs::app {

namespace {

constexpr int kMapSamples = 140; // per side of the loss map
constexpr int kLevels = 14;

QPointF point(const Vec& v) {
    return {v[0], v[1]};
}

double degrees(double radians) {
    return radians * 180 / std::numbers::pi;
}

/// Plain (S)GD: θ_{k+1} = θ_k − λ g(θ_k), g the gradient of the sampler's next batch (all of the
/// data for the full-batch path).
std::vector<Vec> descentPath(learn::Logistic1D& f, const Vec& start, double lr, int batch,
                             learn::BatchOrder order, int steps, std::uint64_t seed) {
    learn::BatchSampler sampler(f.labels(), batch, order, seed);
    std::vector<Vec> path{start};
    Vec theta = start, g;
    for (int k = 0; k < steps; ++k) {
        if (batch >= f.size())
            f.setBatch({});
        else
            f.setBatch(sampler.next());
        f.valueAndGradient(theta, g);
        theta -= lr * g;
        if (!theta.allFinite() || theta.cwiseAbs().maxCoeff() > 1e6) break; // stays on the map
        path.push_back(theta);
    }
    f.setBatch({});
    return path;
}

} // namespace

GradientNoisePage::GradientNoisePage(QWidget* parent) : Page(parent) {
    view_ = new GradientNoiseView(this);
    playback_ = new PlaybackBar(this);
    batch_ = new ParamSlider(tr("Batch size B"), {1, 200, true}, 10, this);
    lr_ = new ParamSlider(tr("Learning rate λ"), {1e-2, 10, true}, 1, this);
    order_ = new QComboBox(this);
    order_->addItems({tr("SGD path: shuffled batches"), tr("SGD path: class-sorted batches")});
    sortedBox_ = new QCheckBox(tr("Class-sorted batches' steps"), this);
    sortedBox_->setFocusPolicy(Qt::NoFocus);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QGridLayout;
    controls->addWidget(batch_, 0, 0);
    controls->addWidget(lr_, 0, 1);
    controls->addWidget(order_, 1, 0);
    controls->addWidget(sortedBox_, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(readout_);
    layout->addWidget(playback_);
    layout->addLayout(controls);

    connect(playback_, &PlaybackBar::indexChanged, this, &GradientNoisePage::showFrame);
    auto changed = [this] {
        settings_ = settings();
        rebuild();
    };
    connect(batch_, &ParamSlider::valueChanged, this, changed);
    connect(lr_, &ParamSlider::valueChanged, this, changed);
    connect(order_, &QComboBox::currentIndexChanged, this, changed);
    connect(sortedBox_, &QCheckBox::toggled, this, [this] { showFrame(playback_->index()); });

    restyle();
    Scene initial;
    initial.page = QStringLiteral("gradient-noise");
    applyScene(initial);
}

GradientNoiseSettings GradientNoisePage::settings() const {
    GradientNoiseSettings s = settings_;
    s.batch = std::clamp(static_cast<int>(std::lround(batch_->value())), 1, s.samples);
    s.lr = lr_->value();
    s.order = order_->currentIndex();
    s.classSorted = sortedBox_->isChecked();
    return s;
}

void GradientNoisePage::setBatchSize(int b) {
    batch_->setValue(b);
}

QString GradientNoisePage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("gradient-noise"))
        return tr("this scene is not for the gradient-noise page");
    scene_ = s;
    settings_ = settingsFrom<GradientNoiseSettings>(s.settings);
    settings_.batch = std::min(settings_.batch, settings_.samples);
    {
        const QSignalBlocker b1(batch_), b2(lr_), b3(order_), b4(sortedBox_), b5(playback_);
        batch_->setRangeAndValue({1, double(settings_.samples), true}, settings_.batch);
        lr_->setValue(settings_.lr);
        order_->setCurrentIndex(settings_.order);
        sortedBox_->setChecked(settings_.classSorted);
        playback_->setLast(settings_.steps);
        playback_->setIndex(s.step >= 0 ? std::min(s.step, settings_.steps) : 0);
    }
    view_->setTitle(s.title);
    rebuild();
    return {};
}

Scene GradientNoisePage::scene() const {
    Scene s = scene_;
    s.settings = settings().toJson();
    s.step = playback_->index();
    return s;
}

void GradientNoisePage::rebuild() {
    learn::LineDataParams p;
    p.samples = settings_.samples;
    p.seed = static_cast<std::uint64_t>(settings_.seed);
    data_ = learn::makeLineData(p).data; // the settings reader keeps every field valid
    model_ = std::make_unique<learn::Logistic1D>(data_);
    const Vec start = (Vec(2) << settings_.w0, settings_.b0).finished();
    const auto seed = static_cast<std::uint64_t>(settings_.seed);
    gd_ = descentPath(*model_, start, settings_.lr, data_.size(), learn::BatchOrder::Shuffled,
                      settings_.steps, seed);
    sgd_ = descentPath(*model_, start, settings_.lr, settings_.batch,
                       settings_.order == 1 ? learn::BatchOrder::ClassSorted
                                            : learn::BatchOrder::Shuffled,
                       settings_.steps, seed);

    // The map: the start, the GD path's end and the loss's valley, with a margin.
    double w0 = settings_.w0, w1 = settings_.w0, b0 = settings_.b0, b1 = settings_.b0;
    for (const Vec& v : gd_) {
        w0 = std::min(w0, v[0]), w1 = std::max(w1, v[0]);
        b0 = std::min(b0, v[1]), b1 = std::max(b1, v[1]);
    }
    const double mw = std::max(1.5, 0.25 * (w1 - w0)), mb = std::max(1.5, 0.25 * (b1 - b0));
    Box box{(Vec(2) << w0 - mw, b0 - mb).finished(), (Vec(2) << w1 + mw, b1 + mb).finished()};
    const Grid grid = sampleGrid(*model_, box, kMapSamples, kMapSamples, 1);
    view_->setMap(
        grid,
        isolines(grid, chooseLevels(grid.minValue(), grid.maxValue(), kLevels, LevelSpacing::Log),
                 1));
    QVector<QPointF> gd, sgd;
    for (const Vec& v : gd_)
        gd << point(v);
    for (const Vec& v : sgd_)
        sgd << point(v);
    view_->setPaths(gd, sgd);
    {
        const QSignalBlocker block(playback_);
        playback_->setLast(static_cast<int>(gd_.size()) - 1);
    }
    showFrame(playback_->index());
}

void GradientNoisePage::showFrame(int k) {
    if (!model_ || gd_.empty()) return;
    k = std::clamp(k, 0, static_cast<int>(gd_.size()) - 1);
    view_->setCurrent(k);
    at_ = gd_[static_cast<std::size_t>(k)];
    const int n = model_->size(), b = std::clamp(settings_.batch, 1, n);
    const Mat g = model_->exampleGradients(at_);
    population_ = learn::gradientPopulation(g);
    full_ = population_.mean;
    // Seeded by the frame, so a frame always shows the same batches.
    learn::Rng rng(static_cast<std::uint64_t>(settings_.seed) * 7919 +
                   static_cast<std::uint64_t>(k));
    shuffled_ = learn::sampleBatchGradients(g, b, kArrows, rng);
    shuffledStats_ = learn::gradientStats(shuffled_, full_);
    // One class-sorted epoch, at most kArrows of its batches evenly picked (both classes show).
    const Mat epoch =
        learn::samplerBatchGradients(g, model_->labels(), b, learn::BatchOrder::ClassSorted,
                                     static_cast<std::uint64_t>(settings_.seed), n);
    const int count = std::min<int>(kArrows, static_cast<int>(epoch.cols()));
    sorted_.resize(2, count);
    for (int i = 0; i < count; ++i)
        sorted_.col(i) = epoch.col(static_cast<Eigen::Index>(
            (static_cast<long long>(i) * epoch.cols()) / std::max(1, count)));
    sortedStats_ = learn::gradientStats(sorted_, full_);

    const double lr = settings_.lr;
    GradientNoiseView::Cloud cloud;
    cloud.at = point(at_);
    cloud.fullTip = point(at_ - lr * full_);
    for (int i = 0; i < shuffled_.cols(); ++i)
        cloud.shuffledTips << point(at_ - lr * shuffled_.col(i));
    if (shuffled_.cols() > 1)
        for (const auto& p : learn::covarianceEllipse(at_ - lr * shuffledStats_.mean,
                                                      lr * lr * shuffledStats_.covariance, 2))
            cloud.ellipse << QPointF(p.x(), p.y());
    if (sortedBox_->isChecked())
        for (int i = 0; i < sorted_.cols(); ++i)
            cloud.sortedTips << point(at_ - lr * sorted_.col(i));
    view_->setCloud(cloud);

    curve_ = learn::varianceCurve(g, learn::logBatchSizes(n, 14), kCurveBatches,
                                  static_cast<std::uint64_t>(settings_.seed) + 17);
    formulas_.clear();
    for (int bb : learn::logBatchSizes(n - 1, 80)) {
        learn::VariancePoint p;
        p.batch = bb;
        p.theory = learn::batchGradientVariance(population_.variance, n, bb);
        p.withReplacement = learn::batchGradientVarianceWithReplacement(population_.variance, bb);
        formulas_.push_back(p);
    }
    view_->setVariance(curve_, formulas_, b);

    const double theory = learn::batchGradientVariance(population_.variance, n, b);
    readout_->setText(
        tr("Step %1 of GD: (w, b) = (%2, %3), ‖∇J‖ = <b>%4</b>, per-example σ² = %5 &nbsp;·&nbsp; "
           "%6 random batches of B = %7 of N = %8: tr Cov = <b>%9</b>; σ²/B · (N − B)/(N − 1) = "
           "<b>%10</b> &nbsp;·&nbsp; mean angle to ∇J: random batches <b>%11°</b>, class-sorted "
           "<b>%12°</b>")
            .arg(k)
            .arg(formatNumber(at_[0], 3), formatNumber(at_[1], 3), formatNumber(full_.norm(), 3),
                 formatNumber(population_.variance, 3))
            .arg(kArrows)
            .arg(b)
            .arg(n)
            .arg(formatNumber(shuffledStats_.meanSquaredDeviation, 3), formatNumber(theory, 3),
                 QString::number(degrees(shuffledStats_.meanAngle), 'f', 0),
                 QString::number(degrees(sortedStats_.meanAngle), 'f', 0)));
    view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void GradientNoisePage::restyle() {}

void GradientNoisePage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
}

QCustomPlot* GradientNoisePage::plot() const {
    return view_->plot();
}

Table GradientNoisePage::table() const {
    Table t;
    t.header = {QStringLiteral("kind"),
                QStringLiteral("batch"),
                QStringLiteral("measured_variance"),
                QStringLiteral("theory_variance"),
                QStringLiteral("sigma2_over_b"),
                QStringLiteral("g_w"),
                QStringLiteral("g_b"),
                QStringLiteral("angle_deg")};
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    for (const auto& p : curve_)
        t.rows << QStringList{QStringLiteral("variance"),
                              QString::number(p.batch),
                              num(p.measured),
                              num(p.theory),
                              num(p.withReplacement),
                              {},
                              {},
                              {}};
    const QString b = QString::number(std::clamp(settings_.batch, 1, std::max(1, data_.size())));
    auto arrows = [&](const QString& kind, const Mat& m, const QString& batch) {
        for (int i = 0; i < m.cols(); ++i)
            t.rows << QStringList{kind,         batch,
                                  {},           {},
                                  {},           num(m(0, i)),
                                  num(m(1, i)), num(degrees(learn::angleBetween(m.col(i), full_)))};
    };
    if (full_.size() == 2) arrows(QStringLiteral("full"), full_, QString::number(data_.size()));
    arrows(QStringLiteral("batch"), shuffled_, b);
    arrows(QStringLiteral("class_sorted"), sorted_, b);
    return t;
}

} // namespace gs::app

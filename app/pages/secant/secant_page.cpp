#include "pages/secant/secant_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "pages/secant/secant_settings.h"
#include "scene/function_source.h"
#include "views/curve_view.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {
// The log–log plot spans these steps: wide enough to show rounding take over below ~1e-8.
constexpr double kErrorPlotMinStep = 1e-10;
constexpr double kErrorPlotMaxStep = 10;
constexpr int kErrorPlotPoints = 121;
constexpr double kGrabRadius = 14; // pixels (times the presentation scale)
} // namespace

SecantPage::SecantPage(QWidget* parent) : Page(parent) {
    view_ = new CurveView(this);
    QCustomPlot* plot = view_->plot();
    secant_ = new QCPItemStraightLine(plot);
    tangent_ = new QCPItemStraightLine(plot);
    secantLabel_ = new QCPItemText(plot);
    tangentLabel_ = new QCPItemText(plot);
    // Bottom centre, on a box of the background colour: the curve and the optima's labels are
    // up top, and the lines stay readable where they cross the box.
    for (QCPItemText* label : {secantLabel_, tangentLabel_}) {
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
    }
    points_ = plot->addGraph();
    points_->setLineStyle(QCPGraph::lsNone);

    // The error panel sits beside the curve in the same plot, with log axes on both sides.
    errorRect_ = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(0, 1, errorRect_);
    plot->plotLayout()->setColumnStretchFactors({2, 1});
    for (QCPAxis* axis : {errorRect_->axis(QCPAxis::atBottom), errorRect_->axis(QCPAxis::atLeft)}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setLogBase(10);
        ticker->setSubTickCount(0);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    errorRect_->axis(QCPAxis::atBottom)->setLabel(tr("|h|"));
    errorRect_->axis(QCPAxis::atLeft)->setLabel(tr("|secant slope − f′(x)|"));
    auto addErrorGraph = [&] {
        return plot->addGraph(errorRect_->axis(QCPAxis::atBottom),
                              errorRect_->axis(QCPAxis::atLeft));
    };
    errorCurve_ = addErrorGraph();
    firstOrder_ = addErrorGraph();
    errorNow_ = addErrorGraph();
    errorNow_->setLineStyle(QCPGraph::lsNone);
    firstOrderLabel_ = new QCPItemText(plot);
    firstOrderLabel_->setClipAxisRect(errorRect_);
    firstOrderLabel_->position->setAxisRect(errorRect_);
    firstOrderLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    firstOrderLabel_->position->setCoords(0.97, 0.97);
    firstOrderLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    firstOrderLabel_->setText(tr("dashed: |f″(x)| · |h| / 2"));

    picker_ = new FunctionPicker(1, Qt::Horizontal, this);
    x_ = new ParamSlider(tr("Point x"), {-10, 10, false, 3}, 0, this);
    step_ = new ParamSlider(tr("Step |h| = |y − x|"),
                            {SecantSettings::kMinStep, SecantSettings::kMaxStep, true}, 3, this);
    fromLeft_ = new QCheckBox(tr("y left of x (h < 0)"), this);
    fromLeft_->setFocusPolicy(Qt::NoFocus);
    playback_ = new PlaybackBar(this);
    playback_->setLast(kFrames);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QGridLayout;
    controls->addWidget(picker_, 0, 0, 1, 3);
    controls->addWidget(x_, 1, 0);
    controls->addWidget(step_, 1, 1);
    controls->addWidget(fromLeft_, 1, 2);
    controls->setColumnStretch(0, 1);
    controls->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(readout_);
    layout->addWidget(playback_);
    layout->addLayout(controls);

    connect(x_, &ParamSlider::valueChanged, this, [this] {
        updateErrorCurve();
        update();
    });
    connect(step_, &ParamSlider::valueChanged, this, [this] { update(); });
    connect(fromLeft_, &QCheckBox::toggled, this, [this] { update(); });
    connect(playback_, &PlaybackBar::indexChanged, this, &SecantPage::showFrame);
    connect(plot, &QCustomPlot::mousePress, this, &SecantPage::mousePress);
    connect(plot, &QCustomPlot::mouseMove, this, &SecantPage::mouseMove);
    connect(plot, &QCustomPlot::mouseRelease, this, &SecantPage::mouseRelease);
    connect(picker_, &FunctionPicker::catalogPicked, this,
            [this](const QString& key) { applyScene(withCatalogFunction(scene(), key)); });
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                showFunction(f);
            });

    restyle();
    Scene initial;
    initial.page = QStringLiteral("secant");
    initial.catalog = QStringLiteral("sine-parabola");
    initial.start = {-2.0};
    applyScene(initial);
}

QString SecantPage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("secant")) return tr("this scene is not for the secant page");
    const ResolvedFunction fn = resolveSceneFunction(s, 1);
    if (!fn.objective) return fn.error;
    scene_ = s;
    startStep_ = settingsFrom<SecantSettings>(s.settings).h;
    {
        const QSignalBlocker blockStep(step_), blockLeft(fromLeft_), blockBar(playback_);
        step_->setValue(std::abs(startStep_));
        fromLeft_->setChecked(startStep_ < 0);
        playback_->setIndex(s.step >= 0 ? std::min(s.step, kFrames) : 0);
    }
    view_->setTitle(s.title);
    showFunction(fn.objective);
    if (s.step >= 0) showFrame(playback_->index());
    return {};
}

void SecantPage::showFunction(const ObjectivePtr& f) {
    f_ = f;
    const Box& box = f->info().viewBox;
    const Vec& fallback = f->info().defaultStart;
    const double at = !scene_.start.isEmpty() ? scene_.start[0]
                      : fallback.size() == 1  ? fallback[0]
                                              : 0.5 * (box.lo[0] + box.hi[0]);
    x_->setRangeAndValue({box.lo[0], box.hi[0], false, 3}, at);
    picker_->showFunction(scene_.catalog, scene_.formula, *f);
    view_->setObjective(f);
    updateErrorCurve();
    update();
}

Scene SecantPage::scene() const {
    Scene s = scene_;
    s.start = {x()};
    SecantSettings settings;
    settings.h = h();
    s.settings = settings.toJson();
    s.step = -1; // the step shown is in the settings
    return s;
}

double SecantPage::x() const {
    return x_->value();
}

double SecantPage::h() const {
    return fromLeft_->isChecked() ? -step_->value() : step_->value();
}

void SecantPage::setPoint(double x) {
    x_->setValue(x);
}

void SecantPage::setStep(double h) {
    {
        const QSignalBlocker blockLeft(fromLeft_), blockStep(step_); // one update, below
        fromLeft_->setChecked(h < 0);
        step_->setValue(std::abs(h)); // clamped to the slider's range
    }
    update();
}

void SecantPage::showFrame(int k) {
    // h_k = h₀ · 10^(−kDecades · k / kFrames): equal ratios per frame, so the approach reads evenly
    // on the log–log plot.
    setStep(startStep_ * std::pow(10.0, -kDecades * k / kFrames));
}

void SecantPage::updateErrorCurve() {
    if (!f_) return;
    const double at = x();
    errors_ = secantErrors(*f_, at, kErrorPlotMinStep, kErrorPlotMaxStep, kErrorPlotPoints);
    Mat hess(1, 1);
    f_->hessian(Vec::Constant(1, at), hess);
    curvature_ = hess(0, 0);
    QVector<double> hs, es, refs;
    for (const SecantErrorPoint& p : errors_)
        if (p.error > 0 && std::isfinite(p.error)) { // a log axis has no room for 0
            hs << p.h;
            es << p.error;
        }
    errorCurve_->setData(hs, es, true);
    QVector<double> refH, refE;
    if (std::abs(curvature_) > 0)
        for (double h : {kErrorPlotMinStep, kErrorPlotMaxStep}) {
            refH << h;
            refE << 0.5 * std::abs(curvature_) * h;
        }
    firstOrder_->setData(refH, refE, true);
    errorRect_->axis(QCPAxis::atBottom)->setRange(kErrorPlotMinStep, kErrorPlotMaxStep);
    double lo = 1e-12, hi = 1;
    if (!es.isEmpty()) {
        lo = *std::min_element(es.begin(), es.end());
        hi = *std::max_element(es.begin(), es.end());
    }
    errorRect_->axis(QCPAxis::atLeft)->setRange(std::max(lo / 3, 1e-16), hi * 3);
}

void SecantPage::update() {
    if (!f_) return;
    const double at = x(), step = h();
    const double fx = f_->value(Vec::Constant(1, at));
    const double fy = f_->value(Vec::Constant(1, at + step));
    Vec g(1);
    f_->valueAndGradient(Vec::Constant(1, at), g);
    derivative_ = g[0];
    slope_ = gs::secantSlope(*f_, at, step);
    points_->setData({at, at + step}, {fx, fy}, true);
    // Straight lines through two points each: the secant through both samples, and the tangent
    // t(y) = f′(x)(y − x) + f(x) through (x, f(x)) with slope f′(x).
    secant_->point1->setCoords(at, fx);
    secant_->point2->setCoords(at + step, fy);
    tangent_->point1->setCoords(at, fx);
    tangent_->point2->setCoords(at + 1, fx + derivative_);
    secantLabel_->setText(tr("secant, slope %1").arg(formatNumber(slope_, 6)));
    tangentLabel_->setText(tr("tangent, slope f′(x) = %1").arg(formatNumber(derivative_, 6)));
    const double error = std::abs(slope_ - derivative_);
    errorNow_->setData({std::abs(step)}, {std::max(error, 1e-300)}, true);
    errorNow_->setVisible(error > 0);
    readout_->setText(
        tr("x = <b>%1</b>, y = x + h = <b>%2</b> (h = %3) &nbsp;·&nbsp; secant slope "
           "(f(y) − f(x)) / (y − x) = <b>%4</b> &nbsp;·&nbsp; f′(x) = <b>%5</b> &nbsp;·&nbsp; "
           "error <b>%6</b> = %7 · |h|")
            .arg(formatNumber(at), formatNumber(at + step), formatNumber(step),
                 formatNumber(slope_, 7), formatNumber(derivative_, 7), formatNumber(error, 3),
                 formatNumber(error / std::abs(step), 3)));
    view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void SecantPage::restyle() {
    const QColor secant = style_.pathColor(0), tangent = style_.pathColor(1);
    secant_->setPen(QPen(secant, style_.lineWidth()));
    tangent_->setPen(QPen(tangent, style_.lineWidth(), Qt::DashLine));
    secantLabel_->setColor(secant);
    tangentLabel_->setColor(tangent.darker(style_.dark ? 100 : 115));
    QColor box = style_.background();
    box.setAlpha(215);
    for (QCPItemText* label : {secantLabel_, tangentLabel_}) {
        label->setFont(style_.font(font(), 0.95));
        label->setBrush(box);
        label->setPadding(QMargins(4, 1, 4, 1));
    }
    secantLabel_->position->setCoords(0.5, 0.985 - 0.065 * style_.scale);
    tangentLabel_->position->setCoords(0.5, 0.985);
    points_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, secant, style_.markerSize() * 1.5));
    errorCurve_->setPen(QPen(secant, style_.lineWidth()));
    firstOrder_->setPen(QPen(tangent, style_.lineWidth() * 0.75, Qt::DashLine));
    errorNow_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, style_.optimumColor(), style_.markerSize() * 1.6));
    firstOrderLabel_->setFont(style_.font(font(), 0.9));
    firstOrderLabel_->setColor(tangent.darker(style_.dark ? 100 : 115));
}

void SecantPage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    restyle();
    update();
}

QCustomPlot* SecantPage::plot() const {
    return view_->plot();
}

Table SecantPage::table() const {
    Table t;
    t.header = {QStringLiteral("h"), QStringLiteral("secant_slope"), QStringLiteral("derivative"),
                QStringLiteral("error")};
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    for (const SecantErrorPoint& p : errors_)
        t.rows << QStringList{num(p.h), num(p.slope), num(derivative_), num(p.error)};
    return t;
}

void SecantPage::mousePress(QMouseEvent* event) {
    QCustomPlot* plot = view_->plot();
    auto pixel = [plot](double x, double y) {
        return QPointF(plot->xAxis->coordToPixel(x), plot->yAxis->coordToPixel(y));
    };
    const double at = x(), step = h();
    const QPointF p = pixel(at, f_->value(Vec::Constant(1, at)));
    const QPointF q = pixel(at + step, f_->value(Vec::Constant(1, at + step)));
    const double radius = kGrabRadius * style_.scale;
    const QPointF m = event->position();
    drag_ = QLineF(m, q).length() <= radius   ? Drag::Step
            : QLineF(m, p).length() <= radius ? Drag::Point
                                              : Drag::None;
    if (drag_ != Drag::None) plot->setInteraction(QCP::iRangeDrag, false);
}

void SecantPage::mouseMove(QMouseEvent* event) {
    if (drag_ == Drag::None) return;
    const double at = view_->plot()->xAxis->pixelToCoord(event->position().x());
    if (drag_ == Drag::Point) {
        setPoint(at);
        return;
    }
    double step = at - x();
    if (std::abs(step) < SecantSettings::kMinStep)
        step = std::copysign(SecantSettings::kMinStep, step == 0 ? h() : step);
    setStep(step);
}

void SecantPage::mouseRelease(QMouseEvent*) {
    if (drag_ != Drag::None) view_->plot()->setInteraction(QCP::iRangeDrag, true);
    drag_ = Drag::None;
}

} // namespace gs::app

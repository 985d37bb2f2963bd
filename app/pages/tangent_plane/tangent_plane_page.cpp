#include "pages/tangent_plane/tangent_plane_page.h"

#include "analysis/slices.h"
#include "controls/param_slider.h"
#include "field/grid.h"
#include "field/isolines.h"
#include "pages/point/surface_marks.h"
#include "plot/arrow_head.h"
#include "plot/field_map.h"
#include "plot/isoline_plottable.h"
#include "plot/slice_panel.h"
#include "plot/surface_element.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>

#include <cmath>

namespace gs::app {

namespace {
constexpr int kCutSamples = 400;
constexpr int kGapPoints = 41;
constexpr double kGapMin = 1e-4, kGapMax = 2; // radii of the log–log panel
constexpr int kPatchSamples = 80;             // f's contours near p, per side
constexpr int kContourSteps = 3;              // plane contours on each side of f(p)
// The gradient arrow on the map is ∇f scaled by this, and never longer than kArrowShare of the
// map's shorter side, so it points without covering the map.
constexpr double kArrowScale = 0.2, kArrowShare = 0.22;

// "(x − 2)", "(x + 1)" or "x": a coordinate shifted by −v, as one would write it.
QString shifted(const QString& name, double v) {
    if (v == 0) return name;
    return QStringLiteral("(%1 %2 %3)")
        .arg(name, v < 0 ? QStringLiteral("+") : QStringLiteral("−"), formatNumber(std::abs(v), 4));
}

void setLogAxis(QCPAxis* axis) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(10);
    ticker->setSubTickCount(0);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("eb"));
    axis->setNumberPrecision(0);
}
} // namespace

TangentPlanePage::TangentPlanePage(QWidget* parent)
    : PointPage(QStringLiteral("tangent-plane"), parent) {
    cut_ = std::make_unique<SlicePanel>(plot());
    gap_ = std::make_unique<SlicePanel>(plot());
    side()->addElement(0, 0, cut_->rect());
    side()->addElement(0, 1, gap_->rect());
    addPanelPicture(QStringLiteral("cut"), tr("Slice along the gradient"), cut_->rect());
    addPanelPicture(QStringLiteral("gap"), tr("Gap to the plane"), gap_->rect());
    cut_->setLabels(tr("t (along ĝ = ∇f / |∇f|)"), tr("f(p + tĝ)"));
    gap_->setLabels(tr("r = |q − p|"), tr("|f − T|"));
    setLogAxis(gap_->rect()->axis(QCPAxis::atBottom));
    setLogAxis(gap_->rect()->axis(QCPAxis::atLeft));
    secondOrder_ = plot()->addGraph(gap_->rect()->axis(QCPAxis::atBottom),
                                    gap_->rect()->axis(QCPAxis::atLeft));
    secondOrder_->removeFromLegend();

    QCPAxis* mx = map()->xAxis();
    QCPAxis* my = map()->yAxis();
    surfaceLines_ = new IsolinePlottable(mx, my);
    planeLines_ = new IsolinePlottable(mx, my);
    for (IsolinePlottable* p : {surfaceLines_, planeLines_})
        p->removeFromLegend();
    gradient_ = new QCPItemLine(plot());
    gradient_->setClipAxisRect(map()->rect());
    for (QCPItemPosition* p : {gradient_->start, gradient_->end})
        p->setAxes(mx, my);
    fitArrowHeads(*plot(), map()->rect(), {gradient_}, &style(), 1.2);
    gradientLabel_ = new QCPItemText(plot());
    gradientLabel_->setClipAxisRect(map()->rect());
    gradientLabel_->position->setAxes(mx, my);
    gradientLabel_->setText(QStringLiteral("∇f"));

    patch_ = new ParamSlider(tr("Contours within"), {TangentPlaneSettings::kMinPatch, 2, false, 2},
                             settings_.patch, this);
    field_ = new QCheckBox(tr("Gradient field"), this);
    field_->setFocusPolicy(Qt::NoFocus);
    controls()->addWidget(patch_, 1, 2);
    controls()->addWidget(field_, 1, 3);
    connect(patch_, &ParamSlider::valueChanged, this, [this](double v) {
        settings_.patch = v;
        update();
    });
    connect(field_, &QCheckBox::toggled, this, [this](bool on) {
        settings_.field = on;
        update();
    });

    Scene initial;
    initial.page = QStringLiteral("tangent-plane");
    initial.catalog = QStringLiteral("cosine-landscape");
    initial.start = {-1.0, 1.0};
    showInitialScene(initial);
}

TangentPlanePage::~TangentPlanePage() = default;

void TangentPlanePage::readSettings(const QJsonObject& section) {
    settings_ = settingsFrom<TangentPlaneSettings>(section);
    const QSignalBlocker bp(patch_), bf(field_);
    patch_->setValue(settings_.patch);
    settings_.patch = patch_->value(); // as the slider holds it
    field_->setChecked(settings_.field);
}

QJsonObject TangentPlanePage::settings() const {
    return settings_.toJson();
}

void TangentPlanePage::update() {
    const ObjectivePtr& f = objective();
    if (!f) return;
    const Vec at = p();
    plane_ = tangentPlane(*f, at);
    const Vec& g = plane_.gradient;
    const double norm = g.norm();
    marker()->setData({at[0]}, {at[1]}, true);
    map()->setArrowsVisible(settings_.field);

    // The gradient at p, scaled to read on the map.
    const double side = std::min(map()->xAxis()->range().size(), map()->yAxis()->range().size());
    const double scale = norm > 0 ? std::min(kArrowScale, kArrowShare * side / norm) : 0;
    const Vec tip = at + scale * g;
    gradient_->start->setCoords(at[0], at[1]);
    gradient_->end->setCoords(tip[0], tip[1]);
    gradient_->setVisible(norm > 0 && std::isfinite(norm));
    gradientLabel_->position->setCoords(tip[0], tip[1]);
    gradientLabel_->setVisible(gradient_->visible());
    gradientLabel_->setPositionAlignment((g[0] >= 0 ? Qt::AlignLeft : Qt::AlignRight) |
                                         (g[1] >= 0 ? Qt::AlignBottom : Qt::AlignTop));

    // Contours near p: the plane's (straight) and f's own, at the same levels f(p) + kδ.
    const double half = settings_.patch;
    const Box patch{at.array() - half, at.array() + half};
    std::vector<double> levels;
    const double step = norm * half / (kContourSteps + 0.5);
    if (step > 0 && std::isfinite(step))
        for (int k = -kContourSteps; k <= kContourSteps; ++k)
            levels.push_back(plane_.value + k * step);
    else
        levels.push_back(plane_.value);
    planeLines_->setIsolines(
        isolines(samplePlane(plane_, patch, kPatchSamples, kPatchSamples), levels));
    surfaceLines_->setIsolines(
        isolines(sampleGrid(*f, patch, kPatchSamples, kPatchSamples), levels));

    // On the surface: the plane's patch over the square around p, the two partial tangent lines
    // lying in it, the point.
    {
        QColor fill = style().pathColor(0);
        fill.setAlpha(110);
        auto corner = [&](double sx, double sy) { // T(p + d) = f(p) + ∇f·d, written out
            const double dx = sx * half, dy = sy * half;
            return SurfacePoint{at[0] + dx, at[1] + dy, plane_.value + g[0] * dx + g[1] * dy};
        };
        const QPen edge(style().pathColor(0).darker(130), style().scale);
        const QPen tangentPen(style().foreground(), style().lineWidth() * 1.2);
        const SurfacePoint centre{at[0], at[1], plane_.value};
        surface()->renderer().setOverlays(
            {SurfaceOverlay::polygon({corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)},
                                     QBrush(fill), edge, key(tr("tangent plane"))),
             segment3d(centre, {1, 0, g[0]}, half, tangentPen, key(tr("tangents ∂f/∂x, ∂f/∂y"))),
             segment3d(centre, {0, 1, g[1]}, half, tangentPen),
             SurfaceOverlay::markers({centre}, style().foreground(), 9)});
    }

    // The cut along the gradient: the plane's steepest line is its tangent, slope |∇f|.
    const SliceLine line = norm > 0 ? SliceLine{at, g / norm} : axisLine(at, 0);
    const TRange t = lineInBox(line, map()->box());
    const SliceSamples cut =
        sampleSlice(*f, line, std::min(t.lo, 0.0), std::max(t.hi, 0.0), kCutSamples);
    cut_->setCurve(QVector<double>(cut.t.begin(), cut.t.end()),
                   QVector<double>(cut.value.begin(), cut.value.end()));
    const double slope = sliceSlope(*f, line);
    cut_->setPoint(0, plane_.value, slope);
    cut_->setCaption(tr("slope |∇f| = %1").arg(formatNumber(slope, 4)));

    // The gap against r, and ½‖∇²f‖ r² beside it.
    gaps_ = planeGaps(*f, plane_, kGapMin, kGapMax, kGapPoints);
    const double bound = secondOrderBound(*f, at);
    QVector<double> rs, es, refR, refE;
    double lo = INFINITY, hi = 0;
    for (const PlaneGap& gp : gaps_)
        if (gp.gap > 0 && std::isfinite(gp.gap)) { // a log axis has no room for 0
            rs.prepend(gp.r);
            es.prepend(gp.gap);
            lo = std::min(lo, gp.gap);
            hi = std::max(hi, gp.gap);
        }
    if (bound > 0 && std::isfinite(bound))
        for (double r : {kGapMin, kGapMax}) {
            refR << r;
            refE << bound * r * r;
            lo = std::min(lo, bound * r * r);
            hi = std::max(hi, bound * r * r);
        }
    gap_->curve()->setData(rs, es, true);
    secondOrder_->setData(refR, refE, true);
    gap_->rect()->axis(QCPAxis::atBottom)->setRange(kGapMin, kGapMax);
    if (!(lo < hi)) {
        lo = 1e-12;
        hi = 1;
    }
    gap_->rect()->axis(QCPAxis::atLeft)->setRange(std::max(lo / 3, 1e-300), hi * 6);
    gap_->setCaption(tr("dashed: ½‖∇²f‖ r²"));

    readout()->setText(
        tr("p = (%1, %2), f(p) = <b>%3</b>, ∇f(p) = (<b>%4</b>, <b>%5</b>), |∇f| = %6<br>"
           "tangent plane z = %3 %7 %9 %8 %10")
            .arg(formatNumber(at[0], 4), formatNumber(at[1], 4), formatNumber(plane_.value, 5),
                 formatNumber(g[0], 5), formatNumber(g[1], 5), formatNumber(norm, 5))
            .arg((g[0] < 0 ? QStringLiteral("− ") : QStringLiteral("+ ")) +
                     formatNumber(std::abs(g[0]), 5),
                 (g[1] < 0 ? QStringLiteral("− ") : QStringLiteral("+ ")) +
                     formatNumber(std::abs(g[1]), 5),
                 shifted(QStringLiteral("x"), at[0]), shifted(QStringLiteral("y"), at[1])));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TangentPlanePage::restyle() {
    const QColor plane = style().pathColor(0), surface = QColor(255, 255, 255);
    cut_->setColor(style().curve());
    cut_->setStyle(style(), font());
    gap_->setColor(style().pathColor(1));
    gap_->setStyle(style(), font());
    secondOrder_->setPen(QPen(style().foreground(), style().lineWidth() * 0.75, Qt::DashLine));
    planeLines_->setPen(QPen(plane, style().lineWidth(), Qt::DashLine));
    surfaceLines_->setPen(QPen(surface, style().lineWidth() * 0.7));
    const QColor arrow = style().pathColor(5); // vermillion: reads on every viridis hue
    gradient_->setPen(QPen(arrow, style().lineWidth() * 1.5));
    gradientLabel_->setColor(Qt::white);
    gradientLabel_->setFont(style().font(font(), 1.2));
}

Table TangentPlanePage::table() const {
    Table t;
    t.header = {QStringLiteral("r"), QStringLiteral("gap"), QStringLiteral("gap_over_r2")};
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    for (const PlaneGap& g : gaps_)
        t.rows << QStringList{num(g.r), num(g.gap), num(g.gap / (g.r * g.r))};
    return t;
}

} // namespace gs::app

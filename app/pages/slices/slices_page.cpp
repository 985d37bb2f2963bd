#include "pages/slices/slices_page.h"

#include "analysis/slices.h"
#include "pages/point/formula_text.h"
#include "pages/point/surface_marks.h"
#include "plot/field_map.h"
#include "plot/slice_panel.h"
#include "plot/surface_element.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>

namespace gs::app {

namespace {
constexpr int kSamples = 400; // per slice: smooth at full-screen widths
} // namespace

SlicesPage::SlicesPage(QWidget* parent) : PointPage(QStringLiteral("slices"), parent) {
    panelX_ = std::make_unique<SlicePanel>(plot());
    panelY_ = std::make_unique<SlicePanel>(plot());
    side()->addElement(0, 0, panelX_->rect());
    side()->addElement(0, 1, panelY_->rect());
    addPanelPicture(QStringLiteral("slice-x"), tr("Slice along x"), panelX_->rect());
    addPanelPicture(QStringLiteral("slice-y"), tr("Slice along y"), panelY_->rect());
    panelX_->setLabels(QStringLiteral("x"), tr("f(x, y₀)"));
    panelY_->setLabels(QStringLiteral("y"), tr("f(x₀, y)"));
    QCPAxisRect* mapRect = map()->rect();
    auto traceOnMap = [&] {
        auto* line = new QCPItemLine(plot());
        line->setClipAxisRect(mapRect);
        for (QCPItemPosition* p : {line->start, line->end})
            p->setAxes(map()->xAxis(), map()->yAxis());
        return line;
    };
    planeY_ = traceOnMap();
    planeX_ = traceOnMap();
    tangents_ = new QCheckBox(tr("Tangents"), this);
    tangents_->setChecked(true);
    tangents_->setFocusPolicy(Qt::NoFocus);
    controls()->addWidget(tangents_, 1, 2);
    connect(tangents_, &QCheckBox::toggled, this, [this](bool on) {
        settings_.tangents = on;
        update();
    });

    Scene initial;
    initial.page = QStringLiteral("slices");
    initial.catalog = QStringLiteral("cosine-landscape");
    initial.start = {0.0, 0.0};
    showInitialScene(initial);
}

SlicesPage::~SlicesPage() = default;

void SlicesPage::readSettings(const QJsonObject& section) {
    settings_ = settingsFrom<SlicesSettings>(section);
    const QSignalBlocker block(tangents_);
    tangents_->setChecked(settings_.tangents);
}

QJsonObject SlicesPage::settings() const {
    return settings_.toJson();
}

QString SlicesPage::sliceFormula(int axis) const {
    if (!objective()) return {};
    const QPointF at = point();
    // The slice along x fixes y, and the other way round.
    return fixedVariableText(*objective(), 1 - axis, axis == 0 ? at.y() : at.x(), false);
}

QString SlicesPage::partialFormula(int axis) const {
    return objective() ? partialText(*objective(), axis, false) : QString();
}

void SlicesPage::update() {
    const ObjectivePtr& f = objective();
    if (!f) return;
    const Vec at = p();
    const Box& box = map()->box();
    // Each slice over the whole box: the line through p along e_x (or e_y), t = x − x₀.
    auto slice = [&](int axis, QVector<double>& s, QVector<double>& v) {
        const SliceLine line = axisLine(at, axis);
        const SliceSamples samples =
            sampleSlice(*f, line, box.lo[axis] - at[axis], box.hi[axis] - at[axis], kSamples);
        s.resize(kSamples);
        v.resize(kSamples);
        for (int i = 0; i < kSamples; ++i) {
            s[i] = at[axis] + samples.t[size_t(i)];
            v[i] = samples.value[size_t(i)];
        }
        return sliceSlope(*f, line);
    };
    slopeX_ = slice(0, xs_, fxs_);
    slopeY_ = slice(1, ys_, fys_);
    const double value = f->value(at);
    const double nan = std::nan("");
    panelX_->setCurve(xs_, fxs_);
    panelY_->setCurve(ys_, fys_);
    panelX_->setPoint(at[0], value, settings_.tangents ? slopeX_ : nan);
    panelY_->setPoint(at[1], value, settings_.tangents ? slopeY_ : nan);
    panelX_->setCaption(tr("slope ∂f/∂x = %1").arg(formatNumber(slopeX_, 4)));
    panelY_->setCaption(tr("slope ∂f/∂y = %1").arg(formatNumber(slopeY_, 4)));
    panelX_->setLabels(QStringLiteral("x"), tr("f(x, %1)").arg(formatNumber(at[1], 3)));
    panelY_->setLabels(QStringLiteral("y"), tr("f(%1, y)").arg(formatNumber(at[0], 3)));
    // The planes' traces across the box: x = x₀ is vertical, y = y₀ horizontal.
    planeX_->start->setCoords(at[0], box.lo[1]);
    planeX_->end->setCoords(at[0], box.hi[1]);
    planeY_->start->setCoords(box.lo[0], at[1]);
    planeY_->end->setCoords(box.hi[0], at[1]);
    marker()->setData({at[0]}, {at[1]}, true);

    // On the surface: both planes, the cuts they make, the tangents and the point.
    const QColor cx = style().pathColor(0), cy = style().pathColor(1);
    auto translucent = [](QColor c) {
        c.setAlpha(55);
        return c;
    };
    SurfaceRenderer& r = surface()->renderer();
    const SurfaceBox sb = r.box();
    const double w = style().lineWidth() * 1.3;
    QVector<SurfaceOverlay> marks{
        verticalPlane(sb, {box.lo[0], at[1]}, {box.hi[0], at[1]}, translucent(cx),
                      key(tr("plane y = y₀"))),
        verticalPlane(sb, {at[0], box.lo[1]}, {at[0], box.hi[1]}, translucent(cy),
                      key(tr("plane x = x₀"))),
        liftedCurve(xs_, QVector<double>(xs_.size(), at[1]), fxs_, QPen(cx, w)),
        liftedCurve(QVector<double>(ys_.size(), at[0]), ys_, fys_, QPen(cy, w))};
    if (settings_.tangents) {
        const QPen dashed(style().foreground(), style().lineWidth(), Qt::DashLine);
        marks << segment3d({at[0], at[1], value}, {1, 0, slopeX_}, 0.9, dashed)
              << segment3d({at[0], at[1], value}, {0, 1, slopeY_}, 0.9, dashed);
    }
    marks << SurfaceOverlay::markers({{at[0], at[1], value}}, style().foreground(), 9);
    r.setOverlays(marks);

    auto orDash = [](const QString& s) { return s.isEmpty() ? QStringLiteral("—") : s; };
    const QString x0 = formatNumber(at[0], 3), y0 = formatNumber(at[1], 3);
    // Each partial's formula beside its value; on a projector the values only (the formulas are
    // under the function, in the picker, and the room goes to the plot).
    auto partial = [&](int i, double v) {
        const QString formula = partialText(*f, i, true);
        const QString number = QStringLiteral("<b>%1</b>").arg(formatNumber(v, 6));
        return style().scale > 1 || formula.isEmpty() ? number
                                                      : formula + QStringLiteral(" = ") + number;
    };
    readout()->setText(tr("f(x, %1) = %2 &nbsp;·&nbsp; f(%3, y) = %4<br>at (%3, %1): ∂f/∂x = %5 "
                          "&nbsp;·&nbsp; ∂f/∂y = %6 &nbsp;·&nbsp; f = %7")
                           .arg(y0, orDash(fixedVariableText(*f, 1, at[1], true)), x0,
                                orDash(fixedVariableText(*f, 0, at[0], true)), partial(0, slopeX_),
                                partial(1, slopeY_), formatNumber(value, 6)));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void SlicesPage::restyle() {
    const QColor cx = style().pathColor(0), cy = style().pathColor(1); // as in update()
    panelX_->setColor(cx);
    panelY_->setColor(cy);
    panelX_->setStyle(style(), font());
    panelY_->setStyle(style(), font());
    planeY_->setPen(QPen(cx, style().lineWidth() * 1.2));
    planeX_->setPen(QPen(cy, style().lineWidth() * 1.2));
}

Table SlicesPage::table() const {
    Table t;
    t.header = {QStringLiteral("x"),      QStringLiteral("f_x_y0"), QStringLiteral("y"),
                QStringLiteral("f_x0_y"), QStringLiteral("df_dx"),  QStringLiteral("df_dy")};
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    for (int i = 0; i < xs_.size(); ++i)
        t.rows << QStringList{num(xs_[i]),  num(fxs_[i]), num(ys_[i]),
                              num(fys_[i]), num(slopeX_), num(slopeY_)};
    return t;
}

} // namespace gs::app

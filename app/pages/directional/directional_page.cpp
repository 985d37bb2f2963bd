#include "pages/directional/directional_page.h"

#include "analysis/slices.h"
#include "controls/param_slider.h"
#include "pages/point/surface_marks.h"
#include "plot/arrow_head.h"
#include "plot/field_map.h"
#include "plot/slice_panel.h"
#include "plot/surface_element.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QGridLayout>
#include <QLabel>

#include <cmath>
#include <numbers>

namespace gs::app {

namespace {
constexpr int kCutSamples = 400;
constexpr int kProfileSamples = 720; // every half degree
constexpr double kDegree = std::numbers::pi / 180;
constexpr double kGrabRadius = 16; // pixels (times the presentation scale) around the arrow's tip

double degrees(double radians) {
    return radians / kDegree;
}

QCPItemLine* mapArrow(QCustomPlot* plot, FieldMap* map) {
    auto* line = new QCPItemLine(plot);
    line->setClipAxisRect(map->rect());
    for (QCPItemPosition* p : {line->start, line->end})
        p->setAxes(map->xAxis(), map->yAxis());
    return line;
}
} // namespace

DirectionalPage::DirectionalPage(QWidget* parent)
    : PointPage(QStringLiteral("directional"), parent) {
    cut_ = std::make_unique<SlicePanel>(plot());
    profilePanel_ = std::make_unique<SlicePanel>(plot());
    side()->addElement(0, 0, cut_->rect());
    side()->addElement(0, 1, profilePanel_->rect());
    addPanelPicture(QStringLiteral("cut"), tr("Slice along e"), cut_->rect());
    addPanelPicture(QStringLiteral("profile"), tr("Slope over the angle"), profilePanel_->rect());
    cut_->setLabels(tr("t"), tr("f(p + t e)"));
    profilePanel_->setLabels(tr("angle θ of e (degrees)"), tr("e · ∇f"));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(90);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    profilePanel_->rect()->axis(QCPAxis::atBottom)->setTicker(ticker);
    angleMark_ = new QCPItemStraightLine(plot());
    angleMark_->setClipAxisRect(profilePanel_->rect());
    for (QCPItemPosition* p : {angleMark_->point1, angleMark_->point2})
        p->setAxes(profilePanel_->rect()->axis(QCPAxis::atBottom),
                   profilePanel_->rect()->axis(QCPAxis::atLeft));

    cutLine_ = mapArrow(plot(), map());
    levelLine_ = mapArrow(plot(), map());
    descent_ = mapArrow(plot(), map());
    ascent_ = mapArrow(plot(), map());
    direction_ = mapArrow(plot(), map());
    fitArrowHeads(*plot(), map()->rect(), {direction_, ascent_, descent_}, &style());
    auto label = [this](const QString& text) {
        auto* item = new QCPItemText(plot());
        item->setClipAxisRect(map()->rect());
        item->position->setAxes(map()->xAxis(), map()->yAxis());
        item->setText(text);
        return item;
    };
    directionLabel_ = label(QStringLiteral("e"));
    ascentLabel_ = label(QStringLiteral("∇f"));
    descentLabel_ = label(QStringLiteral("−∇f"));

    angle_ = new ParamSlider(tr("Direction θ (°)"), {0, 360, false, 1}, settings_.angle, this);
    controls()->addWidget(angle_, 1, 2);
    connect(angle_, &ParamSlider::valueChanged, this, [this](double v) {
        settings_.angle = v;
        update();
    });

    Scene initial;
    initial.page = QStringLiteral("directional");
    initial.catalog = QStringLiteral("cosine-landscape");
    initial.start = {-1.0, 1.0};
    showInitialScene(initial);
}

DirectionalPage::~DirectionalPage() = default;

void DirectionalPage::readSettings(const QJsonObject& section) {
    settings_ = settingsFrom<DirectionalSettings>(section);
    const QSignalBlocker block(angle_);
    angle_->setValue(settings_.angle);
}

QJsonObject DirectionalPage::settings() const {
    return settings_.toJson();
}

double DirectionalPage::angle() const {
    return settings_.angle;
}

void DirectionalPage::setAngle(double degrees) {
    angle_->setValue(degrees); // updates through valueChanged
}

double DirectionalPage::arrowLength() const {
    const Box& box = map()->box();
    return 0.16 * std::min(box.hi[0] - box.lo[0], box.hi[1] - box.lo[1]);
}

bool DirectionalPage::grab(QPointF pixel) {
    const QPointF tip =
        map()->toPixel({direction_->end->coords().x(), direction_->end->coords().y()});
    return QLineF(pixel, tip).length() <= kGrabRadius * style().scale;
}

void DirectionalPage::dragTo(QPointF coords) {
    const QPointF at = point();
    const double dx = coords.x() - at.x(), dy = coords.y() - at.y();
    if (dx == 0 && dy == 0) return;
    setAngle(degrees(wrapAngle(std::atan2(dy, dx))));
}

void DirectionalPage::update() {
    const ObjectivePtr& f = objective();
    if (!f) return;
    const Vec at = p();
    const double theta = settings_.angle * kDegree;
    const SliceLine line = angleLine(at, theta);
    derivative_ = sliceSlope(*f, line);
    profile_ = directionalProfile(*f, at, kProfileSamples);
    const double norm = profile_.gradientNorm;
    marker()->setData({at[0]}, {at[1]}, true);

    // On the map: e, the steepest ascent ∇f/|∇f| and descent, the level line, the cut's line.
    const double len = arrowLength();
    auto place = [&](QCPItemLine* item, double a, double from, double to) {
        item->start->setCoords(at[0] + from * std::cos(a), at[1] + from * std::sin(a));
        item->end->setCoords(at[0] + to * std::cos(a), at[1] + to * std::sin(a));
    };
    place(direction_, theta, 0, len);
    // A label just beyond an arrow's tip, on the side away from p.
    auto tag = [&](QCPItemText* item, double a, double r) {
        item->position->setCoords(at[0] + r * std::cos(a), at[1] + r * std::sin(a));
        item->setPositionAlignment((std::cos(a) >= 0 ? Qt::AlignLeft : Qt::AlignRight) |
                                   (std::sin(a) >= 0 ? Qt::AlignBottom : Qt::AlignTop));
    };
    tag(directionLabel_, theta, 1.05 * len);
    const TRange t = lineInBox(line, map()->box());
    place(cutLine_, theta, t.lo, t.hi);
    const bool steep = norm > 0 && std::isfinite(norm);
    ascent_->setVisible(steep);
    descent_->setVisible(steep);
    levelLine_->setVisible(steep);
    if (steep) {
        place(ascent_, profile_.gradientAngle, 0, 0.8 * len);
        place(descent_, profile_.gradientAngle + std::numbers::pi, 0, 0.8 * len);
        place(levelLine_, profile_.gradientAngle + std::numbers::pi / 2, -0.8 * len, 0.8 * len);
        tag(ascentLabel_, profile_.gradientAngle, 0.85 * len);
        tag(descentLabel_, profile_.gradientAngle + std::numbers::pi, 0.85 * len);
    }
    ascentLabel_->setVisible(steep);
    descentLabel_->setVisible(steep);

    // The cut along e and its tangent, slope e·∇f.
    const SliceSamples cut =
        sampleSlice(*f, line, std::min(t.lo, 0.0), std::max(t.hi, 0.0), kCutSamples);
    cut_->setCurve(QVector<double>(cut.t.begin(), cut.t.end()),
                   QVector<double>(cut.value.begin(), cut.value.end()));
    cut_->setPoint(0, f->value(at), derivative_);
    cut_->setCaption(tr("slope e·∇f = %1").arg(formatNumber(derivative_, 4)));

    // On the surface: the vertical plane along e, the cut it makes, its tangent and the point.
    {
        QColor fill = style().pathColor(0);
        fill.setAlpha(55);
        const double value = f->value(at);
        QVector<double> cx, cy;
        for (double s : cut.t) {
            cx << at[0] + s * std::cos(theta);
            cy << at[1] + s * std::sin(theta);
        }
        const SurfacePoint centre{at[0], at[1], value};
        surface()->renderer().setOverlays(
            {verticalPlane(surface()->renderer().box(),
                           {at[0] + t.lo * std::cos(theta), at[1] + t.lo * std::sin(theta)},
                           {at[0] + t.hi * std::cos(theta), at[1] + t.hi * std::sin(theta)}, fill,
                           key(tr("plane along e"))),
             liftedCurve(cx, cy, QVector<double>(cut.value.begin(), cut.value.end()),
                         QPen(style().pathColor(0), style().lineWidth() * 1.3)),
             segment3d(centre, {std::cos(theta), std::sin(theta), derivative_}, 0.9,
                       QPen(style().foreground(), style().lineWidth(), Qt::DashLine),
                       key(tr("tangent, slope e·∇f"))),
             SurfaceOverlay::markers({centre}, style().foreground(), 9)});
    }

    // e·∇f over all angles, its extremes and zeros marked.
    QVector<double> angles, values;
    for (size_t i = 0; i < profile_.angles.size(); ++i) {
        angles << degrees(profile_.angles[i]);
        values << profile_.values[i];
    }
    angles << 360; // close the period
    values << profile_.values.front();
    profilePanel_->setCurve(angles, values);
    profilePanel_->setPoint(settings_.angle, derivative_, std::nan(""));
    QVector<double> mt{degrees(profile_.maxAngle), degrees(profile_.minAngle)};
    QVector<double> mv{profile_.maxValue, profile_.minValue};
    for (double z : profile_.zeros) {
        mt << degrees(z);
        mv << 0;
    }
    profilePanel_->setMarks(steep ? mt : QVector<double>{}, steep ? mv : QVector<double>{});
    angleMark_->point1->setCoords(settings_.angle, 0);
    angleMark_->point2->setCoords(settings_.angle, 1);
    profilePanel_->setCaption(
        tr("max %1 at %2°")
            .arg(formatNumber(profile_.maxValue, 4), formatNumber(degrees(profile_.maxAngle), 4)));

    const double alpha = std::acos(std::clamp(norm > 0 ? derivative_ / norm : 1.0, -1.0, 1.0));
    QStringList zeros;
    for (double z : profile_.zeros)
        zeros << formatNumber(degrees(z), 4) + QStringLiteral("°");
    readout()->setText(
        tr("e = (cos θ, sin θ) = (%1, %2), ∇f(p) = (%3, %4): <b>e·∇f = %5</b> = |∇f| cos α "
           "with |∇f| = %6, α = %7°<br>steepest ascent along ∇f at θ = <b>%8°</b>, descent at "
           "<b>%9°</b>, level line (e·∇f = 0) at %10")
            .arg(formatNumber(std::cos(theta), 4), formatNumber(std::sin(theta), 4),
                 formatNumber(
                     at.size() ? profile_.gradientNorm * std::cos(profile_.gradientAngle) : 0, 5),
                 formatNumber(profile_.gradientNorm * std::sin(profile_.gradientAngle), 5),
                 formatNumber(derivative_, 6), formatNumber(norm, 6),
                 formatNumber(degrees(alpha), 4), formatNumber(degrees(profile_.maxAngle), 4))
            .arg(formatNumber(degrees(profile_.minAngle), 4),
                 zeros.isEmpty() ? QStringLiteral("—") : zeros.join(QStringLiteral(", "))));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void DirectionalPage::restyle() {
    const double w = style().lineWidth();
    const QColor e = style().pathColor(0), up = style().pathColor(5), down = style().pathColor(1);
    cut_->setColor(e);
    cut_->setStyle(style(), font());
    profilePanel_->setColor(style().curve());
    profilePanel_->setStyle(style(), font());
    direction_->setPen(QPen(e, w * 1.6));
    ascent_->setPen(QPen(up, w * 1.3));
    descent_->setPen(QPen(down, w * 1.3));
    levelLine_->setPen(QPen(Qt::white, w, Qt::DashLine));
    cutLine_->setPen(QPen(e, w * 0.6, Qt::DotLine));
    angleMark_->setPen(QPen(e, w * 0.6, Qt::DashLine));
    for (QCPItemText* label : {directionLabel_, ascentLabel_, descentLabel_}) {
        label->setFont(style().font(font(), 1.15));
        label->setColor(Qt::white);
    }
}

Table DirectionalPage::table() const {
    Table t;
    t.header = {QStringLiteral("angle_deg"), QStringLiteral("finite_difference"),
                QStringLiteral("e_dot_grad")};
    const ObjectivePtr& f = objective();
    if (!f) return t;
    const Vec at = p();
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    for (int d = 0; d < 360; ++d)
        t.rows << QStringList{QString::number(d), num(directionalDifference(*f, at, d * kDegree)),
                              num(directionalDerivative(*f, at, d * kDegree))};
    return t;
}

} // namespace gs::app

#include "plot/hessian_plottable.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
// A dark casing under every light line, so it reads on each viridis hue (yellow included).
const QColor kCasing(0, 0, 0, 110);
} // namespace

HessianPlottable::HessianPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {
    setAntialiased(true);
    setName(tr("quadratic model"));
}

void HessianPlottable::setPicture(Picture picture) {
    picture_ = std::move(picture);
    clearBounds();
    includeInBounds(picture_->point.x(), picture_->point.y());
    for (const Isoline& iso : picture_->curves)
        for (const Polyline& line : iso.lines)
            for (const Point2& p : line.points)
                includeInBounds(p.x, p.y);
}

void HessianPlottable::clearPicture() {
    picture_.reset();
    clearBounds();
}

void HessianPlottable::setColors(const QColor& axes, const QColor& curves, double scale) {
    axesColor_ = axes;
    curvesColor_ = curves;
    scale_ = scale;
}

int HessianPlottable::curveCount() const {
    int n = 0;
    if (picture_)
        for (const Isoline& iso : picture_->curves)
            n += static_cast<int>(iso.lines.size());
    return n;
}

void HessianPlottable::draw(QCPPainter* painter) {
    if (!mKeyAxis || !mValueAxis || !picture_) return;
    applyDefaultAntialiasingHint(painter);
    painter->setBrush(Qt::NoBrush);
    // The model's level curves, dashed: a model, not the function.
    for (const QPen& pen :
         {QPen(kCasing, 3.0 * scale_), QPen(curvesColor_, 1.4 * scale_, Qt::DashLine)}) {
        painter->setPen(pen);
        drawIsolines(painter, picture_->curves);
    }
    for (const Axis& a : picture_->axes)
        drawAxis(painter, a);
    if (picture_->center) { // a ring with a cross: where the model is stationary
        const QPointF c = coordsToPixels(picture_->center->x(), picture_->center->y());
        const double r = 5 * scale_;
        for (const QPen& pen : {QPen(kCasing, 3.4 * scale_), QPen(curvesColor_, 1.6 * scale_)}) {
            painter->setPen(pen);
            painter->drawEllipse(c, r, r);
            painter->drawLine(QLineF(c - QPointF(r, 0), c + QPointF(r, 0)));
            painter->drawLine(QLineF(c - QPointF(0, r), c + QPointF(0, r)));
        }
    }
}

double HessianPlottable::axisPixels(const Axis& a) const {
    const QPointF p = picture_->point;
    return QLineF(coordsToPixels(p.x(), p.y()),
                  coordsToPixels(p.x() + a.direction.x() * a.halfLength,
                                 p.y() + a.direction.y() * a.halfLength))
        .length();
}

void HessianPlottable::drawAxis(QCPPainter* painter, const Axis& a) const {
    const QPointF p = picture_->point;
    const QPointF tip = coordsToPixels(p.x() + a.direction.x() * a.halfLength,
                                       p.y() + a.direction.y() * a.halfLength);
    const QPointF tail = coordsToPixels(p.x() - a.direction.x() * a.halfLength,
                                        p.y() - a.direction.y() * a.halfLength);
    const QLineF line(tail, tip);
    if (line.length() < 2) return;
    const QPointF u = (tip - tail) / line.length();
    const double head = std::min(9 * scale_, 0.3 * line.length() / 2); // small maps: small heads
    for (const QPen& pen :
         {QPen(kCasing, 4.4 * scale_),
          QPen(axesColor_, 2.0 * scale_, a.negative ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap)}) {
        painter->setPen(pen);
        painter->setBrush(pen.color());
        painter->drawLine(QLineF(tail + u * head * 0.6, tip - u * head * 0.6));
        // Both ends: an eigenvector has no sign of its own.
        drawArrowHead(painter, tip, u, head);
        drawArrowHead(painter, tail, -u, head);
    }
    // The label beyond the tip, on the side the axis points to, with a casing of its own. On a
    // small map (a projector's window) it shrinks with the picture rather than cover it.
    QFont font = labelFont_;
    const double longest = std::max(axisPixels(picture_->axes[0]), axisPixels(picture_->axes[1]));
    const double cap = std::max(8.0, longest / 3);
    if (QFontInfo(font).pixelSize() > cap) font.setPixelSize(static_cast<int>(cap));
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const QSizeF size(fm.horizontalAdvance(a.label) + 6 * scale_, fm.height() + 2 * scale_);
    const QPointF anchor = tip + u * (0.45 * size.width() + 4 * scale_);
    const QRectF box(anchor - QPointF(size.width() / 2, size.height() / 2), size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 150));
    painter->drawRoundedRect(box, 3 * scale_, 3 * scale_);
    painter->setPen(axesColor_);
    painter->drawText(box, Qt::AlignCenter, a.label);
}

void HessianPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(QPen(QColor(110, 110, 110), 1.4 * scale_, Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(rect.adjusted(rect.width() * 0.1, 2, -rect.width() * 0.1, -2));
}

} // namespace gs::app

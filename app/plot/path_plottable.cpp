#include "plot/path_plottable.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

PathPlottable::PathPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {
    setAntialiased(true);
}

void PathPlottable::setPoints(QVector<QPointF> points) {
    points_ = std::move(points);
    clearBounds();
    for (const QPointF& p : points_)
        includeInBounds(p.x(), p.y());
    current_ = std::clamp(current_, 0, std::max(0, static_cast<int>(points_.size()) - 1));
}

void PathPlottable::setCurrent(int current) {
    current_ = std::clamp(current, 0, std::max(0, static_cast<int>(points_.size()) - 1));
}

void PathPlottable::setColor(const QColor& color) {
    color_ = color;
    setPen(QPen(color, lineWidth_));
    setBrush(QBrush(color));
}

void PathPlottable::setSizes(double lineWidth, double markerSize) {
    lineWidth_ = lineWidth;
    markerSize_ = markerSize;
    setColor(color_);
}

void PathPlottable::setDraft(bool on) {
    draft_ = on;
    setAntialiased(!on);
}

void PathPlottable::draw(QCPPainter* painter) {
    if (points_.isEmpty()) return;
    QCPAxis* keyAxis = mKeyAxis.data();
    QCPAxis* valueAxis = mValueAxis.data();
    if (!keyAxis || !valueAxis) return;

    const int last = std::min(current_, static_cast<int>(points_.size()) - 1);
    // Iterates closer than the line is wide are one point on screen; a converged run piles
    // hundreds of them onto its last pixel, and stroking each would cost milliseconds per drag.
    const double minGap = std::max(1.0, lineWidth_);
    QVector<QPointF> px;
    px.reserve(last + 1);
    for (int i = 0; i <= last; ++i) {
        const QPointF p = coordsToPixels(points_[i].x(), points_[i].y());
        if (i == 0 || i == last || QLineF(px.back(), p).length() >= minGap) px << p;
    }

    applyDefaultAntialiasingHint(painter);
    // Bevel joins: round ones cost an arc (atan2, Bézier flattening) at each of thousands of
    // vertices.
    painter->setPen(draft_ ? QPen(color_, 1.0)
                           : QPen(color_, lineWidth_, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin));
    painter->drawPolyline(px.constData(), static_cast<int>(px.size()));

    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    const double head = 3.5 * lineWidth_ + 2;
    for (int i = 1; i < px.size(); ++i) {
        const QPointF d = px[i] - px[i - 1];
        if (std::hypot(d.x(), d.y()) >= std::max(minArrowPx_, 1.6 * head)) {
            // The tip stops short of the target marker so the marker stays readable.
            const QPointF u = d / std::hypot(d.x(), d.y());
            drawArrowHead(painter, px[i] - u * (head * 0.45), u, head);
        }
    }

    // Small dots at the iterates, a ring at the start, a large marker at the current step.
    // Dots that would overlap the previous one add nothing but time; the rest are stamped from one
    // pre-rendered pixmap, since an antialiased ellipse costs a Bézier flattening each.
    const double dot = markerSize_ * 0.5;
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap& stamp = dotStamp(dot, dpr);
    const QPointF offset(dot / 2 + 1, dot / 2 + 1);
    QPointF lastDot = px[0];
    for (int i = 1; i + 1 < px.size(); ++i)
        if (QLineF(lastDot, px[i]).length() >= 1.5 * dot) {
            painter->drawPixmap(px[i] - offset, stamp);
            lastDot = px[i];
        }
    painter->setBrush(Qt::white);
    painter->setPen(QPen(color_, lineWidth_));
    painter->drawEllipse(px[0], markerSize_ * 0.55, markerSize_ * 0.55);
    painter->setBrush(color_);
    painter->setPen(QPen(Qt::white, std::max(1.0, lineWidth_ * 0.6)));
    painter->drawEllipse(px.back(), markerSize_ * 0.8, markerSize_ * 0.8);
}

const QPixmap& PathPlottable::dotStamp(double diameter, qreal dpr) {
    if (stamp_.isNull() || stampColor_ != color_ || stampDiameter_ != diameter ||
        stamp_.devicePixelRatio() != dpr) {
        const int side = static_cast<int>(std::ceil((diameter + 2) * dpr));
        stamp_ = QPixmap(side, side);
        stamp_.setDevicePixelRatio(dpr);
        stamp_.fill(Qt::transparent);
        QPainter p(&stamp_);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color_);
        p.drawEllipse(QPointF(diameter / 2 + 1, diameter / 2 + 1), diameter / 2, diameter / 2);
        p.end();
        stampColor_ = color_;
        stampDiameter_ = diameter;
    }
    return stamp_;
}

void PathPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(QPen(color_, lineWidth_));
    const double y = rect.center().y();
    painter->drawLine(QLineF(rect.left(), y, rect.right(), y));
    painter->setBrush(color_);
    painter->drawEllipse(QPointF(rect.right() - markerSize_, y), markerSize_ * 0.5,
                         markerSize_ * 0.5);
}

} // namespace gs::app

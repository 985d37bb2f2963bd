#include "plot/path_plottable.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

// A path whose revealed part is this many times longer on screen than the plot's diagonal
// scribbles over the picture (a chaotic run): its older steps fade.
constexpr double kScribbleDiagonals = 6.0;
// When a scribble fades, its latest steps stay at full strength up to this on-screen length (in
// plot diagonals): enough to see where the run is going, too little to hide the curve.
constexpr double kRecentDiagonals = 1.5;
constexpr double kFadedOpacity = 0.22;

QPolygonF markerPolygon(PathPlottable::Marker marker, QPointF c, double r) {
    switch (marker) {
    case PathPlottable::Marker::Square: {
        const double h = 0.89 * r; // the same area as the circle of radius r
        return QPolygonF(
            {c + QPointF(-h, -h), c + QPointF(h, -h), c + QPointF(h, h), c + QPointF(-h, h)});
    }
    case PathPlottable::Marker::Diamond: {
        const double h = 1.26 * r;
        return QPolygonF(
            {c + QPointF(0, -h), c + QPointF(h, 0), c + QPointF(0, h), c + QPointF(-h, 0)});
    }
    case PathPlottable::Marker::Triangle: {
        const double h = 1.35 * r; // circumradius of an upward triangle of about the same area
        return QPolygonF({c + QPointF(0, -h), c + QPointF(0.866 * h, 0.5 * h),
                          c + QPointF(-0.866 * h, 0.5 * h)});
    }
    case PathPlottable::Marker::Circle:
        break;
    }
    return {};
}

} // namespace

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

QColor PathPlottable::casingColor() const {
    // Perceived lightness (Rec. 601 weights): Okabe–Ito yellow, orange and sky blue get a dark
    // casing, blue, green and vermillion a light one, so the two blues differ in outline too.
    const double y = 0.299 * color_.redF() + 0.587 * color_.greenF() + 0.114 * color_.blueF();
    return y > 0.55 ? QColor(20, 20, 28, 200) : QColor(255, 255, 255, 215);
}

void PathPlottable::setMarker(Marker marker) {
    marker_ = marker;
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

void PathPlottable::projectPoints(QVector<QPointF>& px, QVector<int>& index) const {
    const int last = std::min(current_, static_cast<int>(points_.size()) - 1);
    // Iterates closer than the line is wide are one point on screen; a converged run piles
    // hundreds of them onto its last pixel, and stroking each would cost milliseconds per drag.
    const double minGap = std::max(1.0, lineWidth_);
    px.reserve(last + 1);
    index.reserve(last + 1);
    for (int i = 0; i <= last; ++i) {
        const QPointF p = coordsToPixels(points_[i].x(), points_[i].y());
        if (i == 0 || i == last || QLineF(px.back(), p).length() >= minGap) {
            px << p;
            index << i;
        }
    }
}

int PathPlottable::fadeSplit(const QVector<QPointF>& px) const {
    if (px.size() < 3) return 0;
    const QRectF rect = mKeyAxis->axisRect()->rect();
    const double diagonal = std::hypot(rect.width(), rect.height());
    auto segment = [&px](int i) {
        return std::hypot(px[i].x() - px[i - 1].x(), px[i].y() - px[i - 1].y());
    };
    double length = 0;
    for (int i = 1; i < px.size(); ++i)
        length += segment(i);
    if (length <= kScribbleDiagonals * diagonal) return 0;
    // Walk back from the newest step until the recent part is long enough.
    double recent = 0;
    int split = int(px.size()) - 1;
    while (split > 1 && recent + segment(split) <= kRecentDiagonals * diagonal)
        recent += segment(split--);
    return std::min(split, int(px.size()) - 2);
}

void PathPlottable::drawLine(QCPPainter* painter, const QVector<QPointF>& px, int from,
                             int to) const {
    const int n = to - from + 1;
    if (n < 2) return;
    if (draft_) {
        painter->setPen(QPen(color_, 1.0));
        painter->drawPolyline(px.constData() + from, n);
        return;
    }
    // Bevel joins: round ones cost an arc (atan2, Bézier flattening) at each of thousands of
    // vertices. The casing goes first, one wider stroke under the colored one.
    const double casing = lineWidth_ + std::max(2.0, 0.8 * lineWidth_);
    painter->setPen(QPen(casingColor(), casing, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin));
    painter->drawPolyline(px.constData() + from, n);
    painter->setPen(QPen(color_, lineWidth_, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin));
    painter->drawPolyline(px.constData() + from, n);
}

void PathPlottable::drawDots(QCPPainter* painter, const QVector<QPointF>& px,
                             const QVector<int>& index, int split) {
    // Small markers at the iterates, at most kMaxDots of them, evenly spread over the steps.
    // Markers that would overlap the previous one add nothing but time; the rest are stamped from
    // one pre-rendered pixmap, since an antialiased shape costs a Bézier flattening each.
    const double dot = markerSize_ * 0.55;
    // An SVG or PDF keeps its dots as shapes: a stamp would be a raster image in a vector file.
    const bool vector = painter->modes().testFlag(QCPPainter::pmVectorized);
    if (vector) {
        painter->setPen(QPen(casingColor(), 1.0));
        painter->setBrush(color_);
    }
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap& stamp = dotStamp(dot, dpr);
    const QPointF offset(stamp.width() / (2 * dpr), stamp.height() / (2 * dpr));
    const int stride = std::max(1, (index.back() + kMaxDots - 1) / kMaxDots);
    QPointF lastDot = px[0];
    int nextStep = stride;
    drawnDots_ = 0;
    for (int i = 1; i + 1 < px.size(); ++i) {
        if (index[i] < nextStep || QLineF(lastDot, px[i]).length() < 1.5 * dot) continue;
        painter->setOpacity(i < split ? kFadedOpacity : 1.0);
        if (vector)
            drawMarker(painter, px[i], dot / 2);
        else
            painter->drawPixmap(px[i] - offset, stamp);
        lastDot = px[i];
        nextStep = index[i] + stride;
        ++drawnDots_;
    }
    painter->setOpacity(1.0);
}

void PathPlottable::drawMarker(QCPPainter* painter, QPointF at, double radius) const {
    if (marker_ == Marker::Circle)
        painter->drawEllipse(at, radius, radius);
    else
        painter->drawPolygon(markerPolygon(marker_, at, radius));
}

void PathPlottable::draw(QCPPainter* painter) {
    drawnDots_ = fadedBefore_ = 0;
    if (points_.isEmpty()) return;
    if (!mKeyAxis || !mValueAxis) return;
    QVector<QPointF> px;
    QVector<int> index;
    projectPoints(px, index);
    const int split = fadeSplit(px);
    fadedBefore_ = index[split];

    applyDefaultAntialiasingHint(painter);
    if (split > 0) { // the faded past: a thin line without casing, well behind the curve
        painter->setOpacity(kFadedOpacity);
        painter->setPen(QPen(color_, std::max(1.0, 0.5 * lineWidth_)));
        painter->drawPolyline(px.constData(), split + 1);
        painter->setOpacity(1.0);
    }
    drawLine(painter, px, split, int(px.size()) - 1);

    const double head = 3.5 * lineWidth_ + 2;
    painter->setPen(draft_ ? QPen(Qt::NoPen) : QPen(casingColor(), 1.0));
    painter->setBrush(color_);
    for (int i = std::max(1, split); i < px.size(); ++i) {
        const QPointF d = px[i] - px[i - 1];
        if (std::hypot(d.x(), d.y()) >= std::max(minArrowPx_, 1.6 * head)) {
            // The tip stops short of the target marker so the marker stays readable.
            const QPointF u = d / std::hypot(d.x(), d.y());
            drawArrowHead(painter, px[i] - u * (head * 0.45), u, head);
        }
    }
    drawDots(painter, px, index, split);

    // A ring at the start, a large marker of the path's shape at the current step; both cased.
    const double ring = markerSize_ * 0.55;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(casingColor(), lineWidth_ + 2.5));
    painter->drawEllipse(px[0], ring, ring);
    painter->setBrush(Qt::white);
    painter->setPen(QPen(color_, lineWidth_));
    painter->drawEllipse(px[0], ring, ring);
    painter->setBrush(color_);
    painter->setPen(QPen(casingColor(), std::max(1.5, lineWidth_ * 0.75)));
    drawMarker(painter, px.back(), markerSize_ * 0.85);
    if (highlight_ >= 0 && highlight_ < points_.size()) {
        // A wide ring, cased, around the hovered step: it must stand out from the step markers.
        const QPointF at = coordsToPixels(points_[highlight_].x(), points_[highlight_].y());
        const double r = markerSize_ * 1.5;
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(casingColor(), lineWidth_ + 3));
        painter->drawEllipse(at, r, r);
        painter->setPen(QPen(color_, lineWidth_));
        painter->drawEllipse(at, r, r);
    }
}

const QPixmap& PathPlottable::dotStamp(double diameter, qreal dpr) {
    if (stamp_.isNull() || stampColor_ != color_ || stampDiameter_ != diameter ||
        stampMarker_ != marker_ || stamp_.devicePixelRatio() != dpr) {
        const double r = diameter / 2, margin = 0.45 * diameter + 2; // room for any shape
        const int side = static_cast<int>(std::ceil((diameter + 2 * margin) * dpr));
        stamp_ = QPixmap(side, side);
        stamp_.setDevicePixelRatio(dpr);
        stamp_.fill(Qt::transparent);
        QPainter p(&stamp_);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(casingColor(), 1.0));
        p.setBrush(color_);
        const QPointF c(side / (2 * dpr), side / (2 * dpr));
        if (marker_ == Marker::Circle)
            p.drawEllipse(c, r, r);
        else
            p.drawPolygon(markerPolygon(marker_, c, r));
        p.end();
        stampColor_ = color_;
        stampDiameter_ = diameter;
        stampMarker_ = marker_;
    }
    return stamp_;
}

void PathPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    const double y = rect.center().y();
    const QLineF line(rect.left(), y, rect.right(), y);
    painter->setPen(QPen(casingColor(), lineWidth_ + 2));
    painter->drawLine(line);
    painter->setPen(QPen(color_, lineWidth_));
    painter->drawLine(line);
    painter->setBrush(color_);
    painter->setPen(QPen(casingColor(), 1.0));
    drawMarker(painter, QPointF(rect.right() - markerSize_, y), markerSize_ * 0.6);
}

} // namespace gs::app

// What the surface renderer sorts together with the faces: descent paths (sorted after the faces
// they lie on) and overlays (polylines, polygons cut into cells, markers, arrows), as pieces in
// pixels with a depth each; and drawing one piece.

#include "plot/surface_renderer.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gs::app {

void SurfaceRenderer::addPiece(Piece::Kind kind, int style, const QPointF* pts, int count,
                               double depth) {
    const int first = int(points_.size());
    points_.insert(points_.end(), pts, pts + count);
    pieces_.push_back({kind, style, first, count});
    items_.push_back({float(depth), -1 - int(pieces_.size() - 1)});
}

double SurfaceRenderer::surfaceDepthNear(const MeshLevel& level, double x, double y) const {
    if (level.is.size() < 2 || depth_.empty()) return -INFINITY;
    const int vx = int(level.is.size()), vy = int(level.js.size());
    // The vertex nearest (x, y) in the level, then the cells around it.
    auto nearest = [&](double t, double lo, double hi, int samples, int vertices) {
        const int i = int(std::lround((t - lo) / (hi - lo) * (samples - 1)));
        return std::clamp(i / level.stride, 0, vertices - 1);
    };
    const int a = nearest(x, grid_.xMin, grid_.xMax, grid_.nx, vx);
    const int b = nearest(y, grid_.yMin, grid_.yMax, grid_.ny, vy);
    float d = -INFINITY;
    for (int j = std::max(0, b - 1); j <= std::min(vy - 1, b + 1); ++j)
        for (int i = std::max(0, a - 1); i <= std::min(vx - 1, a + 1); ++i)
            d = std::max(d, depth_[size_t(j) * vx + i]);
    return d;
}

void SurfaceRenderer::collectPieces(const SurfaceProjection& p, const MeshLevel& level) {
    pieces_.clear();
    styles_.clear();
    points_.clear();
    const double zSpan = box_.zMax - box_.zMin;
    const int cells = std::max(1, std::max(grid_.nx, grid_.ny) - 1);
    // Pieces on the surface would tie with the faces under them: they are lifted a little and
    // sorted as if a cell and a half nearer the viewer.
    const double bias = 3.0 / cells;
    const double s = style_.scale;
    auto clampZ = [&](SurfacePoint q) {
        q.z = std::clamp(q.z, box_.zMin, box_.zMax);
        return q;
    };
    // A piece on the surface must come after the faces it lies on, however steep they are: it is
    // sorted just after the nearest of the mesh's vertices around it (unless it is nearer still).
    bool onSurface = false;
    auto sortDepth = [&](const SurfacePoint& a, const SurfacePoint& b, double depthBias) {
        const double own = (p.depth(a) + p.depth(b)) / 2 + depthBias;
        if (!onSurface) return own;
        const double under =
            std::max(surfaceDepthNear(level, a.x, a.y), surfaceDepthNear(level, b.x, b.y));
        return std::max(own, under + 1e-4);
    };
    // A polyline of data points: one segment piece each, skipping segments that leave the box.
    auto addPolyline = [&](const QVector<SurfacePoint>& pts, int count, int style, double lift,
                           double depthBias) {
        for (int k = 0; k + 1 < count; ++k) {
            SurfacePoint a = pts[k], b = pts[k + 1];
            if (!box_.contains(a.x, a.y) || !box_.contains(b.x, b.y)) continue;
            a = clampZ(a), b = clampZ(b);
            a.z += lift, b.z += lift;
            const QPointF seg[2] = {p.pixel(a), p.pixel(b)};
            addPiece(Piece::Segment, style, seg, 2, sortDepth(a, b, depthBias));
        }
    };
    auto addMarker = [&](SurfacePoint q, int style, double lift, double depthBias) {
        if (!box_.contains(q.x, q.y)) return;
        q = clampZ(q);
        q.z += lift;
        const QPointF at = p.pixel(q);
        addPiece(Piece::Marker, style, &at, 1, sortDepth(q, q, depthBias) + 1e-4);
    };

    onSurface = true;
    for (const SurfacePath& path : paths_) {
        const int count = current_ < 0 ? int(path.points.size())
                                       : std::min(int(path.points.size()), current_ + 1);
        if (count == 0) continue;
        const QColor casing = path.color.lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black);
        const int line = int(styles_.size());
        styles_.push_back(
            {QPen(path.color, style_.lineWidth(), Qt::SolidLine, Qt::RoundCap), Qt::NoBrush, 0});
        styles_.push_back({QPen(casing, s), path.color, style_.markerSize() * 1.5});
        styles_.push_back({QPen(casing, s), path.color, style_.markerSize() * 0.8});
        const double lift = 0.012 * zSpan;
        addPolyline(path.points, count, line, lift, bias);
        addMarker(path.points[0], line + 2, lift, bias);
        addMarker(path.points[count - 1], line + 1, lift, 1.2 * bias);
    }

    onSurface = false;
    for (const SurfaceOverlay& o : overlays_) {
        const int style = int(styles_.size());
        styles_.push_back({o.pen, o.brush, o.markerSize * s});
        const int n = int(o.points.size());
        switch (o.kind) {
        case SurfaceOverlay::Kind::Polyline:
            addPolyline(o.points, n, style, 0, bias / 2);
            break;
        case SurfaceOverlay::Kind::Points:
            for (const SurfacePoint& q : o.points)
                addMarker(q, style, 0, bias / 2);
            break;
        case SurfaceOverlay::Kind::Arrow: {
            if (n < 2) break;
            // The shaft in four pieces, so it can pass in front of one hill and behind another.
            QVector<SurfacePoint> shaft;
            for (int k = 0; k <= 4; ++k) {
                const double t = k / 4.0;
                shaft.push_back({o.points[0].x + t * (o.points[1].x - o.points[0].x),
                                 o.points[0].y + t * (o.points[1].y - o.points[0].y),
                                 o.points[0].z + t * (o.points[1].z - o.points[0].z)});
            }
            addPolyline(shaft, 5, style, 0, bias / 2);
            const QPointF head[2] = {p.pixel(shaft[3]), p.pixel(o.points[1])};
            addPiece(Piece::ArrowHead, style, head, 2, p.depth(o.points[1]) + bias / 2);
            break;
        }
        case SurfaceOverlay::Kind::Polygon: {
            if (n < 3) break;
            // A quadrilateral (a slice plane, a tangent patch) is cut into 32 × 32 bilinear cells
            // (16 × 16 in draft) so that it can be half behind the surface; other polygons are
            // sorted whole. Like paths, they win a near tie: a tangent plane shows at its point.
            if (n == 4) {
                const int kCut = draft_ ? 16 : 32;
                auto at = [&](double u, double v) {
                    auto lerp = [](const SurfacePoint& a, const SurfacePoint& b, double t) {
                        return SurfacePoint{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y),
                                            a.z + t * (b.z - a.z)};
                    };
                    return lerp(lerp(o.points[0], o.points[1], u),
                                lerp(o.points[3], o.points[2], u), v);
                };
                for (int b = 0; b < kCut; ++b) {
                    for (int a = 0; a < kCut; ++a) {
                        const SurfacePoint c[4] = {
                            at(a / double(kCut), b / double(kCut)),
                            at((a + 1) / double(kCut), b / double(kCut)),
                            at((a + 1) / double(kCut), (b + 1) / double(kCut)),
                            at(a / double(kCut), (b + 1) / double(kCut))};
                        const QPointF quad[4] = {p.pixel(c[0]), p.pixel(c[1]), p.pixel(c[2]),
                                                 p.pixel(c[3])};
                        const double d =
                            (p.depth(c[0]) + p.depth(c[1]) + p.depth(c[2]) + p.depth(c[3])) / 4;
                        addPiece(Piece::Polygon, style, quad, 4, d + bias / 2);
                    }
                }
            } else {
                std::vector<QPointF> poly;
                double d = 0;
                for (const SurfacePoint& q : o.points) {
                    poly.push_back(p.pixel(q));
                    d += p.depth(q) / n;
                }
                addPiece(Piece::Polygon, style, poly.data(), n, d + bias / 2);
            }
            if (o.pen.style() != Qt::NoPen) {
                QVector<SurfacePoint> ring = o.points;
                ring.push_back(o.points.front());
                const int line = int(styles_.size());
                styles_.push_back({o.pen, Qt::NoBrush, 0});
                addPolyline(ring, n + 1, line, 0, bias / 2);
            }
            break;
        }
        }
    }
}

void SurfaceRenderer::drawPiece(QPainter& painter, const Piece& piece) const {
    const PieceStyle& st = styles_[size_t(piece.style)];
    const QPointF* pts = points_.data() + piece.first;
    switch (piece.kind) {
    case Piece::Segment:
        painter.setPen(st.pen);
        painter.drawLine(pts[0], pts[1]);
        break;
    case Piece::Polygon:
        // Without antialiasing the cells of a cut polygon tile exactly: no seams, no overlaps.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(st.brush);
        painter.drawPolygon(pts, piece.count);
        painter.setRenderHint(QPainter::Antialiasing, !draft_);
        break;
    case Piece::Marker:
        painter.setPen(st.pen);
        painter.setBrush(st.brush);
        painter.drawEllipse(pts[0], st.size / 2, st.size / 2);
        break;
    case Piece::ArrowHead: {
        const QPointF d = pts[1] - pts[0];
        const double len = std::hypot(d.x(), d.y());
        if (len <= 0) break;
        const double h = std::max(3.0, 2.5 * st.pen.widthF()); // half width of the head
        const QPointF u = d / len, n(-u.y(), u.x());
        const QPointF tri[3] = {pts[1], pts[1] - 2 * h * u + h * n, pts[1] - 2 * h * u - h * n};
        painter.setPen(Qt::NoPen);
        painter.setBrush(st.pen.color());
        painter.drawPolygon(tri, 3);
        break;
    }
    }
}

} // namespace gs::app

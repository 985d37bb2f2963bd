// The surface itself: levels of detail of the mesh, shading, projection, the depth sort of faces
// and overlay pieces, and drawing them back to front.

#include "plot/surface_renderer.h"

#include "field/isolines.h"
#include "field/levels.h"
#include "plot/viridis.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

// The light, fixed in normalized box coordinates (as mplot3d's LightSource): from the upper left
// of the default view (azimuth −60°, elevation 30°).
constexpr double kLight[3] = {-0.32, -0.72, 0.62};
constexpr double kOverlap = 0.5; // pixels each face grows by at full quality

SurfacePoint minus(const SurfacePoint& a, const SurfacePoint& b) {
    return {a.x - b.x, a.y - b.y, a.z - b.z};
}

} // namespace

SurfaceOverlay SurfaceOverlay::polyline(QVector<SurfacePoint> points, const QPen& pen,
                                        const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Polyline;
    o.points = std::move(points);
    o.pen = pen;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::polygon(QVector<SurfacePoint> corners, const QBrush& brush,
                                       const QPen& pen, const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Polygon;
    o.points = std::move(corners);
    o.brush = brush;
    o.pen = pen;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::markers(QVector<SurfacePoint> points, const QColor& color,
                                       double size, const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Points;
    o.points = std::move(points);
    o.brush = color;
    o.pen = QPen(color.lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black), 1.0);
    o.markerSize = size;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::arrow(SurfacePoint from, SurfacePoint to, const QPen& pen,
                                     const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Arrow;
    o.points = {from, to};
    o.pen = pen;
    o.label = label;
    return o;
}

void SurfaceRenderer::setMesh(const Grid& grid) {
    grid_ = grid;
    double lo = grid.minValue(), hi = grid.maxValue();
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (nearlyFlat(lo, hi, 4)) { // a flat function still gets a box with a height
        const double pad = std::max(1.0, std::abs(lo) * 0.5);
        lo -= pad, hi += pad;
    }
    box_ = {grid.xMin, grid.xMax, grid.yMin, grid.yMax, lo, hi};
    if (grid.nx < 2 || grid.ny < 2) {
        full_ = coarse_ = {};
        floorLines_.clear();
        return;
    }
    buildLevel(full_, 1);
    buildLevel(coarse_, 2);
    floorLines_.clear();
    for (const Isoline& iso : isolines(grid, niceLevels(lo, hi, 10))) {
        std::vector<std::vector<QPointF>> lines;
        for (const Polyline& line : iso.lines) {
            std::vector<QPointF> pts;
            for (const Point2& q : line.points)
                pts.emplace_back(q.x, q.y);
            if (line.closed && !pts.empty()) pts.push_back(pts.front());
            lines.push_back(std::move(pts));
        }
        floorLines_.emplace_back(iso.level, std::move(lines));
    }
}

void SurfaceRenderer::buildLevel(MeshLevel& level, int stride) const {
    auto indices = [stride](int n) {
        std::vector<int> v;
        for (int i = 0; i < n - 1; i += stride)
            v.push_back(i);
        v.push_back(n - 1);
        return v;
    };
    level.is = indices(grid_.nx);
    level.js = indices(grid_.ny);
    const int fx = level.facesX(), fy = int(level.js.size()) - 1;
    level.faceColor.assign(size_t(fx) * fy, 0);
    level.faceValid.assign(size_t(fx) * fy, 0);
    QCPColorGradient gradient = viridisGradient();
    const QCPRange range(box_.zMin, box_.zMax);
    const SurfaceProjection norm(SurfaceCamera{}, box_, QRectF(0, 0, 1, 1));
    for (int b = 0; b < fy; ++b) {
        for (int a = 0; a < fx; ++a) {
            const int i0 = level.is[a], i1 = level.is[a + 1], j0 = level.js[b],
                      j1 = level.js[b + 1];
            const double v00 = grid_.value(i0, j0), v10 = grid_.value(i1, j0),
                         v01 = grid_.value(i0, j1), v11 = grid_.value(i1, j1);
            if (!std::isfinite(v00 + v10 + v01 + v11)) continue;
            // Lambert: brightness ∝ |n · l| (both sides lit), n the normal of the two diagonals,
            // in normalized coordinates so the box's aspect is what is shaded.
            const SurfacePoint p00 = norm.normalized({grid_.x(i0), grid_.y(j0), v00}),
                               p11 = norm.normalized({grid_.x(i1), grid_.y(j1), v11}),
                               p10 = norm.normalized({grid_.x(i1), grid_.y(j0), v10}),
                               p01 = norm.normalized({grid_.x(i0), grid_.y(j1), v01});
            const SurfacePoint d1 = minus(p11, p00), d2 = minus(p01, p10);
            const double nx = d1.y * d2.z - d1.z * d2.y, ny = d1.z * d2.x - d1.x * d2.z,
                         nz = d1.x * d2.y - d1.y * d2.x;
            const double len = std::sqrt(nx * nx + ny * ny + nz * nz);
            const double lambert =
                len > 0 ? std::abs(nx * kLight[0] + ny * kLight[1] + nz * kLight[2]) / len : 1;
            const double shade = 0.45 + 0.55 * lambert;
            const QRgb c = gradient.color((v00 + v10 + v01 + v11) / 4, range);
            const size_t f = size_t(b) * fx + a;
            level.faceColor[f] =
                qRgb(int(qRed(c) * shade), int(qGreen(c) * shade), int(qBlue(c) * shade));
            level.faceValid[f] = 1;
        }
    }
}

void SurfaceRenderer::projectMesh(const SurfaceProjection& p, const MeshLevel& level) {
    const size_t n = level.is.size() * level.js.size();
    px_.resize(n);
    depth_.resize(n);
    size_t k = 0;
    for (int j : level.js) {
        for (int i : level.is) {
            double v = grid_.value(i, j);
            if (!std::isfinite(v)) v = box_.zMin; // its faces are skipped anyway
            const SurfacePoint q = p.normalized({grid_.x(i), grid_.y(j), v});
            px_[k] = p.pixelOfNormalized(q);
            depth_[k] = float(p.depthOfNormalized(q));
            ++k;
        }
    }
}

void SurfaceRenderer::addPiece(Piece::Kind kind, int style, const QPointF* pts, int count,
                               double depth) {
    const int first = int(points_.size());
    points_.insert(points_.end(), pts, pts + count);
    pieces_.push_back({kind, style, first, count});
    items_.push_back({float(depth), -1 - int(pieces_.size() - 1)});
}

void SurfaceRenderer::collectPieces(const SurfaceProjection& p) {
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
    // A polyline of data points: one segment piece each, skipping segments that leave the box.
    auto addPolyline = [&](const QVector<SurfacePoint>& pts, int count, int style, double lift,
                           double depthBias) {
        for (int k = 0; k + 1 < count; ++k) {
            SurfacePoint a = pts[k], b = pts[k + 1];
            if (!box_.contains(a.x, a.y) || !box_.contains(b.x, b.y)) continue;
            a = clampZ(a), b = clampZ(b);
            a.z += lift, b.z += lift;
            const QPointF seg[2] = {p.pixel(a), p.pixel(b)};
            addPiece(Piece::Segment, style, seg, 2, (p.depth(a) + p.depth(b)) / 2 + depthBias);
        }
    };
    auto addMarker = [&](SurfacePoint q, int style, double lift, double depthBias) {
        if (!box_.contains(q.x, q.y)) return;
        q = clampZ(q);
        q.z += lift;
        const QPointF at = p.pixel(q);
        addPiece(Piece::Marker, style, &at, 1, p.depth(q) + depthBias);
    };

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
            // A quadrilateral (a slice plane, a tangent patch) is cut into 16 × 16 bilinear cells
            // so that it can be half behind the surface; other polygons are sorted whole.
            if (n == 4) {
                constexpr int kCut = 16;
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
                        addPiece(Piece::Polygon, style, quad, 4, d);
                    }
                }
            } else {
                std::vector<QPointF> poly;
                double d = 0;
                for (const SurfacePoint& q : o.points) {
                    poly.push_back(p.pixel(q));
                    d += p.depth(q) / n;
                }
                addPiece(Piece::Polygon, style, poly.data(), n, d);
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

void SurfaceRenderer::render(QPainter& painter, const QRectF& rect) {
    painter.save();
    painter.setClipRect(rect);
    painter.fillRect(rect, style_.background());
    painter.setFont(style_.font(font_));
    painter.setRenderHint(QPainter::Antialiasing, true);
    const SurfaceProjection p = projection(rect);
    drawPanes(painter, p);
    if (floorIsolines_) drawFloorIsolines(painter, p);

    const MeshLevel& level = draft_ ? coarse_ : full_;
    items_.clear();
    drawnFaces_.clear();
    if (!level.is.empty()) {
        projectMesh(p, level);
        const int fx = level.facesX(), fy = int(level.js.size()) - 1, vx = fx + 1;
        items_.reserve(size_t(fx) * fy + 256);
        for (int b = 0; b < fy; ++b) {
            for (int a = 0; a < fx; ++a) {
                const int f = b * fx + a;
                if (!level.faceValid[size_t(f)]) continue;
                const int v = b * vx + a;
                items_.push_back(
                    {(depth_[v] + depth_[v + 1] + depth_[v + vx] + depth_[v + vx + 1]) / 4, f});
            }
        }
    }
    collectPieces(p);
    // Back to front: the smallest depth (farthest from the viewer) first.
    std::sort(items_.begin(), items_.end(),
              [](const Item& a, const Item& b) { return a.depth < b.depth; });

    painter.setRenderHint(QPainter::Antialiasing, !draft_);
    const int fx = level.facesX(), vx = fx + 1;
    drawnFaces_.reserve(items_.size());
    painter.setPen(Qt::NoPen);
    for (const Item& item : items_) {
        if (item.index < 0) {
            drawPiece(painter, pieces_[size_t(-1 - item.index)]);
            painter.setPen(Qt::NoPen);
            continue;
        }
        const int f = item.index, a = f % fx, b = f / fx, v = b * vx + a;
        QPointF quad[4] = {px_[v], px_[v + 1], px_[v + vx + 1], px_[v + vx]};
        const QColor color = QColor::fromRgb(level.faceColor[size_t(f)]);
        // At full quality each face grows by kOverlap pixels around its centre: antialiased
        // neighbours would otherwise let the background show through their shared edge as a
        // hairline (here, and in any SVG or PDF viewer); the nearer face covers the overlap.
        // Cheaper than an outline, and no stroke in vector files.
        if (!draft_) {
            const QPointF c = (quad[0] + quad[1] + quad[2] + quad[3]) / 4;
            double r2 = 0;
            for (const QPointF& q : quad)
                r2 = std::max(r2, QPointF::dotProduct(q - c, q - c));
            if (r2 > 0) {
                const double k = 1 + kOverlap / std::sqrt(r2);
                for (QPointF& q : quad)
                    q = c + (q - c) * k;
            }
        }
        painter.setBrush(color);
        painter.drawPolygon(quad, 4);
        drawnFaces_.push_back(f);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    drawAxisLabels(painter, p);
    drawColorBar(painter, rect);
    drawKey(painter, plotArea(rect));
    painter.restore();
}

} // namespace gs::app

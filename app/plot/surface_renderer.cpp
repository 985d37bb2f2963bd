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

void SurfaceRenderer::setLogColors(bool on) {
    if (on == logColors_) return;
    logColors_ = on;
    if (grid_.nx >= 2 && grid_.ny >= 2) {
        buildLevel(full_, 1);
        buildLevel(coarse_, 2);
    }
}

double SurfaceRenderer::colorPosition(double v) const {
    const double span = box_.zMax - box_.zMin;
    if (!logColors_) return std::clamp((v - box_.zMin) / span, 0.0, 1.0);
    // log10(f − min + ε), ε = 10⁻⁶ of the range: six decades, as the map's log colors.
    const double eps = 1e-6 * span;
    const double t = std::log10(std::max(v - box_.zMin, 0.0) + eps);
    return std::clamp((t - std::log10(eps)) / (std::log10(span + eps) - std::log10(eps)), 0.0, 1.0);
}

void SurfaceRenderer::buildLevel(MeshLevel& level, int stride) const {
    auto indices = [stride](int n) {
        std::vector<int> v;
        for (int i = 0; i < n - 1; i += stride)
            v.push_back(i);
        v.push_back(n - 1);
        return v;
    };
    level.stride = stride;
    level.is = indices(grid_.nx);
    level.js = indices(grid_.ny);
    const int fx = level.facesX(), fy = int(level.js.size()) - 1;
    level.faceColor.assign(size_t(fx) * fy, 0);
    level.faceValid.assign(size_t(fx) * fy, 0);
    QCPColorGradient gradient = viridisGradient();
    const QCPRange unit(0, 1);
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
            const QRgb c = gradient.color(colorPosition((v00 + v10 + v01 + v11) / 4), unit);
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

void SurfaceRenderer::render(QPainter& painter, const QRectF& rect) {
    painter.save();
    painter.setClipRect(rect);
    painter.fillRect(rect, style_.background());
    rect_ = rect;
    painter.setFont(labelFont(rect));
    painter.setRenderHint(QPainter::Antialiasing, !draft_); // draft: every line aliased too
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
    collectPieces(p, level);
    // Back to front: the smallest depth (farthest from the viewer) first.
    std::sort(items_.begin(), items_.end(),
              [](const Item& a, const Item& b) { return a.depth < b.depth; });

    painter.setRenderHint(QPainter::Antialiasing, !draft_);
    const int fx = level.facesX(), vx = fx + 1;
    drawnFaces_.reserve(items_.size());
    painter.setPen(Qt::NoPen);
    QPolygonF chain;
    for (size_t k = 0; k < items_.size(); ++k) {
        const Item& item = items_[k];
        if (item.index < 0) {
            const Piece& piece = pieces_[size_t(-1 - item.index)];
            // Segments of one line that follow each other in the sort are drawn as one polyline:
            // proper joins, and one element instead of hundreds in an SVG.
            if (piece.kind == Piece::Segment) {
                chain = {points_[size_t(piece.first)], points_[size_t(piece.first) + 1]};
                while (k + 1 < items_.size() && items_[k + 1].index < 0) {
                    const Piece& next = pieces_[size_t(-1 - items_[k + 1].index)];
                    if (next.kind != Piece::Segment || next.style != piece.style ||
                        points_[size_t(next.first)] != chain.back())
                        break;
                    chain << points_[size_t(next.first) + 1];
                    ++k;
                }
                painter.setPen(styles_[size_t(piece.style)].pen);
                painter.drawPolyline(chain);
            } else {
                drawPiece(painter, piece);
            }
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
    drawColorBar(painter, rect, p);
    drawKey(painter, plotArea(rect));
    painter.restore();
}

} // namespace gs::app

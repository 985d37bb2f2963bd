// What surrounds the surface: the layout of the picture, the box's back panes with grid lines,
// floor isolines, tick labels and axis names, the color bar and the key.

#include "plot/surface_renderer.h"

#include "field/levels.h"
#include "math/math_layout.h"
#include "plot/plot_title.h"
#include "plot/viridis.h"
#include "views/number_format.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace gs::app {

namespace {

constexpr int kTicks = 5;

/// Round numbers strictly inside (lo, hi), about kTicks of them.
std::vector<double> ticks(double lo, double hi) {
    return niceLevels(lo, hi, kTicks);
}

/// Text centred on `at`, or beside it: `align` as for QPainter::drawText.
void drawLabel(QPainter& painter, QPointF at, const QString& text, Qt::Alignment align) {
    const QFontMetricsF fm(painter.font());
    const QSizeF size(fm.horizontalAdvance(text), fm.height());
    QPointF topLeft = at - QPointF(size.width() / 2, size.height() / 2);
    if (align & Qt::AlignRight) topLeft.setX(at.x() - size.width());
    if (align & Qt::AlignLeft) topLeft.setX(at.x());
    painter.drawText(QRectF(topLeft, size), Qt::AlignCenter, text);
}

} // namespace

double SurfaceRenderer::fontScale(const QRectF& rect) const {
    // On a desk, labels shrink with a small picture (a side of a splitter), so the surface keeps
    // most of it; never below 60%. On a projector they keep the presentation's size, the same as
    // every plot's: read from the back of the room matters more than room for the mesh.
    if (style_.scale > 1) return 1.0;
    return std::clamp(std::min(rect.width() / 700, rect.height() / 450), 0.6, 1.0);
}

QFont SurfaceRenderer::labelFont(const QRectF& rect, double relative) const {
    return style_.font(font_, relative * fontScale(rect));
}

QStringList SurfaceRenderer::titleLines(const QRectF& rect) const {
    // As every plot's title: two lines before an ellipsis; one, set to fit, with formulas.
    if (math::hasMath(title_)) return {title_};
    const QFont font = labelFont(rect, 1.15);
    const QFontMetrics fm(font);
    return wrapTitle(title_, fm, int(rect.width()) - fm.height()).split(u'\n');
}

QRectF SurfaceRenderer::plotArea(const QRectF& rect) const {
    const QFontMetricsF fm(labelFont(rect));
    const double top =
        title_.isEmpty() ? fm.height() * 0.5 : fm.height() * (0.8 + 1.2 * titleLines(rect).size());
    // The color bar and its widest tick label.
    double labels = 0;
    const QFontMetricsF tm(labelFont(rect, 0.9));
    for (double z : ticks(box_.zMin, box_.zMax))
        labels = std::max(labels, tm.horizontalAdvance(formatNumber(z, 3)));
    const double bar = labels + 34 * style_.scale;
    return rect.adjusted(fm.height() * 0.5, top, -bar, -fm.height() * 0.5);
}

SurfaceProjection SurfaceRenderer::projection(const QRectF& rect) const {
    // Room around the box for tick labels and axis names.
    const QFontMetricsF fm(labelFont(rect));
    const QRectF area = plotArea(rect).adjusted(fm.height() * 1.6, fm.height(), -fm.height() * 1.2,
                                                -fm.height() * 1.6);
    return SurfaceProjection(camera_, box_, area.isValid() ? area : rect);
}

double SurfaceRenderer::floorZ(const SurfaceProjection& p) const {
    return p.eye().z >= 0 ? box_.zMin : box_.zMax;
}

void SurfaceRenderer::drawPanes(QPainter& painter, const SurfaceProjection& p) const {
    const SurfacePoint e = p.eye();
    // The three panes farthest from the viewer, as mplot3d draws them.
    const double xb = e.x > 0 ? box_.xMin : box_.xMax, yb = e.y > 0 ? box_.yMin : box_.yMax;
    const double zb = floorZ(p);
    const QColor pane = style_.dark ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 14);
    const QPen gridPen(style_.grid(), style_.scale * 0.8);
    const QPen edgePen(style_.foreground().lighter(style_.dark ? 60 : 180), style_.scale * 0.8);
    auto px = [&](double x, double y, double z) { return p.pixel({x, y, z}); };
    const SurfaceBox& b = box_;
    const std::array<std::array<QPointF, 4>, 3> panes = {{
        {px(b.xMin, b.yMin, zb), px(b.xMax, b.yMin, zb), px(b.xMax, b.yMax, zb),
         px(b.xMin, b.yMax, zb)},
        {px(xb, b.yMin, b.zMin), px(xb, b.yMax, b.zMin), px(xb, b.yMax, b.zMax),
         px(xb, b.yMin, b.zMax)},
        {px(b.xMin, yb, b.zMin), px(b.xMax, yb, b.zMin), px(b.xMax, yb, b.zMax),
         px(b.xMin, yb, b.zMax)},
    }};
    painter.setPen(edgePen);
    painter.setBrush(pane);
    for (const auto& q : panes)
        painter.drawPolygon(q.data(), 4);
    painter.setPen(gridPen);
    for (double x : ticks(b.xMin, b.xMax)) {
        painter.drawLine(px(x, b.yMin, zb), px(x, b.yMax, zb));
        painter.drawLine(px(x, yb, b.zMin), px(x, yb, b.zMax));
    }
    for (double y : ticks(b.yMin, b.yMax)) {
        painter.drawLine(px(b.xMin, y, zb), px(b.xMax, y, zb));
        painter.drawLine(px(xb, y, b.zMin), px(xb, y, b.zMax));
    }
    for (double z : ticks(b.zMin, b.zMax)) {
        painter.drawLine(px(xb, b.yMin, z), px(xb, b.yMax, z));
        painter.drawLine(px(b.xMin, yb, z), px(b.xMax, yb, z));
    }
}

void SurfaceRenderer::drawFloorIsolines(QPainter& painter, const SurfaceProjection& p) const {
    const double z = floorZ(p);
    QCPColorGradient gradient = viridisGradient();
    const QCPRange unit(0, 1);
    QPolygonF poly;
    for (const auto& [level, lines] : floorLines_) {
        painter.setPen(
            QPen(QColor::fromRgb(gradient.color(colorPosition(level), unit)), style_.scale));
        for (const auto& line : lines) {
            poly.clear();
            for (const QPointF& q : line)
                poly << p.pixel({q.x(), q.y(), z});
            painter.drawPolyline(poly);
        }
    }
}

void SurfaceRenderer::drawAxisLabels(QPainter& painter, const SurfaceProjection& p) const {
    const SurfacePoint e = p.eye();
    const SurfaceBox& b = box_;
    const double z0 = floorZ(p);
    painter.setPen(style_.foreground());
    const QFont tickFont = labelFont(rect_, 0.9), nameFont = labelFont(rect_, 1.1);
    // The floor edges nearest the viewer carry the x and y ticks; labels sit outside the box,
    // pushed away from its centre on screen.
    const double yf = e.y > 0 ? b.yMax : b.yMin, xf = e.x > 0 ? b.xMax : b.xMin;
    const QPointF centre = p.pixel({(b.xMin + b.xMax) / 2, (b.yMin + b.yMax) / 2, z0});
    const double gap = QFontMetricsF(tickFont).height() * 1.1;
    auto outward = [&](QPointF at, double distance) {
        QPointF d = at - centre;
        const double len = std::hypot(d.x(), d.y());
        return len > 0 ? at + d / len * distance : at;
    };
    auto tickRow = [&](const std::vector<double>& values, auto point, const QString& name,
                       SurfacePoint mid) {
        painter.setFont(tickFont);
        for (double v : values)
            drawLabel(painter, outward(p.pixel(point(v)), gap), formatNumber(v, 3),
                      Qt::AlignCenter);
        painter.setFont(nameFont);
        drawLabel(painter, outward(p.pixel(mid), gap * 2.4), name, Qt::AlignCenter);
    };
    tickRow(ticks(b.xMin, b.xMax),
            [&](double x) {
                return SurfacePoint{x, yf, z0};
            },
            QStringLiteral("x"), {(b.xMin + b.xMax) / 2, yf, z0});
    tickRow(ticks(b.yMin, b.yMax),
            [&](double y) {
                return SurfacePoint{xf, y, z0};
            },
            QStringLiteral("y"), {xf, (b.yMin + b.yMax) / 2, z0});
    // f along the vertical edge leftmost on screen.
    double bestX = 0, bestY = 0, bestPx = INFINITY;
    for (double x : {b.xMin, b.xMax})
        for (double y : {b.yMin, b.yMax})
            if (const double at = p.pixel({x, y, b.zMin}).x(); at < bestPx)
                bestPx = at, bestX = x, bestY = y;
    painter.setFont(tickFont);
    const double side = gap * 0.4;
    for (double z : ticks(b.zMin, b.zMax))
        drawLabel(painter, p.pixel({bestX, bestY, z}) - QPointF(side, 0), formatNumber(z, 3),
                  Qt::AlignRight);
    painter.setFont(nameFont);
    const QFontMetricsF fm(tickFont);
    drawLabel(painter,
              p.pixel({bestX, bestY, (b.zMin + b.zMax) / 2}) -
                  QPointF(side + fm.horizontalAdvance(QStringLiteral("−0.00")) + gap, 0),
              QStringLiteral("f"), Qt::AlignCenter);
}

void SurfaceRenderer::drawColorBar(QPainter& painter, const QRectF& rect,
                                   const SurfaceProjection& p) const {
    const QRectF area = plotArea(rect);
    const QFontMetricsF fm(labelFont(rect_, 0.9));
    const double w = 14 * style_.scale, h = area.height() * 0.6;
    // Beside the box as it is drawn (not at the far edge of a wide picture).
    double boxRight = -INFINITY;
    for (double x : {box_.xMin, box_.xMax})
        for (double y : {box_.yMin, box_.yMax})
            for (double z : {box_.zMin, box_.zMax})
                boxRight = std::max(boxRight, p.pixel({x, y, z}).x());
    const double left = std::min(area.right(), boxRight + 3 * fm.height()) + 10 * style_.scale;
    const QRectF bar(left, area.center().y() - h / 2, w, h);
    // A linear gradient through viridis' stops: one vector shape, not a stack of strips.
    QCPColorGradient gradient = viridisGradient();
    QLinearGradient fill(bar.bottomLeft(), bar.topLeft());
    for (int k = 0; k <= 10; ++k)
        fill.setColorAt(k / 10.0, QColor::fromRgb(gradient.color(k / 10.0, QCPRange(0, 1))));
    painter.setPen(QPen(style_.foreground(), style_.scale * 0.8));
    painter.setBrush(fill);
    painter.drawRect(bar);
    painter.setFont(labelFont(rect_, 0.9));
    // Ticks in f, or in f − min at powers of ten on the log scale.
    std::vector<std::pair<double, QString>> marks;
    if (logColors_) {
        const double span = box_.zMax - box_.zMin;
        const int k0 = int(std::ceil(std::log10(1e-6 * span))),
                  k1 = int(std::floor(std::log10(span)));
        const int every = k1 - k0 > 6 ? 2 : 1;
        for (int k = k1; k >= k0; k -= every)
            marks.emplace_back(box_.zMin + std::pow(10.0, k), QStringLiteral("1e%1").arg(k));
    } else {
        for (double z : ticks(box_.zMin, box_.zMax))
            marks.emplace_back(z, formatNumber(z, 3));
    }
    for (const auto& [z, text] : marks) {
        const double y = bar.bottom() - colorPosition(z) * h;
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 4 * style_.scale, y));
        drawLabel(painter, QPointF(bar.right() + 6 * style_.scale, y), text, Qt::AlignLeft);
    }
    painter.setFont(labelFont(rect_, 1.1));
    drawLabel(painter, QPointF(bar.center().x(), bar.top() - fm.height()),
              logColors_ ? QStringLiteral("f − min") : QStringLiteral("f"), Qt::AlignCenter);
    if (!title_.isEmpty()) {
        painter.setFont(labelFont(rect_, 1.15));
        const QFontMetricsF tm(painter.font());
        const QStringList lines = titleLines(rect);
        if (math::hasMath(title_)) {
            const math::MathBox box = math::fitWithin(
                rect.width() - 2 * fm.height(), painter.font(),
                [&](const QFont& f) { return math::typesetMixed(title_, f, painter.device()); });
            math::drawMath(painter, box,
                           QPointF(rect.center().x() - box.width / 2,
                                   rect.top() + fm.height() + (box.height - box.depth) / 2),
                           style_.foreground());
            return;
        }
        for (int i = 0; i < lines.size(); ++i)
            drawLabel(painter,
                      QPointF(rect.center().x(), rect.top() + fm.height() + i * tm.height()),
                      lines[i], Qt::AlignCenter);
    }
}

void SurfaceRenderer::drawKey(QPainter& painter, const QRectF& area) const {
    struct Entry {
        QString text;
        QPen pen;
        QBrush brush;
    };
    std::vector<Entry> entries;
    for (const SurfacePath& path : paths_)
        if (!path.name.isEmpty())
            entries.push_back({path.name, QPen(path.color, style_.lineWidth()), Qt::NoBrush});
    for (const SurfaceOverlay& o : overlays_)
        if (!o.label.isEmpty()) entries.push_back({o.label, o.pen, o.brush});
    if (entries.empty()) return;
    painter.setFont(labelFont(rect_, 0.9));
    const QFontMetricsF fm(painter.font());
    const double line = fm.height() * 1.2, swatch = 22 * style_.scale;
    double width = 0;
    for (const Entry& e : entries)
        width = std::max(width, fm.horizontalAdvance(e.text));
    const QRectF box(area.left() + 4, area.top() + 4, swatch + width + 18 * style_.scale,
                     line * double(entries.size()) + 8);
    // A key that would cover much of a small picture is left out: the page names the runs too.
    if (box.width() > 0.3 * area.width() || box.height() > 0.3 * area.height()) return;
    QColor bg = style_.background();
    bg.setAlpha(210);
    painter.setPen(QPen(style_.grid(), style_.scale * 0.8));
    painter.setBrush(bg);
    painter.drawRect(box);
    double y = box.top() + 4 + line / 2;
    for (const Entry& e : entries) {
        const QPointF a(box.left() + 6 * style_.scale, y);
        if (e.brush.style() != Qt::NoBrush) {
            painter.setPen(e.pen.style() == Qt::NoPen ? QPen(e.brush.color()) : e.pen);
            painter.setBrush(e.brush);
            painter.drawRect(QRectF(a - QPointF(0, line * 0.3), QSizeF(swatch, line * 0.6)));
        } else {
            painter.setPen(e.pen);
            painter.drawLine(a, a + QPointF(swatch, 0));
        }
        painter.setPen(style_.foreground());
        drawLabel(painter, a + QPointF(swatch + 6 * style_.scale, 0), e.text, Qt::AlignLeft);
        y += line;
    }
}

} // namespace gs::app

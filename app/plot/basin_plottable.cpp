#include "plot/basin_plottable.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace gs::app {

namespace {

// Tableau's ten categorical colors, the four most distinct first (four-minima functions are
// common): apart from one another, and from viridis once opaque enough.
constexpr std::array<QRgb, 10> kPalette = {0x4e79a7, 0xe15759, 0x59a14f, 0xf28e2b, 0xb07aa1,
                                           0xedc948, 0x76b7b2, 0xff9da7, 0x9c755f, 0xbab0ac};
constexpr int kAlpha = 200;        // of 255: the isolines show through
constexpr double kLightest = 0.45; // share of white mixed into a cell whose run took every step

QRgb shade(QColor c, double t) {
    const double w = kLightest * std::clamp(t, 0.0, 1.0);
    return qRgba(int(c.red() + (255 - c.red()) * w), int(c.green() + (255 - c.green()) * w),
                 int(c.blue() + (255 - c.blue()) * w), kAlpha);
}

} // namespace

BasinPlottable::BasinPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {}

QColor BasinPlottable::attractorColor(int k) {
    return QColor(kPalette[size_t(std::max(k, 0)) % kPalette.size()]);
}
QColor BasinPlottable::divergedColor() {
    return QColor(0x2b, 0x2b, 0x2b);
}
QColor BasinPlottable::undecidedColor() {
    return QColor(0xf0, 0xf0, 0xf0);
}

void BasinPlottable::setMap(const BasinMap& map, int maxSteps) {
    map_ = map;
    clearBounds();
    if (map.nx < 2 || map.ny < 2 || map.labels.empty()) {
        image_ = QImage();
        return;
    }
    image_ = QImage(map.nx, map.ny, QImage::Format_ARGB32);
    // Steps on a log scale: 10 and 100 steps differ as much as 100 and 1000.
    const double logMax = std::log1p(std::max(maxSteps, 1));
    for (int j = 0; j < map.ny; ++j) {
        auto* row = reinterpret_cast<QRgb*>(image_.scanLine(map.ny - 1 - j));
        for (int i = 0; i < map.nx; ++i) {
            const int label = map.label(i, j);
            const double t = std::log1p(std::max(map.stepsAt(i, j), 0)) / logMax;
            row[i] = label >= 0                      ? shade(attractorColor(label), t)
                     : label == BasinMap::kDiverged  ? shade(divergedColor(), 0)
                     : label == BasinMap::kUndecided ? shade(undecidedColor(), 0)
                                                     : qRgba(0, 0, 0, 0);
        }
    }
    const double hx = (map.box.hi[0] - map.box.lo[0]) / (map.nx - 1) / 2;
    const double hy = (map.box.hi[1] - map.box.lo[1]) / (map.ny - 1) / 2;
    cells_ = QRectF(QPointF(map.box.lo[0] - hx, map.box.lo[1] - hy),
                    QPointF(map.box.hi[0] + hx, map.box.hi[1] + hy));
    includeInBounds(cells_.left(), cells_.top());
    includeInBounds(cells_.right(), cells_.bottom());
}

void BasinPlottable::clear() {
    setMap(BasinMap{}, 1);
}

int BasinPlottable::labelAt(double x, double y) const {
    if (empty()) return BasinMap::kNotRun;
    const int i =
        int(std::lround((x - map_.box.lo[0]) / (map_.box.hi[0] - map_.box.lo[0]) * (map_.nx - 1)));
    const int j =
        int(std::lround((y - map_.box.lo[1]) / (map_.box.hi[1] - map_.box.lo[1]) * (map_.ny - 1)));
    if (i < 0 || j < 0 || i >= map_.nx || j >= map_.ny) return BasinMap::kNotRun;
    return map_.label(i, j);
}

void BasinPlottable::draw(QCPPainter* painter) {
    if (image_.isNull()) return;
    const QPointF a = coordsToPixels(cells_.left(), cells_.top());
    const QPointF b = coordsToPixels(cells_.right(), cells_.bottom());
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false); // crisp cells
    painter->drawImage(QRectF(a, b).normalized(), image_);
    painter->restore();
}

void BasinPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->fillRect(rect, attractorColor(0));
}

BasinLegendItem::BasinLegendItem(QCPLegend* legend, const QString& text, const QColor& color)
    : IconLegendItem(legend, text, color.isValid()), color_(color) {}

// A swatch of the basin's overlay color, as wide as 1.4 times its height.
void BasinLegendItem::drawIcon(QCPPainter* painter, const QRectF& rect) {
    QColor fill = color_;
    fill.setAlpha(kAlpha);
    painter->setPen(QPen(mParentLegend->borderPen().color(), 1));
    painter->setBrush(fill);
    painter->drawRect(QRectF(rect.topLeft(), QSizeF(rect.height() * 1.4, rect.height())));
}

} // namespace gs::app

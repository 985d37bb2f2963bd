#include "plot/field_map.h"

#include "field/grid.h"
#include "field/isolines.h"
#include "field/levels.h"
#include "field/vector_field.h"
#include "plot/isoline_plottable.h"
#include "plot/vector_field_plottable.h"
#include "plot/viridis.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gs::app {

namespace {
constexpr int kResolution = 160; // samples per side: smooth at full-screen sizes
constexpr int kLevels = 14;
constexpr int kArrowCells = 15;
} // namespace

FieldMap::FieldMap(QCustomPlot* plot, QCPAxisRect* rect) : QObject(plot), plot_(plot), rect_(rect) {
    QCPAxis* x = xAxis();
    QCPAxis* y = yAxis();
    x->setLabel(QStringLiteral("x"));
    y->setLabel(QStringLiteral("y"));
    colorMap_ = makeHeatMap(x, y);
    isolines_ = new IsolinePlottable(x, y);
    field_ = new VectorFieldPlottable(x, y);
    field_->setUphill(true); // the article draws ∇f
    field_->setMode(VectorFieldPlottable::Mode::Normalized);
    field_->setVisible(false);
    for (QCPAbstractPlottable* p : {static_cast<QCPAbstractPlottable*>(colorMap_),
                                    static_cast<QCPAbstractPlottable*>(isolines_),
                                    static_cast<QCPAbstractPlottable*>(field_)})
        p->removeFromLegend();
    connect(plot_, &QCustomPlot::afterLayout, this, &FieldMap::keepAspect);
}

QCPAxis* FieldMap::xAxis() const {
    return rect_->axis(QCPAxis::atBottom);
}

QCPAxis* FieldMap::yAxis() const {
    return rect_->axis(QCPAxis::atLeft);
}

void FieldMap::setObjective(const ObjectivePtr& f, const Box& box) {
    box_ = box;
    const Grid grid = sampleGrid(*f, box, kResolution, kResolution);
    showGrid(*colorMap_, grid);
    const double lo = grid.minValue(), hi = grid.maxValue();
    isolines_->setIsolines(gs::isolines(grid, chooseLevels(lo, hi, kLevels, LevelSpacing::Linear)));
    field_->setArrows(gradientArrows(*f, box, kArrowCells, kArrowCells),
                      (box.hi[0] - box.lo[0]) / kArrowCells, (box.hi[1] - box.lo[1]) / kArrowCells);
    xAxis()->setRange(box.lo[0], box.hi[0]);
    yAxis()->setRange(box.lo[1], box.hi[1]);
}

void FieldMap::setArrowsVisible(bool on) {
    field_->setVisible(on);
}

void FieldMap::setStyle(const PlotStyle& style, const QFont& font) {
    (void)font;
    for (QCPAxis* axis : rect_->axes())
        axis->grid()->setVisible(false); // the heat map is the background
    // Light lines read on every viridis hue.
    isolines_->setPen(QPen(QColor(255, 255, 255, 120), 1.0 * style.scale));
    field_->setPen(QPen(QColor(255, 255, 255, 150), 1.0 * style.scale));
    field_->setLegendColor(style.foreground());
}

// Equal aspect: one plot unit is as long across as up, and the whole box is in view.
void FieldMap::keepAspect() {
    if (box_.lo.size() != 2) return;
    const QRect r = rect_->rect();
    if (r.width() <= 0 || r.height() <= 0) return;
    const double w = box_.hi[0] - box_.lo[0], h = box_.hi[1] - box_.lo[1];
    const double unit = std::max(w / r.width(), h / r.height()); // plot units per pixel
    const double cx = 0.5 * (box_.lo[0] + box_.hi[0]), cy = 0.5 * (box_.lo[1] + box_.hi[1]);
    xAxis()->setRange(cx - 0.5 * unit * r.width(), cx + 0.5 * unit * r.width());
    yAxis()->setRange(cy - 0.5 * unit * r.height(), cy + 0.5 * unit * r.height());
}

bool FieldMap::contains(QPointF pixel) const {
    return rect_->rect().contains(pixel.toPoint());
}

QPointF FieldMap::toCoords(QPointF pixel) const {
    double x = xAxis()->pixelToCoord(pixel.x()), y = yAxis()->pixelToCoord(pixel.y());
    if (box_.lo.size() == 2) {
        x = std::clamp(x, box_.lo[0], box_.hi[0]);
        y = std::clamp(y, box_.lo[1], box_.hi[1]);
    }
    return {x, y};
}

QPointF FieldMap::toPixel(QPointF coords) const {
    return {xAxis()->coordToPixel(coords.x()), yAxis()->coordToPixel(coords.y())};
}

} // namespace gs::app

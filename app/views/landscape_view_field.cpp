// LandscapeView's field: sampling f over the visible region (heat map, isolines, gradient arrows),
// the color scale and level spacing as two separate choices, and the starred optima.

#include "views/landscape_view.h"

#include "field/grid.h"
#include "field/isolines.h"
#include "plot/isoline_plottable.h"
#include "plot/viridis.h"

#include <qcustomplot.h>

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
constexpr int kLevels = 14;     // isolines per picture
constexpr int kArrowCells = 18; // coarse grid of the gradient field, along the longer side

// The field is sampled this share of the view beyond each edge, so the small corrections that
// follow (an equal aspect after the color scale's labels changed width) stay covered.
constexpr double kSampleMargin = 0.04;
// Zoomed in by more than this since the last sampling, the field is sampled again for detail.
constexpr double kMaxZoomIn = 1.25;

// Whether `sampled` (lo, hi) covers `view`, and not at a much coarser scale.
bool covers(double lo, double hi, const QCPRange& view) {
    const double tol = 1e-9 * std::max(view.size(), 1e-300);
    return lo <= view.lower + tol && hi >= view.upper - tol &&
           (hi - lo) <= kMaxZoomIn * (1 + 2 * kSampleMargin) * view.size();
}
} // namespace

void LandscapeView::setLevelSpacing(LevelSpacing spacing) {
    spacing_ = spacing;
    if (f_) sampleField();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setColorScale(ColorScale scale) {
    colorScaleType_ = scale;
    if (f_) sampleField();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setFieldUphill(bool on) {
    field_->setUphill(on);
    field_->setName(on ? tr("$\\nabla f$ (uphill)") : tr("$-\\nabla f$ (downhill)"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setOptimumKind(Optimum::Kind kind) {
    optimumKind_ = kind;
    if (f_) showOptima();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool LandscapeView::viewSampled() const {
    const QCPRange x = plot_->xAxis->range(), y = plot_->yAxis->range();
    return !sampled_.isEmpty() && covers(sampled_.left(), sampled_.right(), x) &&
           covers(sampled_.top(), sampled_.bottom(), y);
}

void LandscapeView::followView() {
    if (!f_) return;
    // A hidden plot that was resized (for an export) gets its resize event only when shown.
    if (!plot_->rect().isEmpty() && plot_->viewport() != plot_->rect())
        plot_->setViewport(plot_->rect());
    if (pressed_ || wheelPause_->isActive()) return;
    // A new size keeps the region asked for (the box, a fit, the last pan), widened to the aspect.
    if (equalAspect_ && !wanted_.isEmpty() && plot_->viewport().size() != aspectSize_) {
        plot_->xAxis->setRange(wanted_.left(), wanted_.right());
        plot_->yAxis->setRange(wanted_.top(), wanted_.bottom());
        applyAspect();
    }
    if (viewSampled()) return;
    applyAspect(); // the view as it will be shown
    sampleField();
    // New values, new color-scale labels: the axis rect may have changed width a little (the
    // correction stays inside the sampled margin).
    applyAspect();
    Q_EMIT viewResampled();
}

void LandscapeView::sampleField() {
    const QCPRange xv = plot_->xAxis->range(), yv = plot_->yAxis->range();
    QCPRange xr = xv, yr = yv;
    xr.expand(QCPRange(xr.lower - kSampleMargin * xr.size(), xr.upper + kSampleMargin * xr.size()));
    yr.expand(QCPRange(yr.lower - kSampleMargin * yr.size(), yr.upper + kSampleMargin * yr.size()));
    sampled_ = QRectF(QPointF(xr.lower, yr.lower), QPointF(xr.upper, yr.upper));
    const Box box{(Vec(2) << xr.lower, yr.lower).finished(),
                  (Vec(2) << xr.upper, yr.upper).finished()};
    const Grid grid = sampleGrid(*f_, box, resolution_, resolution_);
    const double lo = grid.minValue(), hi = grid.maxValue();
    const bool log = colorScaleType_ == ColorScale::Log;
    // On the log scale the colors follow f − min, so the valley floor is not one flat color.
    const double floor = log ? lo - 1e-6 * std::max(hi - lo, 1e-300) : 0.0;
    showGrid(*colorMap_, grid, floor, false); // the range is set below, with the scale
    colorMap_->setDataScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    QCPAxis* scale = colorScale_->axis();
    scale->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        scale->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        scale->setTicker(QSharedPointer<QCPAxisTicker>::create());
    // One notation per axis: powers of ten on a log scale (not 0.01 beside 10⁻⁶).
    scale->setNumberFormat(log ? QStringLiteral("eb") : QStringLiteral("gb"));
    scale->setNumberPrecision(log ? 0 : 6);
    // A field flatter than doubles can resolve gets one level and ticks that all read alike: the
    // label says so instead.
    if (nearlyFlat(lo, hi, kLevels))
        scale->setLabel(tr("f(x, y) ≈ %1 (flat)").arg(lo, 0, 'g', 12));
    else
        scale->setLabel(log ? tr("f − min") : tr("f(x, y)"));
    if (std::isfinite(lo) && hi > lo)
        colorMap_->setDataRange(log ? QCPRange(lo - floor, hi - floor) : QCPRange(lo, hi));

    isolines_->setIsolines(gs::isolines(grid, chooseLevels(lo, hi, kLevels, spacing_)));

    // Arrows over the view itself, in cells about square on screen: kArrowCells along the longer
    // side.
    const QRect r = plot_->axisRect()->rect();
    const double aspect = r.width() > 0 && r.height() > 0 ? double(r.height()) / r.width() : 1.0;
    const int nx = aspect <= 1 ? kArrowCells : std::max(4, int(std::lround(kArrowCells / aspect)));
    const int ny = aspect >= 1 ? kArrowCells : std::max(4, int(std::lround(kArrowCells * aspect)));
    const Box view{(Vec(2) << xv.lower, yv.lower).finished(),
                   (Vec(2) << xv.upper, yv.upper).finished()};
    field_->setArrows(gradientArrows(*f_, view, nx, ny), xv.size() / nx, yv.size() / ny);
}

void LandscapeView::showOptima() {
    QVector<double> ox, oy;
    for (const Optimum& o : f_->info().optima)
        if (o.kind == optimumKind_) {
            ox << o.x[0];
            oy << o.x[1];
        }
    optima_->setData(ox, oy);
    optima_->setName(optimumKind_ == Optimum::Kind::Maximum ? tr("known maximum")
                                                            : tr("known minimum"));
    if (ox.isEmpty())
        optima_->removeFromLegend();
    else
        optima_->addToLegend();
}

} // namespace gs::app

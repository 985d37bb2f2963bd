#include "views/landscape_view.h"

#include "field/grid.h"
#include "field/isolines.h"
#include "plot/isoline_plottable.h"
#include "plot/path_plottable.h"
#include "plot/plot_title.h"
#include "plot/viridis.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {
constexpr int kLevels = 14;      // isolines per picture
constexpr int kArrowCells = 18;  // coarse grid of the downhill field, per side
constexpr double kClickSlop = 4; // pixels a click may wander and still count as a click
const QString kFieldLayer = QStringLiteral("field");
const QString kPathsLayer = QStringLiteral("paths");
} // namespace

LandscapeView::LandscapeView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Everything antialiased, but plottables by their own flag: paths turn it off in draft mode.
    plot_->setAntialiasedElements(QCP::aeAll & ~QCP::AntialiasedElements(QCP::aePlottables));
    // Clicking the plot takes the keyboard from a text field, so Space and the arrows play again.
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->xAxis->setLabel(QStringLiteral("x"));
    plot_->yAxis->setLabel(QStringLiteral("y"));

    // Field and paths above the default "main" layer, each with its own paint buffer. Adjacent
    // logical layers share one buffer, so the order background-grid-main | field | paths |
    // axes-legend-overlay composites four buffers per paint instead of six.
    plot_->addLayer(kFieldLayer, plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    plot_->addLayer(kPathsLayer, fieldLayer(), QCustomPlot::limAbove);
    fieldLayer()->setMode(QCPLayer::lmBuffered);
    pathsLayer()->setMode(QCPLayer::lmBuffered);
    plot_->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical); // no selection rect

    colorMap_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    colorMap_->setLayer(kFieldLayer);
    colorMap_->setInterpolate(true);
    colorMap_->setName(tr("f(x, y)"));
    colorScale_ = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, colorScale_);
    colorScale_->setType(QCPAxis::atRight);
    colorMap_->setColorScale(colorScale_);
    colorScale_->setGradient(viridisGradient()); // after linking: the map adopts the scale's
    // The scale keeps the axis rect's height whatever its tick labels' width.
    auto* margins = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    colorScale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    isolines_ = new IsolinePlottable(plot_->xAxis, plot_->yAxis);
    isolines_->setLayer(kFieldLayer);
    isolines_->setName(tr("isolines"));
    field_ = new VectorFieldPlottable(plot_->xAxis, plot_->yAxis);
    field_->setLayer(kFieldLayer);
    field_->setName(tr("−∇f (downhill)"));
    optima_ = plot_->addGraph();
    optima_->setLayer(kFieldLayer);
    optima_->setLineStyle(QCPGraph::lsNone);
    optima_->setName(tr("known minimum"));

    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    for (QCPAbstractPlottable* p : {static_cast<QCPAbstractPlottable*>(colorMap_),
                                    static_cast<QCPAbstractPlottable*>(isolines_)})
        p->removeFromLegend();

    connect(plot_, &QCustomPlot::mousePress, this, &LandscapeView::onPress);
    connect(plot_, &QCustomPlot::mouseMove, this, &LandscapeView::onMove);
    connect(plot_, &QCustomPlot::mouseRelease, this, &LandscapeView::onRelease);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    restyle();
}

QCPLayer* LandscapeView::fieldLayer() const {
    return plot_->layer(kFieldLayer);
}
QCPLayer* LandscapeView::pathsLayer() const {
    return plot_->layer(kPathsLayer);
}

void LandscapeView::setIsolinesVisible(bool on) {
    isolines_->setVisible(on);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setTitle(const QString& title) {
    title_ = updatePlotTitle(*plot_, title_, title, style_, font());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    if (title_) title_ = updatePlotTitle(*plot_, title_, title_->text(), style_, font());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::restyle() {
    style_.apply(*plot_, font());
    for (QCPAxis* axis : plot_->axisRect()->axes())
        axis->grid()->setVisible(false); // the heat map is the background; a grid only clutters
    QCPAxis* scaleAxis = colorScale_->axis();
    const QColor fg = style_.foreground();
    scaleAxis->setBasePen(QPen(fg, style_.scale));
    scaleAxis->setTickPen(QPen(fg, style_.scale));
    scaleAxis->setSubTickPen(QPen(fg, style_.scale));
    scaleAxis->setTickLabelColor(fg);
    scaleAxis->setLabelColor(fg);
    scaleAxis->setTickLabelFont(style_.font(font()));
    scaleAxis->setLabelFont(style_.font(font(), 1.1));
    colorScale_->setBarWidth(static_cast<int>(14 * style_.scale));
    // Light lines read on every viridis hue; a dark outline would vanish in the purple end.
    isolines_->setPen(QPen(QColor(255, 255, 255, 130), 1.0 * style_.scale));
    field_->setPen(QPen(QColor(255, 255, 255, 190), 1.1 * style_.scale));
    field_->setLegendColor(style_.foreground());
    optima_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar,
                                             QPen(style_.optimumColor(), 2 * style_.scale),
                                             Qt::NoBrush, style_.markerSize() * 2.4));
    for (PathPlottable* p : paths_)
        p->setSizes(style_.lineWidth(), style_.markerSize());
    for (QCPItemLine* a : stepArrows_) {
        QPen pen = a->pen();
        pen.setWidthF(style_.lineWidth() * 1.2);
        a->setPen(pen);
    }
}

void LandscapeView::setObjective(const ObjectivePtr& f) {
    f_ = f;
    rebuildField();
    resetView();
}

void LandscapeView::setLevelSpacing(LevelSpacing spacing) {
    spacing_ = spacing;
    if (f_) rebuildField();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setArrowMode(ArrowMode mode) {
    arrowMode_ = mode;
    field_->setVisible(mode != ArrowMode::Off);
    if (mode != ArrowMode::Off)
        field_->setMode(mode == ArrowMode::Scaled ? VectorFieldPlottable::Mode::Scaled
                                                  : VectorFieldPlottable::Mode::Normalized);
    if (mode == ArrowMode::Off)
        field_->removeFromLegend();
    else
        field_->addToLegend();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::rebuildField() {
    const Box& box = f_->info().viewBox;
    const Grid grid = sampleGrid(*f_, box, resolution_, resolution_);
    const double lo = grid.minValue(), hi = grid.maxValue();
    const bool log = spacing_ == LevelSpacing::Log;
    // In log mode the colors follow f − min too, so the valley floor is not one flat color.
    const double floor = log ? lo - 1e-6 * std::max(hi - lo, 1e-300) : 0.0;
    QCPColorMapData* data = colorMap_->data();
    data->setSize(grid.nx, grid.ny);
    data->setRange(QCPRange(grid.xMin, grid.xMax), QCPRange(grid.yMin, grid.yMax));
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            data->setCell(i, j, grid.value(i, j) - floor);
    colorMap_->setDataScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    colorScale_->axis()->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        colorScale_->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        colorScale_->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    // A field flatter than doubles can resolve gets one level and ticks that all read alike: the
    // label says so instead.
    if (nearlyFlat(lo, hi, kLevels))
        colorScale_->axis()->setLabel(tr("f(x, y) ≈ %1 (flat)").arg(lo, 0, 'g', 12));
    else
        colorScale_->axis()->setLabel(log ? tr("f − min") : tr("f(x, y)"));
    if (std::isfinite(lo) && hi > lo)
        colorMap_->setDataRange(log ? QCPRange(lo - floor, hi - floor) : QCPRange(lo, hi));

    isolines_->setIsolines(gs::isolines(grid, chooseLevels(lo, hi, kLevels, spacing_)));

    const double cw = (box.hi[0] - box.lo[0]) / kArrowCells,
                 ch = (box.hi[1] - box.lo[1]) / kArrowCells;
    field_->setArrows(gradientArrows(*f_, box, kArrowCells, kArrowCells), cw, ch);

    QVector<double> ox, oy;
    for (const Optimum& o : f_->info().optima)
        if (o.kind == Optimum::Kind::Minimum) {
            ox << o.x[0];
            oy << o.x[1];
        }
    optima_->setData(ox, oy);
    if (ox.isEmpty())
        optima_->removeFromLegend();
    else
        optima_->addToLegend();
}

void LandscapeView::resetView() {
    if (!f_) return;
    const Box& box = f_->info().viewBox;
    plot_->xAxis->setRange(box.lo[0], box.hi[0]);
    plot_->yAxis->setRange(box.lo[1], box.hi[1]);
    applyAspect();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setEqualAspect(bool on) {
    equalAspect_ = on;
    if (on)
        applyAspect();
    else
        resetView();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::applyAspect() {
    if (!equalAspect_) return;
    // One unit of y as long on screen as one unit of x: circles look round. Widen whichever axis
    // would otherwise crop the box.
    plot_->plotLayout()->update(QCPLayoutElement::upLayout);
    const QRect r = plot_->axisRect()->rect();
    if (r.width() <= 0 || r.height() <= 0) return;
    const double xPerPx = plot_->xAxis->range().size() / r.width();
    const double yPerPx = plot_->yAxis->range().size() / r.height();
    if (xPerPx > yPerPx)
        plot_->yAxis->setScaleRatio(plot_->xAxis, 1.0);
    else
        plot_->xAxis->setScaleRatio(plot_->yAxis, 1.0);
}

void LandscapeView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (equalAspect_) resetView();
}

PathPlottable* LandscapeView::addPath(const QColor& color, const QString& name) {
    auto* path = new PathPlottable(plot_->xAxis, plot_->yAxis);
    path->setDraft(draft_);
    path->setLayer(kPathsLayer);
    path->setName(name);
    path->setColor(color);
    path->setSizes(style_.lineWidth(), style_.markerSize());
    paths_ << path;
    plot_->replot(QCustomPlot::rpQueuedReplot); // the legend changed: a full replot
    return path;
}

void LandscapeView::removePath(PathPlottable* path) {
    if (!paths_.removeOne(path)) return;
    plot_->removePlottable(path);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setStepArrows(const QVector<StepArrow>& arrows) {
    while (stepArrows_.size() > arrows.size())
        plot_->removeItem(stepArrows_.takeLast());
    while (stepArrows_.size() < arrows.size()) {
        auto* line = new QCPItemLine(plot_);
        line->setLayer(kPathsLayer);
        line->setHead(
            QCPLineEnding(QCPLineEnding::esSpikeArrow, 10 * style_.scale, 13 * style_.scale));
        stepArrows_ << line;
    }
    for (int i = 0; i < arrows.size(); ++i) {
        const StepArrow& a = arrows[i];
        stepArrows_[i]->start->setCoords(a.from);
        stepArrows_[i]->end->setCoords(a.to);
        stepArrows_[i]->setPen(QPen(a.color, style_.lineWidth() * 1.2,
                                    a.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    }
}

void LandscapeView::replotPaths() {
    // A hidden plot has no paint buffers yet; its first show replots everything anyway.
    if (!plot_->isVisible()) {
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    pathsLayer()->replot();
}

QPointF LandscapeView::toCoords(QPointF pixel) const {
    return {plot_->xAxis->pixelToCoord(pixel.x()), plot_->yAxis->pixelToCoord(pixel.y())};
}

void LandscapeView::setDraft(bool on) {
    if (draft_ == on) return;
    draft_ = on;
    for (PathPlottable* p : paths_)
        p->setDraft(on);
    if (!on) replotPaths();
    Q_EMIT draftChanged(on);
}

void LandscapeView::onPress(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || !plot_->axisRect()->rect().contains(e->pos())) return;
    pressed_ = true;
    pressPos_ = e->position();
    const auto near = [this](QPointF p) {
        const QPointF px(plot_->xAxis->coordToPixel(p.x()), plot_->yAxis->coordToPixel(p.y()));
        return QLineF(px, pressPos_).length() <= 3 * style_.markerSize();
    };
    // Shift, or a press on the chosen run's own start, moves that run's start only.
    draggingOwn_ = (e->modifiers() & Qt::ShiftModifier) || (ownStart_ && near(*ownStart_));
    draggingStart_ = draggingOwn_ || near(start_);
    // A drag that starts on a start point moves it; any other drag pans the view.
    plot_->setInteraction(QCP::iRangeDrag, !draggingStart_);
    if (draggingStart_) setDraft(true);
}

void LandscapeView::onMove(QMouseEvent* e) {
    if (!draggingStart_) return;
    if (draggingOwn_)
        Q_EMIT ownStartPicked(toCoords(e->position()));
    else
        Q_EMIT startPicked(toCoords(e->position()));
}

void LandscapeView::onRelease(QMouseEvent* e) {
    if (!pressed_) return;
    const bool click = QLineF(pressPos_, e->position()).length() <= kClickSlop;
    if (draggingStart_ || click) {
        if (draggingOwn_)
            Q_EMIT ownStartPicked(toCoords(e->position()));
        else
            Q_EMIT startPicked(toCoords(e->position()));
    }
    pressed_ = draggingStart_ = draggingOwn_ = false;
    plot_->setInteraction(QCP::iRangeDrag, true);
    setDraft(false);
}

} // namespace gs::app

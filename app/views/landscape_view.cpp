#include "views/landscape_view.h"

#include "plot/math_legend_item.h"

#include "plot/arrow_head.h"

#include "plot/arrow_legend_item.h"
#include "plot/isoline_plottable.h"
#include "plot/path_plottable.h"
#include "plot/plot_fit.h"
#include "plot/plot_title.h"
#include "plot/viridis.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
constexpr double kClickSlop = 4;   // pixels a click may wander and still count as a click
constexpr int kWheelPauseMs = 180; // the field is sampled again this long after the last wheel step
constexpr double kFitMargin = 0.08; // share of a fitted region added on each side
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
    field_->setName(tr("$-\\nabla f$ (downhill)"));
    MathLegendItem::add(field_, plot_->legend); // its name is typeset
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
    wheelPause_ = new QTimer(this);
    wheelPause_->setSingleShot(true);
    wheelPause_->setInterval(kWheelPauseMs);
    connect(plot_, &QCustomPlot::mouseWheel, wheelPause_, qOverload<>(&QTimer::start));
    connect(wheelPause_, &QTimer::timeout, this, [this] {
        wanted_ = visibleRegion();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(plot_, &QCustomPlot::beforeReplot, this, &LandscapeView::followView);
    fitBeforeReplot(*plot_, &style_, this);
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
    if (title_) title_ = updatePlotTitle(*plot_, title_, plotTitleText(*title_), style_, font());
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
    resetView();
    sampleField();
    showOptima();
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
        MathLegendItem::add(field_, plot_->legend);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::resetView() {
    if (!f_) return;
    const Box& box = f_->info().viewBox;
    showView(QRectF(QPointF(box.lo[0], box.lo[1]), QPointF(box.hi[0], box.hi[1])));
}

void LandscapeView::fitTo(const QRectF& region) {
    if (!f_) return;
    // A region of one point (a run that never moved) still gets a readable neighbourhood.
    const Box& box = f_->info().viewBox;
    const double minW = 0.02 * (box.hi[0] - box.lo[0]), minH = 0.02 * (box.hi[1] - box.lo[1]);
    const double w = std::max(region.width(), minW), h = std::max(region.height(), minH);
    const QPointF c = region.center();
    showView(QRectF(c.x() - w * (0.5 + kFitMargin), c.y() - h * (0.5 + kFitMargin),
                    w * (1 + 2 * kFitMargin), h * (1 + 2 * kFitMargin)));
}

QRectF LandscapeView::visibleRegion() const {
    const QCPRange x = plot_->xAxis->range(), y = plot_->yAxis->range();
    return {QPointF(x.lower, y.lower), QPointF(x.upper, y.upper)};
}

void LandscapeView::showView(const QRectF& region) {
    wanted_ = region;
    plot_->xAxis->setRange(region.left(), region.right());
    plot_->yAxis->setRange(region.top(), region.bottom());
    applyAspect();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::setEqualAspect(bool on) {
    equalAspect_ = on;
    if (!wanted_.isEmpty())
        showView(wanted_);
    else if (on)
        applyAspect();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::applyAspect() {
    if (!equalAspect_) return;
    // One unit of y as long on screen as one unit of x: circles look round. Widen whichever axis
    // would otherwise crop the box.
    // As QCustomPlot lays out before a replot: the whole viewport, and all three phases (tick
    // labels, the color scale's change with the values, set the margins).
    plot_->plotLayout()->setOuterRect(plot_->viewport());
    for (auto phase :
         {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
        plot_->plotLayout()->update(phase);
    const QRect r = plot_->axisRect()->rect();
    if (r.width() <= 0 || r.height() <= 0) return;
    const double xPerPx = plot_->xAxis->range().size() / r.width();
    const double yPerPx = plot_->yAxis->range().size() / r.height();
    if (xPerPx > yPerPx)
        plot_->yAxis->setScaleRatio(plot_->xAxis, 1.0);
    else
        plot_->xAxis->setScaleRatio(plot_->yAxis, 1.0);
    aspectSize_ = plot_->viewport().size();
}

PathPlottable* LandscapeView::addPath(const QColor& color, const QString& name) {
    auto* path = new PathPlottable(plot_->xAxis, plot_->yAxis);
    path->setDraft(draft_);
    path->setLayer(kPathsLayer);
    path->setName(name);
    path->setColor(color);
    path->setSizes(style_.lineWidth(), style_.markerSize());
    paths_ << path;
    // The arrows' key stays below the runs in the legend.
    arrowKeyText_.clear();
    updateArrowKey(arrowKeyShown_);
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
        stepArrows_ << line;
    }
    // Sized to the map as last laid out (the inspector's arrows move with the step, so a resize
    // is followed at the next one).
    const QCPLineEnding head = arrowHead(*plot_->axisRect(), style_, 0.72);
    for (QCPItemLine* line : stepArrows_)
        line->setHead(head);
    for (int i = 0; i < arrows.size(); ++i) {
        const StepArrow& a = arrows[i];
        stepArrows_[i]->start->setCoords(a.from);
        stepArrows_[i]->end->setCoords(a.to);
        stepArrows_[i]->setPen(QPen(a.color, style_.lineWidth() * 1.2,
                                    a.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    }
    updateArrowKey(arrows);
}

void LandscapeView::updateArrowKey(const QVector<StepArrow>& arrows) {
    QStringList text;
    for (const StepArrow& a : arrows)
        text << a.label + a.color.name() + (a.dashed ? QStringLiteral("-") : QString());
    if (text == arrowKeyText_) return; // the same key: playback replots the paths layer only
    arrowKeyText_ = text;
    arrowKeyShown_ = arrows;
    for (QCPAbstractLegendItem* item : arrowKey_)
        plot_->legend->remove(item);
    arrowKey_.clear();
    for (const StepArrow& a : arrows) {
        auto* item = new ArrowLegendItem(plot_->legend, a.label, a.color, a.dashed);
        plot_->legend->addItem(item);
        arrowKey_ << item;
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
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
    // A pan is over: it is what the view shows from now on (after a resize too), sampled anew.
    if (!viewSampled()) {
        wanted_ = visibleRegion();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace gs::app

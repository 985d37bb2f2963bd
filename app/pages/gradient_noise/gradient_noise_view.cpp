#include "pages/gradient_noise/gradient_noise_view.h"

#include "plot/fresh_layout.h"
#include "plot/gradient_cloud_plottable.h"
#include "plot/isoline_plottable.h"
#include "plot/path_plottable.h"
#include "plot/plot_fit.h"
#include "plot/plot_title.h"
#include "plot/viridis.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {

void logAxis(QCPAxis* axis) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("gb"));
}

} // namespace

GradientNoiseView::GradientNoiseView(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setAntialiasedElements(QCP::aeAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    mapRect_ = plot_->axisRect();
    varRect_ = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(0, 1, varRect_);
    plot_->plotLayout()->setColumnStretchFactors({3, 2});
    QCPAxis* w = mapRect_->axis(QCPAxis::atBottom);
    QCPAxis* b = mapRect_->axis(QCPAxis::atLeft);
    w->setLabel(tr("weight w"));
    b->setLabel(tr("bias b"));
    map_ = makeHeatMap(w, b);
    isolines_ = new IsolinePlottable(w, b);
    gdPath_ = new PathPlottable(w, b);
    sgdPath_ = new PathPlottable(w, b);
    gdPath_->setName(tr("GD path"));
    sgdPath_->setName(tr("SGD path"));
    sgdPath_->setMarker(PathPlottable::Marker::Square);
    shuffled_ = new GradientCloudPlottable(w, b);
    sorted_ = new GradientCloudPlottable(w, b);
    full_ = new GradientCloudPlottable(w, b);
    // Arrows are the steps −λ g_B and −λ ∇J; the lesson text says so, the names stay short.
    shuffled_->setName(tr("random batches, 2σ"));
    sorted_->setName(tr("class-sorted batches"));
    full_->setName(tr("full gradient"));
    for (QCPAxis* axis : {w, b})
        axis->grid()->setVisible(false);
    plot_->legend->setVisible(true);
    mapRect_->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    // Paths and the full-gradient arrow are named in the legend; the map and lines are not.
    for (QCPAbstractPlottable* p :
         {static_cast<QCPAbstractPlottable*>(map_), static_cast<QCPAbstractPlottable*>(isolines_)})
        p->removeFromLegend();

    QCPAxis* bx = varRect_->axis(QCPAxis::atBottom);
    QCPAxis* vy = varRect_->axis(QCPAxis::atLeft);
    logAxis(bx);
    logAxis(vy);
    bx->setLabel(tr("batch size B"));
    vy->setLabel(tr("tr Cov(g_B)"));
    theory_ = plot_->addGraph(bx, vy);
    oneOverB_ = plot_->addGraph(bx, vy);
    measured_ = plot_->addGraph(bx, vy);
    measured_->setLineStyle(QCPGraph::lsNone);
    for (QCPGraph* g : {theory_, oneOverB_, measured_})
        g->removeFromLegend();
    batchMarker_ = new QCPItemStraightLine(plot_);
    batchMarker_->setClipAxisRect(varRect_);
    for (QCPItemPosition* p : {batchMarker_->point1, batchMarker_->point2})
        p->setAxes(bx, vy);
    layOutFreshBeforeReplot(*plot_);
    fitBeforeReplot(*plot_, &style_, this);
    restyle();
}

void GradientNoiseView::setTitle(const QString& title) {
    title_ = updatePlotTitle(*plot_, title_, title, style_, font());
}

void GradientNoiseView::setMap(const Grid& grid, std::vector<Isoline> lines) {
    showGrid(*map_, grid);
    isolines_->setIsolines(std::move(lines));
    mapRect_->axis(QCPAxis::atBottom)->setRange(grid.xMin, grid.xMax);
    mapRect_->axis(QCPAxis::atLeft)->setRange(grid.yMin, grid.yMax);
}

void GradientNoiseView::setPaths(const QVector<QPointF>& gd, const QVector<QPointF>& sgd) {
    gdPath_->setPoints(gd);
    sgdPath_->setPoints(sgd);
}

void GradientNoiseView::setCurrent(int k) {
    gdPath_->setCurrent(k);
    sgdPath_->setCurrent(k);
}

void GradientNoiseView::setCloud(const Cloud& c) {
    shuffled_->setArrows(c.at, c.shuffledTips);
    shuffled_->setOutline(c.ellipse);
    sorted_->setArrows(c.at, c.sortedTips);
    sorted_->setVisible(!c.sortedTips.isEmpty());
    if (c.sortedTips.isEmpty())
        sorted_->removeFromLegend();
    else
        sorted_->addToLegend();
    full_->setArrows(c.at, {c.fullTip});
}

void GradientNoiseView::setVariance(const std::vector<learn::VariancePoint>& measured,
                                    const std::vector<learn::VariancePoint>& formulas,
                                    int currentBatch) {
    QVector<double> mb, mv, fb, ft, fr;
    double lo = INFINITY, hi = 0;
    auto see = [&](double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    for (const auto& p : measured)
        if (p.theory > 0 && p.measured > 0 && std::isfinite(p.measured)) { // B = N: 0 (rounding)
            mb << p.batch;
            mv << p.measured;
            see(p.measured);
        }
    QVector<double> rb;
    for (const auto& p : formulas) {
        if (p.theory > 0 && std::isfinite(p.theory)) {
            fb << p.batch;
            ft << p.theory;
            see(p.theory);
        }
        if (p.withReplacement > 0 && std::isfinite(p.withReplacement)) {
            rb << p.batch;
            fr << p.withReplacement;
        }
    }
    measured_->setData(mb, mv, true);
    theory_->setData(fb, ft, true);
    oneOverB_->setData(rb, fr, true);
    double maxB = 2;
    for (const auto& p : formulas)
        maxB = std::max(maxB, double(p.batch));
    varRect_->axis(QCPAxis::atBottom)->setRange(0.8, maxB * 1.25);
    if (!(lo > 0 && std::isfinite(hi) && hi >= lo)) {
        lo = 1e-6;
        hi = 1;
    }
    varRect_->axis(QCPAxis::atLeft)->setRange(lo / 2, hi * 2);
    batchMarker_->point1->setCoords(currentBatch, 1e-300);
    batchMarker_->point2->setCoords(currentBatch, 1e300);
}

void GradientNoiseView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    if (title_) setTitle(plotTitleText(*title_));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GradientNoiseView::restyle() {
    style_.apply(*plot_, font());
    const double lw = style_.lineWidth();
    gdPath_->setColor(style_.pathColor(5));
    sgdPath_->setColor(style_.pathColor(1));
    for (PathPlottable* p : {gdPath_, sgdPath_})
        p->setSizes(lw * 0.8, style_.markerSize() * 0.8);
    shuffled_->setColor(QColor(255, 255, 255, 200));
    shuffled_->setWidth(0.9 * style_.scale);
    shuffled_->setLegendColor(style_.foreground());
    sorted_->setColor(style_.pathColor(6));
    sorted_->setWidth(1.2 * style_.scale);
    full_->setColor(style_.pathColor(3));
    full_->setWidth(2.4 * style_.scale);
    isolines_->setPen(QPen(QColor(255, 255, 255, 110), style_.scale));
    theory_->setPen(QPen(style_.curve(), lw));
    oneOverB_->setPen(QPen(style_.pathColor(0), lw * 0.75, Qt::DashLine));
    measured_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, style_.optimumColor(), style_.markerSize()));
    batchMarker_->setPen(
        QPen(style_.grid().darker(style_.dark ? 70 : 160), style_.scale, Qt::DotLine));
}

} // namespace gs::app

#include "views/curve_view.h"

#include "field/curve.h"
#include "plot/path_plottable.h"
#include "plot/plot_fit.h"
#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {
constexpr int kCurveSamples = 1200;
}

CurveView::CurveView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setAntialiasedElements(QCP::aeAll);
    // Clicking the plot takes the keyboard from a text field, so Space and the arrows play again.
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->xAxis->setLabel(QStringLiteral("x"));
    plot_->yAxis->setLabel(QStringLiteral("f(x)"));

    curve_ = plot_->addGraph();
    optima_ = plot_->addGraph();
    optima_->setLineStyle(QCPGraph::lsNone);
    paths_ << new PathPlottable(plot_->xAxis, plot_->yAxis);
    tangent_ = new QCPItemLine(plot_);
    tangent_->setVisible(false);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(plot_, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* e) { pressAt_ = e->position().toPoint(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        const QPoint d = e->position().toPoint() - pressAt_;
        if (e->button() == Qt::LeftButton && d.manhattanLength() < 4 &&
            plot_->axisRect()->rect().contains(e->position().toPoint()))
            Q_EMIT clicked(plot_->xAxis->pixelToCoord(e->position().x()));
    });
    // Zooming or panning resamples the curve over what is on view.
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        resample();
        showLabelsInView();
        Q_EMIT rangesChanged();
    });
    connect(plot_->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        showLabelsInView();
        Q_EMIT rangesChanged();
    });
    fitBeforeReplot(*plot_, &style_, this);
    restyle();
}

void CurveView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    for (QCPItemText* label : optimumLabels_) { // new fonts and colors; data and zoom stay
        label->setFont(style_.font(font(), 0.95));
        label->setColor(style_.optimumColor());
        label->setPadding(QMargins(0, 0, 0, static_cast<int>(10 * style_.scale)));
    }
    if (title_) setTitle(plotTitleText(*title_));
    plot_->replot();
}

void CurveView::restyle() {
    style_.apply(*plot_, font());
    // Room on the right for half of the last x tick label ("10"), which would otherwise be cut.
    const QFontMetrics ticks(plot_->xAxis->tickLabelFont());
    plot_->axisRect()->setMinimumMargins(
        QMargins(0, 0, ticks.horizontalAdvance(QStringLiteral("−10.0")) / 2 + 4, 0));
    curve_->setPen(QPen(style_.curve(), style_.lineWidth()));
    optima_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, style_.optimumColor(), style_.markerSize() * 2.2));
    for (int i = 0; i < paths_.size(); ++i) {
        paths_[i]->setColor(style_.pathColor(i));
        paths_[i]->setSizes(style_.lineWidth(), style_.markerSize());
    }
    tangent_->setPen(
        QPen(style_.pathColor(0).darker(130), style_.lineWidth() * 0.75, Qt::DashLine));
}

void CurveView::setObjective(const ObjectivePtr& f) {
    f_ = f;
    const Box& box = f->info().viewBox;
    QVector<double> ox, oy;
    for (QCPItemText* label : optimumLabels_)
        plot_->removeItem(label);
    optimumLabels_.clear();
    for (const Optimum& o : f->info().optima) {
        if (!box.contains(o.x)) continue;
        ox << o.x[0];
        oy << o.value;
        auto* label = new QCPItemText(plot_);
        label->setClipToAxisRect(false); // a peak's label may reach into the margin above
        label->position->setCoords(o.x[0], o.value);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, static_cast<int>(10 * style_.scale)));
        const QString kind = o.kind == Optimum::Kind::Maximum ? tr("maximum") : tr("minimum");
        label->setText(o.kind == Optimum::Kind::Saddle ? tr("flat point, f′ = 0")
                       : o.global                      ? tr("global %1").arg(kind)
                                                       : tr("local %1").arg(kind));
        label->setFont(style_.font(font(), 0.95));
        label->setColor(style_.optimumColor());
        optimumLabels_ << label;
    }
    optima_->setData(ox, oy);
    resetView();
}

void CurveView::setTitle(const QString& title) {
    title_ = updatePlotTitle(*plot_, title_, title, style_, font());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::resample() {
    if (!f_) return;
    const QCPRange x = plot_->xAxis->range();
    const Curve c = sampleCurve(*f_, x.lower, x.upper, kCurveSamples);
    yLo_ = c.yMin;
    yHi_ = c.yMax;
    if (!(yLo_ < yHi_)) { // constant or nowhere finite: a unit band keeps the axis sane
        yLo_ = std::isfinite(yLo_) ? yLo_ - 1 : -1;
        yHi_ = yLo_ + 2;
    }
    curve_->setData(QVector<double>(c.x.begin(), c.x.end()),
                    QVector<double>(c.y.begin(), c.y.end()), true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::showLabelsInView() {
    // Labels may reach out of the axis rect (a peak's, upward), so the ones whose point is off
    // view hide rather than float in the margins.
    const QCPRange x = plot_->xAxis->range(), y = plot_->yAxis->range();
    for (QCPItemText* label : optimumLabels_)
        label->setVisible(x.contains(label->position->coords().x()) &&
                          y.contains(label->position->coords().y()));
}

void CurveView::setXRange(double lo, double hi) {
    if (!(lo < hi)) return;
    plot_->xAxis->setRange(lo, hi); // resamples
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::setValueRange(double lo, double hi) {
    if (!(lo < hi)) return;
    plot_->yAxis->setRange(lo, hi);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool CurveView::fitToPaths() {
    double lo = INFINITY, hi = -INFINITY;
    for (const PathPlottable* path : paths_)
        for (const QPointF& p : path->points())
            if (std::isfinite(p.x())) {
                lo = std::min(lo, p.x());
                hi = std::max(hi, p.x());
            }
    if (!(lo <= hi)) return false;
    // The runs and a margin, and never less than a tenth of the function's box around them.
    const double span =
        std::max(hi - lo, 0.1 * (f_->info().viewBox.hi[0] - f_->info().viewBox.lo[0]));
    const double mid = 0.5 * (lo + hi);
    setXRange(mid - 0.6 * span, mid + 0.6 * span);
    fitValueAxis();
    return true;
}

void CurveView::resetView() {
    if (!f_) return;
    plot_->xAxis->setRange(f_->info().viewBox.lo[0], f_->info().viewBox.hi[0]); // resamples
    fitValueAxis();
}

void CurveView::fitValueAxis() {
    if (!f_) return;
    const double span = yHi_ - yLo_;
    // Above the top, room for an optimum's label as well: its height as a share of the axis rect.
    double top = 0.12;
    if (!optimumLabels_.isEmpty()) {
        const int rect = std::max(150, plot_->axisRect()->height());
        const double label = QFontMetrics(style_.font(font(), 0.95)).height() + 12 * style_.scale;
        top += 1.3 * label / rect;
    }
    plot_->yAxis->setRange(yLo_ - 0.12 * span, yHi_ + top * span);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::setPaths(QVector<Path> paths) {
    if (paths.isEmpty()) paths << Path{};
    while (paths_.size() > paths.size())
        plot_->removePlottable(paths_.takeLast());
    while (paths_.size() < paths.size())
        paths_ << new PathPlottable(plot_->xAxis, plot_->yAxis);
    const int k = paths_.front()->current();
    for (int i = 0; i < paths.size(); ++i) {
        paths_[i]->setPoints(std::move(paths[i].points));
        paths_[i]->setCurrent(k);
    }
    slopes_ = std::move(paths.front().slopes);
    restyle();
    updateTangent();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::setCurrent(int k) {
    for (PathPlottable* path : paths_)
        path->setCurrent(k);
    updateTangent();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::setHighlight(int path, int k) {
    for (int i = 0; i < paths_.size(); ++i)
        paths_[i]->setHighlight(i == path ? k : -1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurveView::updateTangent() {
    const PathPlottable* path = paths_.front();
    const int k = path->current();
    if (path->points().isEmpty() || k >= slopes_.size() || !std::isfinite(slopes_[k])) {
        tangent_->setVisible(false);
        return;
    }
    // t(y) = f'(x)(y − x) + f(x), drawn over a fixed fraction of the view's width.
    const QPointF p = path->points()[k];
    const double half = 0.08 * plot_->xAxis->range().size();
    tangent_->start->setCoords(p.x() - half, p.y() - slopes_[k] * half);
    tangent_->end->setCoords(p.x() + half, p.y() + slopes_[k] * half);
    tangent_->setVisible(true);
}

} // namespace gs::app

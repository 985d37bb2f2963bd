#include "views/lr_sweep_view.h"

#include "plot/plot_fit.h"
#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace gs::app {

namespace {
constexpr double kClickRadius = 10; // pixels
}

LrSweepView::LrSweepView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setAntialiasedElements(QCP::aeAll);
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot_->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot_->xAxis->setLabel(tr("learning rate λ (log scale)"));
    // A legend of its own, not the plot's: plot_fit hides the plot's legend when it judges the
    // room from the layout before a resize, which an export at a new size always is.
    legend_ = new QCPLegend;
    plot_->axisRect()->insetLayout()->addElement(legend_, Qt::AlignBottom | Qt::AlignLeft);
    legend_->setLayer(QStringLiteral("legend"));

    onsetLine_ = new QCPItemStraightLine(plot_);
    onsetLabel_ = new QCPItemText(plot_);
    onsetLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    onsetLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    onsetLabel_->position->setCoords(1, 0.02);
    onsetLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    onsetLabel_->setTextAlignment(Qt::AlignRight);
    selectedLine_ = new QCPItemStraightLine(plot_);
    for (QCPAbstractItem* item :
         {static_cast<QCPAbstractItem*>(onsetLine_), static_cast<QCPAbstractItem*>(onsetLabel_),
          static_cast<QCPAbstractItem*>(selectedLine_)}) {
        item->setVisible(false);
        item->setSelectable(false);
    }

    connect(plot_, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* e) { pressAt_ = e->position().toPoint(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if (e->button() == Qt::LeftButton &&
            (e->position().toPoint() - pressAt_).manhattanLength() < 4)
            clickAt(e->position());
    });
    fitBeforeReplot(*plot_, &style_, this);
    restyle();
}

void LrSweepView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    setSeries(QVector<Series>(series_), plot_->yAxis->scaleType() == QCPAxis::stLogarithmic,
              plot_->yAxis->label(), plot_->xAxis->range().lower, plot_->xAxis->range().upper);
    if (title_) setTitle(plotTitleText(*title_));
}

void LrSweepView::restyle() {
    style_.apply(*plot_, font());
    onsetLine_->setPen(QPen(style_.errorColor(), 1.5 * style_.scale, Qt::DashLine));
    onsetLabel_->setColor(style_.errorColor());
    onsetLabel_->setFont(style_.font(font(), 0.95));
    onsetLabel_->setPadding(QMargins(4, 2, 6, 2));
    onsetLabel_->setBrush(QBrush(style_.background()));
    // A key, not a heading: on a projector it grows less than the axes, to leave the curves room.
    legend_->setFont(style_.font(font(), style_.scale > 1 ? 0.6 : 0.85));
    legend_->setTextColor(style_.foreground());
    legend_->setBrush(QBrush(style_.background()));
    legend_->setBorderPen(QPen(style_.grid()));
}

void LrSweepView::setSeries(const QVector<Series>& series, bool logValues,
                            const QString& valueLabel, double lo, double hi) {
    series_ = series;
    for (int i = 0; i < plot_->graphCount(); ++i)
        plot_->graph(i)->removeFromLegend(legend_); // clearGraphs() clears only the plot's legend
    legend_->simplify();                            // the new items fill from the top
    plot_->clearGraphs();
    plot_->yAxis->setScaleType(logValues ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logValues)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot_->yAxis->setNumberFormat(logValues ? QStringLiteral("eb") : QStringLiteral("gb"));
    plot_->yAxis->setNumberPrecision(logValues ? 0 : 6);
    plot_->yAxis->setLabel(valueLabel);

    // The value axis spans the finite values the scale can show.
    double vlo = std::numeric_limits<double>::infinity(), vhi = -vlo;
    for (const Series& s : series)
        for (int i = 0; i < s.value.size(); ++i)
            if (std::isfinite(s.value[i]) && !s.diverged[i] && (!logValues || s.value[i] > 0)) {
                vlo = std::min(vlo, s.value[i]);
                vhi = std::max(vhi, s.value[i]);
            }
    if (!(vlo <= vhi)) vlo = logValues ? 1e-3 : 0, vhi = logValues ? 1 : 1;
    if (logValues) {
        vlo /= 3;
        vhi *= 30; // room above for the crosses and the legend
    } else {
        const double pad = std::max(0.08 * (vhi - vlo), 1e-9 + 0.05 * std::abs(vhi));
        vlo -= pad;
        vhi += 3 * pad;
    }
    top_ = logValues ? vhi / 1.6 : vhi - 0.04 * (vhi - vlo);

    for (const Series& s : series) {
        QCPGraph* line = plot_->addGraph();
        line->removeFromLegend();
        line->setName(s.name);
        line->setPen(QPen(s.color, style_.lineWidth() * 0.8));
        line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, s.color, s.color,
                                              style_.markerSize() * 0.6));
        QCPGraph* crosses = plot_->addGraph();
        crosses->removeFromLegend();
        crosses->setLineStyle(QCPGraph::lsNone);
        crosses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross,
                                                 QPen(s.color, 1.5 * style_.scale), Qt::NoBrush,
                                                 style_.markerSize() * 1.1));
        QVector<double> x, y, dx, dy;
        for (int i = 0; i < s.lr.size(); ++i) {
            if (s.diverged.value(i)) {
                dx << s.lr[i];
                dy << top_;
                continue;
            }
            const double v = s.value.value(i, NAN);
            // NaN leaves a gap in the line: never an axis end, never a point.
            x << s.lr[i];
            y << (std::isfinite(v) && (!logValues || v > 0) ? v : NAN);
        }
        line->setData(x, y, true);
        line->addToLegend(legend_);
        if (QCPAbstractLegendItem* item = legend_->itemWithPlottable(line))
            item->setFont(legend_->font());
        crosses->setData(dx, dy, true);
    }
    plot_->xAxis->setRange(lo / 1.15, hi * 1.15);
    plot_->yAxis->setRange(vlo, vhi);
    plot_->replot();
}

void LrSweepView::setOnset(std::optional<double> rate, const QString& label) {
    onset_ = rate && std::isfinite(*rate) && *rate > 0 ? rate : std::nullopt;
    onsetLine_->setVisible(onset_.has_value());
    onsetLabel_->setVisible(onset_.has_value());
    if (onset_) {
        onsetLine_->point1->setCoords(*onset_, 1);
        onsetLine_->point2->setCoords(*onset_, 2);
        onsetLabel_->position->setCoords(*onset_, 0.02);
        onsetLabel_->setText(label);
    }
    plot_->replot();
}

void LrSweepView::setSelected(std::optional<double> rate, const QColor& color) {
    selectedLine_->setVisible(rate.has_value());
    if (rate) {
        selectedLine_->point1->setCoords(*rate, 1);
        selectedLine_->point2->setCoords(*rate, 2);
        selectedLine_->setPen(QPen(color, 1.2 * style_.scale, Qt::DotLine));
    }
    plot_->replot();
}

void LrSweepView::setTitle(const QString& title) {
    title_ = updatePlotTitle(*plot_, title_, title, style_, font());
    plot_->replot();
}

QPointF LrSweepView::pixelOf(int s, int i) const {
    const Series& series = series_[s];
    const double v = series.diverged[i] ? top_ : series.value[i];
    return {plot_->xAxis->coordToPixel(series.lr[i]), plot_->yAxis->coordToPixel(v)};
}

void LrSweepView::clickAt(QPointF pos) {
    int bestS = -1, bestI = -1;
    double best = kClickRadius * style_.scale;
    for (int s = 0; s < series_.size(); ++s)
        for (int i = 0; i < series_[s].lr.size(); ++i) {
            const bool log = plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
            const double v = series_[s].value[i];
            const bool shown = series_[s].diverged[i] || (std::isfinite(v) && (!log || v > 0));
            if (!shown) continue;
            const QPointF d = pixelOf(s, i) - pos;
            const double dist = std::hypot(d.x(), d.y());
            if (dist < best) {
                best = dist;
                bestS = s;
                bestI = i;
            }
        }
    if (bestS >= 0) Q_EMIT pointClicked(bestS, bestI);
}

} // namespace gs::app

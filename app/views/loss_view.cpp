#include "views/loss_view.h"

#include "plot/math_axis.h"
#include "plot/plot_fit.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
// Smallest gap (or distance) shown on the log axis: below it f − f* is rounding noise.
constexpr double kLogFloor = 1e-12;
} // namespace

LossView::LossView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), status_(new QLabel(this)),
      quantity_(new QComboBox(this)) {
    quantity_->addItems({tr("f(xₖ)"), tr("distance ‖xₖ − x*‖")});
    quantity_->setFocusPolicy(Qt::NoFocus); // keep Space and the arrow keys for playback
    quantity_->setToolTip(tr("Plot the loss, or how far each run is from the nearest known "
                             "minimum (shown when the function's minima are known)"));
    quantity_->setVisible(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(quantity_, 0, Qt::AlignTop);
    bottom->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_, 1);
    layout->addLayout(bottom);
    connect(quantity_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    status_->setTextFormat(Qt::RichText);
    status_->setWordWrap(true);
    MathAxis::replace(plot_->axisRect(), QCPAxis::atLeft); // before any graph: its label is typeset
    plot_->setAntialiasedElements(QCP::aeAll);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->xAxis->setLabel(tr("step k"));
    cursor_ = new QCPItemStraightLine(plot_);
    // One paint buffer fewer to composite on every drag event (there is no selection rect).
    plot_->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    fitBeforeReplot(*plot_, &style_, this); // few tick labels in a short panel, none touching
    restyle();
    rebuild();
}

void LossView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    rebuild();
}

void LossView::restyle() {
    // A secondary panel: smaller type than the map, so its curves keep room on a projector.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    style_.apply(*plot_, small);
    status_->setFont(small);
    quantity_->setFont(small);
    // A curve, not just its axis labels, when the map takes the room.
    plot_->setMinimumHeight(static_cast<int>(110 * style_.scale));
    cursor_->setPen(QPen(style_.foreground(), style_.scale, Qt::DashLine));
}

void LossView::setReference(double fRef, const QString& what) {
    ref_ = fRef;
    refName_ = what;
}

void LossView::setDistanceAvailable(bool on) {
    quantity_->setVisible(on);
}

LossView::Quantity LossView::quantity() const {
    return !quantity_->isHidden() && quantity_->currentIndex() == 1 ? Quantity::Distance
                                                                    : Quantity::Value;
}

void LossView::setDraft(bool on) {
    plot_->setNotAntialiasedElements(on ? QCP::AntialiasedElements(QCP::aePlottables)
                                        : QCP::aeNone);
    if (!on) plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossView::setSeries(const QVector<Series>& series) {
    series_ = series;
    rebuild();
}

void LossView::setCurrent(int k) {
    cursor_->point1->setCoords(k, 0);
    cursor_->point2->setCoords(k, 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossView::rebuild() {
    // Graphs are reused across rebuilds: a drag rebuilds many times a second.
    while (plot_->graphCount() > series_.size())
        plot_->removeGraph(plot_->graphCount() - 1);
    while (plot_->graphCount() < series_.size())
        plot_->addGraph();
    plot_->yAxis->setScaleType(log_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log_)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    const bool distance = quantity() == Quantity::Distance;
    // Short labels: the panel is short, and a vertical label longer than its axis is cut.
    plot_->yAxis->setLabel(distance ? QStringLiteral("$\\|x_k - x^*\\|$")
                           : log_
                               ? (ascent_ ? tr("%1 − f").arg(refName_) : tr("f − %1").arg(refName_))
                               : QStringLiteral("$f(x_k)$"));
    // One notation per axis: powers of ten on a log scale (not 0.0001 beside 10⁻⁶).
    plot_->yAxis->setNumberFormat(log_ ? QStringLiteral("eb") : QStringLiteral("gb"));
    plot_->yAxis->setNumberPrecision(log_ ? 0 : 6);

    double lo = INFINITY, hi = -INFINITY;
    int steps = 1;
    QString status;
    for (int i = 0; i < series_.size(); ++i) {
        const Series& s = series_[i];
        QCPGraph* g = plot_->graph(i);
        g->setVisible(s.visible);
        if (!s.visible) continue; // a hidden run is not reported either (a lesson hides one)
        // The swatch carries the run's color; the words stay in the text color, since light
        // palette colors (Okabe–Ito yellow, sky blue) are unreadable as text on white. Only a
        // divergence is colored, as the error it is.
        const QString words = s.diverged
                                  ? QStringLiteral("<span style='color:%1'>%2</span>")
                                        .arg(style_.errorColor().name(), s.status.toHtmlEscaped())
                                  : s.status.toHtmlEscaped();
        // The swatch stays on the line of the name it marks.
        status += QStringLiteral("<span style='color:%1'>■</span>&nbsp;%2: %3&nbsp;&nbsp; ")
                      .arg(s.color.name(), s.name.toHtmlEscaped(), words);
        // On the log axis f is shown above its reference (below it for a climb); a distance is
        // already ≥ 0.
        const QVector<double>& v = distance ? s.distance : s.f;
        const double ref = distance ? 0.0 : ref_;
        const double above = !distance && ascent_ ? -1.0 : 1.0;
        QVector<double> ks(v.size()), ys(v.size());
        for (int k = 0; k < v.size(); ++k) {
            ks[k] = k;
            ys[k] = log_ ? std::max(above * (v[k] - ref), kLogFloor) : v[k];
            if (k < s.inView.size() && s.inView[k] && std::isfinite(ys[k])) {
                lo = std::min(lo, ys[k]);
                hi = std::max(hi, ys[k]);
            }
        }
        steps = std::max(steps, static_cast<int>(v.size()) - 1);
        // Width 1 (×scale) takes the raster engine's cosmetic fast path: thousands of vertices
        // through the general stroker would cost more than all the runs.
        g->setPen(QPen(s.color, style_.scale * 1.2 > 1.5 ? style_.lineWidth() * 0.8 : 1.0));
        g->setData(ks, ys, true);
    }
    if (status != status_->text()) status_->setText(status); // a rich-text relayout is not free

    if (!(lo <= hi)) lo = hi = log_ ? 1.0 : 0.0; // nothing in view: a unit band keeps axes sane
    if (log_) {
        lo = std::max(lo, kLogFloor);
        plot_->yAxis->setRange(lo / 2, std::max(hi * 2, lo * 10));
    } else {
        const double pad = hi > lo ? 0.08 * (hi - lo) : 1.0;
        plot_->yAxis->setRange(lo - pad, hi + pad);
    }
    plot_->xAxis->setRange(0, steps);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gs::app

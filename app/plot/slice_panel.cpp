#include "plot/slice_panel.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
constexpr double kCaptionRoom = 0.04; // share of the value axis kept free above the curve
} // namespace

SlicePanel::SlicePanel(QCustomPlot* plot) : plot_(plot) {
    rect_ = new QCPAxisRect(plot);
    QCPAxis* x = rect_->axis(QCPAxis::atBottom);
    QCPAxis* y = rect_->axis(QCPAxis::atLeft);
    curve_ = plot->addGraph(x, y);
    marks_ = plot->addGraph(x, y);
    marks_->setLineStyle(QCPGraph::lsNone);
    point_ = plot->addGraph(x, y);
    point_->setLineStyle(QCPGraph::lsNone);
    for (QCPGraph* g : {curve_, marks_, point_})
        g->removeFromLegend();
    tangent_ = new QCPItemStraightLine(plot);
    tangent_->setClipAxisRect(rect_);
    tangent_->setVisible(false); // until a point is set
    for (QCPItemPosition* p : {tangent_->point1, tangent_->point2})
        p->setAxes(x, y);
    // The caption is the label of a bare top axis: above the curve, never over it.
    caption_ = rect_->axis(QCPAxis::atTop);
    caption_->setVisible(true);
    caption_->setTicks(false);
    caption_->setTickLabels(false);
    caption_->setBasePen(Qt::NoPen);
    caption_->grid()->setVisible(false);
    caption_->setLabelPadding(2);
}

void SlicePanel::setLabels(const QString& x, const QString& y) {
    rect_->axis(QCPAxis::atBottom)->setLabel(x);
    rect_->axis(QCPAxis::atLeft)->setLabel(y);
}

void SlicePanel::setCurve(const QVector<double>& t, const QVector<double>& v) {
    curve_->setData(t, v, true);
    double lo = INFINITY, hi = -INFINITY;
    for (double value : v)
        if (std::isfinite(value)) {
            lo = std::min(lo, value);
            hi = std::max(hi, value);
        }
    if (!t.isEmpty()) rect_->axis(QCPAxis::atBottom)->setRange(t.front(), t.back());
    if (!(lo <= hi)) { // nothing finite: a unit range, so no NaN reaches the axis
        lo = -1;
        hi = 1;
    }
    const double span = std::max(hi - lo, 1e-9 * std::max(1.0, std::abs(hi)));
    const double pad = 0.06 * span;
    rect_->axis(QCPAxis::atLeft)->setRange(lo - pad, hi + pad + kCaptionRoom * span);
}

void SlicePanel::setPoint(double t, double v, double slope) {
    point_->setData({t}, {v}, true);
    const bool show = std::isfinite(t) && std::isfinite(v) && std::isfinite(slope);
    tangent_->setVisible(show);
    if (!show) return;
    // The tangent line through (t, v) with the given slope: a second point one unit along.
    tangent_->point1->setCoords(t, v);
    tangent_->point2->setCoords(t + 1, v + slope);
}

void SlicePanel::setMarks(const QVector<double>& t, const QVector<double>& v) {
    marks_->setData(t, v, true);
}

void SlicePanel::setCaption(const QString& text) {
    caption_->setLabel(text);
}

void SlicePanel::setStyle(const PlotStyle& style, const QFont& font) {
    curve_->setPen(QPen(color_, style.lineWidth()));
    point_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, color_, style.markerSize() * 1.4));
    marks_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                            QPen(style.foreground(), style.scale * 1.5),
                                            Qt::NoBrush, style.markerSize() * 1.6));
    tangent_->setPen(QPen(style.foreground(), style.lineWidth() * 0.8, Qt::DashLine));
    caption_->setBasePen(Qt::NoPen);
    caption_->setLabelFont(style.font(font, 1.0));
    caption_->setLabelColor(style.foreground());
}

} // namespace gs::app

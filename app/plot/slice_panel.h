#pragma once
// One panel of a lesson plot showing a function of one variable g(t) — a slice of a surface, or
// the directional derivative over angles — with the point where the lesson stands, the tangent
// there, and a caption in the panel's corner.

#include "plot/plot_style.h"

#include <QColor>
#include <QString>
#include <QVector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPAxis;

namespace gs::app {

class SlicePanel {
public:
    /// A new axis rect owned by `plot` (the caller places it in the layout).
    explicit SlicePanel(QCustomPlot* plot);

    QCPAxisRect* rect() const { return rect_; }
    QCPGraph* curve() const { return curve_; }
    QCPGraph* marks() const { return marks_; }

    void setLabels(const QString& x, const QString& y);
    /// The curve, and the value axis fitted to its finite values (with room for the caption).
    void setCurve(const QVector<double>& t, const QVector<double>& v);
    /// The point (t, v) and the tangent through it with `slope`; a NaN slope hides the tangent.
    void setPoint(double t, double v, double slope);
    /// Extra marked points (maxima, zeros), drawn as rings.
    void setMarks(const QVector<double>& t, const QVector<double>& v);
    void setCaption(const QString& text);
    void setColor(const QColor& color) { color_ = color; }
    void setStyle(const PlotStyle& style, const QFont& font);

private:
    QCustomPlot* plot_;
    QCPAxisRect* rect_;
    QCPGraph* curve_;
    QCPGraph* point_;
    QCPGraph* marks_;
    QCPItemStraightLine* tangent_;
    QCPAxis* caption_;
    QColor color_ = Qt::black;
};

} // namespace gs::app

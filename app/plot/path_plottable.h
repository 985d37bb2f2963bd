#pragma once
// A descent path drawn as one plottable: points joined by arrows, revealed up to a current step,
// with a larger marker at the current point. One plottable per path, so thousands of steps cost
// one draw call each replot instead of thousands of QCustomPlot items.

#include "plot/overlay_plottable.h"

#include <QPixmap>
#include <QVector>

namespace gs::app {

class PathPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    PathPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Points in plot coordinates (key, value).
    void setPoints(QVector<QPointF> points);
    const QVector<QPointF>& points() const { return points_; }
    /// Draws points 0..current (clamped); the current point gets the large marker.
    void setCurrent(int current);
    int current() const { return current_; }
    void setColor(const QColor& color);
    void setSizes(double lineWidth, double markerSize);
    /// Draft quality while the user drags: a one-pixel line without antialiasing, which the raster
    /// engine draws directly (a wide pen goes through the stroker: an atan2 at every joint).
    void setDraft(bool on);
    /// Segments shorter than this many pixels get no arrowhead (they would be a blot).
    void setMinArrowLength(double pixels) { minArrowPx_ = pixels; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    /// A dot of this diameter in the path's color, rendered once and reused.
    const QPixmap& dotStamp(double diameter, qreal dpr);

    QVector<QPointF> points_;
    int current_ = 0;
    QColor color_ = Qt::black;
    double lineWidth_ = 2.0;
    double markerSize_ = 7.0;
    double minArrowPx_ = 10.0;
    bool draft_ = false;
    QPixmap stamp_;
    QColor stampColor_;
    double stampDiameter_ = 0;
};

} // namespace gs::app

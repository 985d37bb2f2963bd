#pragma once
// A descent path drawn as one plottable: points joined by arrows, revealed up to a current step,
// with a larger marker at the current point. One plottable per path, so thousands of steps cost
// one draw call each replot instead of thousands of QCustomPlot items.
//
// Every line and marker has a casing (a thin outline in a contrasting shade) so a path reads on
// any colormap hue, and a marker shape of its own, so paths of similar hue are still told apart.
// A long run is not a blob: at most kMaxDots step markers are drawn, and a run that scribbles
// across the picture many times fades its older steps.

#include "plot/overlay_plottable.h"

#include <QPixmap>
#include <QVector>

namespace gs::app {

class PathPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    enum class Marker { Circle, Square, Diamond, Triangle };
    /// At most this many step markers per path (the start and the current step always shown).
    static constexpr int kMaxDots = 150;

    PathPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Points in plot coordinates (key, value).
    void setPoints(QVector<QPointF> points);
    const QVector<QPointF>& points() const { return points_; }
    /// Draws points 0..current (clamped); the current point gets the large marker.
    void setCurrent(int current);
    int current() const { return current_; }
    /// Rings point k (−1: none), e.g. the step hovered in a linked panel; drawn even past the
    /// current step, since the panel shows the whole run.
    void setHighlight(int k) { highlight_ = k; }
    int highlight() const { return highlight_; }
    void setColor(const QColor& color);
    QColor color() const { return color_; }
    /// The outline drawn under the line and around the markers: dark under a light color, light
    /// under a dark one.
    QColor casingColor() const;
    void setMarker(Marker marker);
    Marker marker() const { return marker_; }
    void setSizes(double lineWidth, double markerSize);
    /// Draft quality while the user drags: a one-pixel line without antialiasing, which the raster
    /// engine draws directly (a wide pen goes through the stroker: an atan2 at every joint).
    void setDraft(bool on);
    /// Segments shorter than this many pixels get no arrowhead (they would be a blot).
    void setMinArrowLength(double pixels) { minArrowPx_ = pixels; }

    /// What the last draw() showed: step markers stamped, and the first step drawn at full
    /// strength (0 unless the older steps were faded).
    int drawnDots() const { return drawnDots_; }
    int fadedBefore() const { return fadedBefore_; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    /// The on-screen polyline: points 0..current in pixels, merging iterates closer than the line
    /// is wide; `index` holds each kept pixel's step.
    void projectPoints(QVector<QPointF>& px, QVector<int>& index) const;
    /// The first kept pixel drawn at full strength: older ones fade when the path is a scribble.
    int fadeSplit(const QVector<QPointF>& px) const;
    void drawLine(QCPPainter* painter, const QVector<QPointF>& px, int from, int to) const;
    void drawDots(QCPPainter* painter, const QVector<QPointF>& px, const QVector<int>& index,
                  int split);
    void drawMarker(QCPPainter* painter, QPointF at, double radius) const;
    /// A step marker of this diameter in the path's color and shape, rendered once and reused.
    const QPixmap& dotStamp(double diameter, qreal dpr);

    QVector<QPointF> points_;
    int current_ = 0;
    int highlight_ = -1;
    QColor color_ = Qt::black;
    Marker marker_ = Marker::Circle;
    double lineWidth_ = 2.0;
    double markerSize_ = 7.0;
    double minArrowPx_ = 10.0;
    bool draft_ = false;
    int drawnDots_ = 0;
    int fadedBefore_ = 0;
    QPixmap stamp_;
    QColor stampColor_;
    Marker stampMarker_ = Marker::Circle;
    double stampDiameter_ = 0;
};

} // namespace gs::app

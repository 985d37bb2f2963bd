#include "plot/surface_overlay.h"

namespace gs::app {

SurfaceOverlay SurfaceOverlay::polyline(QVector<SurfacePoint> points, const QPen& pen,
                                        const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Polyline;
    o.points = std::move(points);
    o.pen = pen;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::polygon(QVector<SurfacePoint> corners, const QBrush& brush,
                                       const QPen& pen, const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Polygon;
    o.points = std::move(corners);
    o.brush = brush;
    o.pen = pen;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::markers(QVector<SurfacePoint> points, const QColor& color,
                                       double size, const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Points;
    o.points = std::move(points);
    o.brush = color;
    o.pen = QPen(color.lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black), 1.0);
    o.markerSize = size;
    o.label = label;
    return o;
}

SurfaceOverlay SurfaceOverlay::arrow(SurfacePoint from, SurfacePoint to, const QPen& pen,
                                     const QString& label) {
    SurfaceOverlay o;
    o.kind = Kind::Arrow;
    o.points = {from, to};
    o.pen = pen;
    o.label = label;
    return o;
}

} // namespace gs::app

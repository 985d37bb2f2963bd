#pragma once
// What a 3D surface view draws on top of the surface, in data coordinates (x, y, f): polylines,
// filled polygons (a vertical slice plane, a tangent-plane patch), markers and arrows. Every
// piece is depth-sorted together with the surface's faces, so a plane can pass behind a hill.

#include "plot/surface_projection.h"

#include <QBrush>
#include <QColor>
#include <QPen>
#include <QString>
#include <QVector>

namespace gs::app {

struct SurfaceOverlay {
    enum class Kind {
        Polyline, ///< points joined in order, drawn with `pen`
        Polygon,  ///< a flat polygon filled with `brush` (alpha allowed), outlined with `pen`
        Points,   ///< a round marker of `markerSize` pixels at each point, `brush` inside, `pen`
                  ///< around
        Arrow,    ///< from points[0] to points[1], with a head at points[1], drawn with `pen`
    };
    Kind kind = Kind::Polyline;
    QVector<SurfacePoint> points;
    QPen pen{QColor(Qt::black), 2.0};
    QBrush brush{Qt::NoBrush};
    double markerSize = 8; ///< pixels, for Points (times the style's scale)
    QString label;         ///< shown in the key at the top left when not empty

    static SurfaceOverlay polyline(QVector<SurfacePoint> points, const QPen& pen,
                                   const QString& label = {});
    static SurfaceOverlay polygon(QVector<SurfacePoint> corners, const QBrush& brush,
                                  const QPen& pen = Qt::NoPen, const QString& label = {});
    static SurfaceOverlay markers(QVector<SurfacePoint> points, const QColor& color,
                                  double size = 8, const QString& label = {});
    static SurfaceOverlay arrow(SurfacePoint from, SurfacePoint to, const QPen& pen,
                                const QString& label = {});
};

/// An optimizer's run on the surface: its points (x, y, f) from the recorded trajectory.
struct SurfacePath {
    QVector<SurfacePoint> points;
    QColor color;
    QString name;
};

} // namespace gs::app

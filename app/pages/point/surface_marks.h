#pragma once
// Overlays the lesson pages put on the 3D surface, in data coordinates (x, y, z): a vertical
// plane through a line of the map, a curve lifted onto the surface, a straight 3D segment.

#include "plot/surface_overlay.h"

#include <QPointF>
#include <QVector>

namespace gs::app {

/// The vertical plane over the segment a–b of the map, from the box's floor to its ceiling.
SurfaceOverlay verticalPlane(const SurfaceBox& box, QPointF a, QPointF b, const QColor& fill,
                             const QString& label = {});
/// The polyline through (x[i], y[i], z[i]), every `stride`-th point (and the last); points with a
/// non-finite z split nothing but are left out.
SurfaceOverlay liftedCurve(const QVector<double>& x, const QVector<double>& y,
                           const QVector<double>& z, const QPen& pen, int stride = 3,
                           const QString& label = {});
/// The segment from p − s·d to p + s·d in 3D.
SurfaceOverlay segment3d(SurfacePoint p, SurfacePoint d, double s, const QPen& pen,
                         const QString& label = {});

} // namespace gs::app

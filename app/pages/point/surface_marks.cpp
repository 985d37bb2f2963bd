#include "pages/point/surface_marks.h"

#include <cmath>

namespace gs::app {

SurfaceOverlay verticalPlane(const SurfaceBox& box, QPointF a, QPointF b, const QColor& fill,
                             const QString& label) {
    QColor edge = fill;
    edge.setAlpha(std::min(255, fill.alpha() * 3));
    return SurfaceOverlay::polygon({{a.x(), a.y(), box.zMin},
                                    {b.x(), b.y(), box.zMin},
                                    {b.x(), b.y(), box.zMax},
                                    {a.x(), a.y(), box.zMax}},
                                   QBrush(fill), QPen(edge, 1.0), label);
}

SurfaceOverlay liftedCurve(const QVector<double>& x, const QVector<double>& y,
                           const QVector<double>& z, const QPen& pen, int stride,
                           const QString& label) {
    QVector<SurfacePoint> points;
    const int n = static_cast<int>(std::min({x.size(), y.size(), z.size()}));
    stride = std::max(stride, 1);
    for (int i = 0; i < n; i += stride) {
        const int k = (i + stride >= n) ? n - 1 : i; // always end on the last point
        if (std::isfinite(z[k])) points << SurfacePoint{x[k], y[k], z[k]};
        if (k == n - 1) break;
    }
    return SurfaceOverlay::polyline(points, pen, label);
}

SurfaceOverlay segment3d(SurfacePoint p, SurfacePoint d, double s, const QPen& pen,
                         const QString& label) {
    return SurfaceOverlay::polyline({{p.x - s * d.x, p.y - s * d.y, p.z - s * d.z},
                                     {p.x + s * d.x, p.y + s * d.y, p.z + s * d.z}},
                                    pen, label);
}

} // namespace gs::app

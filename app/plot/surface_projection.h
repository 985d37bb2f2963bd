#pragma once
// The camera of the 3D surface view: data (x, y, z) in a box → normalized box coordinates →
// pixels of a viewport, and the depth of a point (how near it is to the viewer), as matplotlib's
// mplot3d does it, but orthographic: parallel lines stay parallel, so a face's depth order does
// not depend on the viewport, and the picture never distorts near its edges.
//
// Normalized coordinates: x and y span [−1, 1], z spans [−kZ, kZ] (a box 4 × 4 × 3, as mplot3d's
// default box aspect). With azimuth a and elevation e (degrees) the viewer looks along −eye:
//   eye   = ( cos e cos a,  cos e sin a,  sin e)      depth(p) = n · eye   (larger: nearer)
//   right = (−sin a,        cos a,        0    )      screen x = n · right
//   up    = (−sin e cos a, −sin e sin a,  cos e)      screen y = n · up
// and pixel = centre + s · (screen x, −screen y), s = zoom · min(w / 2√2, h / (2√2 |sin e| +
// 2 kZ cos e)): at zoom 1 the box fits the viewport whatever the azimuth.

#include <QPointF>
#include <QRectF>

namespace gs::app {

struct SurfacePoint {
    double x = 0, y = 0, z = 0;
};

/// The data box the surface fills: x and y from the view box, z from the values shown.
struct SurfaceBox {
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1, zMin = 0, zMax = 1;
    /// Every side finite and of positive length.
    bool valid() const;
    bool contains(double x, double y) const {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
    bool operator==(const SurfaceBox&) const = default;
};

struct SurfaceCamera {
    static constexpr double kMinZoom = 0.25, kMaxZoom = 8.0;
    double azimuth = -60;  ///< degrees about the z axis, from the x axis (mplot3d's default)
    double elevation = 30; ///< degrees above the xy plane, in [−90, 90]
    double zoom = 1;       ///< 1: the box fits the viewport

    /// Azimuth wrapped into (−180, 180], elevation and zoom clamped; NaN becomes the default.
    SurfaceCamera normalized() const;
    bool operator==(const SurfaceCamera&) const = default;
};

class SurfaceProjection {
public:
    static constexpr double kZ = 0.75; ///< half height of the normalized box (x, y half width 1)

    SurfaceProjection(const SurfaceCamera& camera, const SurfaceBox& box, const QRectF& viewport);

    /// Data → normalized box coordinates (x, y in [−1, 1], z in [−kZ, kZ] inside the box).
    SurfacePoint normalized(const SurfacePoint& p) const;
    /// Normalized → pixels.
    QPointF pixelOfNormalized(const SurfacePoint& n) const {
        return {cx_ + s_ * (n.x * rx_ + n.y * ry_), cy_ - s_ * (n.x * ux_ + n.y * uy_ + n.z * uz_)};
    }
    double depthOfNormalized(const SurfacePoint& n) const {
        return n.x * ex_ + n.y * ey_ + n.z * ez_;
    }
    /// Data → pixels.
    QPointF pixel(const SurfacePoint& p) const { return pixelOfNormalized(normalized(p)); }
    /// Larger is nearer the viewer (the normalized point along the eye direction).
    double depth(const SurfacePoint& p) const { return depthOfNormalized(normalized(p)); }
    /// The unit vector from the box towards the viewer, in normalized coordinates.
    SurfacePoint eye() const { return {ex_, ey_, ez_}; }
    /// Pixels per normalized unit.
    double scale() const { return s_; }
    const SurfaceBox& box() const { return box_; }

private:
    SurfaceBox box_;
    double ex_, ey_, ez_; // eye
    double rx_, ry_;      // right (no z component)
    double ux_, uy_, uz_; // up
    double cx_, cy_, s_;
    double ax_, bx_, ay_, by_, az_, bz_; // normalized = a·data + b per axis
};

} // namespace gs::app

#include "plot/surface_projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gs::app {

bool SurfaceBox::valid() const {
    auto side = [](double lo, double hi) {
        return std::isfinite(lo) && std::isfinite(hi) && hi > lo;
    };
    return side(xMin, xMax) && side(yMin, yMax) && side(zMin, zMax);
}

SurfaceCamera SurfaceCamera::normalized() const {
    const SurfaceCamera def;
    SurfaceCamera c = *this;
    if (!std::isfinite(c.azimuth)) c.azimuth = def.azimuth;
    if (!std::isfinite(c.elevation)) c.elevation = def.elevation;
    if (!std::isfinite(c.zoom)) c.zoom = def.zoom;
    c.azimuth = std::remainder(c.azimuth, 360.0); // in [−180, 180]
    if (c.azimuth <= -180) c.azimuth += 360;
    c.elevation = std::clamp(c.elevation, -90.0, 90.0);
    c.zoom = std::clamp(c.zoom, kMinZoom, kMaxZoom);
    return c;
}

SurfaceProjection::SurfaceProjection(const SurfaceCamera& camera, const SurfaceBox& box,
                                     const QRectF& viewport)
    : box_(box) {
    const SurfaceCamera c = camera.normalized();
    const double a = c.azimuth * std::numbers::pi / 180, e = c.elevation * std::numbers::pi / 180;
    const double ca = std::cos(a), sa = std::sin(a), ce = std::cos(e), se = std::sin(e);
    ex_ = ce * ca, ey_ = ce * sa, ez_ = se;
    rx_ = -sa, ry_ = ca;
    ux_ = -se * ca, uy_ = -se * sa, uz_ = ce;
    // The box's widest extent on screen over every azimuth: 2√2 across (the floor's diagonal),
    // 2√2 |sin e| + 2 kZ cos e high. Orbiting in azimuth keeps the scale; the box always fits.
    const double across = 2 * std::numbers::sqrt2;
    const double high = across * std::abs(se) + 2 * kZ * ce;
    s_ = c.zoom * std::min(viewport.width() / across, viewport.height() / high);
    cx_ = viewport.center().x(), cy_ = viewport.center().y();
    // n = (2 d − (lo + hi)) / (hi − lo) · half; a degenerate side maps to its middle.
    auto axis = [](double lo, double hi, double half, double& scale, double& offset) {
        const double span = hi - lo;
        scale = span > 0 && std::isfinite(span) ? 2 * half / span : 0;
        offset = -(lo + hi) / 2 * scale;
        if (!std::isfinite(offset)) offset = 0;
    };
    axis(box.xMin, box.xMax, 1.0, ax_, bx_);
    axis(box.yMin, box.yMax, 1.0, ay_, by_);
    axis(box.zMin, box.zMax, kZ, az_, bz_);
}

SurfacePoint SurfaceProjection::normalized(const SurfacePoint& p) const {
    return {ax_ * p.x + bx_, ay_ * p.y + by_, az_ * p.z + bz_};
}

} // namespace gs::app

// LandscapePage and its 3D surface: the runs as points (x, y, f), and the picture export draws
// when the surface is shown.

#include "pages/landscape/landscape_page.h"

#include "pages/landscape/landscape_surface.h"
#include "plot/path_plottable.h"

namespace gs::app {

void LandscapePage::showSurfacePaths() {
    QVector<SurfacePath> paths;
    const double s = sign(); // the runs minimized s·f: f itself is s times what they recorded
    for (const auto& r : runs_) {
        if (!r->run->visible) continue;
        const Trajectory& t = r->run->trajectory;
        const QVector<QPointF>& xy = r->path->points(); // clamped as the map draws them
        SurfacePath path;
        path.color = style_.pathColor(r->colorIndex);
        path.name = r->name;
        path.points.reserve(xy.size());
        for (int k = 0; k < xy.size() && k < t.size(); ++k)
            path.points.push_back({xy[k].x(), xy[k].y(), s * t.f(k)});
        paths << path;
    }
    surface_->setPaths(paths);
}

bool LandscapePage::paintsPicture() const {
    return surface_->paintsPicture();
}

QSize LandscapePage::pictureSize() const {
    return surface_->paintsPicture() ? surface_->widget()->size() : Page::pictureSize();
}

void LandscapePage::paintPicture(QCPPainter& painter, const QRect& rect) {
    surface_->paintPicture(painter, rect);
}

} // namespace gs::app

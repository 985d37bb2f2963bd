// LandscapePage and its 3D surface: the runs as points (x, y, f), and the picture export draws
// when the surface is shown (or the focused picture).

#include "pages/landscape/landscape_page.h"

#include "pages/landscape/landscape_surface.h"
#include "plot/path_plottable.h"
#include "plot/plot_paint.h"
#include "views/loss_view.h"
#include "views/state_view.h"
#include "views/surface_view.h"

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

// With a picture focused, export draws that one picture, as the page shows it.
bool LandscapePage::paintsPicture() const {
    const QString f = focusedPicture();
    if (f == QLatin1String("map")) return false;
    return !f.isEmpty() || surface_->paintsPicture();
}

QSize LandscapePage::pictureSize() const {
    const QString f = focusedPicture();
    if (f == QLatin1String("surface")) return surface_->view()->size();
    if (f == QLatin1String("loss")) return loss_->plot()->size();
    if (f == QLatin1String("state")) return state_->plot()->size();
    if (f == QLatin1String("map")) return Page::pictureSize();
    return surface_->paintsPicture() ? surface_->widget()->size() : Page::pictureSize();
}

void LandscapePage::paintPicture(QCPPainter& painter, const QRect& rect) {
    const QString f = focusedPicture();
    if (f == QLatin1String("surface"))
        surface_->view()->render(painter, rect);
    else if (f == QLatin1String("loss"))
        paintPlot(*loss_->plot(), painter, rect);
    else if (f == QLatin1String("state"))
        paintPlot(*state_->plot(), painter, rect);
    else
        surface_->paintPicture(painter, rect);
}

} // namespace gs::app

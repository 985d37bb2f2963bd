#pragma once
// The 3D side of the two-variable page: a surface view beside the map or instead of it (Map |
// Surface | Both, in a splitter), showing the same function, runs and playback step; and what
// the scene says about it (the view mode and the camera).

#include "objective/objective.h"
#include "pages/landscape/landscape_settings.h"
#include "plot/plot_style.h"
#include "plot/surface_overlay.h"
#include "plot/surface_projection.h"

#include <QObject>
#include <QRect>
#include <QVector>

class QComboBox;
class QCPPainter;
class QSplitter;
class QWidget;

namespace gs::app {

class LandscapeView;
class SurfaceView;

class LandscapeSurface : public QObject {
    Q_OBJECT
public:
    using Mode = LandscapeSettings::View;

    /// Puts `map` into a splitter with a new surface view; widget() takes the map's place.
    LandscapeSurface(LandscapeView* map, QWidget* parent);

    QWidget* widget() const;
    SurfaceView* view() const { return surface_; }
    /// The Map | Surface | Both choice, for the page's display controls.
    QComboBox* modeBox() const { return modeBox_; }

    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    void setObjective(const ObjectivePtr& f);
    void setStyle(const PlotStyle& style);
    void setTitle(const QString& title);
    /// The page's runs: points (x, y, f) and how they are drawn; hidden runs are left out.
    void setPaths(const QVector<SurfacePath>& paths);
    void setStep(int step);
    void setDraft(bool on);

    /// Export draws the surface when it is shown: true in Surface and Both modes.
    bool paintsPicture() const { return mode_ != Mode::Map; }
    /// The picture as shown: the surface, or the map and the surface side by side.
    void paintPicture(QCPPainter& painter, const QRect& rect);

private:
    LandscapeView* map_;
    SurfaceView* surface_;
    QSplitter* splitter_;
    QComboBox* modeBox_;
    Mode mode_ = Mode::Map;
};

} // namespace gs::app

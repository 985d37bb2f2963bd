#pragma once
// What every page that shows a scene offers: load a scene, describe its current state as a scene,
// its main plot (for export), its playback bar, and its runs (for CSV).

#include "plot/plot_style.h"
#include "run/trajectory.h"
#include "scene/scene.h"

#include <QVector>
#include <QWidget>

class QCustomPlot;

namespace gs::app {

class PlaybackBar;

/// A run as recorded, with what is needed to report it in the function's own terms.
struct RunView {
    QString optimizer; ///< registry key
    const Trajectory* trajectory;
    double sign = 1.0; ///< −1 when the run climbed (ascent is descent on −f)
};

class ScenePage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows `scene`; on error returns a one-line reason and leaves the page as it was.
    virtual QString applyScene(const Scene& scene) = 0;
    /// The page's current state as a scene (sliders, runs, step, overlays).
    virtual Scene scene() const = 0;
    virtual void setStyle(const PlotStyle& style) = 0;
    virtual QCustomPlot* plot() const = 0;
    virtual PlaybackBar* playback() const = 0;
    virtual QVector<RunView> runs() const = 0;
};

} // namespace gs::app

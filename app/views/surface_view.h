#pragma once
// A function of two variables as a shaded 3D surface (drawn with QPainter by SurfaceRenderer):
// drag to orbit, wheel to zoom, arrow keys orbit and +/− zoom when focused. While the mouse
// button is held the surface is drawn in draft quality (a coarser mesh, no antialiasing), at full
// quality again on release. Other pages put their own 3D pictures on it with overlays.
//
//     auto* view = new SurfaceView(this);
//     view->setObjective(f);                       // sampled over f's view box, 120 × 120
//     view->setCamera({-60, 30, 1});                // azimuth, elevation (degrees), zoom
//     view->setPaths({{points, color, "Adam"}});    // points (x, y, f) of a run
//     view->setCurrentStep(k);                      // paths drawn up to step k
//     view->setOverlays({SurfaceOverlay::polygon(corners, QColor(255, 0, 0, 60))});

#include "field/grid.h"
#include "objective/objective.h"
#include "plot/plot_style.h"
#include "plot/surface_overlay.h"
#include "plot/surface_projection.h"
#include "plot/surface_renderer.h"

#include <QPoint>
#include <QVector>
#include <QWidget>

namespace gs::app {

class SurfaceView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultMeshSize = 120;

    explicit SurfaceView(QWidget* parent = nullptr);

    /// Samples f (dimension 2) over its view box (or the box given by setBox).
    void setObjective(const ObjectivePtr& f);
    /// The x, y box sampled and shown; an empty or invalid rectangle goes back to f's view box.
    void setBox(const QRectF& box);
    /// Samples per side at full quality (4 to 400; clamped); draft draws every second one.
    void setMeshSize(int n);
    int meshSize() const { return meshSize_; }
    void setCamera(const SurfaceCamera& camera);
    SurfaceCamera camera() const { return renderer_.camera(); }
    void setStyle(const PlotStyle& style);
    /// Descent paths, points (x, y, f); drawn up to the current step.
    void setPaths(const QVector<SurfacePath>& paths);
    /// The playback's step: paths show points 0..step (all of them when negative).
    void setCurrentStep(int step);
    void setFloorIsolines(bool on);
    bool floorIsolines() const { return floorIsolines_; }
    void setOverlays(const QVector<SurfaceOverlay>& overlays);
    void setTitle(const QString& title);
    /// Draft quality on (as while orbiting) or off.
    void setDraft(bool on);
    bool draft() const { return renderer_.draft(); }

    /// Draws the picture into `rect` of any painter (a widget, an image, SVG, PDF): export uses it,
    /// so vector formats stay vector.
    void render(QPainter& painter, const QRectF& rect);
    SurfaceRenderer& renderer() { return renderer_; }
    const Grid& mesh() const { return renderer_.mesh(); }

    QSize sizeHint() const override { return {640, 480}; }
    QSize minimumSizeHint() const override { return {200, 150}; }

Q_SIGNALS:
    /// The camera moved (orbit, zoom or setCamera).
    void cameraChanged(const gs::app::SurfaceCamera& camera);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void resample();
    void moveCamera(double dAzimuth, double dElevation, double zoomFactor);

    SurfaceRenderer renderer_;
    ObjectivePtr f_;
    QRectF box_; // empty: f's view box
    int meshSize_ = kDefaultMeshSize;
    bool floorIsolines_ = true;
    bool dragging_ = false;
    QPoint last_;
};

} // namespace gs::app

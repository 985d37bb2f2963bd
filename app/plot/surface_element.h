#pragma once
// The 3D surface as one cell of a QCustomPlot layout: SurfaceRenderer draws into the cell's rect
// with the plot's own painter, so the surface is part of every PNG, SVG and PDF the plot exports,
// beside the map and the 1D panels of a lesson page. Drag inside it to orbit, wheel to zoom (in
// draft quality while the button is held, as SurfaceView).

#include "objective/objective.h"
#include "plot/surface_renderer.h"

#include <qcustomplot.h>

namespace gs::app {

class SurfaceElement : public QCPLayoutElement {
    Q_OBJECT
public:
    explicit SurfaceElement(QCustomPlot* plot);

    /// Samples f over `box` (n × n) for the mesh.
    void setObjective(const Objective& f, const Box& box, int n = 90);
    SurfaceRenderer& renderer() { return renderer_; }
    const SurfaceRenderer& renderer() const { return renderer_; }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;

protected:
    void draw(QCPPainter* painter) override;
    void mousePressEvent(QMouseEvent* event, const QVariant& details) override;
    void mouseMoveEvent(QMouseEvent* event, const QPointF& startPos) override;
    void mouseReleaseEvent(QMouseEvent* event, const QPointF& startPos) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    SurfaceRenderer renderer_;
    QPointF last_;
};

} // namespace gs::app

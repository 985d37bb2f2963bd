#include "plot/surface_element.h"

#include "field/grid.h"

#include <cmath>

namespace gs::app {

namespace {
constexpr double kDegreesPerPixel = 0.5; // as SurfaceView: a drag across 720 pixels turns it once
constexpr double kWheelFactor = 1.1;     // zoom per wheel notch
} // namespace

SurfaceElement::SurfaceElement(QCustomPlot* plot) : QCPLayoutElement(plot) {
    setLayer(QStringLiteral("main"));
}

void SurfaceElement::setObjective(const Objective& f, const Box& box, int n) {
    renderer_.setMesh(sampleGrid(f, box, n, n));
}

double SurfaceElement::selectTest(const QPointF& pos, bool onlySelectable, QVariant*) const {
    // Not selectable, but it takes the mouse inside its rect (for orbiting).
    if (onlySelectable) return -1;
    return mOuterRect.contains(pos.toPoint()) ? mParentPlot->selectionTolerance() * 0.99 : -1;
}

void SurfaceElement::draw(QCPPainter* painter) {
    renderer_.render(*painter, mRect);
}

void SurfaceElement::mousePressEvent(QMouseEvent* event, const QVariant&) {
    last_ = event->position();
    renderer_.setDraft(true);
    event->accept(); // the moves and the release come here
}

void SurfaceElement::mouseMoveEvent(QMouseEvent* event, const QPointF&) {
    const QPointF d = event->position() - last_;
    last_ = event->position();
    SurfaceCamera c = renderer_.camera();
    c.azimuth -= kDegreesPerPixel * d.x();
    c.elevation += kDegreesPerPixel * d.y();
    renderer_.setCamera(c);
    mParentPlot->replot(QCustomPlot::rpQueuedReplot);
}

void SurfaceElement::mouseReleaseEvent(QMouseEvent*, const QPointF&) {
    renderer_.setDraft(false);
    mParentPlot->replot(QCustomPlot::rpQueuedReplot);
}

void SurfaceElement::wheelEvent(QWheelEvent* event) {
    SurfaceCamera c = renderer_.camera();
    c.zoom *= std::pow(kWheelFactor, event->angleDelta().y() / 120.0);
    renderer_.setCamera(c);
    event->accept();
    mParentPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gs::app

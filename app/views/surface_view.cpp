#include "views/surface_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
constexpr double kDegreesPerPixel = 0.5; // a drag across 720 pixels turns the box once
constexpr double kKeyStep = 5;           // degrees per arrow key
constexpr double kWheelFactor = 1.1;     // zoom per wheel notch
} // namespace

SurfaceView::SurfaceView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    renderer_.setFont(font());
}

void SurfaceView::setObjective(const ObjectivePtr& f) {
    f_ = f;
    resample();
}

void SurfaceView::setBox(const QRectF& box) {
    box_ = box.isValid() ? box.normalized() : QRectF();
    resample();
}

void SurfaceView::setMeshSize(int n) {
    meshSize_ = std::clamp(n, 4, 400);
    resample();
}

void SurfaceView::resample() {
    if (!f_ || f_->dimension() != 2) {
        renderer_.setMesh(Grid{});
        update();
        return;
    }
    Box box = f_->info().viewBox;
    if (box_.isValid()) {
        box.lo = (Vec(2) << box_.left(), box_.top()).finished();
        box.hi = (Vec(2) << box_.right(), box_.bottom()).finished();
    }
    renderer_.setMesh(sampleGrid(*f_, box, meshSize_, meshSize_));
    update();
}

void SurfaceView::setCamera(const SurfaceCamera& camera) {
    const SurfaceCamera c = camera.normalized();
    if (c == renderer_.camera()) return;
    renderer_.setCamera(c);
    update();
    Q_EMIT cameraChanged(c);
}

void SurfaceView::moveCamera(double dAzimuth, double dElevation, double zoomFactor) {
    SurfaceCamera c = renderer_.camera();
    c.azimuth += dAzimuth;
    c.elevation += dElevation;
    c.zoom *= zoomFactor;
    setCamera(c);
}

void SurfaceView::setStyle(const PlotStyle& style) {
    renderer_.setStyle(style);
    renderer_.setFont(font());
    update();
}

void SurfaceView::setPaths(const QVector<SurfacePath>& paths) {
    renderer_.setPaths(paths);
    update();
}

void SurfaceView::setCurrentStep(int step) {
    renderer_.setCurrentStep(step);
    update();
}

void SurfaceView::setFloorIsolines(bool on) {
    floorIsolines_ = on;
    renderer_.setFloorIsolines(on);
    update();
}

void SurfaceView::setOverlays(const QVector<SurfaceOverlay>& overlays) {
    renderer_.setOverlays(overlays);
    update();
}

void SurfaceView::setTitle(const QString& title) {
    renderer_.setTitle(title);
    update();
}

void SurfaceView::setDraft(bool on) {
    if (on == renderer_.draft()) return;
    renderer_.setDraft(on);
    update();
}

void SurfaceView::render(QPainter& painter, const QRectF& rect) {
    renderer_.setFont(font());
    renderer_.render(painter, rect);
}

void SurfaceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    render(painter, rect());
}

void SurfaceView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    dragging_ = true;
    last_ = event->position().toPoint();
    setDraft(true);
}

void SurfaceView::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_) return QWidget::mouseMoveEvent(event);
    const QPoint at = event->position().toPoint(), d = at - last_;
    last_ = at;
    // Dragging right turns the box to the right under the cursor; dragging down tilts it up.
    moveCamera(-d.x() * kDegreesPerPixel, d.y() * kDegreesPerPixel, 1.0);
}

void SurfaceView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !dragging_) return QWidget::mouseReleaseEvent(event);
    dragging_ = false;
    setDraft(false);
}

void SurfaceView::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) return QWidget::wheelEvent(event);
    moveCamera(0, 0, std::pow(kWheelFactor, notches));
    event->accept();
}

void SurfaceView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Left:
        moveCamera(kKeyStep, 0, 1);
        break;
    case Qt::Key_Right:
        moveCamera(-kKeyStep, 0, 1);
        break;
    case Qt::Key_Up:
        moveCamera(0, kKeyStep, 1);
        break;
    case Qt::Key_Down:
        moveCamera(0, -kKeyStep, 1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        moveCamera(0, 0, kWheelFactor);
        break;
    case Qt::Key_Minus:
        moveCamera(0, 0, 1 / kWheelFactor);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
}

} // namespace gs::app

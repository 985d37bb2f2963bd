#include "plot/regions_plottable.h"

namespace gs::app {

RegionsPlottable::RegionsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : OverlayPlottable(keyAxis, valueAxis) {}

void RegionsPlottable::setImage(QImage image, const QRectF& region) {
    image_ = std::move(image);
    region_ = region;
    clearBounds();
    includeInBounds(region.left(), region.top());
    includeInBounds(region.right(), region.bottom());
}

void RegionsPlottable::clear() {
    image_ = QImage();
    clearBounds();
}

void RegionsPlottable::draw(QCPPainter* painter) {
    if (image_.isNull()) return;
    const QPointF a = coordsToPixels(region_.left(), region_.bottom()); // x min, y max: top left
    const QPointF b = coordsToPixels(region_.right(), region_.top());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter->drawImage(QRectF(a, b).normalized(), image_);
}

} // namespace gs::app

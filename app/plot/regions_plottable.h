#pragma once
// An image stretched over a rectangle of plot coordinates: the decision regions of a classifier,
// computed on a grid in core and coloured by the view. Drawn with smooth scaling, so a 200 × 200
// grid reads as soft-edged regions at any plot size.

#include "plot/overlay_plottable.h"

#include <QImage>
#include <QRectF>

namespace gs::app {

class RegionsPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    RegionsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// `image`'s top row is the top of `region` (largest y), its left column the smallest x.
    void setImage(QImage image, const QRectF& region);
    void clear();
    const QImage& image() const { return image_; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    QImage image_;
    QRectF region_;
};

} // namespace gs::app

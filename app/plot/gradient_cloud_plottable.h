#pragma once
// Many arrows from one point and an ellipse, in one draw: the steps −λ g_B of sampled mini-batch
// gradients, the full-gradient step on top, and the covariance ellipse of the arrows' tips.

#include "plot/overlay_plottable.h"

#include <QPolygonF>
#include <QVector>

namespace gs::app {

class GradientCloudPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    GradientCloudPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Arrows from `from` to each tip, in plot coordinates.
    void setArrows(QPointF from, QVector<QPointF> tips);
    /// A closed outline drawn over the arrows (the 2σ ellipse); empty for none.
    void setOutline(QPolygonF outline) { outline_ = std::move(outline); }
    void setColor(const QColor& color) { color_ = color; }
    void setWidth(double width) { width_ = width; }
    /// The legend sits on the page background, not on the map: its icon may need its own colour.
    void setLegendColor(const QColor& color) { legendColor_ = color; }
    const QVector<QPointF>& tips() const { return tips_; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    QPointF from_;
    QVector<QPointF> tips_;
    QPolygonF outline_;
    QColor color_ = Qt::white;
    QColor legendColor_;
    double width_ = 1.5;
};

} // namespace gs::app

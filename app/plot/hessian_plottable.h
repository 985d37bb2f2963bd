#pragma once
// The second-order picture at one point of the map: the Hessian's eigen-axes as two double-headed
// arrows through the point, labelled with their curvatures, the quadratic model's level curves
// around it (ellipses in a bowl, hyperbolas at a saddle), and the model's stationary point where
// Newton's step lands. The steps themselves are step arrows of the view, with their legend rows.

#include "field/isolines.h"
#include "plot/overlay_plottable.h"

#include <optional>
#include <vector>

namespace gs::app {

class HessianPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    /// One eigen-axis: a unit direction, its drawn half-length (plot units) and its label.
    struct Axis {
        QPointF direction;
        double halfLength = 0;
        QString label;
        bool negative = false; ///< f curves down along it: drawn dashed
    };
    /// What is drawn, in plot coordinates; plain data made by the page from core's model.
    struct Picture {
        QPointF point;
        Axis axes[2];
        std::vector<Isoline> curves;
        std::optional<QPointF> center; ///< the model's stationary point
    };

    HessianPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setPicture(Picture picture);
    void clearPicture();
    const std::optional<Picture>& picture() const { return picture_; }
    /// Colors of the axes, the curves and the labels' text; `scale` sizes lines and text.
    void setColors(const QColor& axes, const QColor& curves, double scale);
    void setLabelFont(const QFont& font) { labelFont_ = font; }
    /// Total number of polylines of the model's level curves.
    int curveCount() const;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawAxis(QCPPainter* painter, const Axis& axis) const;
    double axisPixels(const Axis& axis) const; ///< half-length on screen

    std::optional<Picture> picture_;
    QColor axesColor_ = Qt::white, curvesColor_ = QColor(235, 235, 235);
    QFont labelFont_;
    double scale_ = 1.0;
};

} // namespace gs::app

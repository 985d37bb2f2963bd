#pragma once
// The gradient field as one plottable: an arrow per coarse-grid point, all drawn in one pass,
// pointing downhill (−∇f) or uphill (∇f, as the article plots it).

#include "field/vector_field.h"

#include "plot/overlay_plottable.h"

#include <vector>

namespace gs::app {

class VectorFieldPlottable : public OverlayPlottable {
    Q_OBJECT
public:
    enum class Mode {
        Scaled, ///< length ∝ ‖∇f‖, the longest filling one cell: shows where the slope is steep
        Normalized, ///< every arrow one cell long: shows the direction where the slope is gentle
    };

    VectorFieldPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Arrows from core and the spacing (plot units) of the coarse grid they were sampled on.
    void setArrows(std::vector<Arrow> arrows, double cellWidth, double cellHeight);
    const std::vector<Arrow>& arrows() const { return arrows_; }
    void setMode(Mode mode) { mode_ = mode; }
    /// Arrows along ∇f (uphill) instead of −∇f (downhill).
    void setUphill(bool on) { uphill_ = on; }
    bool uphill() const { return uphill_; }
    /// The legend sits on the page background, not on the field: its icon needs its own color.
    void setLegendColor(const QColor& color) { legendColor_ = color; }
    Mode mode() const { return mode_; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    std::vector<Arrow> arrows_;
    double cellW_ = 1, cellH_ = 1, maxNorm_ = 0;
    Mode mode_ = Mode::Normalized;
    bool uphill_ = false;
    QColor legendColor_ = Qt::black;
};

} // namespace gs::app

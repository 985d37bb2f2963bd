#pragma once
// Every isoline of a landscape as one plottable: core's polylines drawn in one pass, so a few
// thousand segments cost one draw call instead of one QCPCurve per line.

#include "field/isolines.h"

#include "plot/overlay_plottable.h"

#include <vector>

namespace gs::app {

class IsolinePlottable : public OverlayPlottable {
    Q_OBJECT
public:
    IsolinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setIsolines(std::vector<Isoline> lines);
    const std::vector<Isoline>& isolines() const { return lines_; }
    /// Total number of polylines over all levels.
    int polylineCount() const;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    std::vector<Isoline> lines_;
};

} // namespace gs::app

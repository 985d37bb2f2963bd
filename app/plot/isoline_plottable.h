#pragma once
// Every isoline of a landscape as one plottable: core's polylines drawn in one pass, so a few
// thousand segments cost one draw call instead of one QCPCurve per line.

#include "field/isolines.h"

#include <qcustomplot.h>

#include <vector>

namespace gs::app {

class IsolinePlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    IsolinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setIsolines(std::vector<Isoline> lines);
    const std::vector<Isoline>& isolines() const { return lines_; }
    /// Total number of polylines over all levels.
    int polylineCount() const;

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    std::vector<Isoline> lines_;
    QCPRange keyRange_, valueRange_;
};

} // namespace gs::app

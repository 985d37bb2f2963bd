#pragma once
// The base of the plottables Gradscape draws itself (descent paths, isolines, the gradient field):
// not selectable, with the data's bounds kept up to date as data is set (so rescaling the axes
// costs nothing), and the one arrowhead they all draw.

#include "field/isolines.h"

#include <qcustomplot.h>

#include <vector>

namespace gs::app {

class OverlayPlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    using QCPAbstractPlottable::QCPAbstractPlottable;

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    /// Subclasses call these whenever their data changes: forget the bounds, then include each
    /// point of the new data (in plot coordinates).
    void clearBounds() { hasBounds_ = false; }
    void includeInBounds(double key, double value);

    /// A filled arrowhead in pixels: tip at `tip`, pointing along the unit vector `u`, `size` long
    /// and 0.9·size wide.
    static void drawArrowHead(QCPPainter* painter, QPointF tip, QPointF u, double size);
    /// Every polyline of `lines` (plot coordinates) in the painter's pen, closed ones as polygons.
    void drawIsolines(QCPPainter* painter, const std::vector<Isoline>& lines) const;

private:
    bool hasBounds_ = false;
    QCPRange key_, value_;
};

} // namespace gs::app

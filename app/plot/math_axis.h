#pragma once
// An axis whose label may hold formulas ("$\|x_k - x^*\|$"): QCustomPlot draws the axis and its
// tick labels and reserves the label's strip, and the typesetter draws the label in that strip
// (turned with a vertical axis), set smaller to fit the axis' length. A label without formulas is
// QCustomPlot's own.

#include <qcustomplot.h>

namespace gs::app {

class MathAxis : public QCPAxis {
    Q_OBJECT
public:
    using QCPAxis::QCPAxis;

    /// Puts a MathAxis in place of `rect`'s first axis of `type` (and of the plot's xAxis/yAxis
    /// pointer when it was that axis). Call it before any plottable uses the axis: removing the
    /// old one takes it from them.
    static MathAxis* replace(QCPAxisRect* rect, QCPAxis::AxisType type);

protected:
    void draw(QCPPainter* painter) override;
    int calculateMargin() override;

private:
    /// How much taller than a line of text the typeset label is.
    int extraHeight() const;
};

} // namespace gs::app

#pragma once
// A legend row for an arrow drawn on a plot as an item (not a plottable): the step inspector's
// −∇f, update and velocity arrows get a key in the map's legend, beside the runs.

#include <qcustomplot.h>

namespace gs::app {

class ArrowLegendItem : public QCPAbstractLegendItem {
    Q_OBJECT
public:
    ArrowLegendItem(QCPLegend* legend, const QString& text, const QColor& color, bool dashed);

    QString text() const { return text_; }
    QColor color() const { return color_; }
    bool dashed() const { return dashed_; }

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QString text_;
    QColor color_;
    bool dashed_;
};

} // namespace gs::app

#pragma once
// A legend row that is not a plottable's: an icon the subclass draws (an arrow, a swatch), then a
// text, laid out like QCustomPlot's own rows in the legend's current font, icon size and padding.
// Without an icon, the row is a heading: the text alone.

#include <qcustomplot.h>

namespace gs::app {

class IconLegendItem : public QCPAbstractLegendItem {
    Q_OBJECT
public:
    IconLegendItem(QCPLegend* legend, const QString& text, bool hasIcon = true);
    QString text() const { return text_; }

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;
    /// Draws the icon into `rect` (the legend's icon size, at the row's left).
    virtual void drawIcon(QCPPainter* painter, const QRectF& rect) = 0;

private:
    QString text_;
    bool hasIcon_;
};

} // namespace gs::app

#include "plot/plot_fit.h"

#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QFontMetrics>

namespace gs::app {

namespace {

// A legend may take this share of the axis rect's width and height.
constexpr double kLegendShare = 0.42;
// Font sizes tried, relative to the theme's, before the legend hides.
constexpr double kLegendScales[] = {1.0, 0.82, 0.68};

void fitTitle(QCustomPlot& plot) {
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i) {
        auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i));
        if (!title) continue;
        const QString full = plotTitleText(*title);
        // The title sits over the first column: the main axis rect (a colour scale or a second
        // panel may take the columns beside it).
        const int column = plot.axisRect() ? plot.axisRect()->outerRect().width() : 0;
        const int room = std::max(40, (column > 0 ? column : plot.width()) - 16);
        title->setText(QFontMetrics(title->font()).elidedText(full, Qt::ElideRight, room));
    }
}

void fitLegend(QCustomPlot& plot, const PlotStyle& style, const QFont& baseFont) {
    QCPLegend* legend = plot.legend;
    if (!legend || legend->itemCount() == 0 || !plot.axisRect()) return;
    if (!legend->property("wanted").isValid()) legend->setProperty("wanted", legend->visible());
    if (!legend->property("wanted").toBool()) return;
    const QRect room = plot.axisRect()->rect();
    for (double scale : kLegendScales) {
        legend->setFont(style.font(baseFont, scale));
        for (int i = 0; i < legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = legend->item(i)) item->setFont(legend->font());
        const QSize need = legend->minimumOuterSizeHint();
        if (need.width() <= kLegendShare * room.width() &&
            need.height() <= kLegendShare * room.height()) {
            legend->setVisible(true);
            return;
        }
    }
    legend->setVisible(false);
}

} // namespace

void fitPlot(QCustomPlot& plot, const PlotStyle& style, const QFont& baseFont) {
    fitTitle(plot);
    fitLegend(plot, style, baseFont);
}

void fitBeforeReplot(QCustomPlot& plot, const PlotStyle* style, const QWidget* view) {
    QObject::connect(&plot, &QCustomPlot::beforeReplot, &plot,
                     [&plot, style, view] { fitPlot(plot, *style, view->font()); });
}

} // namespace gs::app

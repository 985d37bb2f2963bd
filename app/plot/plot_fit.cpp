#include "plot/plot_fit.h"

#include "math/math_layout.h"
#include "plot/math_title.h"

#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QFontMetrics>

namespace gs::app {

namespace {

// A legend may take this share of the axis rect's width and height.
constexpr double kLegendShare = 0.42;
// Font sizes tried, relative to the theme's, before the legend hides.
constexpr double kLegendScales[] = {1.0, 0.82, 0.68};

// A title's room: its width less a margin on each side.
int titleRoom(int width) {
    return std::max(40, width - 16);
}

QVector<QCPTextElement*> titles(QCustomPlot& plot) {
    QVector<QCPTextElement*> found;
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i)))
            found.push_back(title);
    return found;
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

/// As many ticks as fit without their labels touching: about one and a half label widths (or three
/// label heights) of axis per tick, from 3 (2 on a log or a value axis) to 6.
void fitTicks(QCustomPlot& plot) {
    for (QCPAxisRect* rect : plot.axisRects())
        for (QCPAxis* axis : rect->axes()) {
            if (!axis->visible() || !axis->ticker()) continue;
            const QFontMetrics fm(axis->tickLabelFont());
            const bool horizontal = axis->orientation() == Qt::Horizontal;
            const int length = horizontal ? rect->width() : rect->height();
            // A log axis labels powers of ten (10⁻¹⁰): wider than most linear labels.
            const bool log = axis->scaleType() == QCPAxis::stLogarithmic;
            const QString typical = log ? QStringLiteral("10−10") : QStringLiteral("−0.25");
            const int label = horizontal ? fm.horizontalAdvance(typical) * 3 / 2 : fm.height() * 3;
            if (length <= 0 || label <= 0) continue;
            axis->ticker()->setTickCount(std::clamp(length / label, log || !horizontal ? 2 : 3, 6));
        }
}

} // namespace

// Before the layout: the title wrapped to the plot's width (the title row spans it), in one or
// two lines, with the height those lines need. The widget's width, not the viewport's: a hidden
// plot resized for an export has its old viewport until it is drawn.
void wrapTitleRows(QCustomPlot& plot) {
    for (QCPTextElement* title : titles(plot)) {
        const QFontMetrics fm(title->font());
        // A title with formulas breaks between its words and formulas (MathTitleElement).
        if (auto* typeset = qobject_cast<MathTitleElement*>(title);
            typeset && math::hasMath(plotTitleText(*title))) {
            title->setText(plotTitleText(*title));
            title->setMinimumSize(1, typeset->heightFor(titleRoom(plot.width())));
            continue;
        }
        const QString text = wrapTitle(plotTitleText(*title), fm, titleRoom(plot.width()));
        title->setText(text);
        const QMargins m = title->margins();
        const int lines = int(text.count(u'\n')) + 1;
        title->setMinimumSize(1, lines * fm.height() + m.top() + m.bottom());
    }
}

void fitBeforeReplot(QCustomPlot& plot, const PlotStyle* style, const QWidget* view) {
    // Before the layout, as they set their sizes: the legend, the ticks, the title's lines (a
    // title spans the plot, see updatePlotTitle, so the plot's width is its room).
    QObject::connect(&plot, &QCustomPlot::beforeReplot, &plot, [&plot, style, view] {
        fitLegend(plot, *style, view->font());
        fitTicks(plot);
        wrapTitleRows(plot);
    });
}

} // namespace gs::app

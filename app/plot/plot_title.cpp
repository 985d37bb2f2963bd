#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QFontMetrics>

namespace gs::app {

QCPTextElement* updatePlotTitle(QCustomPlot& plot, QCPTextElement* current, const QString& title,
                                const PlotStyle& style, const QFont& baseFont) {
    if (title.isEmpty()) {
        if (current) {
            plot.plotLayout()->remove(current);
            plot.plotLayout()->simplify();
        }
        return nullptr;
    }
    if (!current) {
        plot.plotLayout()->insertRow(0);
        current = new QCPTextElement(&plot);
        plot.plotLayout()->addElement(0, 0, current);
    }
    current->setText(title);
    current->setProperty("fullText", title);
    current->setFont(style.font(baseFont, 1.25));
    // Only its height is a minimum: a long title is elided to the width the plot has (plot_fit.h)
    // instead of making the whole plot, and the window, wider.
    const QMargins m = current->margins();
    current->setMinimumSize(1, QFontMetrics(current->font()).height() + m.top() + m.bottom());
    current->setTextColor(style.foreground());
    return current;
}

QString plotTitleText(const QCPTextElement& title) {
    const QVariant full = title.property("fullText");
    return full.isValid() ? full.toString() : title.text();
}

} // namespace gs::app

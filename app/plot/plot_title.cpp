#include "plot/plot_title.h"

#include <qcustomplot.h>

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
    current->setTextColor(style.foreground());
    return current;
}

QString plotTitleText(const QCPTextElement& title) {
    const QVariant full = title.property("fullText");
    return full.isValid() ? full.toString() : title.text();
}

} // namespace gs::app

#include "plot/plot_title.h"

#include "plot/math_title.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace gs::app {

namespace {

struct Wrapped {
    QStringList lines;
    bool elided = false;
    int widest = 0;
    int first = 0; // the first line's width
};

Wrapped wrapLines(const QString& text, const QFontMetrics& fm, int room, int maxLines) {
    const int width = fm.horizontalAdvance(text);
    if (width <= room) return {{text}, false, width};
    if (maxLines <= 1) return {{fm.elidedText(text, Qt::ElideRight, room)}, true, room};
    // The first line ends at one of the spaces whose first line fits; the rest is wrapped the
    // same way. A layout that elides only when every one does.
    Wrapped best;
    bool found = false;
    for (qsizetype at = text.indexOf(u' '); at >= 0; at = text.indexOf(u' ', at + 1)) {
        const QString first = text.left(at);
        const int w1 = fm.horizontalAdvance(first);
        if (w1 > room) break;
        Wrapped rest = wrapLines(text.mid(at + 1).trimmed(), fm, room, maxLines - 1);
        rest.lines.prepend(first);
        rest.widest = std::max(rest.widest, w1);
        rest.first = w1;
        // Even lines when every word fits; when the last line is elided anyway, the fullest
        // first line (the most words shown).
        const auto key = [](const Wrapped& w) {
            return std::pair(w.elided, w.elided ? -w.first : w.widest);
        };
        if (!found || key(rest) < key(best)) {
            best = rest;
            found = true;
        }
    }
    if (!found) return {{fm.elidedText(text, Qt::ElideRight, room)}, true, room};
    return best;
}

/// A title row spans the plot only in a grid of one column: a layout of several (a map and its
/// color scale, a curve and a panel beside it) moves, as it is, into a grid of its own.
void spanColumns(QCPLayoutGrid& top) {
    if (top.columnCount() <= 1) return;
    const int rows = top.rowCount(), columns = top.columnCount();
    const QList<double> rowStretch = top.rowStretchFactors();
    const QList<double> columnStretch = top.columnStretchFactors();
    QVector<QCPLayoutElement*> cells;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            cells.push_back(top.element(r, c));
    for (QCPLayoutElement* e : cells)
        if (e) top.take(e);
    top.simplify();
    auto* body = new QCPLayoutGrid;
    top.addElement(0, 0, body);
    body->setColumnSpacing(top.columnSpacing());
    body->setRowSpacing(top.rowSpacing());
    body->expandTo(rows, columns);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (QCPLayoutElement* e = cells[r * columns + c]) body->addElement(r, c, e);
    body->setRowStretchFactors(rowStretch);
    body->setColumnStretchFactors(columnStretch);
}

} // namespace

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
        spanColumns(*plot.plotLayout());
        plot.plotLayout()->insertRow(0);
        current = new MathTitleElement(&plot);
        plot.plotLayout()->addElement(0, 0, current);
    }
    current->setText(title);
    current->setProperty("fullText", title);
    current->setFont(style.font(baseFont, 1.25));
    // Only its height is a minimum: a long title is wrapped to two lines, then elided, to the
    // width the plot has (plot_fit.h) instead of making the whole plot, and the window, wider.
    const QMargins m = current->margins();
    current->setMinimumSize(1, QFontMetrics(current->font()).height() + m.top() + m.bottom());
    current->setTextColor(style.foreground());
    return current;
}

QString wrapTitle(const QString& text, const QFontMetrics& fm, int room, int maxLines) {
    return wrapLines(text, fm, room, maxLines).lines.join(u'\n');
}

QString plotTitleText(const QCPTextElement& title) {
    const QVariant full = title.property("fullText");
    return full.isValid() ? full.toString() : title.text();
}

} // namespace gs::app

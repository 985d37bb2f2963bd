#pragma once
// A title row above a plot, shared by every view (scenes carry a title; exports show it).

#include "plot/plot_style.h"

#include <QString>

class QCPTextElement;
class QFontMetrics;
class QCustomPlot;

namespace gs::app {

/// Shows `title` in a row above the plot, creating the row on first use and removing it when the
/// title is empty. Returns the title element to pass in next time (nullptr once removed).
QCPTextElement* updatePlotTitle(QCustomPlot& plot, QCPTextElement* current, const QString& title,
                                const PlotStyle& style, const QFont& baseFont);
/// The title's whole text (what is shown may be wrapped or elided to fit, see plot_fit.h).
QString plotTitleText(const QCPTextElement& title);
/// `text` laid out in at most `maxLines` lines of at most `room` pixels in `metrics`: as it is when
/// it fits, else broken at the spaces that make the lines most even, the last line elided only when
/// the words do not fit in `maxLines` lines. Lines are joined by '\n'.
QString wrapTitle(const QString& text, const QFontMetrics& metrics, int room, int maxLines = 2);

} // namespace gs::app

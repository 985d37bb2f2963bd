#pragma once
// Colors and sizes shared by every view: Okabe–Ito for paths (colorblind-safe), a light and a
// dark theme, and a presentation scale that enlarges fonts, lines and markers for a projector.

#include <QColor>
#include <QFont>
#include <QPalette>

class QCustomPlot;

namespace gs::app {

struct PlotStyle {
    static constexpr double kPresentationScale = 1.6;
    /// The smallest cell a picture may have in presentation mode, in pixels along its shorter
    /// side: its axis labels and ticks take about a third of it at presentation sizes, leaving a
    /// data area of about 160 pixels, the least that reads from the back of a room. Pages with
    /// several pictures arrange them (two at a time, side by side instead of stacked) so that no
    /// picture gets less on a narrow screen.
    static constexpr int kMinPicture = 250;

    bool dark = false;
    double scale = 1.0; ///< 1 on a desk, ~1.6 on a projector

    QColor background() const;
    QColor foreground() const;
    QColor grid() const;
    QColor curve() const;
    /// The i-th path color (Okabe–Ito, cycling; black/white is skipped so paths stay visible).
    QColor pathColor(int i) const;
    QColor optimumColor() const;
    QColor errorColor() const;

    double lineWidth() const { return 2.0 * scale; }
    double markerSize() const { return 7.0 * scale; }
    QFont font(const QFont& base, double relative = 1.0) const;

    /// The widget palette for this theme (the light one is the platform's own).
    QPalette palette(const QPalette& platform) const;
    /// Applies background, axis colors, grid and fonts to a plot.
    void apply(QCustomPlot& plot, const QFont& baseFont) const;
};

} // namespace gs::app

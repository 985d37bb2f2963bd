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

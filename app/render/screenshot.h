#pragma once
// Rendering a widget to an image file without showing it on screen.

#include <QString>

class QWidget;

namespace gs::app {

/// Renders `widget` at `scale` × its size into a PNG. Returns an empty string on success, otherwise
/// a one-line reason naming the path.
QString saveWidgetPng(QWidget& widget, const QString& path, double scale);

/// Renders `widget` (a whole page: plots, panels and controls) to PNG (at `scale`), SVG or PDF by
/// the path's suffix. Plots come out as the pixels they show; for vector plots export the plot.
QString saveWidget(QWidget& widget, const QString& path, double scale);

} // namespace gs::app

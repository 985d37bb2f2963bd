#pragma once
// A page's own picture (Page::paintsPicture: a 3D surface, or a map and a surface side by side)
// rendered off screen, for image and GIF export. SVG and PDF stay vector.

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

class QCPPainter;

namespace gs::app {

class Page;

/// `size` × `scale` pixels, drawn at `size` (fonts and lines scale with it).
QImage pictureImage(Page& page, QSize size, double scale);
QByteArray pictureSvg(Page& page, QSize size);
/// An SVG document `size` pixels large of what `paint` draws (plots and pictures alike).
QByteArray svgOf(QSize size, const std::function<void(QCPPainter&)>& paint);
/// `image` encoded as PNG at 96 dpi (what QCustomPlot::savePng writes); empty if encoding failed.
QByteArray pngOf(QImage image);
/// A one-page PDF as many points large as `size` has pixels, written to `file`; false on failure.
bool picturePdf(Page& page, const QString& file, QSize size);

} // namespace gs::app

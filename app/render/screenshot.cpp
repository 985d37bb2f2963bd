#include "render/screenshot.h"

#include "files/safe_write.h"
#include "render/picture.h"
#include "scene/quote.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>

namespace gs::app {

namespace {

QByteArray pngOfWidget(QWidget& widget, double scale) {
    QImage image(widget.size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget.palette().window().color());
    {
        QPainter painter(&image);
        widget.render(&painter);
    }
    return pngOf(image);
}

QByteArray pdfOfWidget(QWidget& widget) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setTitle(QStringLiteral("Gradscape"));
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(widget.size(), QPageSize::Unit(QPageSize::Point)));
    pdf.setPageMargins(QMarginsF());
    {
        QPainter painter(&pdf);
        // The page is as many points as the widget has pixels: at 96 dpi that is 4/3 device
        // pixels per widget pixel.
        painter.scale(pdf.resolution() / 72.0, pdf.resolution() / 72.0);
        widget.render(&painter);
    }
    return buffer.data();
}

} // namespace

QString saveWidgetPng(QWidget& widget, const QString& path, double scale) {
    const QByteArray png = pngOfWidget(widget, scale);
    if (png.isEmpty()) return cannotWrite(path, QStringLiteral("encoding failed"));
    return writeWhole(path, png);
}

QString saveWidget(QWidget& widget, const QString& path, double scale) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return saveWidgetPng(widget, path, scale);
    if (suffix == QLatin1String("svg"))
        return writeWhole(
            path, svgOf(widget.size(), [&](QCPPainter& painter) { widget.render(&painter); }));
    if (suffix == QLatin1String("pdf")) return writeWhole(path, pdfOfWidget(widget));
    return QStringLiteral("unsupported image type %1 (use .png, .svg or .pdf)").arg(quote(path));
}

} // namespace gs::app

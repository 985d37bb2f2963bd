#include "render/screenshot.h"

#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace gs::app {

QString saveWidgetPng(QWidget& widget, const QString& path, double scale) {
    QImage image(widget.size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget.palette().window().color());
    {
        QPainter painter(&image);
        widget.render(&painter);
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return QStringLiteral("cannot write %1: %2").arg(path, writer.errorString());
    return {};
}

QString saveWidget(QWidget& widget, const QString& path, double scale) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return saveWidgetPng(widget, path, scale);
    QSaveFile file(path); // a failed export leaves an existing file as it was
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(widget.size());
        svg.setViewBox(widget.rect());
        svg.setTitle(QStringLiteral("Gradscape"));
        QPainter painter(&svg);
        widget.render(&painter);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&file);
        pdf.setTitle(QStringLiteral("Gradscape"));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(widget.size(), QPageSize::Unit(QPageSize::Point)));
        pdf.setPageMargins(QMarginsF());
        QPainter painter(&pdf);
        // The page is as many points as the widget has pixels: at 96 dpi that is 4/3 device
        // pixels per widget pixel.
        painter.scale(pdf.resolution() / 72.0, pdf.resolution() / 72.0);
        widget.render(&painter);
    } else {
        file.cancelWriting();
        return QStringLiteral("unsupported image type '%1' (use .png, .svg or .pdf)").arg(path);
    }
    if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace gs::app

#include "render/screenshot.h"

#include <QImage>
#include <QImageWriter>
#include <QPainter>
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

} // namespace gs::app

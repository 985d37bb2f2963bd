#include "render/picture.h"

#include "pages/page.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace gs::app {

QImage pictureImage(Page& page, QSize size, double scale) {
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setMode(QCPPainter::pmNoCaching);
        page.paintPicture(painter, QRect(QPoint(0, 0), size));
    }
    image.setDevicePixelRatio(1);
    return image;
}

QByteArray svgOf(QSize size, const std::function<void(QCPPainter&)>& paint) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QStringLiteral("Gradscape"));
    {
        QCPPainter painter(&svg);
        paint(painter);
    }
    return buffer.data();
}

QByteArray pngOf(QImage image) {
    constexpr int kDotsPerMeter = 3780; // 96 dpi
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return {};
    return buffer.data();
}

QByteArray pictureSvg(Page& page, QSize size) {
    return svgOf(size, [&](QCPPainter& painter) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        page.paintPicture(painter, QRect(QPoint(0, 0), size));
    });
}

bool picturePdf(Page& page, const QString& file, QSize size) {
    QPdfWriter pdf(file);
    pdf.setTitle(QStringLiteral("Gradscape"));
    pdf.setCreator(QStringLiteral("Gradscape"));
    pdf.setResolution(72); // a pixel of the picture is a point of the page
    pdf.setPageSize(QPageSize(size, QPageSize::Point));
    pdf.setPageMargins(QMarginsF());
    QCPPainter painter;
    if (!painter.begin(&pdf)) return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    page.paintPicture(painter, QRect(QPoint(0, 0), size));
    return painter.end();
}

} // namespace gs::app

#include "render/text_render.h"

#include "files/safe_write.h"
#include "math/math_text.h"
#include "render/picture.h"

#include <qcustomplot.h>

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryFile>
#include <QTextDocument>

#include <memory>

namespace gs::app {

namespace {

constexpr int kMargin = 16;

void paint(QTextDocument& doc, QPainter& painter) {
    painter.translate(kMargin, kMargin);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    doc.documentLayout()->draw(&painter, context);
}

std::unique_ptr<QTextDocument> document(const QString& markdown, int width, double pointSize,
                                        QPaintDevice* device) {
    auto doc = std::make_unique<QTextDocument>();
    if (device) doc->documentLayout()->setPaintDevice(device);
    QFont font(QStringLiteral("sans-serif"));
    font.setPointSizeF(pointSize);
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    math::setMathMarkdown(doc.get(), markdown);
    doc->setTextWidth(width - 2 * kMargin);
    return doc;
}

} // namespace

QString exportMarkdown(const QString& markdown, const QString& path, int width, double scale,
                       double pointSize) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    // Measured as a 96-dpi image draws it, so every format has the same layout.
    QImage probe(1, 1, QImage::Format_ARGB32);
    const int height =
        int(document(markdown, width, pointSize, &probe)->size().height()) + 2 * kMargin;
    const QSize size(width, height);
    if (suffix == QLatin1String("png")) {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        {
            auto doc = document(markdown, width, pointSize, &image);
            QPainter p(&image);
            paint(*doc, p);
        }
        image.setDevicePixelRatio(1);
        const QByteArray png = pngOf(image);
        return png.isEmpty() ? cannotWrite(path, QStringLiteral("encoding failed"))
                             : writeWhole(path, png);
    }
    if (suffix == QLatin1String("svg")) {
        return writeWhole(path, svgOf(size, [&](QCPPainter& p) {
                              auto doc = document(markdown, width, pointSize, &probe);
                              paint(*doc, p);
                          }));
    }
    if (suffix == QLatin1String("pdf")) {
        QTemporaryFile tmp;
        if (const QString e = openScratch(tmp, path, QStringLiteral(".pdf")); !e.isEmpty())
            return e;
        {
            QPdfWriter pdf(tmp.fileName());
            pdf.setResolution(96); // a pixel of the layout is a pixel of the page
            pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96, QPageSize::Point));
            pdf.setPageMargins(QMarginsF());
            QPainter p;
            if (!p.begin(&pdf)) return cannotWrite(path, QStringLiteral("cannot start the PDF"));
            auto doc = document(markdown, width, pointSize, &pdf);
            paint(*doc, p);
            p.end();
        }
        return deliver(tmp, path);
    }
    return QStringLiteral("--typeset writes .png, .svg or .pdf, not %1").arg(path);
}

} // namespace gs::app

#include "render/exporter.h"

#include "controls/playback_bar.h"
#include "files/safe_write.h"
#include "pages/page.h"
#include "render/csv_provenance.h"
#include "render/picture.h"
#include "render/state_columns.h"

#include <cgif.h>
#include <qcustomplot.h>

#include <QFileInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace gs::app {

namespace {

QByteArray statusName(RunStatus status) {
    switch (status) {
    case RunStatus::Converged:
        return "converged";
    case RunStatus::Diverged:
        return "diverged";
    case RunStatus::StepLimit:
        break;
    }
    return "step_limit";
}

QString exportSvg(QCustomPlot& plot, const QString& path, QSize size) {
    return writeWhole(path, svgOf(size, [&](QCPPainter& painter) {
                          plot.toPainter(&painter, size.width(), size.height());
                      }));
}

/// A PNG is encoded in memory, so the only write that can fail is ours, with the system's reason
/// (libpng's own complaint on a full disk never appears).
QString exportPng(QCustomPlot& plot, const QString& path, QSize size, double scale) {
    const QByteArray png = pngOf(plot.toPixmap(size.width(), size.height(), scale).toImage());
    if (png.isEmpty()) return cannotWrite(path, QStringLiteral("encoding failed"));
    return writeWhole(path, png);
}

/// QCustomPlot writes a PDF only to a named file: it renders into a private temporary file that is
/// then delivered (renamed over a regular file, copied into anything else).
QString exportPdf(QCustomPlot& plot, const QString& path, QSize size) {
    QTemporaryFile tmp;
    if (const QString e = openScratch(tmp, path, QStringLiteral(".pdf")); !e.isEmpty()) return e;
    if (!plot.savePdf(tmp.fileName(), size.width(), size.height()))
        return cannotWrite(path, QStringLiteral("rendering failed"));
    return deliver(tmp, path);
}

/// Lays the plot out at the export size for as long as it lives (views that keep an equal aspect
/// adapt to the size they are given), then gives the plot its old size back.
class ExportSize {
public:
    ExportSize(QCustomPlot& plot, QSize size) : plot_(plot), old_(plot.size()) {
        plot_.resize(size);
        plot_.replot(QCustomPlot::rpImmediateRefresh);
    }
    ~ExportSize() {
        plot_.resize(old_);
        plot_.replot(QCustomPlot::rpQueuedReplot);
    }
    ExportSize(const ExportSize&) = delete;
    ExportSize& operator=(const ExportSize&) = delete;

private:
    QCustomPlot& plot_;
    QSize old_;
};

/// A page's own picture (a 3D surface) by the path's suffix; SVG and PDF stay vector.
QString exportPicture(Page& page, const QString& path, const QString& suffix, QSize size,
                      double scale) {
    if (path == QLatin1String("-") || suffix == QLatin1String("svg"))
        return writeWhole(path, pictureSvg(page, size));
    if (suffix == QLatin1String("png")) {
        const QByteArray png = pngOf(pictureImage(page, size, scale));
        if (png.isEmpty()) return cannotWrite(path, QStringLiteral("encoding failed"));
        return writeWhole(path, png);
    }
    if (suffix == QLatin1String("pdf")) {
        QTemporaryFile tmp;
        if (const QString e = openScratch(tmp, path, QStringLiteral(".pdf")); !e.isEmpty())
            return e;
        if (!picturePdf(page, tmp.fileName(), size))
            return cannotWrite(path, QStringLiteral("rendering failed"));
        return deliver(tmp, path);
    }
    return QStringLiteral("unknown image type '.%1'").arg(suffix);
}

} // namespace

QString exportImage(Page& page, const QString& path, QSize size, double scale) {
    if (size.isEmpty()) return QStringLiteral("image size must be positive");
    if (!(scale > 0 && scale <= 8)) return QStringLiteral("scale must be in (0, 8]");
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool known = path == QLatin1String("-") || suffix == QLatin1String("png") ||
                       suffix == QLatin1String("svg") || suffix == QLatin1String("pdf");
    if (known && page.paintsPicture()) return exportPicture(page, path, suffix, size, scale);
    QCustomPlot& plot = *page.plot();
    const ExportSize exportSize(plot, size);
    if (path == QLatin1String("-")) return exportSvg(plot, path, size); // text, for a pipe
    if (suffix == QLatin1String("png")) return exportPng(plot, path, size, scale);
    if (suffix == QLatin1String("pdf")) return exportPdf(plot, path, size);
    if (suffix == QLatin1String("svg")) return exportSvg(plot, path, size);
    if (suffix.isEmpty())
        return QStringLiteral("%1 has no image type: end it in .png, .svg or .pdf (or give - for "
                              "SVG on standard output)")
            .arg(path);
    return QStringLiteral("unknown image type '.%1' (use .png, .svg or .pdf)").arg(suffix);
}

void paintPage(Page& page, QCPPainter& painter, const QRect& rect) {
    if (page.paintsPicture()) {
        page.paintPicture(painter, rect);
        return;
    }
    QCustomPlot& plot = *page.plot();
    const ExportSize exportSize(plot, rect.size());
    painter.save();
    painter.translate(rect.topLeft());
    plot.toPainter(&painter, rect.width(), rect.height());
    painter.restore();
}

QString exportGif(Page& page, const QString& path, const GifOptions& o) {
    if (o.size.isEmpty() || o.size.width() > 4096 || o.size.height() > 4096)
        return QStringLiteral("GIF size must be between 1x1 and 4096x4096");
    if (o.fps < 1 || o.fps > 100) return QStringLiteral("fps must be in [1, 100]");
    // A page without animation gives a still: every frame shows what it shows now.
    PlaybackBar fallbackBar;
    PlaybackBar& bar = page.playback() ? *page.playback() : fallbackBar;
    const int last = bar.last();
    const int frames = o.frames > 0 ? o.frames : std::min(last + 1, 300);
    if (frames > 10000) return QStringLiteral("at most 10000 frames");
    const int restore = bar.index();
    QCustomPlot& plot = *page.plot();
    const ExportSize exportSize(plot, o.size);
    // A frame as the page shows it: its own picture (a surface) or its plot.
    auto frameImage = [&] {
        return page.paintsPicture() ? pictureImage(page, o.size, 1.0)
                                    : plot.toPixmap(o.size.width(), o.size.height(), 1.0).toImage();
    };

    auto stepOf = [&](int i) {
        return frames == 1 ? last : static_cast<int>(std::lround(double(i) * last / (frames - 1)));
    };
    // One palette for the whole animation, taken from the last frame, which holds every path.
    bar.setIndex(last);
    const QImage lastFrame = frameImage();
    const QImage indexed =
        lastFrame.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    QVector<QRgb> table = indexed.colorTable();
    std::vector<uint8_t> palette;
    for (QRgb c : table)
        palette.insert(palette.end(), {uint8_t(qRed(c)), uint8_t(qGreen(c)), uint8_t(qBlue(c))});

    QTemporaryFile tmp;
    if (const QString e = openScratch(tmp, path, QStringLiteral(".gif")); !e.isEmpty()) {
        bar.setIndex(restore);
        return e;
    }
    const QByteArray tmpName = QFile::encodeName(tmp.fileName());
    CGIF_Config config{};
    config.pGlobalPalette = palette.data();
    config.path = tmpName.constData();
    config.attrFlags = CGIF_ATTR_IS_ANIMATED;
    config.width = static_cast<uint16_t>(o.size.width());
    config.height = static_cast<uint16_t>(o.size.height());
    config.numGlobalPaletteEntries = static_cast<uint16_t>(table.size());
    config.numLoops = CGIF_INFINITE_LOOP;
    CGIF* gif = cgif_newgif(&config);
    if (!gif) {
        bar.setIndex(restore);
        return cannotWrite(path, QStringLiteral("cannot start the GIF"));
    }

    QString error;
    std::vector<uint8_t> pixels(static_cast<size_t>(o.size.width()) * o.size.height());
    const uint16_t delay =
        static_cast<uint16_t>(std::max(1, static_cast<int>(std::lround(100.0 / o.fps))));
    for (int i = 0; i < frames && error.isEmpty(); ++i) {
        if (o.cancel && o.cancel->load()) {
            error = QStringLiteral("export cancelled");
            break;
        }
        bar.setIndex(stepOf(i));
        const QImage frame = frameImage().convertToFormat(QImage::Format_Indexed8, table,
                                                          Qt::ThresholdDither | Qt::AvoidDither);
        for (int y = 0; y < o.size.height(); ++y)
            std::copy_n(frame.constScanLine(y), o.size.width(),
                        pixels.data() + static_cast<size_t>(y) * o.size.width());
        CGIF_FrameConfig fc{};
        fc.pImageData = pixels.data();
        fc.delay = delay;
        fc.genFlags = CGIF_FRAME_GEN_USE_DIFF_WINDOW;
        if (cgif_addframe(gif, &fc) != CGIF_OK)
            error = cannotWrite(path, QStringLiteral("encoding a frame failed"));
        if (o.progress) o.progress(i + 1, frames);
    }
    errno = 0;
    if (cgif_close(gif) != CGIF_OK && error.isEmpty())
        error = cannotWrite(path,
                            errno ? systemReason(errno) : QStringLiteral("writing the GIF failed"));
    bar.setIndex(restore);
    if (!error.isEmpty()) return error;
    return deliver(tmp, path);
}

namespace {
QByteArray tableCsv(const Table& table) {
    QByteArray out = table.header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (const QStringList& row : table.rows)
        out += row.join(QLatin1Char(',')).toUtf8() + '\n';
    return out;
}
} // namespace

QString exportCsv(const Page& page, const QString& path) {
    // What produced the numbers comes first, as '#' lines (csv_provenance.h).
    const QByteArray provenance = csvProvenance(page.scene());
    if (const Table table = page.table(); !table.empty())
        return writeWhole(path, provenance + tableCsv(table));
    const QVector<RunView> runs = page.runs();
    const StateColumns state(runs);
    QByteArray out = provenance + "run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step" +
                     state.header() + '\n';
    auto num = [](double v) { return QByteArray::number(v, 'g', 17); };
    for (int r = 0; r < runs.size(); ++r) {
        const Trajectory& t = *runs[r].trajectory;
        const double s = runs[r].sign;
        const QByteArray prefix = QByteArray::number(r) + ',' + runs[r].optimizer.toUtf8() + ',';
        const QByteArray status =
            ',' + statusName(t.status()) + ',' + QByteArray::number(t.stopStep());
        if (t.empty()) // stopped before its first point
            out += prefix + ",,,,," + status + state.row(t, 0) + '\n';
        for (int k = 0; k < t.size(); ++k) {
            const auto x = t.x(k);
            const auto g = t.gradient(k);
            const bool two = t.dimension() >= 2;
            out += prefix + QByteArray::number(k) + ',' + num(x[0]) + ',' +
                   (two ? num(x[1]) : QByteArray()) + ',' + num(s * t.f(k)) + ',' + num(s * g[0]) +
                   ',' + (two ? num(s * g[1]) : QByteArray()) + status + state.row(t, k) + '\n';
        }
    }
    return writeWhole(path, out);
}

} // namespace gs::app

#include "render/exporter.h"

#include "controls/playback_bar.h"
#include "pages/page.h"

#include <cgif.h>
#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryFile>

#include <algorithm>
#include <vector>

namespace gs::app {

namespace {

QString cannotWrite(const QString& path, const QString& why) {
    return QStringLiteral("cannot write %1: %2").arg(path, why);
}

/// Writes `data` through QSaveFile, so a failure leaves any existing file untouched.
QString writeAtomically(const QString& path, const QByteArray& data) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    if (file.write(data) != data.size() || !file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

/// Moves a finished temporary file over `path` with the usual permissions (temporary files are
/// private to their owner).
QString replaceWith(QTemporaryFile& tmp, const QString& path) {
    QFile::remove(path);
    if (!QFile::rename(tmp.fileName(), path))
        return cannotWrite(path, QStringLiteral("cannot replace the file"));
    tmp.setAutoRemove(false);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return {};
}

QString exportSvg(QCustomPlot& plot, const QString& path, QSize size) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QStringLiteral("Gradscape"));
    {
        QCPPainter painter(&svg);
        plot.toPainter(&painter, size.width(), size.height());
    }
    return writeAtomically(path, buffer.data());
}

/// Renders through a temporary file next to the target, then renames: QCustomPlot writes in place.
QString exportRaster(QCustomPlot& plot, const QString& path, QSize size, double scale, bool pdf) {
    const QFileInfo info(path);
    QTemporaryFile tmp(info.absolutePath() + QStringLiteral("/.gradscape-XXXXXX.") + info.suffix());
    if (!tmp.open()) return cannotWrite(path, tmp.errorString());
    tmp.close();
    const bool ok = pdf ? plot.savePdf(tmp.fileName(), size.width(), size.height())
                        : plot.savePng(tmp.fileName(), size.width(), size.height(), scale);
    if (!ok) return cannotWrite(path, QStringLiteral("rendering failed"));
    return replaceWith(tmp, path);
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

} // namespace

QString exportImage(Page& page, const QString& path, QSize size, double scale) {
    if (size.isEmpty()) return QStringLiteral("image size must be positive");
    if (!(scale > 0 && scale <= 8)) return QStringLiteral("scale must be in (0, 8]");
    QCustomPlot& plot = *page.plot();
    const ExportSize exportSize(plot, size);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return exportRaster(plot, path, size, scale, false);
    if (suffix == QLatin1String("pdf")) return exportRaster(plot, path, size, scale, true);
    if (suffix == QLatin1String("svg")) return exportSvg(plot, path, size);
    return QStringLiteral("unknown image type '.%1' (use .png, .svg or .pdf)").arg(suffix);
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

    auto stepOf = [&](int i) {
        return frames == 1 ? last : static_cast<int>(std::lround(double(i) * last / (frames - 1)));
    };
    // One palette for the whole animation, taken from the last frame, which holds every path.
    bar.setIndex(last);
    const QImage lastFrame = plot.toPixmap(o.size.width(), o.size.height(), 1.0).toImage();
    const QImage indexed =
        lastFrame.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    QVector<QRgb> table = indexed.colorTable();
    std::vector<uint8_t> palette;
    for (QRgb c : table)
        palette.insert(palette.end(), {uint8_t(qRed(c)), uint8_t(qGreen(c)), uint8_t(qBlue(c))});

    QTemporaryFile tmp(QFileInfo(path).absolutePath() + QStringLiteral("/.gradscape-XXXXXX.gif"));
    if (!tmp.open()) {
        bar.setIndex(restore);
        return cannotWrite(path, tmp.errorString());
    }
    tmp.close();
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
        const QImage frame = plot.toPixmap(o.size.width(), o.size.height(), 1.0)
                                 .toImage()
                                 .convertToFormat(QImage::Format_Indexed8, table,
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
    if (cgif_close(gif) != CGIF_OK && error.isEmpty())
        error = cannotWrite(path, QStringLiteral("the disk may be full"));
    bar.setIndex(restore);
    if (!error.isEmpty()) return error;
    return replaceWith(tmp, path);
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
    if (const Table table = page.table(); !table.empty())
        return writeAtomically(path, tableCsv(table));
    QByteArray out = "run,optimizer,step,x,y,f,grad_x,grad_y\n";
    auto num = [](double v) { return QByteArray::number(v, 'g', 17); };
    const QVector<RunView> runs = page.runs();
    for (int r = 0; r < runs.size(); ++r) {
        const Trajectory& t = *runs[r].trajectory;
        const double s = runs[r].sign;
        const QByteArray prefix = QByteArray::number(r) + ',' + runs[r].optimizer.toUtf8() + ',';
        for (int k = 0; k < t.size(); ++k) {
            const auto x = t.x(k);
            const auto g = t.gradient(k);
            const bool two = t.dimension() >= 2;
            out += prefix + QByteArray::number(k) + ',' + num(x[0]) + ',' +
                   (two ? num(x[1]) : QByteArray()) + ',' + num(s * t.f(k)) + ',' + num(s * g[0]) +
                   ',' + (two ? num(s * g[1]) : QByteArray()) + '\n';
        }
    }
    return writeAtomically(path, out);
}

} // namespace gs::app

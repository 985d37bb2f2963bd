#include "render/exporter.h"

#include "controls/playback_bar.h"
#include "pages/page.h"
#include "render/picture.h"
#include "render/state_columns.h"

#include <cgif.h>
#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::app {

namespace {

QString cannotWrite(const QString& path, const QString& why) {
    return QStringLiteral("cannot write %1: %2")
        .arg(path == QLatin1String("-") ? "stdout" : path, why);
}

/// The system's reason for `error` as the rest of a message: "no space left on device".
QString reason(int error) {
    if (error == ENXIO) return QStringLiteral("nothing is reading from it");
    QString s = QString::fromLocal8Bit(std::strerror(error));
    if (!s.isEmpty()) s[0] = s[0].toLower();
    return s;
}

/// Writes all of `data` to `fd`, retrying short writes; empty on success, else the reason.
QString writeAll(int fd, const char* data, qint64 size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return reason(n < 0 ? errno : ENOSPC);
        data += n;
        size -= n;
    }
    return {};
}

/// What an output path names. A regular file (or a new one) is replaced as a whole, so a failure
/// leaves it untouched; a device or a FIFO (/dev/null, /dev/stdout, a pipe) is written into,
/// never replaced; "-" is standard output.
enum class Target { Replace, WriteInto, Refused };

Target classify(const QString& path, QString& error) {
    if (path == QLatin1String("-")) return Target::WriteInto;
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT) return Target::Replace;
        error = cannotWrite(path, reason(errno));
        return Target::Refused;
    }
    if (S_ISDIR(st.st_mode)) {
        error = cannotWrite(path, QStringLiteral("it is a directory"));
        return Target::Refused;
    }
    if (!S_ISREG(st.st_mode)) return Target::WriteInto;
    // Root may write anywhere, but a file without any write permission is still read-only.
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
        ::access(QFile::encodeName(path).constData(), W_OK) != 0) {
        error = cannotWrite(path, QStringLiteral("the file is read-only"));
        return Target::Refused;
    }
    return Target::Replace;
}

/// Opens a device, FIFO or "-" for writing without creating, truncating or blocking on a FIFO
/// that nobody reads; -1 and `error` on failure.
int openInto(const QString& path, QString& error) {
    if (path == QLatin1String("-")) return ::dup(STDOUT_FILENO);
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = cannotWrite(path, reason(errno));
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); // then write as usual
    return fd;
}

/// The final path of a replaced file: a symbolic link's target, so the link stays a link.
QString resolved(const QString& path) {
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

/// Moves a finished temporary file over `path` with the usual permissions (temporary files are
/// private to their owner).
QString replaceWith(QTemporaryFile& tmp, const QString& path) {
    const QByteArray target = QFile::encodeName(resolved(path));
    if (::rename(QFile::encodeName(tmp.fileName()).constData(), target.constData()) != 0)
        return cannotWrite(path, reason(errno));
    tmp.setAutoRemove(false);
    QFile::setPermissions(QFile::decodeName(target),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                              QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return {};
}

/// A temporary file beside the final path of `path`, for writing a replacement.
bool openBeside(QTemporaryFile& tmp, const QString& path, const QString& suffix) {
    tmp.setFileTemplate(QFileInfo(resolved(path)).absolutePath() +
                        QStringLiteral("/.gradscape-XXXXXX") + suffix);
    return tmp.open();
}

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

/// A scratch file for a format that is written to a named file (PDF, GIF): beside a regular
/// target, so delivering it is a rename; in the temporary directory for a device or FIFO. A target
/// that would be refused is refused now, before any rendering. Empty on success.
QString openScratch(QTemporaryFile& tmp, const QString& path, const QString& suffix) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    const bool opened = target == Target::Replace ? openBeside(tmp, path, suffix) : tmp.open();
    if (!opened) return cannotWrite(path, tmp.errorString());
    tmp.close();
    return {};
}

/// Writes `data` as the whole content of `path` (see Target). Empty on success, else one line.
QString writeFile(const QString& path, const QByteArray& data) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    if (target == Target::WriteInto) {
        const int fd = openInto(path, error);
        if (fd < 0) return error;
        error = writeAll(fd, data.constData(), data.size());
        if (::close(fd) != 0 && error.isEmpty()) error = reason(errno);
        return error.isEmpty() ? QString() : cannotWrite(path, error);
    }
    QTemporaryFile tmp;
    if (!openBeside(tmp, path, QString())) return cannotWrite(path, tmp.errorString());
    error = writeAll(tmp.handle(), data.constData(), data.size());
    if (error.isEmpty() && ::fsync(tmp.handle()) != 0) error = reason(errno);
    if (!error.isEmpty()) return cannotWrite(path, error);
    tmp.close();
    return replaceWith(tmp, path);
}

/// Delivers a finished temporary file (a GIF, a PDF) to `path`: renamed over a regular file,
/// copied into a device, FIFO or standard output.
QString deliver(QTemporaryFile& tmp, const QString& path) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    if (target == Target::Replace) {
        if (QFileInfo(tmp.fileName()).absolutePath() == QFileInfo(resolved(path)).absolutePath())
            return replaceWith(tmp, path);
        QFile in(tmp.fileName());
        if (!in.open(QIODevice::ReadOnly)) return cannotWrite(path, in.errorString());
        return writeFile(path, in.readAll());
    }
    QFile in(tmp.fileName());
    if (!in.open(QIODevice::ReadOnly)) return cannotWrite(path, in.errorString());
    const int fd = openInto(path, error);
    if (fd < 0) return error;
    while (error.isEmpty() && !in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        error = writeAll(fd, chunk.constData(), chunk.size());
    }
    if (::close(fd) != 0 && error.isEmpty()) error = reason(errno);
    return error.isEmpty() ? QString() : cannotWrite(path, error);
}

QString exportSvg(QCustomPlot& plot, const QString& path, QSize size) {
    return writeFile(path, svgOf(size, [&](QCPPainter& painter) {
                         plot.toPainter(&painter, size.width(), size.height());
                     }));
}

/// A PNG is encoded in memory, so the only write that can fail is ours, with the system's reason
/// (libpng's own complaint on a full disk never appears).
QString exportPng(QCustomPlot& plot, const QString& path, QSize size, double scale) {
    QImage image = plot.toPixmap(size.width(), size.height(), scale).toImage();
    constexpr int kDotsPerMeter = 3780; // 96 dpi, as QCustomPlot::savePng writes
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return cannotWrite(path, QStringLiteral("encoding failed"));
    return writeFile(path, buffer.data());
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
        return writeFile(path, pictureSvg(page, size));
    if (suffix == QLatin1String("png")) {
        QImage image = pictureImage(page, size, scale);
        constexpr int kDotsPerMeter = 3780; // 96 dpi, as for plots
        image.setDotsPerMeterX(kDotsPerMeter);
        image.setDotsPerMeterY(kDotsPerMeter);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return cannotWrite(path, QStringLiteral("encoding failed"));
        return writeFile(path, buffer.data());
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
        error = cannotWrite(path, errno ? reason(errno) : QStringLiteral("writing the GIF failed"));
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
    if (const Table table = page.table(); !table.empty()) return writeFile(path, tableCsv(table));
    const QVector<RunView> runs = page.runs();
    const StateColumns state(runs);
    QByteArray out =
        "run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step" + state.header() + '\n';
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
    return writeFile(path, out);
}

} // namespace gs::app

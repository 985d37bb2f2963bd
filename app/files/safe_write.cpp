#include "files/safe_write.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::app {

QString cannotWrite(const QString& path, const QString& why) {
    return QStringLiteral("cannot write %1: %2")
        .arg(path == QLatin1String("-") ? QStringLiteral("stdout") : path, why);
}

QString systemReason(int error) {
    if (error == ENXIO) return QStringLiteral("nothing is reading from it");
    QString s = QString::fromLocal8Bit(std::strerror(error));
    if (!s.isEmpty()) s[0] = s[0].toLower();
    return s;
}

namespace {

/// Writes all of `data` to `fd`, retrying short writes; empty on success, else the reason.
QString writeAll(int fd, const char* data, qint64 size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return systemReason(n < 0 ? errno : ENOSPC);
        data += n;
        size -= n;
    }
    return {};
}

enum class Target { Replace, WriteInto, Refused };

Target classify(const QString& path, QString& error) {
    if (path == QLatin1String("-")) return Target::WriteInto;
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT) return Target::Replace;
        error = cannotWrite(path, systemReason(errno));
        return Target::Refused;
    }
    if (S_ISDIR(st.st_mode)) {
        error = cannotWrite(path, QStringLiteral("it is a directory"));
        return Target::Refused;
    }
    if (!S_ISREG(st.st_mode)) return Target::WriteInto;
    if (isReadOnlyFile(path)) {
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
        error = cannotWrite(path, systemReason(errno));
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

/// The permissions a replacement gets: the old file's, or a new file's under the umask
/// (temporary files are private to their owner).
mode_t modeFor(const QByteArray& target) {
    struct stat st {};
    if (::stat(target.constData(), &st) == 0) return st.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

/// Moves a finished temporary file over `path`.
QString replaceWith(QTemporaryFile& tmp, const QString& path) {
    const QByteArray target = QFile::encodeName(resolved(path));
    const QByteArray from = QFile::encodeName(tmp.fileName());
    ::chmod(from.constData(), modeFor(target));
    if (::rename(from.constData(), target.constData()) != 0)
        return cannotWrite(path, systemReason(errno));
    tmp.setAutoRemove(false);
    return {};
}

/// A temporary file beside the final path of `path`, for writing a replacement.
bool openBeside(QTemporaryFile& tmp, const QString& path, const QString& suffix) {
    tmp.setFileTemplate(QFileInfo(resolved(path)).absolutePath() +
                        QStringLiteral("/.gradscape-XXXXXX") + suffix);
    return tmp.open();
}

} // namespace

bool isReadOnlyFile(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    struct stat st {};
    if (::stat(name.constData(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    // Root may write anywhere, but a file without any write permission is still read-only.
    return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
           ::access(name.constData(), W_OK) != 0;
}

QString openScratch(QTemporaryFile& tmp, const QString& path, const QString& suffix) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    const bool opened = target == Target::Replace ? openBeside(tmp, path, suffix) : tmp.open();
    if (!opened) return cannotWrite(path, tmp.errorString());
    tmp.close();
    return {};
}

QString writeWhole(const QString& path, const QByteArray& data) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    if (target == Target::WriteInto) {
        const int fd = openInto(path, error);
        if (fd < 0) return error;
        error = writeAll(fd, data.constData(), data.size());
        if (::close(fd) != 0 && error.isEmpty()) error = systemReason(errno);
        return error.isEmpty() ? QString() : cannotWrite(path, error);
    }
    QTemporaryFile tmp;
    if (!openBeside(tmp, path, QString())) return cannotWrite(path, tmp.errorString());
    error = writeAll(tmp.handle(), data.constData(), data.size());
    if (error.isEmpty() && ::fsync(tmp.handle()) != 0) error = systemReason(errno);
    if (!error.isEmpty()) return cannotWrite(path, error);
    tmp.close();
    return replaceWith(tmp, path);
}

QString deliver(QTemporaryFile& tmp, const QString& path) {
    QString error;
    const Target target = classify(path, error);
    if (target == Target::Refused) return error;
    if (target == Target::Replace) {
        if (QFileInfo(tmp.fileName()).absolutePath() == QFileInfo(resolved(path)).absolutePath())
            return replaceWith(tmp, path);
        QFile in(tmp.fileName());
        if (!in.open(QIODevice::ReadOnly)) return cannotWrite(path, in.errorString());
        return writeWhole(path, in.readAll());
    }
    QFile in(tmp.fileName());
    if (!in.open(QIODevice::ReadOnly)) return cannotWrite(path, in.errorString());
    const int fd = openInto(path, error);
    if (fd < 0) return error;
    while (error.isEmpty() && !in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        error = writeAll(fd, chunk.constData(), chunk.size());
    }
    if (::close(fd) != 0 && error.isEmpty()) error = systemReason(errno);
    return error.isEmpty() ? QString() : cannotWrite(path, error);
}

} // namespace gs::app

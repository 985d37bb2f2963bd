#pragma once
// Writing a file the user owns without ever destroying what was there. Every save and export goes
// through here: scenes, images, GIFs, CSV, window screenshots.
//
// What a path names decides how it is written. A regular file (or a new one) is replaced whole: the
// data goes to a temporary file beside it, is flushed to the disk, and only then renamed over the
// old one, so a full disk or any other failure leaves the old file as it was (Qt 6.4's QSaveFile
// is not used: an error while it flushes its buffer on commit() goes unnoticed and the empty
// temporary file replaces the old one). A replaced file keeps its permissions. A file without any
// write permission is refused, even for root, as the user marked it so. A device or FIFO
// (/dev/null, /dev/stdout, a pipe) is written into, never replaced; "-" is standard output.
//
// Every function returns an empty string on success, else one line: "cannot write PATH: no space
// left on device".

#include <QByteArray>
#include <QString>

class QTemporaryFile;

namespace gs::app {

/// "cannot write PATH: WHY" ("stdout" for "-").
QString cannotWrite(const QString& path, const QString& why);
/// The system's reason for an errno value as the rest of a message: "no space left on device".
QString systemReason(int error);

/// True when `path` is an existing regular file that the user may not write (no write permission
/// bit at all, or access() says no): a save should ask before it goes elsewhere.
bool isReadOnlyFile(const QString& path);

/// Writes `data` as the whole content of `path`.
QString writeWhole(const QString& path, const QByteArray& data);

/// For a format that a library writes only to a named file (PDF, GIF): a scratch file beside a
/// regular target, so that delivering it is a rename, or in the temporary folder for a device or
/// FIFO. A target that would be refused is refused now, before any rendering.
QString openScratch(QTemporaryFile& tmp, const QString& path, const QString& suffix);
/// Delivers a finished scratch file to `path`: renamed over a regular file, copied into a device,
/// FIFO or standard output.
QString deliver(QTemporaryFile& tmp, const QString& path);

} // namespace gs::app

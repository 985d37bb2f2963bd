#pragma once
// Reading a file the user named (a scene, an autosaved scene, a lesson): only a regular file, never
// blocking on a FIFO (io::openRegularFile), and never more than the caller's limit, so a device, a
// huge file or one that grows while it is read gives a message, not a hang or an exhausted memory.

#include <QByteArray>
#include <QString>

namespace gs::app {

struct FileRead {
    QByteArray data;
    QString error; ///< "cannot open PATH: is a FIFO (named pipe), not a regular file", …
    bool ok() const { return error.isEmpty(); }
};

/// Reads all of `path` when it is a regular file of at most `maxBytes`; `what` names the kind of
/// file in the size error ("PATH is too large to be a scene (more than 4194304 bytes)"). A path
/// starting with ':' is a Qt resource, compiled in.
FileRead readUserFile(const QString& path, qint64 maxBytes, const QString& what);

} // namespace gs::app

#include "files/read_file.h"

#include "io/regular_file.h"

#include <QFile>

namespace gs::app {

FileRead readUserFile(const QString& path, qint64 maxBytes, const QString& what) {
    QFile file(path);
    if (path.startsWith(QLatin1Char(':'))) {
        if (!file.open(QIODevice::ReadOnly))
            return {{}, QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    } else {
        io::InputFile in = io::openRegularFile(QFile::encodeName(path).toStdString());
        if (!in.ok())
            return {
                {},
                QStringLiteral("cannot open %1: %2").arg(path, QString::fromStdString(in.error()))};
        if (!file.open(in.fd(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
            return {{}, QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
        in.release(); // the QFile closes it now
    }
    // One byte past the limit tells a file that is too large, even one that grows while read.
    QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return {{},
                QStringLiteral("%1 is too large to be %2 (more than %3 bytes)")
                    .arg(path, what)
                    .arg(maxBytes)};
    if (file.error() != QFileDevice::NoError)
        return {{}, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return {std::move(data), {}};
}

} // namespace gs::app

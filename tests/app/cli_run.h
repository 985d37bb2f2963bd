#pragma once
// Running the gradscape executable from a test (GRADSCAPE_BIN is its path, set by CMake) and
// reading back what it wrote.

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "csv_table.h"

namespace gs::test {

inline QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Cli {
    int exitCode = -1;
    QString stderrText;
    QByteArray stdoutData;
};

inline Cli runCli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(GRADSCAPE_BIN), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError()), p.readAllStandardOutput()};
}

} // namespace gs::test

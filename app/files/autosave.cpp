#include "files/autosave.h"

#include "files/read_file.h"
#include "files/safe_write.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>

namespace gs::app {

namespace {

constexpr qint64 kMaxSnapshotBytes = 8 << 20; // a scene is at most 4 MiB, plus what we add
const QString kSuffix = QStringLiteral(".autosave.json");

QString lockPath(const QString& snapshot) {
    return snapshot.chopped(kSuffix.size()) + QStringLiteral(".lock");
}

} // namespace

Autosave::Autosave(QString folder)
    : folder_(std::move(folder)), stem_(QStringLiteral("session-%1-%2")
                                            .arg(QCoreApplication::applicationPid())
                                            .arg(QDateTime::currentMSecsSinceEpoch())) {}

Autosave::~Autosave() = default;

QString Autosave::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave");
}

QString Autosave::write(const QByteArray& sceneJson, const QString& sceneFile,
                        const QString& title) {
    if (!lock_) {
        if (!QDir().mkpath(folder_))
            return cannotWrite(folder_, QStringLiteral("cannot create it"));
        lock_ = std::make_unique<QLockFile>(folder_ + '/' + stem_ + QStringLiteral(".lock"));
        lock_->setStaleLockTime(0); // only a dead process's lock is stale, however old
        if (!lock_->tryLock(0)) {
            lock_.reset();
            return cannotWrite(folder_, QStringLiteral("cannot lock the autosave"));
        }
    }
    QJsonObject o;
    o[QStringLiteral("file")] = sceneFile;
    o[QStringLiteral("title")] = title;
    o[QStringLiteral("saved")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    o[QStringLiteral("scene")] = QJsonDocument::fromJson(sceneJson).object();
    const QString error = writeWhole(folder_ + '/' + stem_ + kSuffix,
                                     QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (error.isEmpty()) written_ = true;
    return error;
}

void Autosave::clear() {
    if (written_) QFile::remove(folder_ + '/' + stem_ + kSuffix);
    written_ = false;
    lock_.reset(); // unlocks and removes the lock file
}

QVector<Autosave::Entry> Autosave::recoverable() const {
    QVector<Entry> out;
    const QDir dir(folder_);
    for (const QString& name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files)) {
        if (name == stem_ + kSuffix) continue;
        const QString snapshot = dir.filePath(name);
        // A lock that a live process holds cannot be taken; a dead one's can (QLockFile checks
        // the process id), and is released again at once.
        QLockFile lock(lockPath(snapshot));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0)) continue;
        lock.unlock();
        const FileRead read =
            readUserFile(snapshot, kMaxSnapshotBytes, QStringLiteral("a snapshot"));
        if (!read.ok()) continue;
        const QJsonObject o = QJsonDocument::fromJson(read.data).object();
        if (!o.value(QStringLiteral("scene")).isObject()) continue;
        Entry e;
        e.snapshot = snapshot;
        e.sceneFile = o.value(QStringLiteral("file")).toString();
        e.title = o.value(QStringLiteral("title")).toString();
        e.saved =
            QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
        e.scene = QJsonDocument(o.value(QStringLiteral("scene")).toObject()).toJson();
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const Entry& a, const Entry& b) { return a.saved > b.saved; });
    return out;
}

void Autosave::discard(const Entry& entry) {
    QFile::remove(entry.snapshot);
    QFile::remove(lockPath(entry.snapshot));
}

} // namespace gs::app

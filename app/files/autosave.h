#pragma once
// Unsaved scene changes kept on disk while the window runs, so a crash, a kill or a power cut
// loses at most a few seconds of work.
//
// Each running window owns one snapshot file in the autosave folder
// (QStandardPaths::AppDataLocation/autosave), held by a lock file (QLockFile) for as long as the
// window lives. A clean exit removes both. A snapshot whose lock is not held by a live process was
// left by a session that ended without saving: the next start offers it back.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <memory>

class QLockFile;

namespace gs::app {

class Autosave {
public:
    /// A snapshot left by a session that ended without saving it.
    struct Entry {
        QString snapshot;  ///< the snapshot file
        QString sceneFile; ///< the file the scene was opened from or saved to; empty for none
        QString title;     ///< the window's title then ("Lesson 3 — Gradscape")
        QDateTime saved;   ///< when the snapshot was written
        QByteArray scene;  ///< the scene, as a scene file holds it
    };

    /// Snapshots go to `folder` (created when the first is written); by default the user's data
    /// folder.
    explicit Autosave(QString folder = defaultFolder());
    ~Autosave(); ///< keeps the snapshot: only clear() says the work is safe
    Autosave(const Autosave&) = delete;
    Autosave& operator=(const Autosave&) = delete;

    static QString defaultFolder();

    /// Keeps `sceneJson` as this session's snapshot (replacing the last one whole). Empty on
    /// success, else why not.
    QString write(const QByteArray& sceneJson, const QString& sceneFile, const QString& title);
    /// Removes this session's snapshot: the scene was saved, or the window closed cleanly.
    void clear();
    bool hasSnapshot() const { return written_; }

    /// The snapshots of sessions that ended without clearing them, newest first; never this
    /// session's own, nor those of other windows still running. Unreadable or corrupt snapshots are
    /// left out (and left alone).
    QVector<Entry> recoverable() const;
    /// Deletes a snapshot that was restored or declined, with its lock file.
    static void discard(const Entry& entry);

private:
    QString folder_;
    QString stem_; ///< this session's file name without the suffix
    std::unique_ptr<QLockFile> lock_;
    bool written_ = false;
};

} // namespace gs::app

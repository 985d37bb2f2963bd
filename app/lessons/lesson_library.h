#pragma once
// The lessons on offer, in sets: the built-in ones (resources/lessons/), the teacher's own in the
// user's data folder, folders added with --lessons DIR, and single files opened with File > Open
// Lesson. A folder's lessons are its *.md files and its subfolders holding a lesson.md, in the
// order an `order` file lists them (one name per line), else by file name (so numbered names
// give the order). A lesson that fails to load stays listed with its error; the others load.
// Files on disk are watched and read again when they change.

#include "lessons/lesson.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVector>

namespace gs::app {

struct LessonEntry {
    QString name; ///< unique in the library
    QString path; ///< the lesson's file
    LessonResult lesson;
    const Lesson* loaded() const { return std::get_if<Lesson>(&lesson); }
    const LessonError* error() const { return std::get_if<LessonError>(&lesson); }
};

struct LessonSet {
    QString title;  ///< "Lessons", "My lessons", a folder's name, "Opened"
    QString folder; ///< empty for the opened files
    QVector<LessonEntry> lessons;
};

class LessonLibrary : public QObject {
    Q_OBJECT
public:
    /// The built-in lessons' folder, and the user's (QStandardPaths' app data folder + /lessons).
    static QString builtinFolder();
    static QString userFolder();
    /// The lessons of one folder, in order (see above); names repeated in a folder are suffixed.
    static QVector<LessonEntry> readFolder(const QString& folder);

    /// Built-in and the user's folder.
    explicit LessonLibrary(QObject* parent = nullptr);

    /// Adds a folder's lessons as a set after the others; returns false when it is not a folder.
    bool addFolder(const QString& folder, const QString& title = {});
    /// Adds (or reads again) one lesson file to the "Opened" set; returns its name in the library.
    QString addFile(const QString& path);

    const QVector<LessonSet>& sets() const { return sets_; }
    /// Every lesson's name, set by set, in order.
    QStringList names() const;
    const LessonEntry* find(const QString& name) const;
    /// The set holding lesson `name`; null when none does.
    const LessonSet* setOf(const QString& name) const;
    /// Every error, "file:line: …", one per broken lesson.
    QStringList errors() const;

    /// Reads every folder and file again now.
    void reload();

Q_SIGNALS:
    /// After files changed on disk and were read again.
    void changed();

private:
    static QVector<LessonEntry> readFiles(const QString& folder);
    void watch();
    QString unique(const QString& name, const QString& path) const;

    QVector<LessonSet> sets_;
    QFileSystemWatcher watcher_;
    QTimer settle_; // an editor's save is a burst of events: read once it settles
};

/// The built-in lessons' names in the article's order.
QStringList lessonNames();
/// A built-in lesson by name; an unknown name's error lists the lesson names.
LessonResult loadLesson(const QString& name);
/// "no lesson named 'x'; the lessons are: …", the name quoted short and escaped.
QString noSuchLesson(const QString& name, const QStringList& names = lessonNames());

} // namespace gs::app

#include "lessons/lesson_library.h"

#include "files/read_file.h"
#include "scene/quote.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gs::app {

namespace {

constexpr int kSettleMs = 250;
constexpr qint64 kMaxOrderBytes = 64 << 10;

/// The names an `order` file lists, comments (#) and blank lines skipped.
QStringList orderOf(const QString& folder) {
    const QString path = QDir(folder).filePath(QStringLiteral("order"));
    if (!QFileInfo(path).isFile()) return {};
    const FileRead read = readUserFile(path, kMaxOrderBytes, QStringLiteral("an order file"));
    QStringList names;
    for (const QString& line : QString::fromUtf8(read.data).split(QLatin1Char('\n'))) {
        const QString name = line.section(QLatin1Char('#'), 0, 0).trimmed();
        if (!name.isEmpty()) names << name;
    }
    return names;
}

} // namespace

QString LessonLibrary::builtinFolder() {
    return QStringLiteral(":/lessons");
}

QString LessonLibrary::userFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/lessons");
}

QVector<LessonEntry> LessonLibrary::readFolder(const QString& folder) {
    // The built-in lessons are compiled in and never change: read (and checked) once.
    if (folder == builtinFolder()) {
        static const QVector<LessonEntry> builtin = readFiles(folder);
        return builtin;
    }
    return readFiles(folder);
}

QVector<LessonEntry> LessonLibrary::readFiles(const QString& folder) {
    const QDir dir(folder);
    QStringList paths;
    for (const QFileInfo& f :
         dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (f.isDir() && QFileInfo(f.filePath() + QStringLiteral("/lesson.md")).isFile())
            paths << f.filePath() + QStringLiteral("/lesson.md");
        else if (f.isFile() && f.suffix() == QLatin1String("md"))
            paths << f.filePath();
    }
    // An order file puts the names it lists first, in its order; the rest follow by file name.
    const QStringList order = orderOf(folder);
    std::stable_sort(paths.begin(), paths.end(), [&](const QString& a, const QString& b) {
        const auto rank = [&](const QString& p) {
            const qsizetype i = order.indexOf(lessonNameOf(p));
            return i < 0 ? order.size() : i;
        };
        return rank(a) < rank(b);
    });
    QVector<LessonEntry> entries;
    QStringList seen;
    for (const QString& path : paths) {
        QString name = lessonNameOf(path);
        for (int n = 2; seen.contains(name); ++n)
            name = lessonNameOf(path) + QStringLiteral("-%1").arg(n);
        seen << name;
        LessonResult lesson = loadLessonFile(path);
        if (auto* l = std::get_if<Lesson>(&lesson)) l->name = name;
        entries.append(LessonEntry{name, path, std::move(lesson)});
    }
    return entries;
}

LessonLibrary::LessonLibrary(QObject* parent) : QObject(parent) {
    sets_.append(LessonSet{tr("Lessons"), builtinFolder(), readFolder(builtinFolder())});
    if (QFileInfo(userFolder()).isDir()) addFolder(userFolder(), tr("My lessons"));
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, [this] {
        reload();
        Q_EMIT changed();
    });
    auto later = [this] { settle_.start(); };
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, later);
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, later);
}

QString LessonLibrary::unique(const QString& name, const QString& path) const {
    QString candidate = name;
    for (int n = 2;; ++n) {
        const LessonEntry* e = find(candidate);
        if (!e || e->path == path) return candidate;
        candidate = name + QStringLiteral("-%1").arg(n);
    }
}

bool LessonLibrary::addFolder(const QString& folder, const QString& title) {
    const QFileInfo info(folder);
    if (!info.isDir()) return false;
    const QString path = info.absoluteFilePath();
    for (const LessonSet& s : std::as_const(sets_))
        if (s.folder == path) return true;
    LessonSet set{title.isEmpty() ? info.fileName() : title, path, readFolder(path)};
    // Names stay unique across sets: a teacher's "derivative" beside the built-in one is
    // "derivative-2" (the scene's "lesson" key names it so).
    for (LessonEntry& e : set.lessons) {
        e.name = unique(e.name, e.path);
        if (auto* l = std::get_if<Lesson>(&e.lesson)) l->name = e.name;
    }
    sets_.append(std::move(set));
    watch();
    return true;
}

QString LessonLibrary::addFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto opened = std::find_if(sets_.begin(), sets_.end(),
                               [](const LessonSet& s) { return s.folder.isEmpty(); });
    if (opened == sets_.end()) {
        sets_.append(LessonSet{tr("Opened"), {}, {}});
        opened = sets_.end() - 1;
    }
    for (const LessonSet& s : std::as_const(sets_))
        for (const LessonEntry& e : s.lessons)
            if (e.path == absolute) {
                reload(); // already listed: read it again
                return e.name;
            }
    const QString name = unique(lessonNameOf(absolute), absolute);
    LessonResult lesson = loadLessonFile(absolute);
    if (auto* l = std::get_if<Lesson>(&lesson)) l->name = name;
    opened->lessons.append(LessonEntry{name, absolute, std::move(lesson)});
    watch();
    return name;
}

void LessonLibrary::reload() {
    for (LessonSet& set : sets_) {
        if (set.folder.isEmpty()) {
            for (LessonEntry& e : set.lessons) {
                const QString name = e.name;
                e.lesson = loadLessonFile(e.path);
                if (auto* l = std::get_if<Lesson>(&e.lesson)) l->name = name;
            }
            continue;
        }
        if (set.folder == builtinFolder()) continue; // compiled in: it cannot change
        QVector<LessonEntry> fresh = readFolder(set.folder);
        set.lessons.clear(); // so unique() sees only what is kept
        for (LessonEntry& e : fresh) {
            e.name = unique(e.name, e.path);
            if (auto* l = std::get_if<Lesson>(&e.lesson)) l->name = e.name;
            set.lessons.append(std::move(e));
        }
    }
    watch();
}

void LessonLibrary::watch() {
    // Editors save by writing a new file and renaming it over the old one, which ends a watch on
    // the old file: every read watches again what is there now.
    QStringList paths;
    for (const LessonSet& s : std::as_const(sets_)) {
        if (s.folder == builtinFolder()) continue;
        if (!s.folder.isEmpty()) paths << s.folder;
        for (const LessonEntry& e : s.lessons) {
            paths << e.path;
            if (const Lesson* l = e.loaded(); l && !l->sceneFile.isEmpty()) paths << l->sceneFile;
        }
    }
    const QStringList old = watcher_.files() + watcher_.directories();
    if (!old.isEmpty()) watcher_.removePaths(old);
    paths.removeDuplicates();
    paths.removeIf([](const QString& p) { return !QFileInfo::exists(p); });
    if (!paths.isEmpty()) watcher_.addPaths(paths);
}

QStringList LessonLibrary::names() const {
    QStringList names;
    for (const LessonSet& s : sets_)
        for (const LessonEntry& e : s.lessons)
            names << e.name;
    return names;
}

const LessonEntry* LessonLibrary::find(const QString& name) const {
    for (const LessonSet& s : sets_)
        for (const LessonEntry& e : s.lessons)
            if (e.name == name) return &e;
    return nullptr;
}

const LessonSet* LessonLibrary::setOf(const QString& name) const {
    for (const LessonSet& s : sets_)
        for (const LessonEntry& e : s.lessons)
            if (e.name == name) return &s;
    return nullptr;
}

QStringList LessonLibrary::errors() const {
    QStringList errors;
    for (const LessonSet& s : sets_)
        for (const LessonEntry& e : s.lessons)
            if (const LessonError* err = e.error()) errors << err->text();
    return errors;
}

QStringList lessonNames() {
    QStringList names;
    for (const LessonEntry& e : LessonLibrary::readFolder(LessonLibrary::builtinFolder()))
        names << e.name;
    return names;
}

LessonResult loadLesson(const QString& name) {
    for (LessonEntry& e : LessonLibrary::readFolder(LessonLibrary::builtinFolder()))
        if (e.name == name) return std::move(e.lesson);
    return LessonError{{}, 0, 0, {}, noSuchLesson(name)};
}

QString noSuchLesson(const QString& name, const QStringList& names) {
    return QStringLiteral("no lesson named %1; the lessons are: %2")
        .arg(quote(name), names.join(QStringLiteral(", ")));
}

} // namespace gs::app

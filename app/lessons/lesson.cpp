#include "lessons/lesson.h"
#include "scene/quote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace gs::app {

namespace {

const QString kRoot = QStringLiteral(":/lessons/");

/// "03-gradient-ascent.json" → "gradient-ascent"; the files in order, by their number.
QStringList lessonFiles() {
    return QDir(kRoot).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QString nameOf(const QString& file) {
    static const QRegularExpression prefix(QStringLiteral("^\\d+-"));
    return QFileInfo(file).completeBaseName().remove(prefix);
}

} // namespace

QStringList lessonNames() {
    QStringList names;
    for (const QString& file : lessonFiles())
        names << nameOf(file);
    return names;
}

std::variant<Lesson, SceneError> loadLesson(const QString& name) {
    for (const QString& file : lessonFiles()) {
        if (nameOf(file) != name) continue;
        const QString stem = kRoot + QFileInfo(file).completeBaseName();
        SceneResult scene = loadSceneFile(stem + QStringLiteral(".json"));
        if (auto* e = std::get_if<SceneError>(&scene)) return *e;
        QFile text(stem + QStringLiteral(".md"));
        if (!text.open(QIODevice::ReadOnly))
            return SceneError{{}, QStringLiteral("lesson %1 has no text").arg(quote(name))};
        Lesson lesson;
        lesson.name = name;
        lesson.markdown = QString::fromUtf8(text.readAll());
        static const QRegularExpression heading(QStringLiteral("^#+\\s*(.+)$"),
                                                QRegularExpression::MultilineOption);
        const auto m = heading.match(lesson.markdown);
        lesson.title = m.hasMatch() ? m.captured(1).trimmed() : name;
        lesson.scene = std::get<Scene>(scene);
        lesson.scene.lesson = name;
        return lesson;
    }
    return SceneError{{}, noSuchLesson(name)};
}

QString noSuchLesson(const QString& name) {
    return QStringLiteral("no lesson named %1; the lessons are: %2")
        .arg(quote(name), lessonNames().join(QStringLiteral(", ")));
}

} // namespace gs::app

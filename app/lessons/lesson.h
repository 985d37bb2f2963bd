#pragma once
// A lesson: a scene (the page and the state that makes the point) and a short text in Markdown,
// compiled in from resources/lessons/. Files are named NN-name.json and NN-name.md; NN gives the
// article's order, `name` is what --lesson and the scene's "lesson" key use.

#include "scene/scene_json.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace gs::app {

struct Lesson {
    QString name;     ///< e.g. "grid-search"
    QString title;    ///< the text's first heading
    QString markdown; ///< the whole text
    Scene scene;      ///< its "lesson" is `name`
};

/// The built-in lesson names in the article's order.
QStringList lessonNames();
/// "no lesson named 'x'; the lessons are: …", the name quoted short and escaped.
QString noSuchLesson(const QString& name);
/// Loads a built-in lesson; an unknown name's error lists the lesson names.
std::variant<Lesson, SceneError> loadLesson(const QString& name);

} // namespace gs::app

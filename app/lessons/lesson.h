#pragma once
// A lesson: a Markdown file with a front matter block and a body in beats (README, "Your own
// lessons").
// The front matter names the title and the scene (a scene file beside the lesson, or a ```scene
// block in the lead); each `## ` heading starts a beat, whose own ```scene block is a change to
// the lesson's scene (a JSON merge patch, scene/scene_patch.h). A beat with a `???` line is a
// question: what comes after the line (text and a second change) shows at the next key press.
// Parsing checks every beat's scene, so a lesson that loads opens at any beat.

#include "scene/scene.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <variant>

namespace gs::app {

struct Beat {
    QString title;  ///< its heading
    QString text;   ///< Markdown; a question's question
    QString answer; ///< a question's answer, shown after the next key; empty otherwise
    bool question = false;
    int line = 0;   ///< of its heading, 1-based
    Scene scene;    ///< the lesson's scene with this beat's change
    Scene answered; ///< a question's scene once answered (its second change on top); else scene
};

struct Lesson {
    QString name; ///< what --lesson and a scene's "lesson" key use: the file's name
    QString title;
    QString file;        ///< where it was read from (a path, or a resource under ":/lessons/")
    QString sceneFile;   ///< the scene file the front matter names, as found; empty if none
    QString language;    ///< front matter "language", e.g. "en"; empty when not given
    QString lead;        ///< Markdown before the first beat, shown with every beat
    Scene scene;         ///< the lesson's own scene, before any beat's change
    QVector<Beat> beats; ///< at least one: a lesson without headings is one beat of its scene

    /// The scene of beat `k` (clamped into range), answered or not.
    const Scene& sceneAt(int k, bool answered = true) const;
    /// The text shown for beat `k`: the title, the lead, and the beat's own text (with its answer
    /// once answered).
    QString textAt(int k, bool answered = true) const;
    /// Every beat's text in order: what the lesson says as a whole.
    QString markdown() const;
};

/// Why a lesson could not be read: "week3.md:14: beat 2: runs[0].params.lr: must be in …".
struct LessonError {
    QString file; ///< the file's name as shown (no folder)
    int line = 0; ///< 1-based; 0 for the whole file
    int beat = 0; ///< 1-based; 0 when the error is not in a beat
    QString field;
    QString message;
    QString text() const;
};

using LessonResult = std::variant<Lesson, LessonError>;

/// Parses the text of a lesson file. `file` names it in messages and locates a scene file named
/// by the front matter (relative to the lesson's folder); `name` becomes the lesson's name.
LessonResult parseLesson(const QByteArray& text, const QString& file, const QString& name);
/// Reads a lesson file (bounded, regular files only; a ':' path is a resource) and parses it. The
/// lesson is named after the file without its number prefix ("03-gradient-ascent.md" →
/// "gradient-ascent"), or after its folder for a folder's lesson.md.
LessonResult loadLessonFile(const QString& path);
/// "03-gradient-ascent.md" → "gradient-ascent"; ".../week3/lesson.md" → "week3".
QString lessonNameOf(const QString& path);

/// The text a new lesson starts from: front matter, `scene` as the lesson's scene block and one
/// beat to edit ("Save as Lesson…").
QByteArray lessonTemplate(const Scene& scene, const QString& title);

} // namespace gs::app

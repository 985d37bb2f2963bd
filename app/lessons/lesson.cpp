#include "lessons/lesson.h"

#include "files/read_file.h"
#include "scene/builtin_scenes.h"
#include "scene/quote.h"
#include "scene/scene_json.h"
#include "scene/scene_patch.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace gs::app {

namespace {

constexpr qint64 kMaxLessonBytes = 1 << 20; // a lesson is a few pages of text
constexpr int kMaxBeats = 100;

/// A ```scene block: its JSON text and the line its first JSON line is on.
struct SceneBlock {
    QString json;
    int line = 0;
};

/// A part of the body: the lead, a beat, or a question beat's answer.
struct Part {
    QString title;
    int line = 0;
    QStringList text;
    QVector<SceneBlock> blocks;
};

struct RawBeat {
    Part question; ///< the beat; its question when it has an answer
    std::optional<Part> answer;
};

/// Thrown inside the parser and turned into its result.
struct Failure {
    int line;
    QString field, message;
};

QString unquoted(QString v) {
    v = v.trimmed();
    if (v.size() >= 2 &&
        ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\'')))
        v = v.mid(1, v.size() - 2);
    return v;
}

/// The line of `field` ("runs[0].params.lr") in a block: each key of the path searched for in
/// turn after the one before, so the line of the value that failed, or of the deepest key found.
int lineOfField(const SceneBlock& block, const QString& field) {
    static const QRegularExpression keys(QStringLiteral("[A-Za-z_][A-Za-z0-9_-]*"));
    qsizetype at = -1;
    for (auto it = keys.globalMatch(field); it.hasNext();) {
        const qsizetype found = block.json.indexOf(
            QLatin1Char('"') + it.next().captured() + QLatin1Char('"'), std::max<qsizetype>(at, 0));
        if (found < 0) break;
        at = found;
    }
    return at < 0 ? block.line : block.line + int(block.json.left(at).count(QLatin1Char('\n')));
}

/// The change a part's scene blocks make, merged in order.
QJsonObject changeOf(const Part& part) {
    QJsonObject change;
    for (const SceneBlock& b : part.blocks) {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(b.json.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError) {
            const int line =
                b.line + int(b.json.toUtf8().left(e.offset).count('\n')); // offset is in bytes
            throw Failure{line, {}, QStringLiteral("not valid JSON: %1").arg(e.errorString())};
        }
        if (!doc.isObject())
            throw Failure{b.line, {}, QStringLiteral("a scene block must hold a JSON object")};
        change = mergePatch(change, doc.object());
    }
    return change;
}

Scene sceneOf(const QJsonObject& object, const Part& part) {
    SceneResult r = sceneFromObject(object);
    if (const auto* e = std::get_if<SceneError>(&r)) {
        int line = part.line;
        for (const SceneBlock& b : part.blocks)
            if (const int l = lineOfField(b, e->field); l != b.line || line == part.line) line = l;
        throw Failure{line, e->field, e->message};
    }
    return std::get<Scene>(r);
}

QString joined(const QStringList& lines) {
    // HTML comments are notes for whoever edits the file.
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    return lines.join(QLatin1Char('\n')).remove(comment).trimmed();
}

class Parser {
public:
    /// `path` locates the scene file the front matter names; `file` names the lesson in messages.
    Parser(const QString& text, QString path, QString file)
        : path_(std::move(path)), file_(std::move(file)) {
        lines_ = text.split(QLatin1Char('\n'));
        for (QString& l : lines_)
            if (l.endsWith(QLatin1Char('\r'))) l.chop(1);
    }

    Lesson parse(const QString& name) {
        Lesson lesson;
        lesson.name = name;
        lesson.file = file_;
        int i = frontMatter(lesson);
        Part lead;
        lead.line = i + 1;
        QVector<RawBeat> beats;
        body(i, lead, beats);
        beat_ = 0;

        // The title: the front matter's, else the lead's first "# " heading (taken out of it).
        static const QRegularExpression h1(QStringLiteral("^#\\s+(.+)$"));
        for (int k = 0; k < lead.text.size(); ++k) {
            const auto m = h1.match(lead.text[k]);
            if (!m.hasMatch()) continue;
            if (lesson.title.isEmpty()) lesson.title = m.captured(1).trimmed();
            lead.text.removeAt(k);
            break;
        }
        if (lesson.title.isEmpty()) lesson.title = name;
        lesson.lead = joined(lead.text);

        QJsonObject base = sceneFile_.isEmpty() ? QJsonObject{} : readSceneFile(lesson);
        base = mergePatch(base, changeOf(lead));
        if (!base.contains(QStringLiteral("format")))
            base[QStringLiteral("format")] = QStringLiteral("gradscape-scene");
        if (!base.contains(QStringLiteral("version"))) base[QStringLiteral("version")] = 2;
        if (!page_.isEmpty()) base[QStringLiteral("page")] = page_;
        base[QStringLiteral("lesson")] = name;
        if (lead.blocks.isEmpty() && sceneFile_.isEmpty())
            throw Failure{0,
                          {},
                          QStringLiteral("no scene: name a scene file in the front matter "
                                         "(scene: NAME.json) or give a ```scene block before "
                                         "the first beat")};
        lesson.scene = sceneOf(base, lead);
        resolveDataFiles(lesson.scene, QFileInfo(path_).absolutePath()); // beside the lesson
        // Every beat starts from the scene as read, so what the lesson's file holds and what its
        // beats show differ only by the beats' own changes.
        base = sceneToObject(lesson.scene);

        for (int b = 0; b < beats.size(); ++b) {
            beat_ = b + 1;
            const RawBeat& raw = beats[b];
            Beat beat;
            beat.title = raw.question.title;
            beat.line = raw.question.line;
            beat.text = joined(raw.question.text);
            const QJsonObject asked = mergePatch(base, changeOf(raw.question));
            beat.scene = sceneOf(asked, raw.question);
            beat.answered = beat.scene;
            if (raw.answer) {
                beat.question = true;
                beat.answer = joined(raw.answer->text);
                beat.answered = sceneOf(mergePatch(asked, changeOf(*raw.answer)), *raw.answer);
            }
            lesson.beats << beat;
        }
        beat_ = 0;
        if (lesson.beats.isEmpty()) {
            Beat only;
            only.title = lesson.title;
            only.line = lead.line;
            only.scene = only.answered = lesson.scene;
            lesson.beats << only;
        }
        return lesson;
    }

    int beat() const { return beat_; }

private:
    /// Reads "---" … "---" at the top; returns the index of the first body line.
    int frontMatter(Lesson& lesson) {
        if (lines_.isEmpty() || lines_.front().trimmed() != QLatin1String("---")) return 0;
        static const QRegularExpression entry(
            QStringLiteral("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:(.*)$"));
        for (int i = 1; i < lines_.size(); ++i) {
            const QString line = lines_[i].trimmed();
            if (line == QLatin1String("---")) return i + 1;
            if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
            const auto m = entry.match(line);
            if (!m.hasMatch())
                throw Failure{i + 1, {}, QStringLiteral("front matter lines are 'key: value'")};
            const QString key = m.captured(1), value = unquoted(m.captured(2));
            if (key == QLatin1String("title"))
                lesson.title = value;
            else if (key == QLatin1String("scene")) {
                sceneFile_ = value;
                sceneLine_ = i + 1;
            } else if (key == QLatin1String("page"))
                page_ = value;
            else if (key == QLatin1String("language"))
                lesson.language = value;
            else
                throw Failure{i + 1, key,
                              QStringLiteral("unknown key (the keys are title, scene, page, "
                                             "language)")};
        }
        throw Failure{1, {}, QStringLiteral("the front matter has no closing '---' line")};
    }

    /// Splits the body into the lead and beats: "## " starts a beat, "???" its answer, ```scene
    /// blocks are changes; fenced code is never split.
    void body(int i, Part& lead, QVector<RawBeat>& beats) {
        static const QRegularExpression h2(QStringLiteral("^##\\s+(.+?)\\s*#*\\s*$"));
        static const QRegularExpression fence(QStringLiteral("^\\s{0,3}(```+|~~~+)\\s*(\\S*)"));
        Part* part = &lead;
        for (; i < lines_.size(); ++i) {
            const QString& line = lines_[i];
            if (const auto f = fence.match(line); f.hasMatch()) {
                const QString marker = f.captured(1);
                const bool scene = f.captured(2) == QLatin1String("scene");
                QStringList inside;
                int j = i + 1;
                while (j < lines_.size() && !lines_[j].trimmed().startsWith(marker))
                    inside << lines_[j++];
                if (j == lines_.size())
                    throw Failure{i + 1, {}, QStringLiteral("a code block is not closed")};
                if (scene)
                    part->blocks << SceneBlock{inside.join(QLatin1Char('\n')), i + 2};
                else
                    part->text << lines_.mid(i, j - i + 1);
                i = j;
                continue;
            }
            if (const auto m = h2.match(line); m.hasMatch()) {
                if (beats.size() == kMaxBeats)
                    throw Failure{
                        i + 1,
                        {},
                        QStringLiteral("more than %1 beats in one lesson").arg(kMaxBeats)};
                beats.append(RawBeat{});
                beat_ = int(beats.size()); // a mistake from here on is in this beat
                part = &beats.back().question;
                part->title = m.captured(1);
                part->line = i + 1;
                continue;
            }
            if (line.trimmed() == QLatin1String("\?\?\?")) {
                if (beats.isEmpty() || beats.back().answer)
                    throw Failure{i + 1,
                                  {},
                                  beats.isEmpty()
                                      ? QStringLiteral("'\?\?\?' (the answer follows) before the "
                                                       "first beat")
                                      : QStringLiteral("a second '\?\?\?' in one beat")};
                beats.back().answer = Part{};
                part = &*beats.back().answer;
                part->title = beats.back().question.title;
                part->line = i + 1;
                continue;
            }
            part->text << line;
        }
    }

    QJsonObject readSceneFile(Lesson& lesson) {
        const QString dir = QFileInfo(path_).path();
        const QString path = QDir(dir).filePath(sceneFile_);
        SceneResult r;
        if (QFileInfo::exists(path) || sceneFile_.endsWith(QLatin1String(".json"))) {
            lesson.sceneFile = path;
            r = loadSceneFile(path);
        } else
            r = builtinScene(sceneFile_); // a scene that comes with Gradscape, by name
        if (const auto* e = std::get_if<SceneError>(&r))
            throw Failure{sceneLine_, e->field,
                          QStringLiteral("scene %1: %2").arg(quote(sceneFile_), e->message)};
        return sceneToObject(std::get<Scene>(r));
    }

    QString path_;
    QStringList lines_;
    QString file_;
    QString sceneFile_, page_;
    int sceneLine_ = 0;
    int beat_ = 0;
};

} // namespace

const Scene& Lesson::sceneAt(int k, bool answeredToo) const {
    const Beat& b = beats[std::clamp(k, 0, int(beats.size()) - 1)];
    return answeredToo ? b.answered : b.scene;
}

QString Lesson::textAt(int k, bool answeredToo) const {
    const Beat& b = beats[std::clamp(k, 0, int(beats.size()) - 1)];
    // Headings of the size the old single texts had: a narrow panel on a projector holds them.
    QString md = QStringLiteral("### %1\n\n").arg(title);
    if (!lead.isEmpty()) md += lead + QStringLiteral("\n\n");
    if (beats.size() > 1 || !b.text.isEmpty())
        md += QStringLiteral("#### %1\n\n%2").arg(b.title, b.text);
    if (b.question)
        md += answeredToo ? QStringLiteral("\n\n") + b.answer
                          : QStringLiteral("\n\n*Think about it, then press PageDown for the "
                                           "answer.*");
    return md;
}

QString Lesson::markdown() const {
    QString md = QStringLiteral("# %1\n\n%2").arg(title, lead);
    for (const Beat& b : beats)
        md += QStringLiteral("\n\n## %1\n\n%2\n\n%3").arg(b.title, b.text, b.answer);
    return md;
}

QString LessonError::text() const {
    QString t = file;
    if (line > 0) t += QStringLiteral(":%1").arg(line);
    if (!t.isEmpty()) t += QStringLiteral(": ");
    if (beat > 0) t += QStringLiteral("beat %1: ").arg(beat);
    if (!field.isEmpty()) t += field + QStringLiteral(": ");
    return t + message;
}

LessonResult parseLesson(const QByteArray& text, const QString& file, const QString& name) {
    const QString shown = QFileInfo(file).fileName();
    Parser parser(QString::fromUtf8(text), file, shown);
    try {
        return parser.parse(name);
    } catch (const Failure& f) {
        return LessonError{shown, f.line, parser.beat(), f.field, f.message};
    }
}

QString lessonNameOf(const QString& path) {
    const QFileInfo info(path);
    static const QRegularExpression prefix(QStringLiteral("^\\d+[-_. ]"));
    QString base = info.fileName() == QLatin1String("lesson.md") ? info.dir().dirName()
                                                                 : info.completeBaseName();
    return base.remove(prefix);
}

LessonResult loadLessonFile(const QString& path) {
    const FileRead read = readUserFile(path, kMaxLessonBytes, QStringLiteral("a lesson"));
    if (!read.ok()) return LessonError{QFileInfo(path).fileName(), 0, 0, {}, read.error};
    return parseLesson(read.data, path, lessonNameOf(path));
}

QByteArray lessonTemplate(const Scene& scene, const QString& title) {
    QJsonObject o = sceneToObject(scene);
    o.remove(QStringLiteral("lesson"));
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Indented).trimmed();
    return "---\ntitle: " + title.toUtf8() +
           "\n---\n\n"
           "<!-- The text here, before the first beat, shows with every beat. The scene block is\n"
           "     the lesson's scene; each beat below changes it with a scene block of its own. "
           "-->\n\n"
           "```scene\n" +
           json +
           "\n```\n\n"
           "<!-- Add beats: a '## Title' line starts one, its text follows, and a scene block\n"
           "     such as\n"
           "         ```scene\n"
           "         { \"step\": 0 }\n"
           "         ```\n"
           "     changes the picture. A line '\?\?\?' turns a beat into a question: what follows "
           "it\n"
           "     shows at the next PageDown. -->\n";
}

} // namespace gs::app

// Lessons as files: the format (front matter, beats, scene changes, questions), the messages of a
// broken file, lesson sets (the user's folder after the built-in lessons, files read again when
// they change), walking beats with PageDown, the handout, and the README's example.

#include "lessons/beat_place.h"
#include "lessons/handout.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_navigator.h"
#include "math/math_text.h"
#include "pages/page.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "scene/scene_patch.h"
#include "window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>

using namespace gs::app;

namespace {

// A lesson in the shape a teacher writes: its scene inline, three beats, the second a question.
const char* const kWeek3 = R"(---
title: Week 3, two climbers
---

Both climbers use the same rule.

```scene
{
    "page": "curve",
    "function": { "catalog": "sine-parabola" },
    "direction": "ascent",
    "start": [-2],
    "runs": [ { "optimizer": "gd", "params": { "lr": 0.01 } } ]
}
```

## The start

The climber stands at x₀ = −2.

```scene
{ "step": 0 }
```

## Where does it stop?

Guess before the next key.

```scene
{ "step": 0, "start": [-0.5] }
```

???

At the global maximum near 1.4542.

```scene
{ "step": -1 }
```

## Faster

```scene
{ "runs": [ { "optimizer": "gd", "params": { "lr": 0.05 } } ] }
```
)";

Lesson parsed(const QByteArray& text, const QString& file = QStringLiteral("week3.md")) {
    LessonResult r = parseLesson(text, file, QStringLiteral("week3"));
    if (auto* e = std::get_if<LessonError>(&r)) qFatal("%s", qPrintable(e->text()));
    return std::get<Lesson>(r);
}

void write(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QString errorOf(const LessonResult& r) {
    const auto* e = std::get_if<LessonError>(&r);
    return e ? e->text() : QString();
}

/// The pages a PDF has: its page objects (Qt writes their dictionaries uncompressed).
int pdfPages(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(f.readAll()).count(page));
}

} // namespace

class TestLessonFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QDir(LessonLibrary::userFolder()).removeRecursively(); }
    void beatsAreTheLessonsSceneWithTheirChange();
    void mergePatchFollowsRfc7396();
    void badLessonNamesFileLineAndField_data();
    void badLessonNamesFileLineAndField();
    void beatPlacesWalkQuestionsAndLessons();
    void aFolderIsInTheOrderOfItsOrderFile();
    void everyBuiltinLessonHasBeats();
    void userFolderComesAfterTheBuiltinLessons();
    void pageDownWalksBeatsAndAQuestionHidesItsAnswer();
    void aChangedFileIsReadAgain();
    void saveAsLessonWritesALessonThatLoads();
    void handoutHasALessonSectionAndAFigurePerBeat();
    void readmeExampleLoadsAsWritten();
    void aDataFileIsBesideItsSceneOrLesson();
};

void TestLessonFiles::beatsAreTheLessonsSceneWithTheirChange() {
    const Lesson l = parsed(kWeek3);
    QCOMPARE(l.title, QStringLiteral("Week 3, two climbers"));
    QCOMPARE(l.lead, QStringLiteral("Both climbers use the same rule."));
    QCOMPARE(l.beats.size(), 3);
    QCOMPARE(l.beats[0].title, QStringLiteral("The start"));
    QCOMPARE(l.beats[1].line, 25);
    QCOMPARE(l.scene.lesson, QStringLiteral("week3"));
    QCOMPARE(l.scene.step, -1);

    // Each beat is the lesson's scene with its own change, and with nothing else.
    const QJsonObject base = sceneToObject(l.scene);
    auto expect = [&](const char* change) {
        const SceneResult r =
            sceneFromObject(mergePatch(base, QJsonDocument::fromJson(change).object()));
        return std::get<Scene>(r);
    };
    QCOMPARE(l.beats[0].scene, expect(R"({"step": 0})"));
    QCOMPARE(l.beats[1].scene, expect(R"({"step": 0, "start": [-0.5]})"));
    QCOMPARE(l.beats[1].answered, expect(R"({"step": -1, "start": [-0.5]})"));
    QCOMPARE(l.beats[2].scene.runs.front().params.value(QStringLiteral("lr")), 0.05);
    QCOMPARE(l.beats[2].scene.start, QVector<double>{-2}); // beat 2's start did not carry over
    QCOMPARE(l.beats[2].scene.step, -1);

    // A question: the question alone first, the answer after.
    QVERIFY(!l.beats[0].question && l.beats[1].question && !l.beats[2].question);
    QVERIFY(l.textAt(1, false).contains(QStringLiteral("Guess")));
    QVERIFY(!l.textAt(1, false).contains(QStringLiteral("global maximum")));
    QVERIFY(l.textAt(1, true).contains(QStringLiteral("global maximum")));
    QCOMPARE(&l.sceneAt(1, false), &l.beats[1].scene);
    QCOMPARE(&l.sceneAt(1, true), &l.beats[1].answered);
}

void TestLessonFiles::mergePatchFollowsRfc7396() {
    const auto obj = [](const char* json) { return QJsonDocument::fromJson(json).object(); };
    QCOMPARE(mergePatch(obj(R"({"a": {"b": 1, "c": 2}, "d": [1, 2]})"),
                        obj(R"({"a": {"b": null, "e": 3}, "d": [3]})")),
             obj(R"({"a": {"c": 2, "e": 3}, "d": [3]})"));
    QCOMPARE(mergePatch(obj(R"({"a": 1})"), obj(R"({"a": {"b": null, "c": 1}})")),
             obj(R"({"a": {"c": 1}})"));
}

void TestLessonFiles::badLessonNamesFileLineAndField_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QByteArray head = "---\ntitle: T\nscene: race-rosenbrock\n---\n\n";
    QTest::newRow("rate out of range")
        << head + "## One\n\n```scene\n{ \"step\": 0 }\n```\n\n## Two\n\n```scene\n{\n  \"runs\": "
                  "[\n    { \"optimizer\": \"gd\", \"params\": { \"lr\": 50 } }\n  ]\n}\n```\n"
        << "week3.md:17: beat 2: runs[0].params.lr: lr (learning rate λ) must be in [1e-05, 10], "
           "got 50";
    QTest::newRow("not JSON") << head + "## One\n\n```scene\n{ \"step\": 0,\n  oops }\n```\n"
                              << "week3.md:10: beat 1: not valid JSON";
    QTest::newRow("not an object") << head + "## One\n```scene\n[1, 2]\n```\n"
                                   << "week3.md:8: beat 1: a scene block must hold a JSON object";
    QTest::newRow("unknown page") << head + "## One\n```scene\n{\n\"page\": \"nowhere\"\n}\n```\n"
                                  << "week3.md:9: beat 1: page: unknown page 'nowhere'";
    QTest::newRow("unknown front matter key")
        << QByteArray("---\ntitle: T\ncolour: red\n---\n") << "week3.md:3: colour: unknown key";
    QTest::newRow("front matter not closed")
        << QByteArray("---\ntitle: T\n") << "week3.md:1: the front matter has no closing '---'";
    QTest::newRow("no scene") << QByteArray("---\ntitle: T\n---\n\n## One\n")
                              << "week3.md: no scene";
    QTest::newRow("missing scene file") << QByteArray("---\nscene: gone.json\n---\n")
                                        << "week3.md:2: scene 'gone.json': cannot open";
    QTest::newRow("answer before a beat")
        << head + "???\n"
        << "week3.md:6: '\?\?\?' (the answer follows) before the first beat";
    QTest::newRow("two answers") << head + "## One\n???\n???\n"
                                 << "week3.md:8: beat 1: a second '\?\?\?' in one beat";
    QTest::newRow("open code block") << head + "## One\n```scene\n{}\n"
                                     << "week3.md:7: beat 1: a code block is not closed";
    QTest::newRow("bad answer change")
        << head + "## One\n???\n```scene\n{ \"max_steps\": 0 }\n```\n"
        << "week3.md:9: beat 1: max_steps: must be";
}

void TestLessonFiles::badLessonNamesFileLineAndField() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    LessonResult r = parseLesson(text, QStringLiteral("/somewhere/week3.md"), QStringLiteral("w"));
    QVERIFY(std::holds_alternative<LessonError>(r));
    const QString got = std::get<LessonError>(r).text();
    QVERIFY2(got.startsWith(message), qPrintable(got));
}

void TestLessonFiles::beatPlacesWalkQuestionsAndLessons() {
    // Lesson 0: two beats, the second a question; lesson 1 does not load; lesson 2: one beat.
    const QVector<QVector<bool>> shape{{false, true}, {}, {false}};
    BeatPlace at = enterBeat(0, 0, shape);
    QCOMPARE(at, (BeatPlace{0, 0, true}));
    at = *nextBeat(at, shape);
    QCOMPARE(at, (BeatPlace{0, 1, false})); // the question, unanswered
    at = *nextBeat(at, shape);
    QCOMPARE(at, (BeatPlace{0, 1, true})); // its answer
    at = *nextBeat(at, shape);
    QCOMPARE(at, (BeatPlace{2, 0, true})); // past the lesson that did not load
    QVERIFY(!nextBeat(at, shape));
    at = *previousBeat(at, shape);
    QCOMPARE(at, (BeatPlace{0, 1, true})); // back: the beat before, shown whole
    at = *previousBeat(at, shape);
    QCOMPARE(at, (BeatPlace{0, 0, true}));
    QVERIFY(!previousBeat(at, shape));
    QCOMPARE(*nextBeat(BeatPlace{}, shape), (BeatPlace{0, 0, true})); // from no lesson: the first
}

void TestLessonFiles::aFolderIsInTheOrderOfItsOrderFile() {
    QTemporaryDir dir;
    const QByteArray lesson = "---\nscene: race-rosenbrock\n---\n";
    for (const char* file : {"01-b.md", "02-a.md", "c.md"})
        write(dir.filePath(QString::fromLatin1(file)), lesson);
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("d"))));
    write(dir.filePath(QStringLiteral("d/lesson.md")), lesson); // a lesson as a folder
    write(dir.filePath(QStringLiteral("notes.txt")), "not a lesson");
    auto names = [&] {
        QStringList n;
        for (const LessonEntry& e : LessonLibrary::readFolder(dir.path()))
            n << e.name;
        return n;
    };
    QCOMPARE(names(), (QStringList{"b", "a", "c", "d"})); // numbered names keep their order
    write(dir.filePath(QStringLiteral("order")), "# this week\nd\nc\n\na\n");
    QCOMPARE(names(), (QStringList{"d", "c", "a", "b"})); // listed first, the rest after
}

void TestLessonFiles::everyBuiltinLessonHasBeats() {
    // The article's lessons unfold: 2 to 6 beats each, every beat's scene on the lesson's page,
    // and no lesson named anywhere but in its own files.
    const QVector<LessonEntry> lessons = LessonLibrary::readFolder(LessonLibrary::builtinFolder());
    QCOMPARE(lessons.size(), 13);
    int questions = 0;
    for (const LessonEntry& e : lessons) {
        QVERIFY2(e.loaded(), qPrintable(e.error() ? e.error()->text() : e.name));
        const Lesson& l = *e.loaded();
        QVERIFY2(l.beats.size() >= 2 && l.beats.size() <= 6, qPrintable(l.name));
        for (const Beat& b : l.beats) {
            QVERIFY2(!b.title.isEmpty() && !b.text.isEmpty(), qPrintable(l.name));
            QCOMPARE(b.scene.lesson, l.name);
            questions += b.question;
        }
        QTextDocument doc; // every formula of its text parses
        const QStringList bad = gs::app::math::setMathMarkdown(&doc, l.markdown());
        QVERIFY2(bad.isEmpty(),
                 qPrintable(l.name + QStringLiteral(": ") + bad.join(QStringLiteral("; "))));
    }
    QVERIFY(questions >= 4); // where the article invites a guess
}

void TestLessonFiles::userFolderComesAfterTheBuiltinLessons() {
    QVERIFY(QDir().mkpath(LessonLibrary::userFolder()));
    write(LessonLibrary::userFolder() + QStringLiteral("/02-week3.md"), kWeek3);
    // A broken lesson beside it is listed with its message; the others still load.
    write(LessonLibrary::userFolder() + QStringLiteral("/01-broken.md"),
          "---\ntitle: Broken\nscene: race-rosenbrock\n---\n## One\n```scene\n{ \"step\": "
          "\"soon\" }\n```\n");
    MainWindow window;
    const QStringList names = window.lessonLibrary()->names();
    QCOMPARE(names.mid(0, 13), lessonNames());
    QCOMPARE(names.mid(13), (QStringList{"broken", "week3"}));
    QVERIFY(window.lessonLibrary()->find(QStringLiteral("broken"))->error());
    QCOMPARE(window.lessonLibrary()->errors().size(), 1);
    QVERIFY2(window.lessonLibrary()->errors().front().startsWith(QStringLiteral("01-broken.md:7: "
                                                                                "beat 1: step")),
             qPrintable(window.lessonLibrary()->errors().front()));

    QTreeWidget* tree = window.navigator()->tree();
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Lessons"));
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("My lessons"));
    QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
    QVERIFY(tree->topLevelItem(1)->child(0)->toolTip(0).contains(QStringLiteral("01-broken.md:7")));
    // Its beats are listed under it, and a click on one opens it.
    QTreeWidgetItem* week3 = tree->topLevelItem(1)->child(1);
    QCOMPARE(week3->childCount(), 3);
    Q_EMIT tree->itemClicked(week3->child(2), 0);
    QCOMPARE(window.navigator()->currentLesson(), QStringLiteral("week3"));
    QCOMPARE(window.beatPlace().beat, 2);
    QCOMPARE(window.currentPage()->scene().runs.front().params.value(QStringLiteral("lr")), 0.05);
}

void TestLessonFiles::pageDownWalksBeatsAndAQuestionHidesItsAnswer() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("week3.md")), kWeek3);
    MainWindow window;
    QVERIFY(window.addLessonFolder(dir.path()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openLesson(QStringLiteral("week3")), QString());
    auto step = [&] { return window.currentPage()->scene().step; };
    auto text = [&] { return window.navigator()->text()->toPlainText(); };
    QCOMPARE(step(), 0);
    QVERIFY(window.windowTitle().contains(QStringLiteral("beat 1 of 3")));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown); // the question
    QCOMPARE(window.beatPlace(), (BeatPlace{window.beatPlace().lesson, 1, false}));
    QCOMPARE(step(), 0); // the path's end is not on show
    QCOMPARE(window.currentPage()->scene().start, QVector<double>{-0.5});
    QVERIFY(text().contains(QStringLiteral("Guess")));
    QVERIFY(!text().contains(QStringLiteral("global maximum near")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("(question)")));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown); // its answer
    QCOMPARE(window.beatPlace().beat, 1);
    QVERIFY(window.beatPlace().answered);
    QCOMPARE(step(), -1);
    QVERIFY(text().contains(QStringLiteral("global maximum near")));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown); // the last beat
    QCOMPARE(window.beatPlace().beat, 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(window.beatPlace().beat, 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(window.beatPlace().beat, 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp);
    QCOMPARE(window.beatPlace(), (BeatPlace{window.beatPlace().lesson, 1, true}));

    // In presentation mode the title still names the beat.
    window.setPresentationMode(true);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp);
    QVERIFY(window.windowTitle().contains(QStringLiteral("beat 1 of 3")));
}

void TestLessonFiles::aChangedFileIsReadAgain() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("week3.md"));
    write(path, kWeek3);
    MainWindow window;
    QVERIFY(window.addLessonFolder(dir.path()));
    QCOMPARE(window.openLesson(QStringLiteral("week3"), 2), QString());
    QSignalSpy changed(window.lessonLibrary(), &LessonLibrary::changed);
    // An editor's save: a new file renamed over the old one.
    QByteArray edited = kWeek3;
    edited.replace("\"lr\": 0.05", "\"lr\": 0.2");
    write(path + QStringLiteral(".new"), edited);
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::rename(path + QStringLiteral(".new"), path));
    QVERIFY(changed.wait(5000));
    QCOMPARE(window.beatPlace().beat, 2); // the same beat, as it reads now
    QCOMPARE(window.currentPage()->scene().runs.front().params.value(QStringLiteral("lr")), 0.2);
    // A mistake typed in the file is reported; the lesson on show stays as it was.
    write(path, QByteArray(kWeek3).replace("\"lr\": 0.05", "\"lr\": \"fast\""));
    QVERIFY(changed.wait(5000));
    QVERIFY(window.lessonLibrary()->find(QStringLiteral("week3"))->error());
    QCOMPARE(window.currentPage()->scene().runs.front().params.value(QStringLiteral("lr")), 0.2);
}

void TestLessonFiles::saveAsLessonWritesALessonThatLoads() {
    QTemporaryDir dir;
    MainWindow window;
    QCOMPARE(window.openLesson(QStringLiteral("momentum-rmsprop-adam")), QString());
    const Scene shown = window.currentPage()->sceneShown();
    const QString path = dir.filePath(QStringLiteral("mine.md"));
    QCOMPARE(window.saveAsLesson(path, QStringLiteral("My race")), QString());
    const LessonResult r = loadLessonFile(path);
    QVERIFY2(std::holds_alternative<Lesson>(r), qPrintable(errorOf(r)));
    const Lesson& l = std::get<Lesson>(r);
    QCOMPARE(l.title, QStringLiteral("My race"));
    QCOMPARE(l.beats.size(), 1); // no beats yet: the lesson's scene
    Scene expected = shown;
    expected.lesson = QStringLiteral("mine");
    QCOMPARE(l.scene, expected);
    QCOMPARE(window.openLessonFile(path), QString());
    QCOMPARE(window.navigator()->currentLesson(), QStringLiteral("mine"));
}

void TestLessonFiles::handoutHasALessonSectionAndAFigurePerBeat() {
    QVector<Lesson> lessons;
    for (const char* name : {"gradient-ascent", "derivative"})
        lessons << std::get<Lesson>(loadLesson(QString::fromLatin1(name)));
    lessons << parsed(kWeek3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout.pdf"));
    HandoutLayout layout;
    for (const QPageSize& size : {QPageSize(QPageSize::A4), QPageSize(QPageSize::Letter)}) {
        HandoutOptions o;
        o.pageSize = size;
        QCOMPARE(writeHandout(lessons, path, o, &layout), QString());
        QCOMPARE(layout.lessonPages.size(), lessons.size());
        QCOMPARE(layout.lessonPages.front(), 3); // after the title page and the contents
        for (int i = 0; i < lessons.size(); ++i) {
            QCOMPARE(layout.figuresPerLesson[i], int(lessons[i].beats.size()));
            if (i > 0) QVERIFY(layout.lessonPages[i] > layout.lessonPages[i - 1]);
        }
        QCOMPARE(pdfPages(path), layout.pages);
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(!bytes.contains("/Subtype /Image")); // the pictures are vector, not raster
        const QByteArray box = size.id() == QPageSize::A4 ? "595" : "612";
        QVERIFY(bytes.contains("/MediaBox [0 0 " + box));
    }
    // An unwritable target is refused with the reason, and nothing is left behind.
    const QString error = writeHandout(lessons, QStringLiteral("/proc/nope/h.pdf"));
    QVERIFY2(error.contains(QStringLiteral("/proc/nope/h.pdf")), qPrintable(error));
}

void TestLessonFiles::readmeExampleLoadsAsWritten() {
    // The README's lesson example, between its ````markdown fence and the closing ````.
    QFile readme(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("````markdown\n"));
    QVERIFY(start >= 0);
    const qsizetype from = start + 13;
    const qsizetype end = text.indexOf(QStringLiteral("\n````"), from);
    QVERIFY(end > from);
    const LessonResult r = parseLesson(text.mid(from, end - from + 1).toUtf8(),
                                       QStringLiteral("example.md"), QStringLiteral("example"));
    QVERIFY2(std::holds_alternative<Lesson>(r), qPrintable(errorOf(r)));
    const Lesson& l = std::get<Lesson>(r);
    QVERIFY(l.beats.size() >= 3);
    QVERIFY(std::any_of(l.beats.begin(), l.beats.end(), [](const Beat& b) { return b.question; }));
    for (const Beat& b : l.beats)
        QVERIFY(b.scene != l.scene || b.question); // every beat changes something
}

// A page section's relative "dataFile" is the file beside the scene file, or beside the lesson;
// a compiled-in one stays as it is.
void TestLessonFiles::aDataFileIsBesideItsSceneOrLesson() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("scene.json")),
          R"({"format": "gradscape-scene", "version": 2, "page": "classifier",
              "classifier": {"dataset": "file", "dataFile": "points.csv"}})");
    const SceneResult scene = loadSceneFile(dir.filePath(QStringLiteral("scene.json")));
    QVERIFY(std::holds_alternative<Scene>(scene));
    QCOMPARE(std::get<Scene>(scene).settings.value("dataFile").toString(),
             dir.filePath(QStringLiteral("points.csv")));
    write(dir.filePath(QStringLiteral("data.md")),
          "---\ntitle: Data\n---\n\n```scene\n{ \"page\": \"classifier\", \"classifier\": "
          "{ \"dataset\": \"file\", \"dataFile\": \"sub/points.csv\" } }\n```\n\n## One\n\nA.\n"
          "\n```scene\n{ \"classifier\": { \"epochs\": 2 } }\n```\n");
    const LessonResult lesson = loadLessonFile(dir.filePath(QStringLiteral("data.md")));
    QVERIFY2(std::holds_alternative<Lesson>(lesson), qPrintable(errorOf(lesson)));
    QCOMPARE(std::get<Lesson>(lesson).beats[0].scene.settings.value("dataFile").toString(),
             dir.filePath(QStringLiteral("sub/points.csv")));
    const SceneResult example = builtinScene(QStringLiteral("classifier-iris"));
    QCOMPARE(std::get<Scene>(example).settings.value("dataFile").toString(),
             QStringLiteral(":/data/iris.csv"));
}

QTEST_MAIN(TestLessonFiles)
#include "test_lesson_files.moc"

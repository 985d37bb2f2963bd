// The headless command line end to end: exit codes with one-line reasons, the lists, every
// lesson in every format, the window at exactly the size asked for, and help, version and lists
// with no display.

#include "lessons/lesson_library.h"
#include "scene/builtin_scenes.h"

#include "cli_run.h"

#include <QImage>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace gs::app;
using namespace gs::test;

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void cliErrorsHaveExitCodesAndOneLine_data();
    void cliErrorsHaveExitCodesAndOneLine();
    void cliListsBuiltinScenes();
    void cliRendersEveryLesson_data();
    void cliRendersEveryLesson();
    void windowHasTheAskedSize_data();
    void windowHasTheAskedSize();
    void helpNeedsNoDisplay_data();
    void helpNeedsNoDisplay();
    void beatsAndHandoutFromTheCommandLine();
};

void TestCli::cliErrorsHaveExitCodesAndOneLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scene")
        << QStringList{"no-such-scene", "--screenshot", "/tmp/x.png"} << 1 << "no built-in scene";
    QTest::newRow("unwritable path")
        << QStringList{"article-ascent", "--screenshot", "/proc/nope/x.png"} << 1
        << "cannot write /proc/nope/x.png";
    QTest::newRow("bad size") << QStringList{"article-ascent", "--screenshot", "/tmp/x.png",
                                             "--size", "big"}
                              << 2 << "--size";
    QTest::newRow("bad theme") << QStringList{"article-ascent", "--screenshot", "/tmp/x.png",
                                              "--theme", "pink"}
                               << 2 << "--theme";
    QTest::newRow("unknown option")
        << QStringList{"--screenshot", "/tmp/x.png", "--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("unknown image type")
        << QStringList{"article-ascent", "--screenshot", "/tmp/x.bmp"} << 2 << ".bmp";
    QTest::newRow("no image type") << QStringList{"article-ascent", "--screenshot", "/tmp/picture"}
                                   << 2 << ".png, .svg or .pdf";
    const QString lessons = lessonNames().join(QStringLiteral(", "));
    QTest::newRow("unknown lesson, headless")
        << QStringList{"--lesson", "nope", "--screenshot", "/tmp/x.png"} << 2 << lessons;
    QTest::newRow("unknown lesson, GUI") << QStringList{"--lesson=nope"} << 2 << lessons;
    QTest::newRow("beat out of range")
        << QStringList{"--lesson", "gradient-ascent", "--beat", "9", "--csv", "/tmp/x.csv"} << 2
        << "--beat takes 1 to 4";
    QTest::newRow("beat without a lesson")
        << QStringList{"article-ascent", "--beat", "2", "--csv", "/tmp/x.csv"} << 2
        << "--beat and --answer go with --lesson";
    QTest::newRow("handout on unknown paper")
        << QStringList{"--handout", "/tmp/h.pdf", "--page-size", "B5"} << 2 << "A4 or Letter";
    QTest::newRow("lessons not a folder")
        << QStringList{"--handout", "/tmp/h.pdf", "--lessons", "/proc/nope"} << 2
        << "--lessons takes a folder";
    QTest::newRow("handout unwritable")
        << QStringList{"--handout", "/proc/nope/h.pdf", "--lesson", "derivative"} << 1
        << "cannot write /proc/nope/h.pdf";
    QTest::newRow("lesson and scene")
        << QStringList{"article-ascent", "--lesson", "derivative", "--csv", "/tmp/x.csv"} << 2
        << "not both";
}

void TestCli::cliErrorsHaveExitCodesAndOneLine() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Cli r = runCli(args);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(r.stderrText.contains(message), qPrintable(r.stderrText));
    QCOMPARE(r.stderrText.trimmed().count(QLatin1Char('\n')), 0);
}

void TestCli::cliListsBuiltinScenes() {
    QProcess p;
    p.start(QStringLiteral(GRADSCAPE_BIN), {QStringLiteral("--list")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList listed =
        QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(listed, builtinSceneNames());
}

void TestCli::cliRendersEveryLesson_data() {
    QTest::addColumn<QString>("name");
    for (const QString& name : lessonNames())
        QTest::newRow(qPrintable(name)) << name;
}

// Each lesson renders headless to every format, and --list-lessons names them in order.
void TestCli::cliRendersEveryLesson() {
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("l.png")), svg = dir.filePath("l.svg"),
                  pdf = dir.filePath("l.pdf"), gif = dir.filePath("l.gif"),
                  csv = dir.filePath("l.csv");
    const Cli r = runCli({"--lesson", name, "--screenshot", png, "--size", "640x400", "--csv", csv,
                          "--gif", gif, "--frames", "3"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    QCOMPARE(QImage(png).size(), QSize(640, 400));
    QVERIFY(readAll(gif).startsWith("GIF89a"));
    QVERIFY(readAll(csv).count('\n') > 3);
    for (const QString& path : {svg, pdf}) {
        const Cli v = runCli({"--lesson", name, "--screenshot", path, "--presentation"});
        QVERIFY2(v.exitCode == 0, qPrintable(v.stderrText));
        QVERIFY(readAll(path).size() > 1000);
    }
    QProcess p;
    p.start(QStringLiteral(GRADSCAPE_BIN), {QStringLiteral("--list-lessons")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QStringList listed;
    for (const QString& line :
         QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
        listed << line.section(QLatin1Char(' '), 0, 0);
    QCOMPARE(listed, lessonNames());
}

void TestCli::windowHasTheAskedSize_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("size");
    QTest::addColumn<bool>("presentation");
    QStringList sources;
    for (const QString& name : builtinSceneNames())
        sources << name;
    for (const QString& name : lessonNames())
        sources << QStringLiteral("--lesson=") + name;
    for (const QString& source : sources)
        for (const char* size : {"1024x768", "1920x1080"})
            for (bool presentation : {false, true}) {
                if (QLatin1String(size) == QLatin1String("1920x1080") && !presentation) continue;
                QTest::addRow("%s %s%s", qPrintable(source), size, presentation ? " F5" : "")
                    << QStringList{source} << QString::fromLatin1(size) << presentation;
            }
}

// The whole window renders at exactly the size asked for, with or without presentation mode:
// no page makes the window wider or taller than a 1024 × 768 projector.
void TestCli::windowHasTheAskedSize() {
    QFETCH(QStringList, args);
    QFETCH(QString, size);
    QFETCH(bool, presentation);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("window.png"));
    args << "--window"
         << "--size" << size << "--screenshot" << path;
    if (presentation) args << "--presentation";
    const Cli r = runCli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    const QStringList wh = size.split('x');
    QCOMPARE(QImage(path).size(), QSize(wh[0].toInt(), wh[1].toInt()));
}

void TestCli::helpNeedsNoDisplay_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << "--help"
                            << "Usage:";
    QTest::newRow("--version") << "--version"
                               << "Gradscape";
    QTest::newRow("--list") << "--list"
                            << "race-rosenbrock";
    QTest::newRow("--list-lessons") << "--list-lessons"
                                    << "grid-search";
}

// Help, version and the lists print and exit 0 with no display and no platform chosen.
void TestCli::helpNeedsNoDisplay() {
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(GRADSCAPE_BIN), {option});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(expected));
}

// --beat K renders a beat of a lesson (a question as asked, or with --answer its answer), a lesson
// of a folder given with --lessons is known to --lesson, and --handout writes a PDF.
void TestCli::beatsAndHandoutFromTheCommandLine() {
    QTemporaryDir dir;
    auto rows = [&](const QStringList& extra) {
        const QString csv = dir.filePath(QStringLiteral("b.csv"));
        const Cli r = runCli(QStringList{"--lesson", "gradient-ascent", "--csv", csv} + extra);
        if (r.exitCode != 0) qWarning("%s", qPrintable(r.stderrText));
        // The CSV lists every step of the runs, whatever the playback step (its '#' lines say
        // which beat's title and step it came from).
        return csvTable(readAll(csv));
    };
    // Beat 4 has the second climber; beat 1 has it too (hidden), with the same runs.
    QCOMPARE(rows({"--beat", "1"}), rows({"--beat", "4"}));
    const QString png1 = dir.filePath(QStringLiteral("1.png")), png3 = dir.filePath("3.png"),
                  png3a = dir.filePath("3a.png");
    QCOMPARE(runCli({"--lesson", "gradient-ascent", "--beat", "3", "--screenshot", png3}).exitCode,
             0);
    QCOMPARE(
        runCli({"--lesson", "gradient-ascent", "--beat", "3", "--answer", "--screenshot", png3a})
            .exitCode,
        0);
    QCOMPARE(runCli({"--lesson", "gradient-ascent", "--beat", "1", "--screenshot", png1}).exitCode,
             0);
    QVERIFY(QImage(png3) != QImage(png3a)); // the answer shows the climb's end
    QVERIFY(QImage(png3) != QImage(png1));

    // A folder of lessons: --lesson finds its lesson, --list-lessons lists it after the others.
    QFile lesson(dir.filePath(QStringLiteral("01-mine.md")));
    QVERIFY(lesson.open(QIODevice::WriteOnly));
    lesson.write("---\ntitle: Mine\nscene: race-rosenbrock\n---\n\n## One\n\nA.\n\n## Two\n\nB.\n"
                 "```scene\n{ \"step\": 0 }\n```\n");
    lesson.close();
    const Cli listed = runCli({"--lessons", dir.path(), "--list-lessons"});
    const QString last =
        QString::fromUtf8(listed.stdoutData).trimmed().section(QLatin1Char('\n'), -1);
    QCOMPARE(last.simplified(), QStringLiteral("mine Mine"));
    const QString pdf = dir.filePath(QStringLiteral("h.pdf"));
    const Cli beat = runCli({"--lessons", dir.path(), "--lesson", "mine", "--beat", "2",
                             "--screenshot", dir.filePath("m.svg")});
    QVERIFY2(beat.exitCode == 0, qPrintable(beat.stderrText));
    const Cli handout =
        runCli({"--handout", pdf, "--lessons", dir.path(), "--page-size", "Letter"});
    QVERIFY2(handout.exitCode == 0, qPrintable(handout.stderrText));
    QVERIFY(readAll(pdf).startsWith("%PDF"));
    QVERIFY(readAll(pdf).contains("/MediaBox [0 0 612"));
}

QTEST_MAIN(TestCli)
#include "test_cli.moc"

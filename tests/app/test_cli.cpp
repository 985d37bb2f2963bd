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

QTEST_MAIN(TestCli)
#include "test_cli.moc"

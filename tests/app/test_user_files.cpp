// Files the user owns: a failed save (a full disk, a size limit) leaves the old scene file as it
// was and says why; a read-only scene is not replaced; a save keeps the file's permissions; the
// autosave keeps unsaved changes, and a session killed with SIGKILL has them offered back on the
// next start; messages quote what a file says by a short, escaped prefix.

#include "controls/playback_bar.h"
#include "files/autosave.h"
#include "files/safe_write.h"
#include "pages/page.h"
#include "render/screenshot.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace gs::app;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

/// A built-in scene with playback, as a file the user opened.
QByteArray sceneFileBytes() {
    return sceneToJson(std::get<Scene>(builtinScene(QStringLiteral("race-rosenbrock"))));
}

/// The scene's step as the file holds it.
int stepIn(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object().value(QStringLiteral("step")).toInt(-1);
}

/// What a user does to change a scene: Home, then Right `steps` times, on the window's focus.
void stepForward(MainWindow& window, int steps) {
    QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(focus, Qt::Key_Home);
    for (int i = 0; i < steps; ++i)
        QTest::keyClick(focus, Qt::Key_Right);
}

void pressSave(MainWindow& window) {
    QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(focus, Qt::Key_S, Qt::ControlModifier);
}

/// A write failure for as long as it lives: a file size limit (EFBIG on any write past `bytes`),
/// which fails the same write() a full disk fails.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, SIG_IGN); // the write fails with EFBIG instead of killing us
        rlimit limit = old_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &old_); }

private:
    rlimit old_{};
};

/// A 64 KiB tmpfs, filled to the last byte after `keep` is copied in; only root may mount.
class FullTmpfs {
public:
    FullTmpfs(const QString& dir, const QString& keep, const QByteArray& content) : dir_(dir) {
        mounted_ =
            ::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, "size=64k") == 0;
        if (!mounted_) return;
        writeFile(keep, content);
        QFile filler(dir + QStringLiteral("/filler"));
        if (filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            const QByteArray block(1024, '\0');
            while (filler.write(block) == block.size()) {
            }
            const QByteArray byte(1, '\0');
            while (filler.write(byte) == 1) {
            }
        }
    }
    ~FullTmpfs() {
        if (mounted_) ::umount(QFile::encodeName(dir_).constData());
    }
    bool mounted() const { return mounted_; }
    void freeSpace() { QFile::remove(dir_ + QStringLiteral("/filler")); }

private:
    QString dir_;
    bool mounted_ = false;
};

bool canMountTmpfs() {
    QTemporaryDir dir;
    if (::mount("tmpfs", QFile::encodeName(dir.path()).constData(), "tmpfs", 0, "size=64k") != 0)
        return false;
    ::umount(QFile::encodeName(dir.path()).constData());
    return true;
}

} // namespace

class TestUserFiles : public QObject {
    Q_OBJECT
private slots:
    void failedSaveKeepsTheFile_data();
    void failedSaveKeepsTheFile();
    void readOnlySceneIsNotReplaced();
    void saveKeepsPermissions();
    void failedPageExportKeepsTheFile_data();
    void failedPageExportKeepsTheFile();
    void autosaveKeepsUnsavedChanges();
    void killedSessionIsOfferedBack();
    void messagesQuoteShort_data();
    void messagesQuoteShort();
};

void TestUserFiles::failedSaveKeepsTheFile_data() {
    QTest::addColumn<QString>("fault");
    QTest::newRow("a file size limit (EFBIG on write)") << "limit";
    // Where the test may mount (as root, as CI runs), the real thing: a full file system.
    if (canMountTmpfs()) QTest::newRow("a full 64 KiB tmpfs (ENOSPC)") << "tmpfs";
}

void TestUserFiles::failedSaveKeepsTheFile() {
    QFETCH(QString, fault);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.gradscape.json"));
    const QByteArray before = sceneFileBytes();
    std::unique_ptr<FullTmpfs> tmpfs;
    if (fault == QLatin1String("tmpfs")) {
        tmpfs = std::make_unique<FullTmpfs>(dir.path(), path, before);
        QVERIFY(tmpfs->mounted());
    } else {
        QVERIFY(writeFile(path, before));
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    stepForward(window, 3);
    QVERIFY(window.isModified());
    {
        std::unique_ptr<FileSizeLimit> limit;
        if (fault == QLatin1String("limit")) limit = std::make_unique<FileSizeLimit>(64);
        pressSave(window);
    }
    // The old scene is whole, the user is told why, and the scene is still unsaved in the window.
    QCOMPARE(readAll(path), before);
    const QString said = window.statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("cannot write")), qPrintable(said));
    QVERIFY2(said.contains(fault == QLatin1String("tmpfs") ? QStringLiteral("no space left")
                                                           : QStringLiteral("too large")),
             qPrintable(said));
    QVERIFY(window.isModified());
    QCOMPARE(window.currentFile(), path);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Hidden | QDir::Files).filter(".gradscape-"),
             QStringList()); // no temporary file left behind

    // With the fault gone, the same key saves.
    if (tmpfs) tmpfs->freeSpace();
    pressSave(window);
    QCOMPARE(stepIn(readAll(path)), 3);
    QVERIFY(!window.isModified());
}

void TestUserFiles::readOnlySceneIsNotReplaced() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout.gradscape.json"));
    const QByteArray before = sceneFileBytes();
    QVERIFY(writeFile(path, before));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    stepForward(window, 2);
    pressSave(window);
    QCOMPARE(readAll(path), before);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0444); // still read-only (as root too)
    const QString said = window.statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("read-only")), qPrintable(said));
    // Save As to another name works, and that file is the one Save writes from then on.
    const QString copy = dir.filePath(QStringLiteral("copy.gradscape.json"));
    QVERIFY(window.saveTo(copy));
    QCOMPARE(window.currentFile(), copy);
    QCOMPARE(stepIn(readAll(copy)), 2);
}

void TestUserFiles::saveKeepsPermissions() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("private.gradscape.json"));
    QVERIFY(writeFile(path, sceneFileBytes()));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    stepForward(window, 1);
    pressSave(window);
    QCOMPARE(stepIn(readAll(path)), 1);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
}

void TestUserFiles::failedPageExportKeepsTheFile_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << "png";
    QTest::newRow("svg") << "svg";
    QTest::newRow("pdf") << "pdf";
}

// The whole-page export and the window screenshot wrote through QImageWriter and QSaveFile,
// which truncate or lose the error on a full disk.
void TestUserFiles::failedPageExportKeepsTheFile() {
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("page.") + suffix);
    const QByteArray before("an earlier export");
    QVERIFY(writeFile(path, before));
    MainWindow window;
    window.resize(800, 600);
    QString error;
    {
        const FileSizeLimit limit(64);
        error = saveWidget(*window.currentPage(), path, 1.0);
    }
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(saveWidget(*window.currentPage(), path, 1.0), QString());
    QVERIFY(readAll(path).size() > 1000);
}

void TestUserFiles::autosaveKeepsUnsavedChanges() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("autosave"));
    const QString path = dir.filePath(QStringLiteral("race.gradscape.json"));
    QVERIFY(writeFile(path, sceneFileBytes()));
    auto snapshots = [&] {
        return QDir(folder).entryList({QStringLiteral("*.autosave.json")}, QDir::Files);
    };
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startAutosave(20, folder);
    QVERIFY(window.openFile(path));
    QVERIFY(!window.autosaveNow()); // nothing unsaved, nothing kept
    QCOMPARE(snapshots().size(), 0);
    stepForward(window, 4);
    QTRY_COMPARE(snapshots().size(), 1); // the timer keeps it
    const QByteArray kept = readAll(folder + '/' + snapshots().front());
    const QJsonObject o = QJsonDocument::fromJson(kept).object();
    QCOMPARE(o.value(QStringLiteral("file")).toString(), path);
    QCOMPARE(o.value(QStringLiteral("scene")).toObject().value(QStringLiteral("step")).toInt(), 4);
    // A window still running is not offered to another: its lock is held.
    QCOMPARE(Autosave(folder).recoverable().size(), 0);
    // Saving makes the snapshot unnecessary; a clean close removes a later one.
    pressSave(window);
    QCOMPARE(snapshots().size(), 0);
    stepForward(window, 2);
    QTRY_COMPARE(snapshots().size(), 1);
    window.close();
    QCOMPARE(snapshots().size(), 0);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList());
}

// The acceptance test of the autosave: a real process edits a scene and is killed with SIGKILL;
// the next window finds the change, restores it as unsaved changes of that file, and the file on
// disk is untouched.
void TestUserFiles::killedSessionIsOfferedBack() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("autosave"));
    const QString path = dir.filePath(QStringLiteral("race.gradscape.json"));
    const QByteArray before = sceneFileBytes();
    QVERIFY(writeFile(path, before));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GRADSCAPE_TEST_CHILD_SCENE"), path);
    env.insert(QStringLiteral("GRADSCAPE_TEST_CHILD_AUTOSAVE"), folder);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QByteArray said;
    while (!said.contains("kept") && child.waitForReadyRead(30000))
        said += child.readAllStandardOutput();
    QVERIFY2(said.contains("kept"), said.constData());
    child.kill(); // SIGKILL: no close event, no clean-up
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    MainWindow window;
    window.startAutosave(60000, folder);
    const QVector<Autosave::Entry> found = window.autosave()->recoverable();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front().sceneFile, path);
    QCOMPARE(window.restoreSnapshot(found.front()), QString());
    QCOMPARE(window.currentFile(), path);
    QVERIFY(window.isModified());
    QCOMPARE(window.currentPage()->playback()->index(), 5);
    QCOMPARE(readAll(path), before);                      // the file itself was never touched
    QCOMPARE(window.autosave()->recoverable().size(), 0); // taken over, not offered twice
}

void TestUserFiles::messagesQuoteShort_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("starts");
    const QByteArray huge(3 << 20, 'p');
    const QByteArray head = R"({"format": "gradscape-scene", "version": 2, )";
    QTest::newRow("a 3 MB page name")
        << head + R"("page": ")" + huge + R"("})" << QStringLiteral("page: unknown page 'pppp");
    QTest::newRow("a page name with a newline")
        << head + R"("page": "land\nscape"})"
        << QStringLiteral("page: unknown page 'land\\nscape'");
    QTest::newRow("a 3 MB function name")
        << head + R"("page": "landscape", "function": {"catalog": ")" + huge + R"("}})"
        << QStringLiteral("function.catalog: unknown function 'pppp");
    QTest::newRow("a 3 MB optimizer name")
        << head +
               R"("page": "landscape", "function": {"catalog": "rosenbrock"}, "runs": [{"optimizer": ")" +
               huge + R"("}]})"
        << QStringLiteral("runs[0].optimizer: unknown optimizer 'pppp");
    QTest::newRow("a 3 MB hyperparameter name")
        << head +
               R"("page": "landscape", "function": {"catalog": "rosenbrock"}, "runs": [{"optimizer": "gd", "params": {")" +
               huge + R"(": 1}}]})"
        << QStringLiteral("runs[0].params.'pppp");
    QTest::newRow("a 3 MB unknown key")
        << head + R"("page": "landscape", ")" + huge + R"(": 1})" << QStringLiteral("'pppp");
}

void TestUserFiles::messagesQuoteShort() {
    QFETCH(QByteArray, json);
    QFETCH(QString, starts);
    const SceneResult r = sceneFromJson(json);
    QVERIFY(std::holds_alternative<SceneError>(r));
    const QString text = std::get<SceneError>(r).text();
    QVERIFY2(text.size() < 600, qPrintable(text.left(600)));
    QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));
    QVERIFY2(text.startsWith(starts), qPrintable(text));
}

/// The child of killedSessionIsOfferedBack: opens the scene, steps to 5 as a user would, waits
/// until the autosave holds it, says so, and waits to be killed.
int runChild() {
    MainWindow window;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 3;
    window.startAutosave(20, qEnvironmentVariable("GRADSCAPE_TEST_CHILD_AUTOSAVE"));
    if (!window.openFile(qEnvironmentVariable("GRADSCAPE_TEST_CHILD_SCENE"))) return 4;
    stepForward(window, 5);
    if (!QTest::qWaitFor([&] { return window.autosave()->hasSnapshot(); }, 10000)) return 5;
    std::printf("kept\n");
    std::fflush(stdout);
    QTest::qWait(60000);
    return 6; // never reached: the parent kills us
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gradscape-test"));
    if (qEnvironmentVariableIsSet("GRADSCAPE_TEST_CHILD_SCENE")) return runChild();
    TestUserFiles test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_user_files.moc"

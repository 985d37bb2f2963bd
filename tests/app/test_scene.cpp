// Scene files: save then load gives the same scene; every malformed file is rejected with a
// message naming its field, and the scene on screen stays as it was.

#include "pages/curve/curve_page.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gs::app;

class TestScene : public QObject {
    Q_OBJECT
private slots:
    // Settings (recent files, theme) go to a test location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void saveThenLoadIsIdentical();
    void everyBuiltinSceneLoads();
    void version1ScenesStillLoad();
    void pageSectionsAreValidated_data();
    void pageSectionsAreValidated();
    void landscapePageKeepsWhatItIsGiven();
    void openSceneSwitchesToItsPage();
    void malformedFilesAreRejected_data();
    void malformedFilesAreRejected();
    void topLevelScalarsAreNotScenes_data();
    void topLevelScalarsAreNotScenes();
    void onlyRegularFilesAreRead_data();
    void onlyRegularFilesAreRead();
    void landscapeRefusesStepsOutsideItsRange_data();
    void landscapeRefusesStepsOutsideItsRange();
    void badFileLeavesCurrentScene();
    void unwritablePathIsReported();
};

namespace {
Scene sample() {
    Scene s;
    s.title = QStringLiteral("A test scene");
    s.catalog = QStringLiteral("sine-parabola");
    s.direction = Scene::Direction::Ascent;
    s.start = {-2.5};
    s.xRange = {-8, 8};
    s.maxSteps = 321;
    s.runs = {SceneRun{
        QStringLiteral("gd"), {{QStringLiteral("lr"), 0.02}}, QVector<double>{1.5}, false}};
    s.step = 7;
    s.theme = Scene::Theme::Dark;
    s.lesson = QStringLiteral("basics");
    return s;
}

/// The error's text, or nothing when the result is a scene (safe inside QVERIFY2's message).
QString errorText(const SceneResult& r) {
    const auto* e = std::get_if<SceneError>(&r);
    return e ? e->text() : QString();
}

/// The sample scene as JSON with one top-level key replaced (or removed when value is undefined).
QByteArray withKey(const QString& key, const QJsonValue& value) {
    QJsonObject o = QJsonDocument::fromJson(sceneToJson(sample())).object();
    if (value.isUndefined())
        o.remove(key);
    else
        o[key] = value;
    return QJsonDocument(o).toJson();
}
} // namespace

void TestScene::saveThenLoadIsIdentical() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scene.json"));
    QCOMPARE(saveSceneFile(sample(), path), QString());
    const SceneResult loaded = loadSceneFile(path);
    QVERIFY2(std::holds_alternative<Scene>(loaded), qPrintable(errorText(loaded)));
    QVERIFY(std::get<Scene>(loaded) == sample());

    // A page that shows the scene gives back what it was given, for the settings it shows.
    CurvePage page;
    QCOMPARE(page.applyScene(sample()), QString());
    const Scene shown = page.scene();
    QCOMPARE(shown.start, sample().start);
    QCOMPARE(shown.runs.front().params.value(QStringLiteral("lr")), 0.02);
    QCOMPARE(shown.catalog, sample().catalog);
    QCOMPARE(int(shown.direction), int(Scene::Direction::Ascent));
}

void TestScene::everyBuiltinSceneLoads() {
    const QStringList names = builtinSceneNames();
    QVERIFY(names.size() >= 5);
    for (const QString& name : names) {
        const SceneResult r = builtinScene(name);
        QVERIFY2(std::holds_alternative<Scene>(r), qPrintable(name + ": " + errorText(r)));
        QVERIFY2(!std::get<Scene>(r).title.isEmpty(), qPrintable(name));
    }
}

// Every built-in scene as it was written in format version 1 (tests/data/scenes-v1) still opens,
// and reads as the same scene as its version-2 rewrite among the built-ins.
void TestScene::version1ScenesStillLoad() {
    const QDir dir(QStringLiteral(GRADSCAPE_TEST_DATA "/scenes-v1"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString& file : files) {
        const SceneResult old = loadSceneFile(dir.filePath(file));
        QVERIFY2(std::holds_alternative<Scene>(old), qPrintable(file + ": " + errorText(old)));
        const SceneResult now = builtinScene(QFileInfo(file).completeBaseName());
        QVERIFY2(std::holds_alternative<Scene>(now), qPrintable(file + ": " + errorText(now)));
        // Settings the built-ins took up after version 1 (the loss panel's scale) aside.
        Scene newer = std::get<Scene>(now);
        newer.settings.remove(QStringLiteral("loss_scale"));
        QVERIFY2(std::get<Scene>(old) == newer, qPrintable(file));
    }
    // The landscape's settings moved into their own section on the way.
    const Scene race = std::get<Scene>(loadSceneFile(dir.filePath("race-rosenbrock.json")));
    QCOMPARE(race.page, QStringLiteral("landscape"));
    QVERIFY(settingsFrom<LandscapeSettings>(race.settings).logLevels);
    // A version-1 view that never existed is named as "view", the key the file has.
    QJsonObject bad = QJsonDocument::fromJson(sceneToJson(sample())).object();
    bad.remove(QStringLiteral("page"));
    bad[QStringLiteral("version")] = 1;
    bad[QStringLiteral("view")] = QStringLiteral("surface");
    const SceneResult r = sceneFromJson(QJsonDocument(bad).toJson());
    QVERIFY(std::holds_alternative<SceneError>(r));
    QCOMPARE(std::get<SceneError>(r).field, QStringLiteral("view"));
}

void TestScene::pageSectionsAreValidated_data() {
    QTest::addColumn<QJsonObject>("section");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("flag not bool") << QJsonObject{{"isolines", 1}} << "landscape.isolines"
                                   << "true or false";
    QTest::newRow("unknown levels") << QJsonObject{{"levels", "cubic"}} << "landscape.levels"
                                    << "must be one of";
    QTest::newRow("unknown key") << QJsonObject{{"contours", true}} << "landscape.contours"
                                 << "unknown key";
}

void TestScene::pageSectionsAreValidated() {
    QFETCH(QJsonObject, section);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QJsonObject o = QJsonDocument::fromJson(sceneToJson(sample())).object();
    o[QStringLiteral("page")] = QStringLiteral("landscape");
    o[QStringLiteral("function")] = QJsonObject{{"catalog", "himmelblau"}};
    o[QStringLiteral("start")] = QJsonArray{0, 0};
    o.remove(QStringLiteral("runs"));
    o[QStringLiteral("landscape")] = QJsonObject{};
    QVERIFY2(std::holds_alternative<Scene>(sceneFromJson(QJsonDocument(o).toJson())),
             "an empty section is fine");
    o[QStringLiteral("landscape")] = section;
    const SceneResult r = sceneFromJson(QJsonDocument(o).toJson());
    QVERIFY(std::holds_alternative<SceneError>(r));
    QCOMPARE(std::get<SceneError>(r).field, field);
    QVERIFY2(std::get<SceneError>(r).message.contains(message),
             qPrintable(std::get<SceneError>(r).text()));
}

void TestScene::landscapePageKeepsWhatItIsGiven() {
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = QStringLiteral("himmelblau");
    s.start = {0.5, -0.5};
    s.maxSteps = 400;
    LandscapeSettings settings;
    settings.logLevels = true;
    settings.gradientField = true;
    s.settings = settings.toJson();
    s.runs = {SceneRun{QStringLiteral("adam"), {{QStringLiteral("lr"), 0.05}}, {}, true},
              SceneRun{QStringLiteral("gd"),
                       {{QStringLiteral("lr"), 0.01}},
                       QVector<double>{-1.0, 1.0},
                       false}};
    LandscapePage page;
    QCOMPARE(page.applyScene(s), QString());
    const Scene shown = page.scene();
    QCOMPARE(shown.catalog, s.catalog);
    QCOMPARE(shown.start, s.start);
    QCOMPARE(shown.maxSteps, 400);
    QVERIFY(settingsFrom<LandscapeSettings>(shown.settings) == settings);
    QCOMPARE(shown.runs.size(), 2);
    QCOMPARE(shown.runs[0].optimizer, QStringLiteral("adam"));
    QCOMPARE(shown.runs[0].params.value(QStringLiteral("lr")), 0.05);
    QCOMPARE(shown.runs[0].params.value(QStringLiteral("beta1")), 0.9); // defaults are written out
    QVERIFY(!shown.runs[0].start);
    QCOMPARE(*shown.runs[1].start, (QVector<double>{-1.0, 1.0}));
    QVERIFY(!shown.runs[1].visible);
    // The runs start where the scene says.
    QCOMPARE(page.trajectory(0).x(0)[0], 0.5);
    QCOMPARE(page.trajectory(1).x(0)[1], 1.0);
    // Shown again, the page's own scene gives the same scene.
    LandscapePage again;
    QCOMPARE(again.applyScene(shown), QString());
    QVERIFY(again.scene() == shown);
}

void TestScene::openSceneSwitchesToItsPage() {
    MainWindow window;
    const SceneResult race = builtinScene(QStringLiteral("race-rosenbrock"));
    QVERIFY(std::holds_alternative<Scene>(race));
    QCOMPARE(window.openScene(std::get<Scene>(race)), QString());
    QCOMPARE(window.currentPage()->scene().page, QStringLiteral("landscape"));
    QCOMPARE(window.currentPage()->scene().catalog, QStringLiteral("rosenbrock"));
    const SceneResult curve = builtinScene(QStringLiteral("article-ascent"));
    QCOMPARE(window.openScene(std::get<Scene>(curve)), QString());
    QCOMPARE(window.currentPage()->scene().page, QStringLiteral("curve"));
}

void TestScene::malformedFilesAreRejected_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{ \"format\": ") << QString() << "not valid JSON";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString() << "JSON object";
    QTest::newRow("unknown key") << withKey("colour", "red") << "colour"
                                 << "unknown key";
    QTest::newRow("wrong format") << withKey("format", "png") << "format"
                                  << "gradscape-scene";
    QTest::newRow("missing version") << withKey("version", QJsonValue::Undefined) << "version"
                                     << "missing";
    QTest::newRow("newer version") << withKey("version", 99) << "version"
                                   << "newer";
    QTest::newRow("version as text") << withKey("version", "1") << "version"
                                     << "must be a number";
    QTest::newRow("page unknown") << withKey("page", "surface") << "page"
                                  << "unknown page 'surface'";
    QTest::newRow("page not text") << withKey("page", 3) << "page"
                                   << "must be a string";
    QTest::newRow("another page's section") << withKey("landscape", QJsonObject{}) << "landscape"
                                            << "unknown key";
    QTest::newRow("steps out of range") << withKey("max_steps", 0) << "max_steps"
                                        << "must be in";
    QTest::newRow("steps fractional") << withKey("max_steps", 10.5) << "max_steps"
                                      << "whole number";
    QTest::newRow("start wrong size") << withKey("start", QJsonArray{1, 2}) << "start"
                                      << "must have 1";
    QTest::newRow("start not numbers") << withKey("start", QJsonArray{"a"}) << "start[0]"
                                       << "must be a number";
    QTest::newRow("range reversed") << withKey("x_range", QJsonArray{3, -3}) << "x_range"
                                    << "smaller";
    QTest::newRow("unknown function")
        << withKey("function", QJsonObject{{"catalog", "banana"}}) << "function.catalog"
        << "unknown function";
    QTest::newRow("two functions")
        << withKey("function", QJsonObject{{"catalog", "sine-parabola"}, {"formula", "x"}})
        << "function"
        << "exactly one";
    QTest::newRow("2D function in 1D view")
        << withKey("function", QJsonObject{{"catalog", "cosine-landscape"}}) << "function.catalog"
        << "variable";
    QTest::newRow("unknown optimizer")
        << withKey("runs", QJsonArray{QJsonObject{{"optimizer", "sgd9"}}}) << "runs[0].optimizer"
        << "unknown optimizer";
    QTest::newRow("hyperparameter out of range")
        << withKey("runs", QJsonArray{QJsonObject{{"optimizer", "gd"},
                                                  {"params", QJsonObject{{"lr", 50}}}}})
        << "runs[0].params.lr"
        << "must be in";
    QTest::newRow("unknown hyperparameter")
        << withKey("runs", QJsonArray{QJsonObject{{"optimizer", "gd"},
                                                  {"params", QJsonObject{{"lrr", 0.1}}}}})
        << "runs[0].params.lrr"
        << "unknown hyperparameter";
    QTest::newRow("no runs") << withKey("runs", QJsonArray{}) << "runs"
                             << "1 to 32";
    QTest::newRow("settings on a page without any")
        << withKey("curve", QJsonObject{{"isolines", true}}) << "curve.isolines"
        << "no settings";
}

void TestScene::malformedFilesAreRejected() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const SceneResult r = sceneFromJson(json);
    QVERIFY(std::holds_alternative<SceneError>(r));
    const SceneError& e = std::get<SceneError>(r);
    QCOMPARE(e.field, field);
    QVERIFY2(e.message.contains(message), qPrintable(e.text()));
}

void TestScene::topLevelScalarsAreNotScenes_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("null") << QByteArray("null") << "a scene must be a JSON object";
    QTest::newRow("null with spaces")
        << QByteArray(" \n null \n") << "a scene must be a JSON object";
    QTest::newRow("number") << QByteArray("42") << "a scene must be a JSON object";
    QTest::newRow("string") << QByteArray("\"scene\"") << "a scene must be a JSON object";
    QTest::newRow("true") << QByteArray("true") << "a scene must be a JSON object";
    QTest::newRow("array") << QByteArray("[]") << "a scene must be a JSON object";
    QTest::newRow("not JSON at all") << QByteArray("nul") << "not valid JSON";
    QTest::newRow("empty") << QByteArray("") << "not valid JSON";
}

void TestScene::topLevelScalarsAreNotScenes() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const SceneResult r = sceneFromJson(json);
    QVERIFY(std::holds_alternative<SceneError>(r));
    QVERIFY2(std::get<SceneError>(r).text().startsWith(message),
             qPrintable(std::get<SceneError>(r).text()));
}

void TestScene::onlyRegularFilesAreRead_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("/dev/zero never ends") << "/dev/zero"
                                          << "is a device, not a regular file";
    QTest::newRow("/dev/null") << "/dev/null"
                               << "is a device, not a regular file";
    QTest::newRow("FIFO without a writer") << "fifo"
                                           << "is a FIFO (named pipe), not a regular file";
    QTest::newRow("directory") << "directory"
                               << "is a directory";
    QTest::newRow("missing") << "missing"
                             << "cannot open";
    QTest::newRow("larger than 4 MiB") << "large"
                                       << "too large to be a scene";
    QTest::newRow("a scene") << "scene" << QString();
}

void TestScene::onlyRegularFilesAreRead() {
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString path = kind.startsWith('/') ? kind : dir.filePath(kind);
    if (kind == QLatin1String("fifo")) QCOMPARE(::mkfifo(QFile::encodeName(path), 0600), 0);
    if (kind == QLatin1String("directory")) QVERIFY(QDir().mkdir(path));
    if (kind == QLatin1String("large") || kind == QLatin1String("scene")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sceneToJson(sample()));
        if (kind == QLatin1String("large")) f.write(QByteArray(5 << 20, ' '));
    }
    const SceneResult r = loadSceneFile(path); // returns: no read blocks or runs away
    if (message.isEmpty()) {
        QVERIFY(std::holds_alternative<Scene>(r));
        return;
    }
    QVERIFY(std::holds_alternative<SceneError>(r));
    QVERIFY2(std::get<SceneError>(r).text().contains(message),
             qPrintable(std::get<SceneError>(r).text()));
}

void TestScene::landscapeRefusesStepsOutsideItsRange_data() {
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("1 (the format's minimum)") << 1 << false;
    QTest::newRow("9") << 9 << false;
    QTest::newRow("10") << 10 << true;
    QTest::newRow("5000") << 5000 << true;
    QTest::newRow("5001") << 5001 << false;
    QTest::newRow("100000 (the format's maximum)") << 100000 << false;
}

void TestScene::landscapeRefusesStepsOutsideItsRange() {
    QFETCH(int, steps);
    QFETCH(bool, accepted);
    SceneResult race = builtinScene(QStringLiteral("race-himmelblau"));
    QVERIFY(std::holds_alternative<Scene>(race));
    Scene scene = std::get<Scene>(race);
    scene.maxSteps = steps;
    LandscapePage page;
    const QString error = page.applyScene(scene);
    if (accepted) {
        QCOMPARE(error, QString());
        QCOMPARE(page.scene().maxSteps, steps); // honoured, not clamped
    } else {
        QVERIFY2(error.contains(QStringLiteral("between 10 and 5000")), qPrintable(error));
        QVERIFY(error.contains(QString::number(steps)));
    }
}

void TestScene::badFileLeavesCurrentScene() {
    MainWindow window;
    const Scene before = window.currentPage()->scene();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(withKey("max_steps", -5));
    file.close();
    QVERIFY(!window.openFile(path));
    QVERIFY(window.currentPage()->scene() == before);
    QVERIFY(!window.openFile(dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(window.currentPage()->scene() == before);
}

void TestScene::unwritablePathIsReported() {
    const QString error = saveSceneFile(sample(), QStringLiteral("/proc/gradscape/scene.json"));
    QVERIFY(error.startsWith(QStringLiteral("cannot write /proc/gradscape/scene.json")));
}

QTEST_MAIN(TestScene)
#include "test_scene.moc"

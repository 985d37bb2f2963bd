// Export, in process and through the headless command line: image sizes and GIF frame counts read
// back from the files' headers, a PNG that is not blank, a CSV that agrees with the run, exit
// codes.

#include "controls/playback_bar.h"
#include "lessons/lesson_library.h"
#include "optim/registry.h"
#include "pages/curve/curve_page.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/page_registry.h"
#include "render/csv_provenance.h"
#include "render/exporter.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "window/export_dialog.h"

#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>
#include <sys/stat.h>

#include <cmath>
#include <set>

#include <sys/stat.h>

using namespace gs;
using namespace gs::app;

using namespace gs::test;

namespace {

struct GifInfo {
    int width = 0, height = 0, frames = 0;
};

/// Walks the GIF block structure (GIF89a spec, section 17 onwards) and counts image descriptors.
GifInfo readGif(const QByteArray& d) {
    GifInfo info;
    if (d.size() < 13 || !d.startsWith("GIF89a")) return info;
    auto u8 = [&](qsizetype i) { return static_cast<unsigned char>(d[i]); };
    info.width = u8(6) | (u8(7) << 8);
    info.height = u8(8) | (u8(9) << 8);
    qsizetype i = 13;
    if (u8(10) & 0x80) i += 3 * (qsizetype(1) << ((u8(10) & 7) + 1));
    auto skipSubBlocks = [&] {
        while (i < d.size() && u8(i) != 0)
            i += u8(i) + 1;
        ++i;
    };
    while (i < d.size()) {
        const unsigned char tag = u8(i);
        if (tag == 0x3B) return info; // trailer
        if (tag == 0x21) {            // extension: label, then data sub-blocks
            i += 2;
            skipSubBlocks();
        } else if (tag == 0x2C) { // image: descriptor, optional local table, LZW size, data
            const unsigned char flags = u8(i + 9);
            i += 10;
            if (flags & 0x80) i += 3 * (qsizetype(1) << ((flags & 7) + 1));
            i += 1;
            skipSubBlocks();
            ++info.frames;
        } else {
            return GifInfo{}; // corrupt
        }
    }
    return GifInfo{};
}

QSize svgSize(const QByteArray& svg) {
    const auto m = QRegularExpression(QStringLiteral("viewBox=\"0 0 (\\d+) (\\d+)\""))
                       .match(QString::fromUtf8(svg));
    return m.hasMatch() ? QSize(m.captured(1).toInt(), m.captured(2).toInt()) : QSize();
}

QSize pdfSize(const QByteArray& pdf) {
    const auto m = QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)\\]"))
                       .match(QString::fromLatin1(pdf));
    return m.hasMatch() ? QSize(qRound(m.captured(1).toDouble()), qRound(m.captured(2).toDouble()))
                        : QSize();
}

bool isCharacterDevice(const QString& path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISCHR(st.st_mode);
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void cliWritesImagesOfTheAskedSize_data();
    void cliWritesImagesOfTheAskedSize();
    void cliGifHasAskedSizeAndFrames();
    void renderedPngIsNotBlank();
    void csvAgreesWithTheRun();
    void csvOfALandscapeHasEveryRun();
    void devicesAreWrittenIntoNeverReplaced_data();
    void devicesAreWrittenIntoNeverReplaced();
    void readOnlyFilesAreRefused_data();
    void readOnlyFilesAreRefused();
    void dashStreamsToStdout_data();
    void dashStreamsToStdout();
    void csvSaysWhatProducedIt();
    void saveSceneRoundTripsEveryBuiltinScene_data();
    void saveSceneRoundTripsEveryBuiltinScene();
    void csvHasEveryRunsStatus_data();
    void csvHasEveryRunsStatus();
    void flatLandscapesRender_data();
    void flatLandscapesRender();
    void failedExportKeepsExistingFile();
    void exportGivesThePlotItsSizeBack();
    void exportDialogOffersWhatAppliesToItsKind();
};

void TestExport::cliWritesImagesOfTheAskedSize_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("scale");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("png") << "png"
                         << "1" << QSize(800, 500);
    QTest::newRow("png at scale 2") << "png"
                                    << "2" << QSize(1600, 1000);
    QTest::newRow("svg") << "svg"
                         << "1" << QSize(800, 500);
    QTest::newRow("pdf") << "pdf"
                         << "1" << QSize(800, 500);
}

void TestExport::cliWritesImagesOfTheAskedSize() {
    QFETCH(QString, suffix);
    QFETCH(QString, scale);
    QFETCH(QSize, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.") + suffix);
    const Cli r = runCli({QStringLiteral("article-ascent"), QStringLiteral("--screenshot"), path,
                          QStringLiteral("--size"), QStringLiteral("800x500"),
                          QStringLiteral("--scale"), scale});
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    const QByteArray data = readAll(path);
    if (suffix == QLatin1String("png")) QCOMPARE(QImage::fromData(data, "PNG").size(), expected);
    if (suffix == QLatin1String("svg")) QCOMPARE(svgSize(data), expected);
    if (suffix == QLatin1String("pdf")) {
        QVERIFY(data.startsWith("%PDF-"));
        QCOMPARE(pdfSize(data), expected);
    }
}

void TestExport::cliGifHasAskedSizeAndFrames() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.gif"));
    const Cli r =
        runCli({QStringLiteral("article-descent-lr01"), QStringLiteral("--gif"), path,
                QStringLiteral("--size"), QStringLiteral("320x200"), QStringLiteral("--frames"),
                QStringLiteral("12"), QStringLiteral("--fps"), QStringLiteral("10")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    const GifInfo info = readGif(readAll(path));
    QCOMPARE(info.width, 320);
    QCOMPARE(info.height, 200);
    QCOMPARE(info.frames, 12);
}

void TestExport::renderedPngIsNotBlank() {
    CurvePage page;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("curve.png"));
    QCOMPARE(exportImage(page, path, QSize(640, 400)), QString());
    const QImage image(path);
    QCOMPARE(image.size(), QSize(640, 400));
    // A plot has a background, a curve, axes and a path: many distinct colors, and no single color
    // covers everything.
    std::set<QRgb> colors;
    QMap<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            colors.insert(image.pixel(x, y));
            ++counts[image.pixel(x, y)];
        }
    QVERIFY2(colors.size() > 20, qPrintable(QString::number(colors.size())));
    int most = 0;
    for (int c : counts)
        most = std::max(most, c);
    QVERIFY(most < 0.97 * (image.width() / 2) * (image.height() / 2));
    // The path's color (Okabe–Ito orange) is present.
    const QColor orange = PlotStyle{}.pathColor(0);
    QVERIFY(colors.count(orange.rgb()) > 0);
}

void TestExport::csvAgreesWithTheRun() {
    CurvePage page;
    const Trajectory& t = page.trajectory();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.csv"));
    QCOMPARE(exportCsv(page, path), QString());
    const QList<QByteArray> lines = csvTable(readAll(path)).trimmed().split('\n');
    QCOMPARE(lines.front(), QByteArray("run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step"));
    QCOMPARE(lines.size(), t.size() + 1);
    for (int k = 0; k < t.size(); ++k) {
        const QList<QByteArray> cells = lines[k + 1].split(',');
        QCOMPARE(cells.size(), 10);
        QCOMPARE(cells[0], QByteArray("0"));
        QCOMPARE(cells[1], QByteArray("gd"));
        QCOMPARE(cells[2].toInt(), k);
        QCOMPARE(cells[3].toDouble(), t.x(k)[0]); // 17 digits: exact round trip
        QVERIFY(cells[4].isEmpty() && cells[7].isEmpty());
        QCOMPARE(cells[5].toDouble(), -t.f(k)); // the page climbs: the file reports f, not −f
        QCOMPARE(cells[6].toDouble(), -t.gradient(k)[0]);
    }
}

void TestExport::csvOfALandscapeHasEveryRun() {
    LandscapePage page;
    const SceneResult race = builtinScene(QStringLiteral("race-himmelblau"));
    QVERIFY(std::holds_alternative<Scene>(race));
    QCOMPARE(page.applyScene(std::get<Scene>(race)), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("races.csv"));
    QCOMPARE(exportCsv(page, path), QString());
    const QList<QByteArray> lines = csvTable(readAll(path)).trimmed().split('\n');
    int expected = 1;
    for (int r = 0; r < page.optimizerCount(); ++r)
        expected += page.trajectory(r).size();
    QCOMPARE(lines.size(), expected);
    int row = 1;
    for (int r = 0; r < page.optimizerCount(); ++r) {
        const Trajectory& t = page.trajectory(r);
        for (int k = 0; k < t.size(); ++k, ++row) {
            const QList<QByteArray> c = lines[row].split(',');
            QCOMPARE(c[0].toInt(), r);
            QCOMPARE(c[2].toInt(), k);
            QCOMPARE(c[3].toDouble(), t.x(k)[0]);
            QCOMPARE(c[4].toDouble(), t.x(k)[1]);
            QCOMPARE(c[5].toDouble(), t.f(k));
            QCOMPARE(c[6].toDouble(), t.gradient(k)[0]);
            QCOMPARE(c[7].toDouble(), t.gradient(k)[1]);
        }
    }
}

void TestExport::devicesAreWrittenIntoNeverReplaced_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("link"); // a name with the image type, linked to the device
    QTest::addColumn<QString>("message");
    QTest::newRow("csv into /dev/null") << "--csv"
                                        << "/dev/null" << QString() << QString();
    QTest::newRow("gif into /dev/null") << "--gif"
                                        << "/dev/null" << QString() << QString();
    QTest::newRow("svg into /dev/null") << "--screenshot"
                                        << "/dev/null"
                                        << "null.svg" << QString();
    QTest::newRow("csv into /dev/full")
        << "--csv"
        << "/dev/full" << QString() << "cannot write /dev/full: no space left on device";
    QTest::newRow("gif into /dev/full")
        << "--gif"
        << "/dev/full" << QString() << "cannot write /dev/full: no space left on device";
    QTest::newRow("png into /dev/full") << "--screenshot"
                                        << "/dev/full"
                                        << "full.png"
                                        << "full.png: no space left on device";
    QTest::newRow("pdf into /dev/full") << "--screenshot"
                                        << "/dev/full"
                                        << "full.pdf"
                                        << "full.pdf: no space left on device";
}

void TestExport::devicesAreWrittenIntoNeverReplaced() {
    QFETCH(QString, option);
    QFETCH(QString, device);
    QFETCH(QString, link);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString target = device;
    if (!link.isEmpty()) {
        target = dir.filePath(link);
        QVERIFY(QFile::link(device, target));
    }
    QStringList args{"article-ascent", option, target};
    if (option == QLatin1String("--gif"))
        args << "--frames"
             << "2"
             << "--size"
             << "80x60";
    const Cli r = runCli(args);
    QCOMPARE(r.exitCode, message.isEmpty() ? 0 : 1);
    if (!message.isEmpty()) {
        QVERIFY2(r.stderrText.contains(message), qPrintable(r.stderrText));
        QCOMPARE(r.stderrText.trimmed().count(QLatin1Char('\n')), 0); // once, no libpng line
    }
    QVERIFY(isCharacterDevice(device));
    if (!link.isEmpty()) QVERIFY(QFileInfo(target).isSymLink());
}

void TestExport::readOnlyFilesAreRefused_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("name");
    QTest::newRow("png") << "--screenshot"
                         << "keep.png";
    QTest::newRow("svg") << "--screenshot"
                         << "keep.svg";
    QTest::newRow("pdf") << "--screenshot"
                         << "keep.pdf";
    QTest::newRow("gif") << "--gif"
                         << "keep.gif";
    QTest::newRow("csv") << "--csv"
                         << "keep.csv";
}

void TestExport::readOnlyFilesAreRefused() {
    QFETCH(QString, option);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("precious");
    f.close();
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther));
    const Cli r = runCli({"article-ascent", option, path, "--frames", "2"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.stderrText.contains(QStringLiteral("the file is read-only")),
             qPrintable(r.stderrText));
    QCOMPARE(readAll(path), QByteArray("precious"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no leftovers
}

void TestExport::dashStreamsToStdout_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("csv") << "--csv" << QByteArray("# gradscape ");
    QTest::newRow("svg") << "--screenshot" << QByteArray("<?xml");
}

void TestExport::dashStreamsToStdout() {
    QFETCH(QString, option);
    QFETCH(QByteArray, starts);
    QTemporaryDir dir;
    const Cli r = runCli({"article-ascent", option, "-", "--size", "200x100"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.stdoutData.startsWith(starts), r.stdoutData.left(80).constData());
    QVERIFY(!QFileInfo::exists(QStringLiteral("-")));
}

void TestExport::csvHasEveryRunsStatus_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("lr"); // of gradient descent
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("emptyRun"); // stopped before its first point: one row, no numbers
    QTest::newRow("NaN at the start") << "sqrt(x)" << -1.0 << 0.1 << "diverged" << true;
    QTest::newRow("diverges later") << "x^4" << 1.0 << 1.0 << "diverged" << false;
    QTest::newRow("converges") << "x^2" << 1.0 << 0.5 << "converged" << false;
    QTest::newRow("step limit") << "x" << 0.0 << 0.1 << "step_limit" << false;
}

void TestExport::csvHasEveryRunsStatus() {
    QFETCH(QString, formula);
    QFETCH(double, start);
    QFETCH(double, lr);
    QFETCH(QString, status);
    QFETCH(bool, emptyRun);
    QTemporaryDir dir;
    const QString scene = dir.filePath(QStringLiteral("s.json"));
    QFile f(scene);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"format": "gradscape-scene", "version": 1, "view": "curve",
        "function": {"formula": "%1"}, "start": [%2], "max_steps": 500,
        "runs": [{"optimizer": "gd", "params": {"lr": %3}}]})")
                .arg(formula)
                .arg(start)
                .arg(lr)
                .toUtf8());
    f.close();
    const Cli r = runCli({scene, "--csv", "-"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = csvTable(r.stdoutData).trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    const int stopStep = lines.last().split(',').last().toInt();
    if (emptyRun) QCOMPARE(lines.size(), 2);
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].split(',');
        QCOMPARE(cells.size(), 10);
        QCOMPARE(cells[8], status.toUtf8());
        QCOMPARE(cells[9].toInt(), stopStep);
        QCOMPARE(cells[2].isEmpty(), emptyRun);
    }
    // Points 0..stop are recorded; a diverged run's point at its stop step is not.
    const int points = status == QLatin1String("diverged") ? stopStep : stopStep + 1;
    if (!emptyRun) QCOMPARE(lines.size(), points + 1);
}

void TestExport::flatLandscapesRender_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x0"); // the view box [x0, x1] × [x0, x1]
    QTest::addColumn<double>("x1");
    QTest::addColumn<bool>("logLevels");
    QTest::newRow("1e6 + 1e-10 (x + y)") << "1e6 + 1e-10 (x + y)" << -3.0 << 3.0 << false;
    QTest::newRow("1e6 + 1e-10 (x + y), log levels")
        << "1e6 + 1e-10 (x + y)" << -3.0 << 3.0 << true;
    QTest::newRow("a box one ulp wide") << "x^2 + y^2" << 1.0 << std::nextafter(1.0, 2.0) << false;
    QTest::newRow("a box one ulp wide far out")
        << "x^2 + y^2" << 1e5 << std::nextafter(1e5, 2e5) << true;
    QTest::newRow("a constant") << "5 + 0 x" << -3.0 << 3.0 << false;
}

// The levels hung on these (a double counter past 2^53); rendering must finish, with one level
// at most.
void TestExport::flatLandscapesRender() {
    QFETCH(QString, formula);
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(bool, logLevels);
    Scene scene;
    scene.page = QStringLiteral("landscape");
    scene.formula = formula;
    scene.xRange = {x0, x1};
    scene.yRange = {x0, x1};
    scene.start = {x0, x1};
    LandscapeSettings settings;
    settings.logLevels = logLevels;
    settings.logColors = logLevels; // the flat field on a log colour scale too
    scene.settings = settings.toJson();
    scene.runs = {SceneRun{}};
    LandscapePage page;
    QCOMPARE(page.applyScene(scene), QString());
    QTemporaryDir dir;
    QCOMPARE(exportImage(page, dir.filePath(QStringLiteral("flat.png")), QSize(320, 200)),
             QString());
    QVERIFY(QImage(dir.filePath(QStringLiteral("flat.png"))).width() == 320);
}

void TestExport::failedExportKeepsExistingFile() {
    CurvePage page;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.bmp"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("precious");
    f.close();
    QVERIFY(!exportImage(page, path, QSize(100, 100)).isEmpty());
    QCOMPARE(readAll(path), QByteArray("precious"));
    QVERIFY(!exportGif(page, dir.filePath(QStringLiteral("no/such/dir/x.gif")), GifOptions{})
                 .isEmpty());
}

void TestExport::exportGivesThePlotItsSizeBack() {
    CurvePage page;
    page.resize(900, 600);
    page.show();
    const QSize before = page.plot()->size();
    QTemporaryDir dir;
    QCOMPARE(exportImage(page, dir.filePath(QStringLiteral("a.png")), QSize(333, 222)), QString());
    QCOMPARE(page.plot()->size(), before);
    GifOptions gif;
    gif.size = QSize(200, 120);
    gif.frames = 3;
    QCOMPARE(exportGif(page, dir.filePath(QStringLiteral("a.gif")), gif), QString());
    QCOMPARE(page.plot()->size(), before);
    QCOMPARE(page.playback()->index(), page.playback()->last()); // the shown step is restored too
}

void TestExport::exportDialogOffersWhatAppliesToItsKind() {
    ExportDialog png(ExportDialog::Kind::Png, QSize(800, 500), 70);
    QCOMPARE(png.imageSize(), QSize(800, 500));
    QCOMPARE(png.scale(), 2.0);
    ExportDialog gif(ExportDialog::Kind::Gif, QSize(800, 500), 70);
    QCOMPARE(gif.frames(), 71); // one frame per step when the run is short
    QCOMPARE(gif.fps(), 30);
    QCOMPARE(gif.scale(), 1.0);
    ExportDialog longRun(ExportDialog::Kind::Gif, QSize(800, 500), 5000);
    QCOMPARE(longRun.frames(), 300);
}

// Every CSV starts with '#' lines: the version, the function, the start, each run's optimizer
// with every hyperparameter (its own value or the method's default) and its schedule, and the
// whole scene, which reads back as the page's scene.
void TestExport::csvSaysWhatProducedIt() {
    const SceneResult race = builtinScene(QStringLiteral("race-rosenbrock"));
    QVERIFY(std::holds_alternative<Scene>(race));
    Scene scene = std::get<Scene>(race);
    Schedule step;
    step.kind = ScheduleKind::StepDecay;
    step.stepSize = 100;
    scene.runs[0].schedule = step;
    LandscapePage page;
    QCOMPARE(page.applyScene(scene), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.csv"));
    QCOMPARE(exportCsv(page, path), QString());
    const QByteArray csv = readAll(path);
    QVERIFY(csv.startsWith("# gradscape " GRADSCAPE_VERSION));
    QVERIFY(csv.contains("# function: rosenbrock = (1 - x)^2 + 100(y - x^2)^2\n"));
    QVERIFY(csv.contains("# direction: descent, start: -1.2 1, max_steps: 3000\n"));
    const Scene shown = page.scene();
    const QVector<CsvRun> runs = readCsvRuns(csv);
    QCOMPARE(runs.size(), shown.runs.size());
    for (int r = 0; r < runs.size(); ++r) {
        QCOMPARE(runs[r].optimizer, shown.runs[r].optimizer);
        const auto opt = createOptimizer(shown.runs[r].optimizer.toStdString());
        QCOMPARE(runs[r].params.size(), int(opt->hyperParams().size())); // every one, named
        for (int p = 0; p < runs[r].params.size(); ++p) {
            const HyperParam& h = opt->hyperParams()[size_t(p)];
            QCOMPARE(runs[r].params[p].first, QString::fromStdString(h.key));
            QCOMPARE(runs[r].params[p].second,
                     shown.runs[r].params.value(QString::fromStdString(h.key), h.defaultValue));
        }
    }
    QVERIFY2(runs[0].schedule.contains(QStringLiteral("\"step\"")), qPrintable(runs[0].schedule));
    QCOMPARE(runs[1].schedule, QStringLiteral("constant"));
    // The scene line is the page's scene, whole.
    const QByteArray line = csv.mid(csv.indexOf("# scene: ") + 9).split('\n').front();
    const SceneResult back = sceneFromJson(line);
    QVERIFY(std::holds_alternative<Scene>(back));
    QCOMPARE(std::get<Scene>(back), shown);
    // The table follows, with its header first.
    QVERIFY(csvTable(csv).startsWith("run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step"));
}

void TestExport::saveSceneRoundTripsEveryBuiltinScene_data() {
    QTest::addColumn<QStringList>("source");
    for (const QString& name : builtinSceneNames())
        QTest::newRow(qPrintable(name)) << QStringList{name};
    for (const QString& name : lessonNames())
        QTest::newRow(qPrintable(QStringLiteral("lesson ") + name))
            << QStringList{QStringLiteral("--lesson"), name};
}

// --save-scene writes what File > Save would: the scene as the page shows it, normalized, in the
// current version, and saving that file again gives the same bytes.
void TestExport::saveSceneRoundTripsEveryBuiltinScene() {
    QFETCH(QStringList, source);
    QTemporaryDir dir;
    const QString once = dir.filePath(QStringLiteral("once.json")),
                  twice = dir.filePath(QStringLiteral("twice.json"));
    const Cli first = runCli(source + QStringList{"--save-scene", once});
    QVERIFY2(first.exitCode == 0, qPrintable(first.stderrText));
    const SceneResult saved = loadSceneFile(once);
    QVERIFY(std::holds_alternative<Scene>(saved));
    QVERIFY(readAll(once).contains("\"version\": 2"));
    const Cli second = runCli({once, "--save-scene", twice});
    QVERIFY2(second.exitCode == 0, qPrintable(second.stderrText));
    QCOMPARE(readAll(twice), readAll(once));
    // It is the scene it came from, as the page reads it.
    const SceneResult original =
        source.front() == QLatin1String("--lesson")
            ? SceneResult(std::get<Lesson>(loadLesson(source[1])).sceneAt(0, false))
            : builtinScene(source.front());
    const Scene& a = std::get<Scene>(original);
    const Scene& b = std::get<Scene>(saved);
    QCOMPARE(b.page, a.page);
    QCOMPARE(b.catalog, a.catalog);
    QCOMPARE(b.formula, a.formula);
    QCOMPARE(b.lesson, a.lesson);
    if (PageRegistry::instance().find(a.page)->runs) QCOMPARE(b.runs.size(), a.runs.size());
}

QTEST_MAIN(TestExport)
#include "test_export.moc"

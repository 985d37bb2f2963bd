// The basin map on the two-variable page: the built-in scenes show Himmelblau's four basins with a
// legend of their own, a cell is coloured by where its run really ends, the overlay follows its
// switch and run choice, and the scene option is validated, saved only when used, and optional.

#include "pages/landscape/basin_panel.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "plot/basin_plottable.h"
#include "scene/builtin_scenes.h"
#include "views/landscape_view.h"

#include <QCheckBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

using namespace gs;
using namespace gs::app;

class TestBasinOverlay : public QObject {
    Q_OBJECT
private slots:
    void builtinScenesShowFourBasins_data();
    void builtinScenesShowFourBasins();
    void cellsAreLabelledByTheirRun();
    void switchAndRunChoice();
    void workerComputesAndCancels();
    void settingsRoundTrip();
    void badSettingsAreNamed_data();
    void badSettingsAreNamed();
};

namespace {

Scene loaded(const QString& name) {
    const SceneResult r = builtinScene(name);
    if (!std::holds_alternative<Scene>(r)) qFatal("scene %s does not load", qPrintable(name));
    return std::get<Scene>(r);
}

} // namespace

void TestBasinOverlay::builtinScenesShowFourBasins_data() {
    QTest::addColumn<QString>("scene");
    QTest::addColumn<int>("resolution");
    QTest::newRow("gradient descent") << "basins-himmelblau-gd" << 200;
    QTest::newRow("adam") << "basins-himmelblau-adam" << 160;
}

void TestBasinOverlay::builtinScenesShowFourBasins() {
    QFETCH(QString, scene);
    QFETCH(int, resolution);
    LandscapePage page;
    page.resize(1600, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.applyScene(loaded(scene)), QString());
    BasinPanel* panel = page.basinPanel();
    panel->wait();
    const BasinMap& map = panel->plottable()->map();
    QCOMPARE(map.nx, resolution);
    QCOMPARE(map.completed, resolution * resolution);
    int basins = 0;
    for (const Attractor& a : map.attractors)
        if (a.cells > 0) {
            ++basins;
            QCOMPARE(a.kind, Optimum::Kind::Minimum);
            QVERIFY2(a.cells > map.nx * map.ny / 8, qPrintable(QString::number(a.cells)));
        }
    QCOMPARE(basins, 4);
    page.view()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    // A heading, the four basins, each row naming its minimum, then a row for diverged and one for
    // undecided starts when the view holds any (far out, a fixed rate can overshoot).
    const bool diverged = std::count(map.labels.begin(), map.labels.end(), BasinMap::kDiverged) > 0;
    const bool undecided =
        std::count(map.labels.begin(), map.labels.end(), BasinMap::kUndecided) > 0;
    QCPLegend* legend = panel->legend();
    QVERIFY(legend->visible());
    QCOMPARE(legend->itemCount(), 5 + int(diverged) + int(undecided));
    for (int i = 1; i < 5; ++i) {
        auto* item = qobject_cast<BasinLegendItem*>(legend->item(i));
        QVERIFY(item);
        QVERIFY2(item->text().startsWith('('), qPrintable(item->text()));
    }
    QVERIFY(panel->figures()->text().contains(QString::number(resolution)));
    // Saved with the scene as it was read.
    QCOMPARE(settingsFrom<LandscapeSettings>(page.scene().settings).basins,
             settingsFrom<LandscapeSettings>(loaded(scene).settings).basins);
}

void TestBasinOverlay::cellsAreLabelledByTheirRun() {
    // The page's own run from a start lands where the map says that start's cell goes.
    LandscapePage page;
    QCOMPARE(page.applyScene(loaded(QStringLiteral("basins-himmelblau-gd"))), QString());
    const BasinPlottable* basins = page.basinPanel()->plottable();
    const BasinMap& map = basins->map();
    for (const QPointF start : {QPointF(-4, 4), QPointF(4, 4), QPointF(-4, -4), QPointF(4, -4),
                                QPointF(0.5, -0.5), QPointF(-1, 1.5)}) {
        // The grid point nearest the start: the map's cell, and the run's start.
        const int i = int(std::lround((start.x() + 5) / 10 * (map.nx - 1)));
        const int j = int(std::lround((start.y() + 5) / 10 * (map.ny - 1)));
        page.setStart(QPointF(map.x(i), map.y(j)));
        const Trajectory& t = page.trajectory(0);
        const auto end = t.x(t.size() - 1);
        const int label = basins->labelAt(map.x(i), map.y(j));
        QVERIFY(label >= 0);
        const Attractor& a = map.attractors[size_t(label)];
        QVERIFY2(std::hypot(end[0] - a.x, end[1] - a.y) < 1e-3,
                 qPrintable(QStringLiteral("start (%1, %2)").arg(start.x()).arg(start.y())));
        QCOMPARE(map.stepsAt(i, j), t.stopStep());
    }
}

void TestBasinOverlay::switchAndRunChoice() {
    LandscapePage page;
    QCOMPARE(page.applyScene(loaded(QStringLiteral("basins-himmelblau-gd"))), QString());
    BasinPanel* panel = page.basinPanel();
    QVERIFY(!panel->plottable()->empty());
    panel->showBox()->setChecked(false);
    QVERIFY(panel->plottable()->empty());
    QVERIFY(!settingsFrom<LandscapeSettings>(page.scene().settings).basins.show);
    panel->showBox()->setChecked(true);
    QVERIFY(!panel->plottable()->empty());

    // A run the page does not have: no map, and the reason.
    BasinSettings s = panel->settings();
    s.run = 3;
    panel->setSettings(s);
    emit panel->settingsChanged();
    QVERIFY(panel->plottable()->empty());
    QVERIFY2(panel->figures()->text().contains(QStringLiteral("no run 4")),
             qPrintable(panel->figures()->text()));
}

void TestBasinOverlay::workerComputesAndCancels() {
    LandscapePage page;
    BasinPanel* panel = page.basinPanel();
    panel->setComputeInWorker(true);
    QCOMPARE(page.applyScene(loaded(QStringLiteral("basins-himmelblau-gd"))), QString());
    QVERIFY(panel->busy()); // the request returned at once; the map comes later
    panel->wait();
    QVERIFY(!panel->busy());
    QCOMPARE(panel->plottable()->map().completed, 200 * 200);
    QVERIFY(panel->progressBar()->isHidden());

    // A newer request cancels the older one; only the newer map is shown. With λ = 0.0005 the
    // slowest starts run into the step limit, which tells the maps apart.
    page.optimizer(0).set("lr", 0.0005);
    page.setMaxSteps(400);
    QVERIFY(panel->busy());
    page.setMaxSteps(600);
    panel->wait();
    QCOMPARE(panel->plottable()->map().completed, 200 * 200);
    int longest = 0;
    for (int s : panel->plottable()->map().steps)
        longest = std::max(longest, s);
    QCOMPARE(longest, 600);

    // Cancel: an empty map and what happened (40,000 starts × up to 5000 steps take a while).
    page.setMaxSteps(5000);
    QVERIFY(panel->busy());
    panel->cancelButton()->click();
    panel->wait();
    QVERIFY(panel->plottable()->empty());
    QVERIFY2(panel->figures()->text().startsWith(QStringLiteral("Cancelled")),
             qPrintable(panel->figures()->text()));
}

void TestBasinOverlay::settingsRoundTrip() {
    // A section from before the overlay shows none, and one without it writes none.
    const LandscapeSettings old = settingsFrom<LandscapeSettings>(
        QJsonObject{{QStringLiteral("isolines"), true}, {QStringLiteral("levels"), "log"}});
    QVERIFY(!old.basins.show);
    QVERIFY(!old.toJson().contains(QStringLiteral("basins")));
    LandscapeSettings on;
    on.basins = {true, 2, 120, 30};
    const QJsonObject json = on.toJson();
    QVERIFY(json.contains(QStringLiteral("basins")));
    QCOMPARE(LandscapeSettings::read(JsonReader(json, {})), on);
}

void TestBasinOverlay::badSettingsAreNamed_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("not an object") << R"({"basins": 3})"
                                   << "basins";
    QTest::newRow("unknown key") << R"({"basins": {"colour": 1}})"
                                 << "colour";
    QTest::newRow("resolution too small") << R"({"basins": {"resolution": 4}})"
                                          << "basins.resolution";
    QTest::newRow("resolution too large") << R"({"basins": {"resolution": 5000}})"
                                          << "basins.resolution";
    QTest::newRow("preview above resolution") << R"({"basins": {"resolution": 50, "preview": 80}})"
                                              << "basins.preview";
    QTest::newRow("negative run") << R"({"basins": {"run": -1}})"
                                  << "basins.run";
    QTest::newRow("show not a bool") << R"({"basins": {"show": "yes"}})"
                                     << "basins.show";
}

void TestBasinOverlay::badSettingsAreNamed() {
    QFETCH(QString, json);
    QFETCH(QString, field);
    const QJsonObject section = QJsonDocument::fromJson(json.toUtf8()).object();
    try {
        LandscapeSettings::read(JsonReader(section, QStringLiteral("landscape")));
        QFAIL("accepted");
    } catch (const SceneError& e) {
        QVERIFY2(e.text().contains(field), qPrintable(e.text()));
    }
}

QTEST_MAIN(TestBasinOverlay)
#include "test_basin_overlay.moc"

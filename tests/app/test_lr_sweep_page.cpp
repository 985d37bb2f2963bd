// The learning-rate sweep page: its stability line at 2/λmax on the bowl ½(x² + 25y²) sits at
// 2/25 = 0.08 where gradient descent starts to diverge, its CSV has one row per optimizer and
// rate, a click on a point gives that optimizer the point's rate, the worker thread reports
// progress and can be cancelled, and its settings are validated and saved.

#include "analysis/lr_sweep.h"
#include "objective/catalog.h"
#include "pages/lr_sweep/lr_sweep_page.h"
#include "pages/lr_sweep/lr_sweep_settings.h"
#include "pages/page_registry.h"
#include "scene/scene_json.h"
#include "views/lr_sweep_view.h"
#include "window/main_window.h"

#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using namespace gs;
using namespace gs::app;

class TestLrSweepPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void onsetLineAtTwoOverLambdaMax();
    void tableHasARowPerOptimizerAndRate();
    void clickLoadsTheRate();
    void workerReportsProgressAndCancels();
    void settingsAreValidatedAndSaved_data();
    void settingsAreValidatedAndSaved();
    void openedFromTheTwoVariablePage();
    void windowRoutesThereAndBack();
};

namespace {

Scene bowl(int points = 40) {
    Scene s;
    s.page = QStringLiteral("lr-sweep");
    s.catalog = QStringLiteral("ill-conditioned"); // ½(x² + 25y²) = 0.5x² + 12.5y²
    s.start = {-2.5, 1.0};
    s.maxSteps = 500;
    s.runs = {SceneRun{QStringLiteral("gd"), {}, {}, true},
              SceneRun{QStringLiteral("momentum"), {}, {}, true}};
    LrSweepPageSettings settings;
    settings.lo = 1e-3;
    settings.hi = 1.0;
    settings.points = points;
    s.settings = settings.toJson();
    return s;
}

} // namespace

void TestLrSweepPage::onsetLineAtTwoOverLambdaMax() {
    LrSweepPage page(2);
    QCOMPARE(page.applyScene(bowl()), QString());
    QVERIFY(page.stabilityLimit());
    QVERIFY(std::abs(*page.stabilityLimit() - 2.0 / 25) < 1e-12);
    QVERIFY(page.view()->onset() && std::abs(*page.view()->onset() - 0.08) < 1e-12);
    // The line's x on the plot is the limit, and gradient descent diverges just past it: every
    // rate above 0.08 diverged, every rate below 0.075 did not.
    const LrSweepResult& gd = page.results()[0];
    QCOMPARE(gd.completed, 40);
    for (const LrSweepPoint& p : gd.points) {
        if (p.lr > 0.0801)
            QVERIFY2(p.status == RunStatus::Diverged, qPrintable(QString::number(p.lr)));
        if (p.lr < 0.075)
            QVERIFY2(p.status != RunStatus::Diverged, qPrintable(QString::number(p.lr)));
    }
    // Without gradient descent there is no line.
    Scene noGd = bowl();
    noGd.runs.removeFirst();
    QCOMPARE(page.applyScene(noGd), QString());
    QVERIFY(!page.stabilityLimit() && !page.view()->onset());
}

void TestLrSweepPage::tableHasARowPerOptimizerAndRate() {
    LrSweepPage page(2);
    QCOMPARE(page.applyScene(bowl(25)), QString());
    const Table t = page.table();
    QCOMPARE(t.header, (QStringList{"optimizer", "run", "lr", "final_loss", "steps_to_tolerance",
                                    "status", "stop_step"}));
    QCOMPARE(t.rows.size(), 50);
    const auto f = makeCatalogObjective("ill-conditioned");
    for (int i = 0; i < t.rows.size(); ++i) {
        const QStringList& row = t.rows[i];
        QCOMPARE(row.size(), t.header.size());
        QCOMPARE(row[0], i < 25 ? QStringLiteral("gd") : QStringLiteral("momentum"));
        QCOMPARE(row[2].toDouble(), sweepRate(1e-3, 1.0, 25, i % 25));
        QVERIFY(QStringList({"converged", "diverged", "step_limit"}).contains(row[5]));
    }
    // The numbers are core's sweep's.
    LrSweepSettings s;
    s.optimizer = "gd";
    s.start = (Vec(2) << -2.5, 1.0).finished();
    s.lo = 1e-3;
    s.hi = 1.0;
    s.points = 25;
    s.rules.maxSteps = 500;
    s.rules.gradientTol = 1e-8;
    s.lossTarget = 1e-6;
    const LrSweepResult core = sweepLearningRate(*f, s);
    for (int i = 0; i < 25; ++i) {
        const LrSweepPoint& p = core.points[size_t(i)];
        if (p.status != RunStatus::Diverged) QCOMPARE(t.rows[i][3].toDouble(), p.finalLoss);
        QCOMPARE(t.rows[i][4], p.stepsToTarget >= 0 ? QString::number(p.stepsToTarget) : QString());
        QCOMPARE(t.rows[i][6].toInt(), p.stopStep);
    }
}

void TestLrSweepPage::clickLoadsTheRate() {
    LrSweepPage page(2);
    page.resize(1000, 600);
    QCOMPARE(page.applyScene(bowl(20)), QString());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.view()->plot()->replot();
    // A real click on momentum's 7th point.
    const QPointF at = page.view()->pixelOf(1, 6);
    QSignalSpy clicked(page.view(), &LrSweepView::pointClicked);
    QTest::mouseClick(page.view()->plot(), Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().at(0).toInt(), 1);
    QCOMPARE(clicked.front().at(1).toInt(), 6);
    const double rate = sweepRate(1e-3, 1.0, 20, 6);
    QCOMPARE(page.scene().runs[1].params.value(QStringLiteral("lr")), rate);
    QVERIFY(!page.scene().runs[0].params.contains(QStringLiteral("lr")));
    // "Show this run" asks for the scene on the page it came from, with that rate.
    Scene from = bowl(20);
    LrSweepPageSettings settings = LrSweepPageSettings::read(JsonReader(from.settings, {}));
    settings.from = QStringLiteral("landscape");
    from.settings = settings.toJson();
    QCOMPARE(page.applyScene(from), QString());
    page.selectPoint(0, 3);
    QVERIFY(page.openButton()->isVisible());
    QSignalSpy open(&page, &Page::openSceneRequested);
    page.openButton()->click();
    QCOMPARE(open.count(), 1);
    const Scene asked = open.front().at(0).value<Scene>();
    QCOMPARE(asked.page, QStringLiteral("landscape"));
    QCOMPARE(asked.runs[0].params.value(QStringLiteral("lr")), sweepRate(1e-3, 1.0, 20, 3));
}

void TestLrSweepPage::workerReportsProgressAndCancels() {
    LrSweepPage page(2);
    page.setSynchronous(false);
    QSignalSpy finished(&page, &LrSweepPage::sweepFinished);
    Scene s = bowl(200);
    s.maxSteps = 5000;
    QCOMPARE(page.applyScene(s), QString());
    QVERIFY(finished.wait(20000));
    QCOMPARE(page.progressBar()->value(), 400);
    QCOMPARE(page.results().size(), 2);
    QCOMPARE(page.results()[1].completed, 200);
    // A cancel ends the sweep early with the rates done so far.
    s.runs = {SceneRun{QStringLiteral("gd"), {}, {}, true}};
    s.maxSteps = 100000;
    LrSweepPageSettings settings;
    settings.lo = 1e-5;
    settings.hi = 1e-4; // slow rates: every run takes all 100000 steps
    settings.points = 400;
    s.settings = settings.toJson();
    QCOMPARE(page.applyScene(s), QString());
    QVERIFY(page.running());
    page.cancelButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY(!page.running());
    QCOMPARE(page.results().size(), 1);
    QCOMPARE(int(page.results()[0].status), int(LrSweepStatus::Cancelled));
    QVERIFY(page.results()[0].completed < 400);
}

void TestLrSweepPage::settingsAreValidatedAndSaved_data() {
    QTest::addColumn<QJsonObject>("section");
    QTest::addColumn<QString>("field");
    QTest::newRow("valid") << QJsonObject{{"lo", 1e-4},
                                          {"hi", 2},
                                          {"points", 10},
                                          {"quantity", "steps"},
                                          {"from", "landscape"}}
                           << QString();
    QTest::newRow("lo too small") << QJsonObject{{"lo", 0}} << "lr-sweep.lo";
    QTest::newRow("hi below lo") << QJsonObject{{"lo", 0.5}, {"hi", 0.1}} << "lr-sweep.hi";
    QTest::newRow("one point") << QJsonObject{{"points", 1}} << "lr-sweep.points";
    QTest::newRow("unknown quantity") << QJsonObject{{"quantity", "time"}} << "lr-sweep.quantity";
    QTest::newRow("unknown key") << QJsonObject{{"rates", 3}} << "lr-sweep.rates";
}

void TestLrSweepPage::settingsAreValidatedAndSaved() {
    QFETCH(QJsonObject, section);
    QFETCH(QString, field);
    Scene s = bowl();
    s.settings = section;
    const SceneResult r = sceneFromJson(sceneToJson(s));
    if (field.isEmpty()) {
        QVERIFY(std::holds_alternative<Scene>(r));
        QVERIFY(std::get<Scene>(r) == s);
        LrSweepPage page(2);
        QCOMPARE(page.applyScene(s), QString());
        const LrSweepPageSettings shown = settingsFrom<LrSweepPageSettings>(page.scene().settings);
        QCOMPARE(shown.points, 10);
        QCOMPARE(int(shown.quantity), int(LrSweepPageSettings::Quantity::StepsToTolerance));
        QCOMPARE(shown.from, QStringLiteral("landscape"));
    } else {
        const auto* e = std::get_if<SceneError>(&r);
        QVERIFY(e);
        QCOMPARE(e->field, field);
    }
}

void TestLrSweepPage::openedFromTheTwoVariablePage() {
    // The registry's openFrom turns a two-variable scene into a sweep of its runs; the
    // one-variable sweep refuses it.
    Scene landscape = bowl();
    landscape.page = QStringLiteral("landscape");
    landscape.settings = {};
    const PageInfo* sweep2 = PageRegistry::instance().find(QStringLiteral("lr-sweep"));
    const PageInfo* sweep1 = PageRegistry::instance().find(QStringLiteral("lr-sweep-1d"));
    QVERIFY(sweep2 && sweep2->openFrom && sweep1 && sweep1->openFrom);
    landscape.runs << SceneRun{QStringLiteral("adam"), {}, {}, false}; // hidden: not swept
    const std::optional<Scene> s = sweep2->openFrom(landscape);
    QVERIFY(s);
    QCOMPARE(s->page, QStringLiteral("lr-sweep"));
    QCOMPARE(s->runs, landscape.runs.mid(0, 2));
    QCOMPARE(s->start, landscape.start);
    QCOMPARE(settingsFrom<LrSweepPageSettings>(s->settings).from, QStringLiteral("landscape"));
    QVERIFY(std::holds_alternative<Scene>(sceneFromJson(sceneToJson(*s))));
    QVERIFY(!sweep1->openFrom(landscape));
    Scene curve;
    curve.page = QStringLiteral("curve");
    curve.catalog = QStringLiteral("quadratic");
    const std::optional<Scene> one = sweep1->openFrom(curve);
    QVERIFY(one);
    LrSweepPage page(1);
    QCOMPARE(page.applyScene(*one), QString());
    QVERIFY(page.stabilityLimit() && std::abs(*page.stabilityLimit() - 1.0) < 1e-12); // 2/2
}

void TestLrSweepPage::windowRoutesThereAndBack() {
    // Tools > Learning-Rate Sweep of This Page on the two-variable page opens the sweep of its
    // runs; a clicked rate's "Show this run" goes back with that rate.
    MainWindow window;
    Scene landscape = bowl();
    landscape.page = QStringLiteral("landscape");
    landscape.settings = {};
    QCOMPARE(window.openScene(landscape), QString());
    QAction* tool = nullptr;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu() && menu->text().remove('&') == QStringLiteral("Tools"))
            for (QAction* a : menu->menu()->actions())
                if (a->text().startsWith(QStringLiteral("Learning-rate sweep of"))) tool = a;
    QVERIFY(tool);
    tool->trigger();
    auto* sweep = qobject_cast<LrSweepPage*>(window.currentPage());
    QVERIFY(sweep);
    QCOMPARE(sweep->scene().page, QStringLiteral("lr-sweep"));
    QCOMPARE(sweep->results().size(), 2);
    sweep->selectPoint(0, 5);
    const double rate = sweep->results()[0].points[5].lr;
    sweep->openButton()->click();
    QCOMPARE(window.currentPage()->scene().page, QStringLiteral("landscape"));
    QCOMPARE(window.currentPage()->scene().runs[0].params.value(QStringLiteral("lr")), rate);
}

QTEST_MAIN(TestLrSweepPage)
#include "test_lr_sweep_page.moc"

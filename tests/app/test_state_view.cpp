// The state panel: its lines are the optimizer's own named state step by step (an optimizer run
// here by hand is the oracle), its marker follows playback, a press moves playback, hovering rings
// the step on the map or the curve, its choice survives a scene round trip and a bad choice in a
// scene file is named; the one-variable page shows it only for runs that keep state.

#include "csv_table.h"
#include "controls/playback_bar.h"
#include "objective/catalog.h"
#include "optim/registry.h"
#include "pages/curve/curve_page.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "plot/path_plottable.h"
#include "render/exporter.h"
#include "scene/scene_json.h"
#include "views/curve_view.h"
#include "views/number_format.h"
#include "views/state_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QMouseEvent>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

/// A two-variable scene on the ill-conditioned bowl with the given runs, the state tab shown.
Scene bowlScene(const QVector<SceneRun>& runs, const StateSelection& state = {}) {
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = QStringLiteral("ill-conditioned");
    s.start = {-2.8, 0.5};
    s.maxSteps = 120;
    s.runs = runs;
    LandscapeSettings settings;
    settings.statePanel = true;
    settings.state = state;
    s.settings = settings.toJson();
    return s;
}

/// Sends a mouse event to the state panel's plot at step k (mid-height).
void mouseAt(StateView& view, QEvent::Type type, int k, Qt::MouseButton button) {
    QCustomPlot* plot = view.plot();
    plot->replot(); // lay the axis rect out so coordinates map to pixels
    const QPointF at(plot->xAxis->coordToPixel(k), plot->axisRect()->center().y());
    const Qt::MouseButtons held = type == QEvent::MouseButtonRelease ? Qt::NoButton : button;
    QMouseEvent e(type, at, plot->mapToGlobal(at), button, held, Qt::NoModifier);
    QApplication::sendEvent(plot, &e);
}

} // namespace

class TestStateView : public QObject {
    Q_OBJECT
private slots:
    void seriesAreTheOptimizersOwnState_data();
    void seriesAreTheOptimizersOwnState();
    void oneCoordinateIsOneLine();
    void markerFollowsPlayback();
    void pressMovesPlaybackAndHoverRingsTheStep();
    void choiceSurvivesASceneRoundTrip();
    void badChoiceInAFileIsNamed_data();
    void badChoiceInAFileIsNamed();
    void defaultChoiceFollowsTheRuns();
    void curvePageShowsStateOnlyWhenARunKeepsIt();
    void logAxisLeavesOutNonPositiveValues();
};

void TestStateView::seriesAreTheOptimizersOwnState_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariantMap>("params");
    QTest::newRow("momentum") << "momentum" << QVariantMap{{"lr", 0.02}};
    QTest::newRow("nesterov") << "nesterov" << QVariantMap{{"lr", 0.02}};
    QTest::newRow("adagrad") << "adagrad" << QVariantMap{{"lr", 1.0}};
    QTest::newRow("rmsprop") << "rmsprop" << QVariantMap{{"lr", 0.05}};
    QTest::newRow("adam") << "adam" << QVariantMap{{"lr", 0.1}};
    QTest::newRow("adam without bias correction")
        << "adam" << QVariantMap{{"lr", 0.1}, {"bias_correction", 0.0}};
    QTest::newRow("adadelta") << "adadelta" << QVariantMap{};
    QTest::newRow("amsgrad") << "amsgrad" << QVariantMap{{"lr", 0.1}};
}

void TestStateView::seriesAreTheOptimizersOwnState() {
    QFETCH(QString, key);
    QFETCH(QVariantMap, params);
    SceneRun run{key, {}, {}, true};
    for (auto it = params.begin(); it != params.end(); ++it)
        run.params.insert(it.key(), it.value().toDouble());
    LandscapePage page;
    QCOMPARE(page.applyScene(bowlScene({run})), QString());
    StateView& view = *page.stateView();
    const std::vector<std::string> names = page.optimizer(0).stateNames();
    QVERIFY(!names.empty());
    QCOMPARE(view.stateBox()->count(), int(names.size()));

    // The oracle: the same method stepped by hand from the same start on the same function.
    const ObjectivePtr f = makeCatalogObjective("ill-conditioned");
    for (int s = 0; s < int(names.size()); ++s) {
        view.select({0, QString::fromStdString(names[size_t(s)]), -1, false});
        const QVector<QVector<double>> lines = view.series();
        QCOMPARE(lines.size(), 2); // all coordinates: x and y
        auto opt = createOptimizer(key.toStdString());
        for (auto it = params.begin(); it != params.end(); ++it)
            QVERIFY(!opt->set(it.key().toStdString(), it.value().toDouble()));
        opt->reset(2);
        Vec x = (Vec(2) << -2.8, 0.5).finished();
        const int steps = page.trajectory(0).size() - 1;
        QVERIFY(steps > 10);
        QCOMPARE(lines[0].size(), steps + 1);
        QVERIFY(std::isnan(lines[0][0])); // step 0: no update yet, nothing drawn
        for (int k = 1; k <= steps; ++k) {
            Vec g(2);
            f->valueAndGradient(x, g);
            opt->step(*f, x, g);
            const Vec& state = opt->state(s);
            for (int c = 0; c < 2; ++c) {
                const double want = state[c], got = lines[c][k];
                if (!(std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want))))
                    QFAIL(qPrintable(QStringLiteral("%1, step %2, coordinate %3: panel %4, "
                                                    "optimizer %5")
                                         .arg(QString::fromStdString(names[size_t(s)]))
                                         .arg(k)
                                         .arg(c)
                                         .arg(got, 0, 'g', 17)
                                         .arg(want, 0, 'g', 17)));
            }
        }
    }
}

void TestStateView::oneCoordinateIsOneLine() {
    LandscapePage page;
    QCOMPARE(
        page.applyScene(bowlScene({SceneRun{QStringLiteral("adagrad"), {}, {}, true}},
                                  {0, QStringLiteral("accumulated squared gradient r"), 1, false})),
        QString());
    const QVector<QVector<double>> lines = page.stateView()->series();
    QCOMPARE(lines.size(), 1);
    const Trajectory& t = page.trajectory(0);
    for (int k = 1; k < t.size(); ++k)
        QCOMPARE(lines[0][k], t.state(k, 0)[1]);
    QCOMPARE(page.stateView()->plot()->graphCount(), 1);
    QVERIFY(!page.stateView()->plot()->legend->visible());
}

void TestStateView::markerFollowsPlayback() {
    LandscapePage page;
    QCOMPARE(page.applyScene(bowlScene({SceneRun{QStringLiteral("momentum"), {}, {}, true}})),
             QString());
    StateView& view = *page.stateView();
    for (int k : {0, 17, 60, 3}) {
        page.playback()->setIndex(k);
        QCOMPARE(view.current(), k);
        QCOMPARE(view.cursor()->point1->coords().x(), double(k));
        QCOMPARE(view.cursor()->point2->coords().x(), double(k));
    }
}

void TestStateView::pressMovesPlaybackAndHoverRingsTheStep() {
    LandscapePage page;
    QCOMPARE(page.applyScene(bowlScene({SceneRun{QStringLiteral("gd"), {}, {}, true},
                                        SceneRun{QStringLiteral("adam"), {}, {}, true}})),
             QString());
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    StateView& view = *page.stateView();
    QCOMPARE(page.lowerTabs()->currentWidget(), &view);
    QCOMPARE(view.shown().run, 1); // Adam: the first run that keeps state

    mouseAt(view, QEvent::MouseButtonPress, 40, Qt::LeftButton);
    QCOMPARE(page.playback()->index(), 40);
    mouseAt(view, QEvent::MouseMove, 55, Qt::LeftButton); // a drag scrubs
    QCOMPARE(page.playback()->index(), 55);
    mouseAt(view, QEvent::MouseButtonRelease, 55, Qt::LeftButton);

    mouseAt(view, QEvent::MouseMove, 25, Qt::NoButton);
    QCOMPARE(page.path(1)->highlight(), 25);
    QCOMPARE(page.path(0)->highlight(), -1);
    QCOMPARE(page.playback()->index(), 55); // hovering does not move playback
    // The hovered step's values are read out with the names of the lines.
    QVERIFY(view.readout()->visible());
    const QString text = view.readout()->text();
    QVERIFY2(text.startsWith(QStringLiteral("step 25: x = ")) &&
                 text.contains(QStringLiteral(", y = ") + formatNumber(view.series()[1][25], 4)),
             qPrintable(text));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(view.plot(), &leave);
    QCOMPARE(page.path(1)->highlight(), -1);
    QVERIFY(!view.readout()->visible());
}

void TestStateView::choiceSurvivesASceneRoundTrip() {
    const StateSelection chosen{1, QStringLiteral("velocity b"), 1, true};
    LandscapePage page;
    QCOMPARE(page.applyScene(bowlScene({SceneRun{QStringLiteral("adam"), {}, {}, true},
                                        SceneRun{QStringLiteral("momentum"), {}, {}, true}},
                                       chosen)),
             QString());
    QCOMPARE(page.stateView()->stateBox()->currentText(), QStringLiteral("velocity b"));
    QVERIFY(page.stateView()->logBox()->isChecked());
    const Scene shown = page.scene();
    const auto settings = settingsFrom<LandscapeSettings>(shown.settings);
    QVERIFY(settings.statePanel);
    QVERIFY(settings.state == chosen);

    // Through the file format and into a new page.
    const SceneResult back = sceneFromJson(sceneToJson(shown));
    QVERIFY(std::holds_alternative<Scene>(back));
    QVERIFY(std::get<Scene>(back) == shown);
    LandscapePage again;
    QCOMPARE(again.applyScene(std::get<Scene>(back)), QString());
    QCOMPARE(again.lowerTabs()->currentIndex(), 1);
    QVERIFY(again.stateView()->shown() == chosen);

    // A choice made in the panel is what the scene stores next.
    page.stateView()->coordinateBox()->setCurrentIndex(0); // all coordinates
    page.lowerTabs()->setCurrentIndex(0);
    const auto changed = settingsFrom<LandscapeSettings>(page.scene().settings);
    QCOMPARE(changed.state.coordinate, -1);
    QCOMPARE(changed.state.run, 1);
    QVERIFY(!changed.statePanel);
}

void TestStateView::badChoiceInAFileIsNamed_data() {
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QString>("field");
    QTest::newRow("coordinate") << QByteArray(R"({"coordinate": "z"})")
                                << "landscape.state.coordinate";
    QTest::newRow("run") << QByteArray(R"({"run": -2})") << "landscape.state.run";
    QTest::newRow("unknown key") << QByteArray(R"({"runs": 1})") << "landscape.state.runs";
    QTest::newRow("not an object") << QByteArray("3") << "landscape.state";
}

void TestStateView::badChoiceInAFileIsNamed() {
    QFETCH(QByteArray, state);
    QFETCH(QString, field);
    const QByteArray json = R"({"format": "gradscape-scene", "version": 2, "page": "landscape",
        "function": {"catalog": "ill-conditioned"}, "landscape": {"state": )" +
                            state + "}}";
    const SceneResult r = sceneFromJson(json);
    QVERIFY(std::holds_alternative<SceneError>(r));
    QVERIFY2(std::get<SceneError>(r).text().contains(field),
             qPrintable(std::get<SceneError>(r).text()));
}

void TestStateView::defaultChoiceFollowsTheRuns() {
    // No choice in the scene: the first run with state, its first state, every coordinate; and
    // the scene given back still makes no choice.
    LandscapePage page;
    Scene s = bowlScene({SceneRun{QStringLiteral("gd"), {}, {}, true},
                         SceneRun{QStringLiteral("rmsprop"), {}, {}, true}});
    QCOMPARE(page.applyScene(s), QString());
    const StateSelection shown = page.stateView()->shown();
    QCOMPARE(shown.run, 1);
    QCOMPARE(shown.state, QString::fromStdString(page.optimizer(1).stateNames().front()));
    QCOMPARE(shown.coordinate, -1);
    QVERIFY(settingsFrom<LandscapeSettings>(page.scene().settings).state == StateSelection{});
    // A run without state says so instead of showing an empty plot.
    page.stateView()->runBox()->setCurrentIndex(0);
    QCOMPARE(page.stateView()->stateBox()->count(), 0);
    QVERIFY(page.stateView()->series().isEmpty());
}

void TestStateView::curvePageShowsStateOnlyWhenARunKeepsIt() {
    CurvePage page;
    QVERIFY(page.stateView()->isHidden()); // the default run is gradient descent
    Scene s = page.scene();
    s.catalog = QStringLiteral("linear-plus-sine");
    s.formula.clear();
    s.direction = Scene::Direction::Descent;
    s.start = {2.5};
    s.xRange.clear();
    s.yRange.clear();
    s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.5}}, {}, true},
              SceneRun{QStringLiteral("adagrad"), {{QStringLiteral("lr"), 0.5}}, {}, true}};
    QCOMPARE(page.applyScene(s), QString());
    QVERIFY(!page.stateView()->isHidden());
    QVERIFY(page.stateView()->coordinateBox()->isHidden()); // one variable: one coordinate
    QCOMPARE(page.stateView()->shown().run, 1);
    const Trajectory& t = page.trajectory(1);
    const QVector<QVector<double>> lines = page.stateView()->series();
    QCOMPARE(lines.size(), 1);
    for (int k = 1; k < t.size(); ++k)
        QCOMPARE(lines[0][k], t.state(k, 0)[0]);
    page.playback()->setIndex(4);
    QCOMPARE(page.stateView()->current(), 4);
    emit page.stateView()->stepHovered(1, 3);
    QCOMPARE(page.view()->path(1)->highlight(), 3);
    QCOMPARE(page.view()->path(0)->highlight(), -1);

    // The CSV carries the same state, one column per name (one coordinate: no [x]).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("curve.csv"));
    QCOMPARE(exportCsv(page, path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = gs::test::csvTable(file.readAll()).trimmed().split('\n');
    const QList<QByteArray> header = rows.front().split(',');
    QCOMPARE(header.size(), 12);
    QCOMPARE(QString::fromUtf8(header[10]), QStringLiteral("accumulated squared gradient r"));
    const int first = 1 + page.trajectory(0).size(); // run 1's step 0
    QCOMPARE(rows.size(), first + t.size());
    QVERIFY(rows[1].split(',')[10].isEmpty()); // gradient descent keeps no state
    for (int k = 1; k < t.size(); ++k)
        QCOMPARE(rows[first + k].split(',')[10].toDouble(), t.state(k, 0)[0]);
}

void TestStateView::logAxisLeavesOutNonPositiveValues() {
    // Momentum's velocity changes sign across the valley: on a log axis those steps are gaps,
    // and the axis never sees a value at or below zero.
    LandscapePage page;
    QCOMPARE(page.applyScene(bowlScene({SceneRun{QStringLiteral("momentum"), {}, {}, true}},
                                       {0, QStringLiteral("velocity b"), 1, true})),
             QString());
    const QVector<double> line = page.stateView()->series().front();
    const Trajectory& t = page.trajectory(0);
    int gaps = 0;
    for (int k = 1; k < t.size(); ++k) {
        const double v = t.state(k, 0)[1];
        if (v > 0) {
            QCOMPARE(line[k], v);
        } else {
            QVERIFY(std::isnan(line[k]));
            ++gaps;
        }
    }
    QVERIFY(gaps > 0);
    const QCPRange range = page.stateView()->plot()->yAxis->range();
    QVERIFY(range.lower > 0 && std::isfinite(range.upper));
}

QTEST_MAIN(TestStateView)
#include "test_state_view.moc"

// Learning-rate schedules in scenes and on the pages: a schedule saves and loads unchanged, a bad
// one is refused with its field named, an old scene without one still loads, and a page's run with
// a schedule is exactly core's run with that schedule; the optimizer panel edits and plots it.

#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "controls/schedule_editor.h"
#include "objective/catalog.h"
#include "optim/registry.h"
#include "pages/curve/curve_page.h"
#include "pages/landscape/landscape_page.h"
#include "scene/scene_json.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <qcustomplot.h>

using namespace gs;
using namespace gs::app;

class TestScheduleScene : public QObject {
    Q_OBJECT
private slots:
    void scheduleRoundTrips_data();
    void scheduleRoundTrips();
    void badSchedulesNameTheField_data();
    void badSchedulesNameTheField();
    void sceneWithoutScheduleLoads();
    void landscapeRunUsesTheSchedule();
    void curveRunUsesTheSchedule();
    void panelEditsAndPlotsTheSchedule();
};

namespace {

Scene landscapeScene(std::optional<Schedule> schedule) {
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = QStringLiteral("ill-conditioned");
    s.start = {-2.5, 1.0};
    s.maxSteps = 200;
    s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.05}}, {}, true},
              SceneRun{QStringLiteral("momentum"), {}, {}, true}};
    s.runs[0].schedule = schedule;
    return s;
}

QString errorText(const SceneResult& r) {
    const auto* e = std::get_if<SceneError>(&r);
    return e ? e->text() : QString();
}

/// A landscape scene's JSON with runs[0].schedule set to `schedule`.
QByteArray withSchedule(const QJsonValue& schedule) {
    QJsonObject o = QJsonDocument::fromJson(sceneToJson(landscapeScene({}))).object();
    QJsonArray runs = o[QStringLiteral("runs")].toArray();
    QJsonObject run = runs[0].toObject();
    run[QStringLiteral("schedule")] = schedule;
    runs[0] = run;
    o[QStringLiteral("runs")] = runs;
    return QJsonDocument(o).toJson();
}

Schedule make(ScheduleKind kind) {
    Schedule s;
    s.kind = kind;
    return s;
}

} // namespace

void TestScheduleScene::scheduleRoundTrips_data() {
    QTest::addColumn<int>("kind");
    for (ScheduleKind k : scheduleKinds())
        QTest::newRow(std::string(scheduleKindKey(k)).c_str()) << int(k);
}

void TestScheduleScene::scheduleRoundTrips() {
    // Every kind with every parameter moved off its default, through JSON and through the page.
    QFETCH(int, kind);
    Schedule s = make(ScheduleKind(kind));
    for (const HyperParam& p : scheduleParams(s.kind))
        QVERIFY(!setScheduleParam(s, p.key, p.integer ? 37 : 0.73 * p.max));
    const Scene scene = landscapeScene(s);
    const SceneResult loaded = sceneFromJson(sceneToJson(scene));
    QVERIFY2(std::holds_alternative<Scene>(loaded), qPrintable(errorText(loaded)));
    QVERIFY(std::get<Scene>(loaded) == scene);
    QVERIFY(std::get<Scene>(loaded).runs[0].schedule == s);
    QVERIFY(!std::get<Scene>(loaded).runs[1].schedule);

    LandscapePage page;
    QCOMPARE(page.applyScene(scene), QString());
    const Scene shown = page.scene();
    // A constant schedule is the same as none, on the page and in the file.
    const std::optional<Schedule> expected =
        s.kind == ScheduleKind::Constant ? std::nullopt : std::optional(s);
    QVERIFY(shown.runs[0].schedule == expected);
    QVERIFY(!shown.runs[1].schedule);
}

void TestScheduleScene::badSchedulesNameTheField_data() {
    QTest::addColumn<QJsonValue>("schedule");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QJsonValue(3) << "runs[0].schedule"
                                   << "must be an object";
    QTest::newRow("no kind") << QJsonValue(QJsonObject{{"gamma", 0.5}}) << "runs[0].schedule.kind"
                             << "is missing";
    QTest::newRow("unknown kind") << QJsonValue(QJsonObject{{"kind", "linear"}})
                                  << "runs[0].schedule.kind"
                                  << "cosine";
    QTest::newRow("gamma too large")
        << QJsonValue(QJsonObject{{"kind", "exponential"}, {"gamma", 1.5}})
        << "runs[0].schedule.gamma"
        << "gamma must be in";
    QTest::newRow("gamma not a number")
        << QJsonValue(QJsonObject{{"kind", "step"}, {"gamma", "half"}}) << "runs[0].schedule.gamma"
        << "must be a number";
    QTest::newRow("fractional step size")
        << QJsonValue(QJsonObject{{"kind", "step"}, {"step_size", 2.5}})
        << "runs[0].schedule.step_size"
        << "whole number";
    QTest::newRow("period zero") << QJsonValue(QJsonObject{{"kind", "cosine"}, {"period", 0}})
                                 << "runs[0].schedule.period"
                                 << "period must be in";
    QTest::newRow("negative decay")
        << QJsonValue(QJsonObject{{"kind", "inverse_time"}, {"decay", -0.1}})
        << "runs[0].schedule.decay"
        << "decay must be in";
    QTest::newRow("another kind's key")
        << QJsonValue(QJsonObject{{"kind", "cosine"}, {"gamma", 0.5}}) << "runs[0].schedule.gamma"
        << "it uses period, min_rate";
    QTest::newRow("constant has no parameters")
        << QJsonValue(QJsonObject{{"kind", "constant"}, {"period", 5}}) << "runs[0].schedule.period"
        << "no parameters";
}

void TestScheduleScene::badSchedulesNameTheField() {
    QFETCH(QJsonValue, schedule);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const SceneResult r = sceneFromJson(withSchedule(schedule));
    const auto* e = std::get_if<SceneError>(&r);
    QVERIFY(e);
    QCOMPARE(e->field, field);
    QVERIFY2(e->message.contains(message), qPrintable(e->text()));
}

void TestScheduleScene::sceneWithoutScheduleLoads() {
    // A file written before schedules existed: no "schedule" key anywhere.
    const QByteArray json = sceneToJson(landscapeScene({}));
    QVERIFY(!json.contains("schedule"));
    const SceneResult r = sceneFromJson(json);
    QVERIFY2(std::holds_alternative<Scene>(r), qPrintable(errorText(r)));
    for (const SceneRun& run : std::get<Scene>(r).runs)
        QVERIFY(!run.schedule);
}

void TestScheduleScene::landscapeRunUsesTheSchedule() {
    // The page's run equals core's run with the same schedule, step for step, and differs from
    // the constant-rate run.
    Schedule decay = make(ScheduleKind::StepDecay);
    decay.gamma = 0.3;
    decay.stepSize = 5;
    LandscapePage page;
    QCOMPARE(page.applyScene(landscapeScene(decay)), QString());
    const auto f = makeCatalogObjective("ill-conditioned");
    auto gd = createOptimizer("gd");
    QVERIFY(!gd->set("lr", 0.05));
    StopRules rules;
    rules.maxSteps = 200;
    rules.gradientTol = 1e-8;
    const Vec start = (Vec(2) << -2.5, 1.0).finished();
    const Trajectory expected = run(*f, *gd, start, rules, decay);
    const Trajectory& shown = page.trajectory(0);
    QCOMPARE(shown.size(), expected.size());
    for (int k = 0; k < expected.size(); ++k)
        QVERIFY(shown.x(k) == expected.x(k));
    const Trajectory constant = run(*f, *gd, start, rules);
    QVERIFY((constant.x(10) - shown.x(10)).norm() > 1e-6);

    // Choosing "Constant" in the panel goes back to the constant rate.
    QComboBox* kind = page.panel(0)->scheduleEditor()->kindBox();
    QCOMPARE(kind->currentData().toString(), QStringLiteral("step"));
    kind->setCurrentIndex(0);
    QVERIFY(!page.scene().runs[0].schedule);
    QCOMPARE(page.trajectory(0).size(), constant.size());
    QVERIFY(page.trajectory(0).x(10) == constant.x(10));
}

void TestScheduleScene::curveRunUsesTheSchedule() {
    // λ_k = 0.3 · 0.9^k on x², x₀ = 2: x_{k+1} = x_k − λ_k · 2 x_k, computed by hand.
    Scene s;
    s.page = QStringLiteral("curve");
    s.catalog = QStringLiteral("quadratic");
    s.direction = Scene::Direction::Descent;
    s.start = {2.0};
    s.maxSteps = 30;
    s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.3}}, {}, true}};
    Schedule exp = make(ScheduleKind::Exponential);
    exp.gamma = 0.9;
    s.runs[0].schedule = exp;
    CurvePage page;
    QCOMPARE(page.applyScene(s), QString());
    QCOMPARE(page.scene().runs[0].schedule, std::optional(exp));
    QCOMPARE(page.scheduleEditor()->schedule(), std::optional(exp)); // the page's control shows it
    const Trajectory& t = page.trajectory();
    QVERIFY(t.size() > 5);
    double x = 2.0;
    for (int k = 0; k + 1 < t.size(); ++k) {
        x -= 0.3 * std::pow(0.9, k) * 2 * x;
        QVERIFY2(std::abs(t.x(k + 1)[0] - x) < 1e-12, qPrintable(QString::number(k)));
    }
    // Back to the constant rate in the control: the run is plain gradient descent again.
    page.scheduleEditor()->kindBox()->setCurrentIndex(0);
    QVERIFY(!page.scene().runs[0].schedule);
    QVERIFY(std::abs(page.trajectory().x(1)[0] - (2.0 - 0.3 * 2 * 2.0)) < 1e-15);
    QVERIFY(std::abs(page.trajectory().x(2)[0] - 0.8 * 0.4) < 1e-15);
    Schedule bad = exp;
    bad.gamma = 2;
    s.runs[0].schedule = bad;
    QVERIFY(page.applyScene(s).contains(QStringLiteral("gamma")));
}

void TestScheduleScene::panelEditsAndPlotsTheSchedule() {
    auto gd = createOptimizer("gd");
    OptimizerPanel panel(*gd, QStringLiteral("GD"), Qt::red);
    ScheduleEditor* editor = panel.scheduleEditor();
    QVERIFY(editor);
    QVERIFY(!editor->schedule());
    int changes = 0;
    connect(&panel, &OptimizerPanel::scheduleChanged, [&] { ++changes; });
    editor->setHorizon(50);
    editor->kindBox()->setCurrentIndex(int(ScheduleKind::Cosine));
    QCOMPARE(changes, 1);
    QVERIFY(editor->slider(QStringLiteral("period")) && editor->slider(QStringLiteral("min_rate")));
    QVERIFY(!editor->slider(QStringLiteral("gamma")));
    editor->slider(QStringLiteral("period"))->setValue(20);
    QCOMPARE(changes, 2);
    panel.slider(QStringLiteral("lr"))->setValue(0.2); // λ₀ follows the lr slider
    QVERIFY(editor->schedule() && editor->schedule()->period == 20);
    // The plot is λₖ of the schedule from λ₀ = 0.2 over the horizon, point for point.
    const QCPGraph* graph = editor->plot()->graph(0);
    QVERIFY(graph->dataCount() >= 50);
    for (int k = 0; k < 50; ++k) {
        const double want = std::clamp(editor->schedule()->rate(0.2, k), 1e-5, 10.0);
        QCOMPARE(graph->data()->at(k)->key, double(k));
        QVERIFY(std::abs(graph->data()->at(k)->value - want) < 1e-15);
    }
    // Newton has "lr" too (its damping); every registered method gets a schedule editor.
    for (const std::string& key : optimizerKeys()) {
        auto opt = createOptimizer(key);
        OptimizerPanel p(*opt, QString::fromStdString(key), Qt::blue);
        QVERIFY2(p.scheduleEditor(), key.c_str());
    }
}

QTEST_MAIN(TestScheduleScene)
#include "test_schedule_scene.moc"

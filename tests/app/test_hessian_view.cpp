// The Hessian overlay on the two-variable page: off until toggled, then the model's picture, its
// legend row, Newton's and the gradient step as arrows, and a panel with the numbers; it follows
// playback; the toggle travels with the scene (and older scenes, without it, still load).

#include "controls/playback_bar.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "plot/arrow_legend_item.h"
#include "plot/hessian_plottable.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "views/hessian_panel.h"
#include "views/landscape_view.h"

#include <QCheckBox>
#include <QLabel>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

Scene landscapeScene(const QString& catalog, QVector<double> start, bool withRun) {
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = catalog;
    s.start = std::move(start);
    s.maxSteps = 300;
    s.runs.clear();
    if (withRun)
        s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.001}}, {}, true}};
    return s;
}

/// The texts of the arrow rows in the map's legend.
QStringList arrowKey(const LandscapePage& page) {
    QStringList out;
    const QCPLegend* legend = page.view()->plot()->legend;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* a = qobject_cast<ArrowLegendItem*>(legend->item(i))) out << a->text();
    return out;
}

bool inLegend(const LandscapePage& page) {
    return page.view()->plot()->legend->hasItemWithPlottable(page.hessianPlottable());
}

QString panelText(const LandscapePage& page) {
    return page.hessianPanel()->text()->text();
}

} // namespace

class TestHessianView : public QObject {
    Q_OBJECT
private slots:
    void overlayAppearsWhenToggled();
    void overlayFollowsPlayback();
    void pointsOffTheMapAreNotDrawn();
    void panelShowsTheNumbers_data();
    void panelShowsTheNumbers();
    void toggleRoundTripsThroughTheScene_data();
    void toggleRoundTripsThroughTheScene();
    void olderScenesLoadAndBadValuesAreNamed();
    void builtInScenesShowTheModel_data();
    void builtInScenesShowTheModel();
};

void TestHessianView::overlayAppearsWhenToggled() {
    LandscapePage page;
    page.resize(1200, 800);
    page.show();
    QCOMPARE(page.applyScene(landscapeScene(QStringLiteral("rosenbrock"), {-0.6, 0.1}, true)),
             QString());
    QVERIFY(!page.hessianBox()->isChecked());
    QVERIFY(!page.hessianPlottable()->visible());
    QVERIFY(!page.hessianPlottable()->picture().has_value());
    QVERIFY(!inLegend(page));
    QVERIFY(!page.hessianPanel()->isVisibleTo(&page));
    const QStringList before = arrowKey(page);
    QVERIFY(!before.join(' ').contains(QStringLiteral("Newton")));

    page.hessianBox()->setChecked(true);
    QVERIFY(page.hessianPlottable()->visible());
    QVERIFY(page.hessianPlottable()->picture().has_value());
    QVERIFY(page.hessianPlottable()->curveCount() > 0);
    QVERIFY(inLegend(page));
    QVERIFY(page.hessianPanel()->isVisibleTo(&page));
    const QStringList after = arrowKey(page);
    QCOMPARE(after.size(), before.size() + 2);
    QVERIFY(after.join(' ').contains(QStringLiteral("Newton")));
    QVERIFY(after.join(' ').contains(QStringLiteral("gradient")));
    // Eigen-axes labelled with their curvatures.
    const auto& pic = *page.hessianPlottable()->picture();
    QVERIFY(pic.axes[0].label.startsWith(QStringLiteral("λ₁ = ")));
    QVERIFY(pic.axes[1].label.startsWith(QStringLiteral("λ₂ = ")));
    QVERIFY(pic.axes[0].halfLength >= pic.axes[1].halfLength);
    QVERIFY(pic.axes[1].halfLength > 0);
    // The picture is drawn without trouble.
    QVERIFY(!page.view()->plot()->toPixmap(600, 400).isNull());

    page.hessianBox()->setChecked(false);
    QVERIFY(!page.hessianPlottable()->visible());
    QVERIFY(!inLegend(page));
    QCOMPARE(arrowKey(page), before);
}

void TestHessianView::overlayFollowsPlayback() {
    LandscapePage page;
    Scene s = landscapeScene(QStringLiteral("rosenbrock"), {-0.6, 0.1}, true);
    LandscapeSettings settings;
    settings.hessian = true;
    s.settings = settings.toJson();
    QCOMPARE(page.applyScene(s), QString());
    for (int k : {0, 1, 5, 40}) {
        page.playback()->setIndex(k);
        const QPointF p = page.hessianPlottable()->picture()->point;
        const auto x = page.trajectory(0).x(k);
        QCOMPARE(p.x(), x[0]);
        QCOMPARE(p.y(), x[1]);
    }
    // Without runs, the model sits at the shared start.
    page.removeOptimizer(0);
    QCOMPARE(page.hessianPlottable()->picture()->point, QPointF(-0.6, 0.1));
}

void TestHessianView::pointsOffTheMapAreNotDrawn() {
    // Gradient descent with λ = 0.01 leaves Rosenbrock's valley, and this small map, at once.
    LandscapePage page;
    Scene s = landscapeScene(QStringLiteral("rosenbrock"), {-1.2, 1.0}, true);
    s.runs[0].params[QStringLiteral("lr")] = 0.01;
    s.xRange = {-1.3, -1.1};
    s.yRange = {0.9, 1.1};
    LandscapeSettings settings;
    settings.hessian = true;
    s.settings = settings.toJson();
    QCOMPARE(page.applyScene(s), QString());
    page.playback()->setIndex(0);
    QVERIFY(page.hessianPlottable()->picture().has_value()); // at step 0, on the map
    page.playback()->setIndex(page.playback()->last());
    const auto last = page.trajectory(0).x(page.trajectory(0).size() - 1);
    QVERIFY(std::abs(last[0] + 1.2) > 1); // some map widths away
    QVERIFY(!page.hessianPlottable()->picture().has_value());
    QVERIFY(!arrowKey(page).join(' ').contains(QStringLiteral("Newton")));
    QVERIFY(!panelText(page).isEmpty());
    QVERIFY(!page.view()->plot()->toPixmap(600, 400).isNull());
}

void TestHessianView::panelShowsTheNumbers_data() {
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QVector<double>>("at");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("Rosenbrock at (1, 1)")
        << "rosenbrock" << QVector<double>{1, 1}
        << QStringList{"802", "−400", "1002", "0.3994", "2508", "minimum-like"};
    QTest::newRow("κ = 25 quadratic")
        << "ill-conditioned" << QVector<double>{-2.8, 0.5}
        << QStringList{"λ₁ = <b>25</b>", "λ₂ = <b>1</b>", "κ = |λ₁| / |λ₂| = <b>25</b>",
                       "minimum-like", "25×"};
    QTest::newRow("saddle") << "saddle" << QVector<double>{-1.2, 0.4}
                            << QStringList{"−2", "saddle", "Newton −H⁻¹∇f = (1.2, −0.4)"};
}

void TestHessianView::panelShowsTheNumbers() {
    QFETCH(QString, catalog);
    QFETCH(QVector<double>, at);
    QFETCH(QStringList, shown);
    LandscapePage page;
    QCOMPARE(page.applyScene(landscapeScene(catalog, at, false)), QString());
    page.hessianBox()->setChecked(true);
    const QString text = panelText(page);
    for (const QString& s : shown)
        QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" not in ") + text));
    // A sentence on why the steps differ, and its Newton line.
    QVERIFY(text.contains(QStringLiteral("<i>")));
    QVERIFY(text.contains(QStringLiteral("Newton")));
}

void TestHessianView::toggleRoundTripsThroughTheScene_data() {
    QTest::addColumn<bool>("hessian");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

void TestHessianView::toggleRoundTripsThroughTheScene() {
    QFETCH(bool, hessian);
    LandscapePage page;
    Scene s = landscapeScene(QStringLiteral("saddle"), {-1.2, 0.4}, true);
    LandscapeSettings settings;
    settings.hessian = hessian;
    s.settings = settings.toJson();
    QCOMPARE(page.applyScene(s), QString());
    QCOMPARE(page.hessianBox()->isChecked(), hessian);
    QCOMPARE(page.hessianPlottable()->visible(), hessian);
    const Scene shown = page.scene();
    QCOMPARE(settingsFrom<LandscapeSettings>(shown.settings).hessian, hessian);
    // Through a file's JSON and back onto a fresh page.
    const SceneResult read = sceneFromJson(sceneToJson(shown));
    QVERIFY(std::holds_alternative<Scene>(read));
    LandscapePage again;
    QCOMPARE(again.applyScene(std::get<Scene>(read)), QString());
    QCOMPARE(again.hessianBox()->isChecked(), hessian);
}

void TestHessianView::olderScenesLoadAndBadValuesAreNamed() {
    const QByteArray old = R"({"format": "gradscape-scene", "version": 2, "page": "landscape",
        "function": {"catalog": "rosenbrock"},
        "landscape": {"isolines": true, "levels": "log"}})";
    const SceneResult r = sceneFromJson(old);
    QVERIFY(std::holds_alternative<Scene>(r));
    QVERIFY(!settingsFrom<LandscapeSettings>(std::get<Scene>(r).settings).hessian);
    LandscapePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(r)), QString());
    QVERIFY(!page.hessianBox()->isChecked());

    const QByteArray bad = R"({"format": "gradscape-scene", "version": 2, "page": "landscape",
        "function": {"catalog": "rosenbrock"}, "landscape": {"hessian": "yes"}})";
    const SceneResult e = sceneFromJson(bad);
    QVERIFY(std::holds_alternative<SceneError>(e));
    QVERIFY2(std::get<SceneError>(e).field.contains(QStringLiteral("hessian")),
             qPrintable(std::get<SceneError>(e).field));
}

void TestHessianView::builtInScenesShowTheModel_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::newRow("Rosenbrock near the valley") << "hessian-rosenbrock"
                                                << "minimum-like";
    QTest::newRow("saddle") << "hessian-saddle"
                            << "saddle";
}

void TestHessianView::builtInScenesShowTheModel() {
    QFETCH(QString, name);
    QFETCH(QString, kind);
    const SceneResult r = builtinScene(name);
    QVERIFY(std::holds_alternative<Scene>(r));
    LandscapePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(r)), QString());
    QVERIFY(page.hessianBox()->isChecked());
    QVERIFY(page.hessianPlottable()->curveCount() > 0);
    QVERIFY2(panelText(page).contains(kind), qPrintable(panelText(page)));
}

QTEST_MAIN(TestHessianView)
#include "test_hessian_view.moc"

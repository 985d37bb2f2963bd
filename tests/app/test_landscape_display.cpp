// The two-variable page in front of a class: runs that climb when asked to, a view that fits the
// runs, a map sampled over whatever is visible, isolines and colors chosen apart and saved with
// the scene, paths that read on every colormap hue and do not turn into a blob, and an inspector
// that draws only directions as arrows, with a key.

#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "plot/arrow_legend_item.h"
#include "plot/isoline_plottable.h"
#include "plot/path_plottable.h"
#include "plot/plot_style.h"
#include "scene/builtin_scenes.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "views/step_inspector.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <random>

using namespace gs;
using namespace gs::app;

Q_DECLARE_METATYPE(LandscapeSettings)

namespace {

Scene landscapeScene(const QString& catalog, const QString& formula, QVector<double> start) {
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = catalog;
    s.formula = formula;
    s.start = std::move(start);
    s.maxSteps = 300;
    s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.02}}, {}, true}};
    return s;
}

/// A shown page, laid out so pixels and coordinates agree.
struct Shown {
    LandscapePage page;
    Shown() {
        page.resize(1200, 800);
        page.show();
        if (!QTest::qWaitForWindowExposed(&page)) qWarning("page not exposed");
    }
    QCustomPlot* plot() const { return page.view()->plot(); }
    void replot() const { plot()->replot(QCustomPlot::rpImmediateRefresh); }
};

bool covers(const QCPRange& outer, const QCPRange& inner) {
    const double tol = 1e-9 * inner.size();
    return outer.lower <= inner.lower + tol && outer.upper >= inner.upper - tol;
}

double lightness(const QColor& c) {
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF();
}

} // namespace

class TestLandscapeDisplay : public QObject {
    Q_OBJECT
private slots:
    void ascentClimbs_data();
    void ascentClimbs();
    void fittedViewContainsEveryRun_data();
    void fittedViewContainsEveryRun();
    void builtInRacesKeepTheirRunsInTheBox_data();
    void builtInRacesKeepTheirRunsInTheBox();
    void saddleRunsEscape();
    void mapCoversTheVisibleAxes_data();
    void mapCoversTheVisibleAxes();
    void mapWaitsForTheEndOfAGesture_data();
    void mapWaitsForTheEndOfAGesture();
    void settingsRoundTripThroughTheScene_data();
    void settingsRoundTripThroughTheScene();
    void olderSectionsKeepTheirMeaning();
    void colorScaleIsIndependentOfIsolines_data();
    void colorScaleIsIndependentOfIsolines();
    void pathsHaveACasingAndTellBluesApart();
    void longRunsAreThinnedAndScribblesFade_data();
    void longRunsAreThinnedAndScribblesFade();
    void inspectorDrawsOnlyDirections_data();
    void inspectorDrawsOnlyDirections();
};

void TestLandscapeDisplay::ascentClimbs_data() {
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QVector<double>>("start");
    QTest::newRow("-(x^2 + y^2)") << QString() << QStringLiteral("-(x^2 + y^2)")
                                  << QVector<double>{1.5, -1.0};
    QTest::newRow("the article's landscape")
        << QStringLiteral("cosine-landscape") << QString() << QVector<double>{0.5, -1.0};
}

void TestLandscapeDisplay::ascentClimbs() {
    QFETCH(QString, catalog);
    QFETCH(QString, formula);
    QFETCH(QVector<double>, start);
    LandscapePage page;
    Scene s = landscapeScene(catalog, formula, start);
    s.direction = Scene::Direction::Ascent;
    QCOMPARE(page.applyScene(s), QString());
    QCOMPARE(page.direction(), Scene::Direction::Ascent);
    QCOMPARE(page.directionBox()->currentIndex(), 1);

    // The run descended −f: f itself rises at every step, and clearly overall.
    const Trajectory& t = page.trajectory(0);
    QVERIFY(t.size() > 10);
    for (int k = 1; k < t.size(); ++k)
        QVERIFY2(-t.f(k) >= -t.f(k - 1) - 1e-12, qPrintable(QStringLiteral("step %1").arg(k)));
    QVERIFY(-t.f(t.size() - 1) > -t.f(0) + 0.5);
    QCOMPARE(page.runs().front().sign, -1.0);
    // Gradient descent on −f is the article's gradient ascent, and the legend says so.
    auto named = [&](const QString& name) {
        for (int i = 0; i < page.plot()->plottableCount(); ++i)
            if (page.plot()->plottable(i)->name() == name) return true;
        return false;
    };
    QCOMPARE(page.runs().front().optimizer, QStringLiteral("gd"));
    QVERIFY(named(QStringLiteral("Gradient ascent")));
    QVERIFY(!named(QStringLiteral("Gradient descent")));

    // The loss panel plots f itself: rising.
    const QCPGraph* loss = page.lossView()->plot()->graph(0);
    QVERIFY(loss->data()->size() == t.size());
    QVERIFY(loss->data()->at(t.size() - 1)->value > loss->data()->at(0)->value + 0.5);

    // Saved as it is shown; descent again descends.
    QCOMPARE(page.scene().direction, Scene::Direction::Ascent);
    page.setDirection(Scene::Direction::Descent);
    const Trajectory& down = page.trajectory(0);
    QVERIFY(down.f(down.size() - 1) < down.f(0) - 0.5);
    QCOMPARE(page.runs().front().sign, 1.0);
    QVERIFY(named(QStringLiteral("Gradient descent")));
    QVERIFY(!named(QStringLiteral("Gradient ascent")));
}

void TestLandscapeDisplay::fittedViewContainsEveryRun_data() {
    QTest::addColumn<QString>("scene");
    QTest::addColumn<bool>("equalAspect");
    for (const QString& name : builtinSceneNames()) {
        if (!name.startsWith(QStringLiteral("race-"))) continue;
        QTest::newRow(qPrintable(name + QStringLiteral(", equal aspect"))) << name << true;
        QTest::newRow(qPrintable(name + QStringLiteral(", free aspect"))) << name << false;
    }
}

void TestLandscapeDisplay::fittedViewContainsEveryRun() {
    QFETCH(QString, scene);
    QFETCH(bool, equalAspect);
    Shown fx;
    const SceneResult loaded = builtinScene(scene);
    QVERIFY(std::holds_alternative<Scene>(loaded));
    QCOMPARE(fx.page.applyScene(std::get<Scene>(loaded)), QString());
    fx.page.view()->setEqualAspect(equalAspect);
    // Start from a view that shows little: a corner of the box, zoomed in.
    fx.plot()->xAxis->setRange(0.9, 1.0);
    fx.plot()->yAxis->setRange(0.9, 1.0);
    fx.replot();

    QVERIFY(fx.page.fitToRuns());
    fx.replot();
    const QCPRange x = fx.plot()->xAxis->range(), y = fx.plot()->yAxis->range();
    for (int i = 0; i < fx.page.optimizerCount(); ++i)
        for (const QPointF& p : fx.page.path(i)->points())
            QVERIFY2(x.contains(p.x()) && y.contains(p.y()),
                     qPrintable(QStringLiteral("run %1 at (%2, %3)").arg(i).arg(p.x()).arg(p.y())));
    if (equalAspect) {
        const QRect r = fx.plot()->axisRect()->rect();
        QVERIFY2(
            std::abs(x.size() / r.width() - y.size() / r.height()) < 1e-9 * x.size(),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(x.size() / r.width()).arg(y.size() / r.height())));
    }
    // The map was sampled over the fitted view.
    const QCPColorMapData* data = fx.page.view()->colorMap()->data();
    QVERIFY(covers(data->keyRange(), x) && covers(data->valueRange(), y));
}

void TestLandscapeDisplay::builtInRacesKeepTheirRunsInTheBox_data() {
    QTest::addColumn<QString>("scene");
    // Not the saddle: every run there escapes x² − y² towards infinity, which is its point
    // (saddleRunsEscape checks that instead).
    for (const QString& name : builtinSceneNames())
        if (name.startsWith(QStringLiteral("race-")) && name != QLatin1String("race-saddle"))
            QTest::newRow(qPrintable(name)) << name;
}

void TestLandscapeDisplay::saddleRunsEscape() {
    LandscapePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(builtinScene(QStringLiteral("race-saddle")))),
             QString());
    const QCPRange y = page.view()->plot()->yAxis->range();
    for (int i = 0; i < page.optimizerCount(); ++i) {
        const Trajectory& t = page.trajectory(i);
        QVERIFY2(t.status() == RunStatus::Diverged || !y.contains(t.x(t.size() - 1)[1]),
                 qPrintable(QStringLiteral("run %1 stayed on the saddle").arg(i)));
    }
}

void TestLandscapeDisplay::builtInRacesKeepTheirRunsInTheBox() {
    QFETCH(QString, scene);
    LandscapePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(builtinScene(scene))), QString());
    // Not shown: the axes span the scene's box exactly.
    const QCPRange x = page.view()->plot()->xAxis->range(), y = page.view()->plot()->yAxis->range();
    // The scene opens showing every run that stays finite (a run that diverges, as on the saddle,
    // leaves any box: that is its lesson).
    for (int i = 0; i < page.optimizerCount(); ++i) {
        const Trajectory& t = page.trajectory(i);
        if (t.status() == RunStatus::Diverged) continue;
        for (int k = 0; k < t.size(); ++k)
            QVERIFY2(x.contains(t.x(k)[0]) && y.contains(t.x(k)[1]),
                     qPrintable(QStringLiteral("run %1 step %2").arg(i).arg(k)));
    }
}

void TestLandscapeDisplay::mapCoversTheVisibleAxes_data() {
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<double>("zoom"); // visible span over the box's span
    QTest::newRow("zoom in") << QPointF(0.3, -0.2) << 0.25;
    QTest::newRow("pan right and up") << QPointF(4.0, 2.5) << 1.0;
    QTest::newRow("zoom out") << QPointF(0.0, 0.0) << 3.0;
}

void TestLandscapeDisplay::mapCoversTheVisibleAxes() {
    QFETCH(QPointF, centre);
    QFETCH(double, zoom);
    Shown fx;
    const QCPRange box = fx.plot()->xAxis->range();
    const double half = 0.5 * zoom * box.size();
    fx.plot()->xAxis->setRange(centre.x() - half, centre.x() + half);
    fx.plot()->yAxis->setRange(centre.y() - half, centre.y() + half);
    fx.replot();
    const QCPRange x = fx.plot()->xAxis->range(), y = fx.plot()->yAxis->range();
    const QCPColorMapData* data = fx.page.view()->colorMap()->data();
    QVERIFY(covers(data->keyRange(), x));
    QVERIFY(covers(data->valueRange(), y));
    // At full resolution over what is visible (and a small margin), not stretched from the box.
    QVERIFY(data->keyRange().size() < 1.1 * x.size());
    // Isolines and arrows follow too.
    QVERIFY(fx.page.view()->isolines()->polylineCount() > 0);
    for (const Arrow& a : fx.page.view()->field()->arrows())
        QVERIFY(x.contains(a.x) && y.contains(a.y));
}

void TestLandscapeDisplay::mapWaitsForTheEndOfAGesture_data() {
    QTest::addColumn<bool>("wheel");
    QTest::newRow("wheel zoom") << true;
    QTest::newRow("drag to pan") << false;
}

void TestLandscapeDisplay::mapWaitsForTheEndOfAGesture() {
    QFETCH(bool, wheel);
    Shown fx;
    fx.replot();
    QWidget* plot = fx.plot();
    const QRectF before = fx.page.view()->sampledRegion();
    // Away from the start point, so a drag pans.
    const QRect rect = fx.plot()->axisRect()->rect();
    const QPoint at = rect.topLeft() + QPoint(rect.width() / 5, rect.height() / 5);
    if (wheel) {
        QWheelEvent event(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot, &event);
        fx.replot(); // a replot in the middle of the burst keeps the old samples
        QCOMPARE(fx.page.view()->sampledRegion(), before);
    } else {
        QTest::mousePress(plot, Qt::LeftButton, {}, at);
        QTest::mouseMove(plot, at + QPoint(60, 40));
        fx.replot(); // while the button is down the old samples move along
        QCOMPARE(fx.page.view()->sampledRegion(), before);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, at + QPoint(60, 40));
    }
    QVERIFY(fx.plot()->xAxis->range().lower != before.left());
    // Then, once the gesture is over, the visible region is sampled.
    QTRY_VERIFY(covers(fx.page.view()->colorMap()->data()->keyRange(), fx.plot()->xAxis->range()));
    QVERIFY(covers(fx.page.view()->colorMap()->data()->valueRange(), fx.plot()->yAxis->range()));
}

void TestLandscapeDisplay::settingsRoundTripThroughTheScene_data() {
    QTest::addColumn<LandscapeSettings>("settings");
    QTest::addColumn<bool>("ascent");
    const auto make = [](bool iso, bool logLevels, bool logColors, bool field, bool uphill,
                         bool scaled) {
        LandscapeSettings s;
        s.isolines = iso;
        s.logLevels = logLevels;
        s.logColors = logColors;
        s.gradientField = field;
        s.fieldUphill = uphill;
        s.scaledArrows = scaled;
        return s;
    };
    QTest::newRow("defaults") << LandscapeSettings{} << false;
    QTest::newRow("log levels, linear colors, uphill unit arrows, ascent")
        << make(true, true, false, true, true, false) << true;
    QTest::newRow("linear levels, log colors, downhill scaled arrows")
        << make(true, false, true, true, false, true) << false;
    QTest::newRow("no isolines, log colors, uphill scaled arrows, ascent")
        << make(false, false, true, true, true, true) << true;
}

void TestLandscapeDisplay::settingsRoundTripThroughTheScene() {
    QFETCH(LandscapeSettings, settings);
    QFETCH(bool, ascent);
    LandscapePage page;
    Scene s = landscapeScene(QStringLiteral("rosenbrock"), QString(), {-1.0, 1.5});
    s.settings = settings.toJson();
    s.direction = ascent ? Scene::Direction::Ascent : Scene::Direction::Descent;
    QCOMPARE(page.applyScene(s), QString());
    const Scene shown = page.scene();
    QCOMPARE(settingsFrom<LandscapeSettings>(shown.settings), settings);
    QCOMPARE(shown.direction, s.direction);
    // Through JSON too: what is saved reads back the same.
    QCOMPARE(LandscapeSettings::read(JsonReader(settings.toJson(), {})), settings);
    // The view shows what the settings say.
    LandscapeView* v = page.view();
    QCOMPARE(v->colorScaleType() == LandscapeView::ColorScale::Log, settings.logColors);
    QCOMPARE(v->isolines()->visible(), settings.isolines);
    QCOMPARE(v->field()->visible(), settings.gradientField);
    if (settings.gradientField) {
        QCOMPARE(v->field()->uphill(), settings.fieldUphill);
        QCOMPARE(v->field()->mode() == VectorFieldPlottable::Mode::Scaled, settings.scaledArrows);
    }
}

void TestLandscapeDisplay::olderSectionsKeepTheirMeaning() {
    // A section from before the color scale was a choice: "levels" still means the isolines, and
    // the colors look as they did then (they followed the levels).
    const LandscapeSettings old =
        LandscapeSettings::read(JsonReader(QJsonObject{{QStringLiteral("isolines"), true},
                                                       {QStringLiteral("levels"), "log"},
                                                       {QStringLiteral("gradient_field"), true}},
                                           {}));
    QVERIFY(old.logLevels);
    QVERIFY(old.logColors);
    // Given, the color scale is its own choice.
    const LandscapeSettings apart = LandscapeSettings::read(JsonReader(
        QJsonObject{{QStringLiteral("levels"), "log"}, {QStringLiteral("color_scale"), "linear"}},
        {}));
    QVERIFY(apart.logLevels && !apart.logColors);
    QVERIFY(old.gradientField && !old.fieldUphill && !old.scaledArrows);
}

void TestLandscapeDisplay::colorScaleIsIndependentOfIsolines_data() {
    QTest::addColumn<int>("levels"); // index in the Isolines box: linear, log
    QTest::addColumn<int>("colors"); // index in the Colors box: linear, log
    QTest::newRow("linear levels, linear colors") << 0 << 0;
    QTest::newRow("log levels, linear colors") << 1 << 0;
    QTest::newRow("linear levels, log colors") << 0 << 1;
    QTest::newRow("log levels, log colors") << 1 << 1;
}

void TestLandscapeDisplay::colorScaleIsIndependentOfIsolines() {
    QFETCH(int, levels);
    QFETCH(int, colors);
    LandscapePage page; // the article's function
    LandscapeView* v = page.view();
    const auto levelSet = [v] {
        QVector<double> out;
        for (const auto& line : v->isolines()->isolines())
            out << line.level;
        return out;
    };
    page.levelsBox()->setCurrentIndex(levels);
    const QVector<double> chosen = levelSet();
    page.colorsBox()->setCurrentIndex(colors);
    QCOMPARE(levelSet(), chosen); // colors leave the isolines alone
    QCOMPARE(v->levelSpacing(), levels == 1 ? LevelSpacing::Log : LevelSpacing::Linear);
    const auto scale = colors == 1 ? QCPAxis::stLogarithmic : QCPAxis::stLinear;
    QCOMPARE(v->colorMap()->dataScaleType(), scale);
    // ... and the isolines leave the colors alone.
    page.levelsBox()->setCurrentIndex(1 - levels);
    QCOMPARE(v->colorMap()->dataScaleType(), scale);
    QVERIFY(levelSet() != chosen);
}

void TestLandscapeDisplay::pathsHaveACasingAndTellBluesApart() {
    LandscapePage page;
    while (page.optimizerCount() < 7)
        page.addOptimizer("gd");
    PlotStyle style;
    for (int i = 0; i < page.optimizerCount(); ++i) {
        const PathPlottable* p = page.path(i);
        QCOMPARE(p->color(), style.pathColor(i)); // still Okabe–Ito
        // The casing contrasts with the line, whatever the hue under it.
        QVERIFY2(std::abs(lightness(p->casingColor()) - lightness(p->color())) > 0.3,
                 qPrintable(p->color().name()));
    }
    // Okabe–Ito's sky blue (1) and blue (4): another marker and another casing.
    QVERIFY(page.path(1)->marker() != page.path(4)->marker());
    QVERIFY(page.path(1)->casingColor() != page.path(4)->casingColor());
}

void TestLandscapeDisplay::longRunsAreThinnedAndScribblesFade_data() {
    QTest::addColumn<bool>("chaotic");
    QTest::newRow("a smooth run of 3000 steps") << false;
    QTest::newRow("a chaotic run of 3000 steps") << true;
}

void TestLandscapeDisplay::longRunsAreThinnedAndScribblesFade() {
    QFETCH(bool, chaotic);
    Shown fx;
    PathPlottable* path = fx.page.path(0);
    QVector<QPointF> points;
    std::mt19937 random(7);
    std::uniform_real_distribution<double> anywhere(-2.8, 2.8);
    for (int k = 0; k < 3000; ++k) {
        // A spiral into the origin, or jumps all over the box.
        const double r = 2.5 * std::exp(-k / 600.0), a = k / 40.0;
        points << (chaotic ? QPointF(anywhere(random), anywhere(random))
                           : QPointF(r * std::cos(a), r * std::sin(a)));
    }
    path->setPoints(points);
    path->setCurrent(2999);
    fx.replot();
    QVERIFY(path->drawnDots() > 20);
    QVERIFY(path->drawnDots() <= PathPlottable::kMaxDots);
    if (chaotic)
        QVERIFY(path->fadedBefore() > 2000); // only the last steps at full strength
    else
        QCOMPARE(path->fadedBefore(), 0); // a path that reads is not faded
}

void TestLandscapeDisplay::inspectorDrawsOnlyDirections_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QStringList>("arrows");
    QTest::addColumn<QString>("scale"); // a state listed as a number, not an arrow
    QTest::newRow("AdaGrad") << QStringLiteral("adagrad")
                             << QStringList{QStringLiteral("−∇f(xₖ), downhill"),
                                            QStringLiteral("update xₖ → xₖ₊₁")}
                             << QStringLiteral("accumulated squared gradient r");
    QTest::newRow("momentum") << QStringLiteral("momentum")
                              << QStringList{QStringLiteral("−∇f(xₖ), downhill"),
                                             QStringLiteral("update xₖ → xₖ₊₁"),
                                             QStringLiteral("−b (velocity)")}
                              << QString();
    QTest::newRow("Adam") << QStringLiteral("adam")
                          << QStringList{QStringLiteral("−∇f(xₖ), downhill"),
                                         QStringLiteral("update xₖ → xₖ₊₁"),
                                         QStringLiteral("−m̂ (first moment)")}
                          << QStringLiteral("second moment v");
}

void TestLandscapeDisplay::inspectorDrawsOnlyDirections() {
    QFETCH(QString, optimizer);
    QFETCH(QStringList, arrows);
    QFETCH(QString, scale);
    Shown fx;
    Scene s = landscapeScene(QStringLiteral("cosine-landscape"), QString(), {0.5, -1.0});
    s.runs = {SceneRun{optimizer, {}, {}, true}};
    s.step = 5;
    QCOMPARE(fx.page.applyScene(s), QString());
    QStringList drawn;
    for (const LandscapeView::StepArrow& a : fx.page.inspector()->arrows())
        drawn << a.label;
    QCOMPARE(drawn, arrows);
    if (!scale.isEmpty()) {
        const QString text = fx.page.inspector()->text()->text();
        QVERIFY2(text.contains(scale) && text.contains(QStringLiteral("not directions")),
                 qPrintable(text));
    }
    // Every arrow has its key in the map's legend.
    QStringList key;
    QCPLegend* legend = fx.plot()->legend;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<ArrowLegendItem*>(legend->item(i))) key << item->text();
    QCOMPARE(key, arrows);
}

QTEST_MAIN(TestLandscapeDisplay)
#include "test_landscape_display.moc"

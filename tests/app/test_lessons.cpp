// Lessons and the page registry: every lesson opens from the navigator and by name in the order of
// the article and makes its point as it opens (grid search finds the best grid point, the secant
// slope tends to f′(x) with an error of order h, ascent from −2 stops at the local peak); PageDown
// and PageUp walk the lessons; a page registered in a test alone appears in the navigation.

#include "csv_table.h"
#include "analysis/grid_search.h"
#include "controls/function_picker.h"
#include "controls/playback_bar.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_navigator.h"
#include "pages/curve/curve_page.h"
#include "pages/grid_search/grid_search_page.h"
#include "pages/landscape/landscape_page.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "pages/secant/secant_page.h"
#include "render/exporter.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <qcustomplot.h>

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

/// A page that exists only in this test: a plot and a remembered scene.
class ProbePage : public Page {
public:
    ProbePage() : plot_(new QCustomPlot(this)) {}
    QString applyScene(const Scene& s) override {
        scene_ = s;
        return {};
    }
    Scene scene() const override { return scene_; }
    void setStyle(const PlotStyle&) override {}
    QCustomPlot* plot() const override { return plot_; }

private:
    QCustomPlot* plot_;
    Scene scene_;
};

Lesson lesson(const QString& name) {
    auto l = loadLesson(name);
    if (auto* e = std::get_if<LessonError>(&l)) qFatal("%s", qPrintable(e->text()));
    return std::get<Lesson>(l);
}

template <class P> P* openLesson(MainWindow& window, const QString& name) {
    const QString error = window.openLesson(name);
    if (!error.isEmpty()) qWarning("%s", qPrintable(error));
    return qobject_cast<P*>(window.currentPage());
}

QStringList navigatorTitles(const MainWindow& window) {
    QStringList titles;
    QTreeWidget* tree = window.navigator()->tree();
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            titles << tree->topLevelItem(g)->child(i)->text(0);
    return titles;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void lessonsFollowTheArticle();
    void everyLessonOpensOnItsPage_data();
    void everyLessonOpensOnItsPage();
    void pageKeysWalkTheLessons();
    void navigatorOpensWhatIsClicked();
    void unknownLessonListsTheLessons();
    void gridSearchFindsTheBestGridPoint();
    void secantSlopeTendsToTheDerivative();
    void ascentStopsAtTheLocalPeak();
    void lessonCsvHoldsItsNumbers_data();
    void lessonCsvHoldsItsNumbers();
    void aPageRegisteredHereAppearsInTheNavigation();
    void f8HidesTheControlsForTheMap();
};

void TestLessons::lessonsFollowTheArticle() {
    const QStringList names = lessonNames();
    QVERIFY(names.size() >= 3);
    QCOMPARE(names.mid(0, 3), (QStringList{"grid-search", "derivative", "gradient-ascent"}));
    for (const QString& name : names) {
        const Lesson l = lesson(name);
        QCOMPARE(l.scene.lesson, name);
        QVERIFY2(!l.title.isEmpty() && l.markdown().size() > 300, qPrintable(name));
        QVERIFY2(PageRegistry::instance().find(l.scene.page), qPrintable(l.scene.page));
    }
}

void TestLessons::everyLessonOpensOnItsPage_data() {
    QTest::addColumn<QString>("name");
    for (const QString& name : lessonNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestLessons::everyLessonOpensOnItsPage() {
    QFETCH(QString, name);
    MainWindow window;
    QCOMPARE(window.openLesson(name), QString());
    QCOMPARE(window.currentPage()->scene().page, lesson(name).scene.page);
    QCOMPARE(window.navigator()->currentLesson(), name);
    QVERIFY(window.navigator()->text()->toPlainText().contains(lesson(name).title));
    // Playback actions follow the page: enabled exactly where the page animates.
    const bool animates = window.currentPage()->playback() != nullptr;
    for (QAction* a : window.actions())
        if (a->shortcut() == QKeySequence(Qt::Key_Space)) QCOMPARE(a->isEnabled(), animates);
}

void TestLessons::pageKeysWalkTheLessons() {
    // Ctrl+PageDown and Ctrl+PageUp go lesson by lesson; PageDown beat by beat (test_lesson_files).
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openLesson(lessonNames().front()), QString());
    for (int i = 1; i < lessonNames().size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(window.navigator()->currentLesson(), lessonNames()[i]);
        QCOMPARE(window.currentPage()->scene().page, lesson(lessonNames()[i]).scene.page);
        QCOMPARE(window.beatPlace().beat, 0);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(window.navigator()->currentLesson(), lessonNames().back()); // past the last: stays
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(window.navigator()->currentLesson(), lessonNames()[lessonNames().size() - 2]);
}

void TestLessons::navigatorOpensWhatIsClicked() {
    MainWindow window;
    QTreeWidget* tree = window.navigator()->tree();
    const QList<QTreeWidgetItem*> found =
        tree->findItems(lesson("derivative").title, Qt::MatchContains | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    Q_EMIT tree->itemClicked(found.front(), 0);
    QCOMPARE(window.navigator()->currentLesson(), QStringLiteral("derivative"));
    QVERIFY(qobject_cast<SecantPage*>(window.currentPage()));
    // A page of the "Explore" group opens as it is, with no lesson.
    const QList<QTreeWidgetItem*> pages =
        tree->findItems(QStringLiteral("Two variables"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(pages.size(), 1);
    Q_EMIT tree->itemClicked(pages.front(), 0);
    QCOMPARE(window.currentPage()->scene().page, QStringLiteral("landscape"));
    QCOMPARE(window.navigator()->currentLesson(), QString());
}

void TestLessons::unknownLessonListsTheLessons() {
    MainWindow window;
    const QString error = window.openLesson(QStringLiteral("calculus-for-cats"));
    QVERIFY(error.contains(QStringLiteral("calculus-for-cats")));
    QVERIFY2(error.contains(lessonNames().join(QStringLiteral(", "))), qPrintable(error));
}

void TestLessons::gridSearchFindsTheBestGridPoint() {
    MainWindow window;
    auto* page = openLesson<GridSearchPage>(window, QStringLiteral("grid-search"));
    QVERIFY(page);
    const GridSearchResult& r = page->result();
    QCOMPARE(r.evaluations(), 12);
    // The best sample is the largest of the twelve grid values, each f at its grid point.
    for (int i = 0; i < 12; ++i) {
        const double x = -10 + 20.0 * i / 11;
        QVERIFY(std::abs(r.x[size_t(i)] - x) < 1e-12);
        QVERIFY(r.f[size_t(i)] <= r.f[size_t(r.best)]);
    }
    QVERIFY(std::abs(r.x[size_t(r.best)] - 10.0 / 11) < 1e-12); // x = 0.909…, f = 18.9
    QVERIFY(page->readout()->text().contains(QStringLiteral("12</b> evaluations")));
    QVERIFY(page->costTable()->text().contains(QStringLiteral("ResNet18")));
    // More samples: the best point closes in on the true maximum at 1.4542.
    page->setSamples(400);
    QVERIFY(std::abs(page->result().x[size_t(page->result().best)] - 1.4541965749766173) <= 0.05);
    QCOMPARE(page->scene().settings.value(QStringLiteral("samples")).toInt(), 400);
}

void TestLessons::secantSlopeTendsToTheDerivative() {
    MainWindow window;
    auto* page = openLesson<SecantPage>(window, QStringLiteral("derivative"));
    QVERIFY(page);
    QCOMPARE(page->x(), -2.0);
    QCOMPARE(page->h(), 3.0);
    const double exact = 25 * std::cos(-2.0) + 4; // f′(−2) of 25 sin x − x²
    QVERIFY(std::abs(page->derivative() - exact) < 1e-12);
    // Playing the lesson shrinks h by four decades; the error shrinks with it, in proportion at
    // the end: error / h → |f″(−2)| / 2.
    const double halfCurvature = std::abs(-25 * std::sin(-2.0) - 2) / 2;
    double previous = INFINITY;
    for (int k = 0; k <= SecantPage::kFrames; k += 15) {
        page->playback()->setIndex(k);
        const double error = std::abs(page->secantSlope() - page->derivative());
        QVERIFY2(error < previous, qPrintable(QString::number(k)));
        previous = error;
    }
    QVERIFY(std::abs(page->h() - 3e-4) < 1e-12);
    QVERIFY(std::abs(previous / page->h() - halfCurvature) < 0.01 * halfCurvature);
    // Taken from the left, the secant still converges, from the other side.
    page->setStep(-1e-6);
    // s(h) = f′ + f″ h / 2 + …, f″(−2) ≈ 20.7 > 0: with h < 0 the secant is less steep.
    QVERIFY(page->secantSlope() < page->derivative());
    QVERIFY(std::abs(page->secantSlope() - page->derivative()) < 1e-4);
}

void TestLessons::ascentStopsAtTheLocalPeak() {
    MainWindow window;
    auto* page = openLesson<CurvePage>(window, QStringLiteral("gradient-ascent"));
    QVERIFY(page);
    QCOMPARE(page->runCount(), 2);
    const Trajectory& local = page->trajectory(0);
    const Trajectory& global = page->trajectory(1);
    QCOMPARE(local.x(0)[0], -2.0);
    QVERIFY(std::abs(local.x(local.size() - 1)[0] - -4.3564) < 1e-3);
    QCOMPARE(global.x(0)[0], -0.5);
    QVERIFY(std::abs(global.x(global.size() - 1)[0] - 1.4542) < 1e-3);
    // The readout shows the rule with this step's numbers: x₁ = x₀ + λ f′(x₀) = −2 + 0.01 × …
    page->playback()->setIndex(1);
    const QString text = page->readout()->text();
    QVERIFY2(text.contains(QStringLiteral("x₁ = x₀ + λ f′(x₀) = −2 + 0.01 × (")), qPrintable(text));
    const double x1 = -2 + 0.01 * (25 * std::cos(-2.0) + 4);
    QVERIFY(std::abs(local.x(1)[0] - x1) < 1e-12);
}

void TestLessons::lessonCsvHoldsItsNumbers_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("rows");
    QTest::newRow("grid search") << "grid-search"
                                 << "i,x,f,best" << 12;
    QTest::newRow("derivative") << "derivative"
                                << "h,secant_slope,derivative,error" << 121;
    QTest::newRow("gradient ascent") << "gradient-ascent"
                                     << "run,optimizer,step,x,y,f,grad_x,grad_y" << 70 + 1 + 60 + 1;
}

void TestLessons::lessonCsvHoldsItsNumbers() {
    QFETCH(QString, name);
    QFETCH(QString, header);
    QFETCH(int, rows);
    MainWindow window;
    QCOMPARE(window.openLesson(name), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.csv"));
    QCOMPARE(exportCsv(*window.currentPage(), path), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(gs::test::csvTable(f.readAll())).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.front().startsWith(header), qPrintable(lines.front()));
    QCOMPARE(lines.size() - 1, rows);
    if (name == QLatin1String("grid-search")) // exactly one best sample
        QCOMPARE(std::count_if(lines.begin() + 1, lines.end(),
                               [](const QString& l) { return l.endsWith(QStringLiteral(",1")); }),
                 1);
}

void TestLessons::aPageRegisteredHereAppearsInTheNavigation() {
    PageInfo probe;
    probe.key = QStringLiteral("probe");
    probe.title = QStringLiteral("Probe page");
    probe.description = QStringLiteral("exists only in this test");
    probe.dimension = 2;
    probe.create = [] { return std::make_unique<ProbePage>(); };
    probe.checkSettings = [](const JsonReader& section) {
        section.allowOnly({"depth"});
        section.integer(QStringLiteral("depth"), 1, 3, 1);
    };
    PageRegistry::instance().add(probe);

    MainWindow window;
    QVERIFY(navigatorTitles(window).contains(QStringLiteral("Probe page")));
    bool inMenu = false;
    for (QAction* a : window.menuBar()->actions())
        for (QAction* item : a->menu() ? a->menu()->actions() : QList<QAction*>{})
            inMenu |= item->text() == QLatin1String("Probe page");
    QVERIFY(inMenu);
    QVERIFY(window.showPage(QStringLiteral("probe")));
    QVERIFY(dynamic_cast<ProbePage*>(window.currentPage()));
    QVERIFY(!window.showPage(QStringLiteral("no-such-page")));

    // Scenes name it, with its section checked by its own reader.
    QByteArray json = R"({"format": "gradscape-scene", "version": 2, "page": "probe",
                          "function": {"catalog": "himmelblau"}, "probe": {"depth": 2}})";
    const SceneResult good = sceneFromJson(json);
    QVERIFY(std::holds_alternative<Scene>(good));
    QCOMPARE(window.openScene(std::get<Scene>(good)), QString());
    QCOMPARE(window.currentPage()->scene().settings.value(QStringLiteral("depth")).toInt(), 2);
    json.replace("\"depth\": 2", "\"depth\": 9");
    const SceneResult bad = sceneFromJson(json);
    QVERIFY(std::holds_alternative<SceneError>(bad));
    QCOMPARE(std::get<SceneError>(bad).field, QStringLiteral("probe.depth"));
}

// F8 (View > Controls Panel) hides the settings beside the map (or under the calculus pages'
// pictures), so the pictures get the room on a projector; pages without such a panel leave the
// key disabled, and the choice holds from page to page.
void TestLessons::f8HidesTheControlsForTheMap() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* page = openLesson<LandscapePage>(window, QStringLiteral("gradient-ascent-2d"));
    QVERIFY(page);
    QScrollArea* panel = page->findChild<QScrollArea*>();
    QVERIFY(panel);
    QVERIFY(panel->isVisible());
    const int mapWidth = page->plot()->width();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QVERIFY(!panel->isVisible());
    QTRY_VERIFY(page->plot()->width() > mapWidth + 100); // the map takes the panel's room

    QAction* controls = nullptr;
    for (QAction* a : window.actions())
        if (a->shortcut() == QKeySequence(Qt::Key_F8)) controls = a;
    QVERIFY(controls);
    QVERIFY(!controls->isChecked());
    QVERIFY(openLesson<CurvePage>(window, QStringLiteral("gradient-ascent")));
    QVERIFY(!controls->isEnabled()); // the curve page keeps its controls under the plot
    // The calculus pages hide theirs (the function, the point's sliders) under the pictures.
    Page* slices = openLesson<Page>(window, QStringLiteral("slices"));
    QVERIFY(slices && slices->hasSidePanel());
    QVERIFY(controls->isEnabled());
    QVERIFY(slices->findChild<FunctionPicker*>());
    QVERIFY(!slices->findChild<FunctionPicker*>()->isVisible());
    QVERIFY(openLesson<LandscapePage>(window, QStringLiteral("adagrad")) == page);
    QVERIFY(controls->isEnabled());
    QVERIFY(!panel->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QVERIFY(panel->isVisible());
}

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"

// Pictures readable on a projector: the 3D surface takes presentation sizes like every plot;
// any picture can be focused (enlarged to the page) from the keyboard, a double click or a
// scene, and Esc brings the layout back; the focus is saved, loaded and drawn headless; on a
// narrow projector the pages arrange their pictures so that none is below PlotStyle::kMinPicture;
// titles wrap to two lines before they elide; arrowheads follow the picture's size.

#include "cli_run.h"

#include "controls/playback_bar.h"

#include "pages/landscape/landscape_page.h"
#include "pages/page_registry.h"
#include "pages/tangent_plane/tangent_plane_page.h"
#include "plot/arrow_head.h"
#include "plot/field_map.h"
#include "plot/plot_title.h"
#include "plot/surface_element.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "window/main_window.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;
using namespace gs::app;

namespace {

Scene lessonScene(const QString& page) {
    Scene s;
    s.page = page;
    s.catalog = QStringLiteral("cosine-landscape");
    s.start = {-1.0, 1.0};
    return s;
}

void layOut(Page& page, QSize size) {
    page.resize(size);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    for (int i = 0; i < 3; ++i) { // tabs shown, the map's aspect: a few rounds to settle
        QApplication::processEvents();
        page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
}

int area(const QRect& r) {
    return r.isValid() ? r.width() * r.height() : 0;
}

/// The layout elements of a lesson page that are pictures: the surface and every axis rect.
QVector<QCPLayoutElement*> shownPictures(TangentPlanePage& page) {
    QVector<QCPLayoutElement*> shown;
    if (area(page.surface()->outerRect()) > 0) shown << page.surface();
    for (QCPAxisRect* r : page.plot()->axisRects())
        if (area(r->outerRect()) > 0) shown << r;
    return shown;
}

bool near(const QRect& a, const QRect& b) {
    const int d = 2;
    return std::abs(a.left() - b.left()) <= d && std::abs(a.right() - b.right()) <= d &&
           std::abs(a.top() - b.top()) <= d && std::abs(a.bottom() - b.bottom()) <= d;
}

int shorterSide(const QRect& r) {
    return std::min(r.width(), r.height());
}

} // namespace

class TestPresentationFit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void surfaceTakesPresentationSizes();
    void focusGivesAPictureThePageAndEscRestores();
    void doubleClickFocusesAndUnfocuses();
    void widgetPicturesFocusToo();
    void focusIsSavedAndLoaded();
    void badFocusIsRefused();
    void focusedSceneRendersHeadless();
    void narrowProjectorShowsTwoPicturesAtATime_data();
    void narrowProjectorShowsTwoPicturesAtATime();
    void landscapePutsTheLossBesideTheMapWhenShort();
    void titlesWrapBeforeTheyElide();
    void arrowHeadsFollowThePicture();
};

void TestPresentationFit::surfaceTakesPresentationSizes() {
    TangentPlanePage page;
    QCOMPARE(page.applyScene(lessonScene(QStringLiteral("tangent-plane"))), QString());
    const QRectF rect(0, 0, 520, 360); // a surface cell of a lesson page
    PlotStyle desk;
    page.setStyle(desk);
    const SurfaceRenderer& r = page.surface()->renderer();
    QCOMPARE(r.style().scale, 1.0);
    const double deskSize = r.labelFont(rect).pointSizeF();
    const double deskLine = r.style().lineWidth();
    PlotStyle projector;
    projector.scale = PlotStyle::kPresentationScale;
    page.setStyle(projector);
    // The surface was kept at the desk's sizes on a projector: it takes the plots' factor.
    QCOMPARE(r.style().scale, PlotStyle::kPresentationScale);
    QVERIFY2(
        r.labelFont(rect).pointSizeF() >= PlotStyle::kPresentationScale * deskSize - 1e-9,
        qPrintable(
            QStringLiteral("%1 against %2").arg(r.labelFont(rect).pointSizeF()).arg(deskSize)));
    QCOMPARE(r.style().lineWidth(), PlotStyle::kPresentationScale * deskLine);
    // And the labels are drawn at that size: the box gets less of the same rect.
    SurfaceRenderer deskRenderer = r;
    deskRenderer.setStyle(desk);
    QVERIFY(r.plotArea(rect).width() < deskRenderer.plotArea(rect).width());
}

void TestPresentationFit::focusGivesAPictureThePageAndEscRestores() {
    MainWindow window;
    QVERIFY(window.openScene(lessonScene(QStringLiteral("tangent-plane"))).isEmpty());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* page = qobject_cast<TangentPlanePage*>(window.currentPage());
    QVERIFY(page);
    for (int i = 0; i < 3; ++i) // ticks fitted to the first layout, then settled
        page->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(page->pictures().size(), 4);
    const QRect mapBefore = page->map()->rect()->outerRect();
    const QRect surfaceBefore = page->surface()->outerRect();
    QCOMPARE(shownPictures(*page).size(), 4);

    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_2); // the map
    QCOMPARE(page->focusedPicture(), QStringLiteral("map"));
    page->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(shownPictures(*page).size(), 1);
    const QRect mapFocused = page->map()->rect()->outerRect();
    QVERIFY2(
        area(mapFocused) > 3 * area(mapBefore),
        qPrintable(QStringLiteral("%1 px against %2").arg(area(mapFocused)).arg(area(mapBefore))));
    QVERIFY(page->readout()->isVisible()); // the numbers line stays
    // The point still follows the map: a click moves p there.
    const QPointF target = page->map()->toPixel({1.0, -0.5});
    QTest::mouseClick(page->plot(), Qt::LeftButton, {}, target.toPoint());
    QVERIFY(std::abs(page->point().x() - 1.0) < 0.1 && std::abs(page->point().y() + 0.5) < 0.1);

    page->setPoint({-1.0, 1.0}); // back where it was, so the numbers line is as it was

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1); // another picture: the surface
    QCOMPARE(page->focusedPicture(), QStringLiteral("surface"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(page->focusedPicture(), QString());
    for (int i = 0; i < 3; ++i)
        page->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(shownPictures(*page).size(), 4);
    // As before, give or take the pixel the window's docks may shift by as the page's controls
    // come back.
    QVERIFY2(near(page->map()->rect()->outerRect(), mapBefore),
             qPrintable(QStringLiteral("%1 %2 %3 %4")
                            .arg(page->map()->rect()->outerRect().x())
                            .arg(page->map()->rect()->outerRect().y())
                            .arg(page->map()->rect()->outerRect().width())
                            .arg(page->map()->rect()->outerRect().height())));
    QVERIFY(near(page->surface()->outerRect(), surfaceBefore));
}

void TestPresentationFit::doubleClickFocusesAndUnfocuses() {
    TangentPlanePage page;
    QCOMPARE(page.applyScene(lessonScene(QStringLiteral("tangent-plane"))), QString());
    layOut(page, {1500, 1000});
    const QRect surface = page.surface()->outerRect();
    QTest::mouseDClick(page.plot(), Qt::LeftButton, {}, surface.center());
    QCOMPARE(page.focusedPicture(), QStringLiteral("surface"));
    page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(area(page.surface()->outerRect()) > 2 * area(surface));
    QTest::mouseDClick(page.plot(), Qt::LeftButton, {}, page.surface()->outerRect().center());
    QCOMPARE(page.focusedPicture(), QString());
    page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(page.surface()->outerRect(), surface);
}

void TestPresentationFit::widgetPicturesFocusToo() {
    LandscapePage page;
    layOut(page, {1400, 900});
    auto* loss = page.findChild<LossView*>();
    auto* map = page.findChild<LandscapeView*>();
    QVERIFY(loss && map);
    const QSize lossBefore = loss->size();
    QVERIFY(page.focusPicture(QStringLiteral("loss")));
    QApplication::processEvents();
    QVERIFY(!map->isVisible());
    QVERIFY(loss->isVisible());
    QVERIFY2(
        loss->height() > 2 * lossBefore.height(),
        qPrintable(QStringLiteral("%1 against %2").arg(loss->height()).arg(lossBefore.height())));
    QVERIFY(page.playback()->isVisible()); // playback still works
    page.playback()->setIndex(3);
    QCOMPARE(page.playback()->index(), 3);
    QVERIFY(page.focusPicture({}));
    QApplication::processEvents();
    QVERIFY(map->isVisible());
    QCOMPARE(loss->size(), lossBefore);
    QVERIFY(!page.focusPicture(QStringLiteral("nonsense")));
}

void TestPresentationFit::focusIsSavedAndLoaded() {
    Scene s = lessonScene(QStringLiteral("tangent-plane"));
    s.focus = {QStringLiteral("map"), QStringLiteral("surface")};
    const SceneResult back = sceneFromJson(sceneToJson(s));
    QVERIFY(std::holds_alternative<Scene>(back));
    QCOMPARE(std::get<Scene>(back).focus, s.focus);
    // One name for both screens is written as a string.
    s.focus = {QStringLiteral("gap"), QStringLiteral("gap")};
    QVERIFY(sceneToJson(s).contains("\"focus\": \"gap\""));

    // A page applies the focus for its screen, and sceneShown() keeps the other one.
    TangentPlanePage page;
    s.focus = {QStringLiteral("map"), QStringLiteral("surface")};
    QCOMPARE(page.showScene(s), QString());
    QCOMPARE(page.focusedPicture(), QStringLiteral("map"));
    page.setPresentation(true);
    QCOMPARE(page.focusedPicture(), QStringLiteral("surface"));
    QVERIFY(page.focusPicture(QStringLiteral("cut")));
    QCOMPARE(page.sceneShown().focus, (SceneFocus{QStringLiteral("map"), QStringLiteral("cut")}));
    page.setPresentation(false);
    QCOMPARE(page.focusedPicture(), QStringLiteral("map"));
    QVERIFY(page.focusPicture({}));
    QCOMPARE(page.sceneShown().focus, (SceneFocus{QString(), QStringLiteral("cut")}));
}

void TestPresentationFit::badFocusIsRefused() {
    QByteArray json = sceneToJson(lessonScene(QStringLiteral("tangent-plane")));
    const auto withFocus = [&](const QByteArray& focus) {
        QByteArray j = json;
        j.replace("\"page\":", "\"focus\": " + focus + ",\n    \"page\":");
        return sceneFromJson(j);
    };
    QVERIFY(std::holds_alternative<Scene>(withFocus("\"surface\"")));
    for (const QByteArray& bad : {QByteArray("\"Surface!\""), QByteArray("{\"screen\": \"map\"}"),
                                  QByteArray("{\"desk\": 3}"), QByteArray("7")}) {
        const SceneResult r = withFocus(bad);
        QVERIFY2(std::holds_alternative<SceneError>(r), bad.constData());
        QVERIFY2(std::get<SceneError>(r).text().contains(QStringLiteral("focus")),
                 qPrintable(std::get<SceneError>(r).text()));
    }
    // A name the page does not have: the page says which it has, and shows what it showed.
    TangentPlanePage page;
    Scene s = lessonScene(QStringLiteral("tangent-plane"));
    s.focus = {QStringLiteral("loss"), QString()};
    const QString error = page.showScene(s);
    QVERIFY2(error.contains(QStringLiteral("'loss'")) && error.contains(QStringLiteral("gap")),
             qPrintable(error));
    QCOMPARE(page.focusedPicture(), QString());
}

void TestPresentationFit::focusedSceneRendersHeadless() {
    QTemporaryDir dir;
    Scene s = lessonScene(QStringLiteral("tangent-plane"));
    const QString plain = dir.filePath(QStringLiteral("plain.gradscape.json"));
    const QString focused = dir.filePath(QStringLiteral("focused.gradscape.json"));
    QCOMPARE(saveSceneFile(s, plain), QString());
    s.focus = {QString(), QStringLiteral("gap")}; // on a projector only
    QCOMPARE(saveSceneFile(s, focused), QString());
    auto render = [&](const QString& scene, const QString& png, bool presentation) {
        QStringList args{scene, QStringLiteral("--screenshot"), png, QStringLiteral("--size"),
                         QStringLiteral("800x600")};
        if (presentation) args << QStringLiteral("--presentation");
        const test::Cli r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    };
    const QString a = dir.filePath(QStringLiteral("a.png")),
                  b = dir.filePath(QStringLiteral("b.png"));
    const QString c = dir.filePath(QStringLiteral("c.png")),
                  d = dir.filePath(QStringLiteral("d.png"));
    render(plain, a, false);
    render(focused, b, false); // a desk: the scene focuses nothing there
    render(plain, c, true);
    render(focused, d, true);
    const QImage ia(a), ib(b), ic(c), id(d);
    QVERIFY(!ia.isNull() && !id.isNull());
    QCOMPARE(ib, ia);
    QVERIFY(id != ic);
    // Focused, the log–log gap panel is the whole picture: none of the surface's and the map's
    // colors, which fill much of the plain one.
    auto colorful = [](const QImage& image) {
        int n = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                n += image.pixelColor(x, y).hsvSaturation() > 120;
        return n;
    };
    QVERIFY2(colorful(id) * 5 < colorful(ic),
             qPrintable(QStringLiteral("%1 against %2").arg(colorful(id)).arg(colorful(ic))));
}

void TestPresentationFit::narrowProjectorShowsTwoPicturesAtATime_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("pictures");
    QTest::newRow("1024 x 768 projector") << QSize(1004, 640) << 2;
    QTest::newRow("1366 x 768 projector") << QSize(1346, 640) << 2;
    QTest::newRow("1920 x 1080 projector") << QSize(1900, 960) << 4;
}

void TestPresentationFit::narrowProjectorShowsTwoPicturesAtATime() {
    QFETCH(QSize, size);
    QFETCH(int, pictures);
    TangentPlanePage page;
    PlotStyle projector;
    projector.scale = PlotStyle::kPresentationScale;
    page.setStyle(projector);
    QCOMPARE(page.applyScene(lessonScene(QStringLiteral("tangent-plane"))), QString());
    layOut(page, size);
    const QVector<QCPLayoutElement*> shown = shownPictures(page);
    QCOMPARE(shown.size(), pictures);
    for (QCPLayoutElement* e : shown)
        QVERIFY2(shorterSide(e->outerRect()) >= PlotStyle::kMinPicture,
                 qPrintable(QStringLiteral("%1 × %2")
                                .arg(e->outerRect().width())
                                .arg(e->outerRect().height())));
    auto* tabs = page.findChild<QTabBar*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->isVisible(), pictures == 2);
    if (pictures == 4) return;
    // The other two pictures, a tab away; every picture of the page is reachable.
    QVERIFY(area(page.surface()->outerRect()) > 0);
    tabs->setCurrentIndex(1);
    page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QVector<QCPLayoutElement*> panels = shownPictures(page);
    QCOMPARE(panels.size(), 2);
    QVERIFY(!panels.contains(page.surface()));
    for (QCPLayoutElement* e : panels)
        QVERIFY(shorterSide(e->outerRect()) >= PlotStyle::kMinPicture);
    // On a desk, the grid of four.
    page.setStyle(PlotStyle{});
    page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(shownPictures(page).size(), 4);
}

void TestPresentationFit::landscapePutsTheLossBesideTheMapWhenShort() {
    LandscapePage page;
    PlotStyle projector;
    projector.scale = PlotStyle::kPresentationScale;
    page.setStyle(projector);
    page.setSidePanelVisible(false); // as the window does on a narrow projector
    layOut(page, {1004, 640});
    auto* loss = page.findChild<LossView*>();
    auto* map = page.findChild<LandscapeView*>();
    QVERIFY(loss && map);
    const auto at = [&](QWidget* w) { return w->mapTo(&page, QPoint()); };
    QVERIFY(at(loss).x() > at(map).x() + map->width() / 2); // beside
    QVERIFY2(shorterSide(loss->rect()) >= PlotStyle::kMinPicture,
             qPrintable(QStringLiteral("%1 × %2").arg(loss->width()).arg(loss->height())));
    QVERIFY(shorterSide(map->rect()) >= PlotStyle::kMinPicture);
    page.setStyle(PlotStyle{});
    layOut(page, {1004, 640});
    QVERIFY(at(loss).y() > at(map).y() + map->height() / 2); // under it again
}

void TestPresentationFit::titlesWrapBeforeTheyElide() {
    QFont font;
    font.setPixelSize(20);
    const QFontMetrics fm(font);
    const QString shortTitle = QStringLiteral("Slices");
    QCOMPARE(wrapTitle(shortTitle, fm, 400), shortTitle);
    const QString title =
        QStringLiteral("Rosenbrock's banana valley: five optimizers from (−1.2, 1)");
    const int room = fm.horizontalAdvance(title) * 6 / 10;
    const QString two = wrapTitle(title, fm, room);
    const QStringList lines = two.split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.join(u' '), title); // every word, none elided
    for (const QString& line : lines)
        QVERIFY(fm.horizontalAdvance(line) <= room);
    // Even lines: the longer is not much longer than half the title.
    QVERIFY(std::max(fm.horizontalAdvance(lines[0]), fm.horizontalAdvance(lines[1])) <
            fm.horizontalAdvance(title) * 0.65);
    // Too long for two lines: the second is elided.
    const QString three = wrapTitle(title, fm, fm.horizontalAdvance(title) / 3);
    QCOMPARE(three.count(u'\n'), 1);
    QVERIFY(three.endsWith(QChar(0x2026)));
    // ...after a full first line, not after a short one ("The" / "article's landscape…").
    QVERIFY(fm.horizontalAdvance(three.section(u'\n', 0, 0)) >
            fm.horizontalAdvance(title) / 3 - fm.horizontalAdvance(QStringLiteral("optimizers ")));
    // One word too long for a line is elided, not broken.
    QVERIFY(wrapTitle(QStringLiteral("Supercalifragilistic"), fm, 60).endsWith(QChar(0x2026)));
}

void TestPresentationFit::arrowHeadsFollowThePicture() {
    QCustomPlot plot;
    QCPAxisRect* rect = plot.axisRect();
    PlotStyle projector;
    projector.scale = PlotStyle::kPresentationScale;
    rect->setOuterRect(QRect(0, 0, 130, 150));
    const QCPLineEnding small = arrowHead(*rect, projector);
    rect->setOuterRect(QRect(0, 0, 900, 800));
    const QCPLineEnding large = arrowHead(*rect, projector);
    QVERIFY(small.length() < large.length());
    // On the small map the head is a few percent of it, not a third.
    QVERIFY(small.length() <= 13); // a tenth of the map's 130 pixels
    // Never beyond the style's full size, and larger on a projector than on a desk.
    QVERIFY(large.length() <= 18 * projector.scale + 1e-9);
    QVERIFY(arrowHead(*rect, PlotStyle{}).length() < large.length());
}

QTEST_MAIN(TestPresentationFit)
#include "test_presentation_fit.moc"

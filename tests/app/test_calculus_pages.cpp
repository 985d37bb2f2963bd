// The lesson pages of two-variable calculus: slices (the cuts' tangent slopes are the partial
// derivatives, the cuts print as the article's formulas), the tangent plane (f(p), ∇f(p), a
// second-order gap, straight contours), directional derivatives (e·∇f peaks at the gradient with
// |∇f|; the CSV's finite differences agree) and gradient ascent on the landscape (the first step is
// x₀ + λ∇f(x₀)). Every lesson opens on its page, drags move what they grab, scenes round-trip,
// settings are validated by name, and the pages export to PNG, SVG and PDF.

#include "analysis/slices.h"
#include "field/isolines.h"
#include "lessons/lesson_library.h"
#include "oracles/article_functions.h"
#include "pages/directional/directional_page.h"
#include "pages/page_registry.h"
#include "pages/slices/slices_page.h"
#include "pages/tangent_plane/tangent_plane_page.h"
#include "plot/field_map.h"
#include "plot/isoline_plottable.h"
#include "plot/surface_element.h"
#include "render/exporter.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <qcustomplot.h>

#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace gs;
using namespace gs::app;

namespace {

constexpr double kDegree = std::numbers::pi / 180;

Vec gradientOf(QPointF p) {
    Vec g(2);
    article::cosineLandscape()->valueAndGradient((Vec(2) << p.x(), p.y()).finished(), g);
    return g;
}

double valueOf(double x, double y) {
    return article::cosineLandscape()->value((Vec(2) << x, y).finished());
}

template <class P> P* openLesson(MainWindow& window, const QString& name) {
    const QString error = window.openLesson(name);
    if (!error.isEmpty()) qWarning("%s", qPrintable(error));
    return qobject_cast<P*>(window.currentPage());
}

/// Lays the page out at a fixed size, so pixels and plot coordinates match.
void layOut(Page& page) {
    page.resize(1200, 800);
    page.show();
    page.plot()->replot(QCustomPlot::rpImmediateRefresh);
    page.plot()->replot(QCustomPlot::rpImmediateRefresh); // the map's aspect after the first layout
}

const QList<QPointF> kPoints = {{0, 0}, {0.5, -1}, {-1, 1}, {1.2, 0.7}, {-2.5, 2.9}};

} // namespace

class TestCalculusPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void everyLessonOpensOnItsPage_data();
    void everyLessonOpensOnItsPage();
    void slicesAtTheOriginAreTheArticles();
    void sliceSlopesArePartials_data();
    void sliceSlopesArePartials();
    void dragOnTheMapMovesThePoint();
    void surfaceOrbitsAndExports();
    void tangentPlaneTouchesTheSurface_data();
    void tangentPlaneTouchesTheSurface();
    void directionalPeaksAlongTheGradient_data();
    void directionalPeaksAlongTheGradient();
    void draggingTheArrowTurnsTheDirection();
    void ascentStepsAlongTheGradient();
    void scenesRoundTrip_data();
    void scenesRoundTrip();
    void badSettingsAreNamed_data();
    void badSettingsAreNamed();
    void pagesExport_data();
    void pagesExport();
};

void TestCalculusPages::everyLessonOpensOnItsPage_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("page");
    QTest::newRow("slices") << "slices"
                            << "slices";
    QTest::newRow("tangent plane") << "tangent-plane"
                                   << "tangent-plane";
    QTest::newRow("directional") << "directional"
                                 << "directional";
    QTest::newRow("ascent in 2D") << "gradient-ascent-2d"
                                  << "landscape";
}

void TestCalculusPages::everyLessonOpensOnItsPage() {
    QFETCH(QString, lesson);
    QFETCH(QString, page);
    QVERIFY(lessonNames().contains(lesson));
    // In the article's order: after the one-variable lessons.
    QVERIFY(lessonNames().indexOf(lesson) >
            lessonNames().indexOf(QStringLiteral("gradient-ascent")));
    MainWindow window;
    QCOMPARE(window.openLesson(lesson), QString());
    QCOMPARE(window.currentPage()->scene().page, page);
    QVERIFY(PageRegistry::instance().find(page));
    QCOMPARE(PageRegistry::instance().find(page)->dimension, 2);
}

void TestCalculusPages::slicesAtTheOriginAreTheArticles() {
    MainWindow window;
    auto* page = openLesson<SlicesPage>(window, QStringLiteral("slices"));
    QVERIFY(page);
    QCOMPARE(page->point(), QPointF(0, 0));
    // f(x, 0) = cos 3x + cos 2x − 2 sin x and f(0, y) = cos 2y + cos 4y − 2 sin y, as printed.
    QCOMPARE(page->sliceFormula(0), QStringLiteral("cos(3x) + cos(2x) - 2 sin(x)"));
    QCOMPARE(page->sliceFormula(1), QStringLiteral("cos(2y) + cos(4y) - 2 sin(y)"));
    QCOMPARE(page->partialFormula(0),
             QStringLiteral("-3 sin(3x + 2y) - 2 sin(2x + 4y) - 2 cos(x + y)"));
    const QString readout = page->readout()->text();
    QVERIFY2(readout.contains(QStringLiteral("cos(3x) + cos(2x) − 2 sin(x)")), qPrintable(readout));
    QVERIFY(readout.contains(QStringLiteral("<b>−2</b>")));
    // Both slopes are −2 at the origin (only −2 sin(x + y) has a slope there).
    QVERIFY(std::abs(page->slopeX() + 2) < 1e-12);
    QVERIFY(std::abs(page->slopeY() + 2) < 1e-12);
    // The table: both slices over the view box and both slopes on every row.
    const Table t = page->table();
    QCOMPARE(t.header, (QStringList{"x", "f_x_y0", "y", "f_x0_y", "df_dx", "df_dy"}));
    QVERIFY(t.rows.size() >= 100);
    QCOMPARE(t.rows.front()[0].toDouble(), -3.0);
    QCOMPARE(t.rows.back()[2].toDouble(), 3.0);
    for (int i = 0; i < t.rows.size(); i += 37) {
        const double s = t.rows[i][0].toDouble();
        QVERIFY(std::abs(t.rows[i][1].toDouble() -
                         (std::cos(3 * s) + std::cos(2 * s) - 2 * std::sin(s))) < 1e-13);
        const double u = t.rows[i][2].toDouble();
        QVERIFY(std::abs(t.rows[i][3].toDouble() -
                         (std::cos(2 * u) + std::cos(4 * u) - 2 * std::sin(u))) < 1e-13);
        QCOMPARE(t.rows[i][4].toDouble(), page->slopeX());
    }
}

void TestCalculusPages::sliceSlopesArePartials_data() {
    QTest::addColumn<QPointF>("p");
    for (const QPointF& p : kPoints)
        QTest::addRow("(%g, %g)", p.x(), p.y()) << p;
}

void TestCalculusPages::sliceSlopesArePartials() {
    QFETCH(QPointF, p);
    SlicesPage page;
    page.setPoint(p);
    QCOMPARE(page.point(), p);
    const Vec g = gradientOf(p);
    QVERIFY(std::abs(page.slopeX() - g[0]) < 1e-12);
    QVERIFY(std::abs(page.slopeY() - g[1]) < 1e-12);
    // The slope is the slice's own: a central difference of the tabulated cut agrees.
    const Table t = page.table();
    const double h = 1e-6;
    const double dx = (valueOf(p.x() + h, p.y()) - valueOf(p.x() - h, p.y())) / (2 * h);
    QVERIFY(std::abs(t.rows.front()[4].toDouble() - dx) < 1e-7);
    // The printed cut evaluates to the cut.
    const QString slice = page.sliceFormula(0);
    QVERIFY(!slice.isEmpty());
    QVERIFY(!slice.contains(QLatin1Char('y')));
}

void TestCalculusPages::dragOnTheMapMovesThePoint() {
    SlicesPage page;
    layOut(page);
    QCustomPlot* plot = page.plot();
    const QPointF target(1.25, -0.75);
    const QPoint pixel = page.map()->toPixel(target).toPoint();
    QVERIFY(page.map()->contains(pixel));
    QTest::mousePress(plot, Qt::LeftButton, {}, pixel);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, pixel);
    // Within a pixel of the target.
    const double unit = page.map()->xAxis()->range().size() / page.map()->rect()->width();
    QVERIFY2(std::abs(page.point().x() - target.x()) < 1.5 * unit &&
                 std::abs(page.point().y() - target.y()) < 1.5 * unit,
             qPrintable(QStringLiteral("(%1, %2)").arg(page.point().x()).arg(page.point().y())));
    QVERIFY(std::abs(page.slopeX() - gradientOf(page.point())[0]) < 1e-12);
}

void TestCalculusPages::surfaceOrbitsAndExports() {
    SlicesPage page;
    layOut(page);
    SurfaceElement* surface = page.surface();
    QVERIFY(surface->rect().width() > 100 && surface->rect().height() > 100);
    // The surface is part of the plot's layout (so exports hold it) and holds f's mesh.
    QCOMPARE(surface->layout() != nullptr, true);
    const Grid& mesh = surface->renderer().mesh();
    QVERIFY(mesh.nx > 10);
    QVERIFY(std::abs(mesh.value(0, 0) - valueOf(-3, -3)) < 1e-12);
    // A drag across it orbits the camera and leaves the point alone.
    const QPointF before = page.point();
    const double azimuth = surface->renderer().camera().azimuth;
    const QPoint from = surface->rect().center();
    const QPoint to = from + QPoint(60, 0);
    QTest::mousePress(page.plot(), Qt::LeftButton, {}, from);
    QTest::mouseMove(page.plot(), to);
    QTest::mouseRelease(page.plot(), Qt::LeftButton, {}, to);
    QVERIFY2(std::abs(surface->renderer().camera().azimuth - (azimuth - 30)) < 1e-9,
             qPrintable(QString::number(surface->renderer().camera().azimuth)));
    QVERIFY(!surface->renderer().draft());
    QCOMPARE(page.point(), before);
    // The surface's cell in an export is not blank: many colors where the surface is drawn.
    const QImage image = page.plot()->toPixmap().toImage();
    QSet<QRgb> colors;
    const QRect r = surface->rect();
    for (int y = r.top(); y < r.bottom(); y += 5)
        for (int x = r.left(); x < r.right(); x += 5)
            colors.insert(image.pixel(x, y));
    QVERIFY(colors.size() > 100);
}

void TestCalculusPages::tangentPlaneTouchesTheSurface_data() {
    QTest::addColumn<QPointF>("p");
    for (const QPointF& p : kPoints)
        QTest::addRow("(%g, %g)", p.x(), p.y()) << p;
}

void TestCalculusPages::tangentPlaneTouchesTheSurface() {
    QFETCH(QPointF, p);
    TangentPlanePage page;
    page.setPoint(p);
    const TangentPlane& plane = page.plane();
    const Vec g = gradientOf(p);
    QVERIFY(std::abs(plane.value - valueOf(p.x(), p.y())) < 1e-13);
    QVERIFY((plane.gradient - g).norm() < 1e-12);
    // The gap shrinks like r²: from r to r/10 (both small) it falls about a hundredfold.
    const std::vector<PlaneGap>& gaps = page.gaps();
    QVERIFY(gaps.size() >= 10);
    const Table t = page.table();
    QCOMPARE(t.header, (QStringList{"r", "gap", "gap_over_r2"}));
    QCOMPARE(t.rows.size(), qsizetype(gaps.size()));
    double smallRatio = -1;
    for (const PlaneGap& gp : gaps)
        if (gp.r < 1e-3) smallRatio = std::max(smallRatio, gp.gap / (gp.r * gp.r));
    QVERIFY(smallRatio >= 0);
    QVERIFY(smallRatio < 0.5 * 60 + 1e-3); // ‖∇²f‖ < 60 everywhere for this f
    // The plane's contours are straight, perpendicular to ∇f.
    const std::vector<Isoline>& lines = page.planeContours()->isolines();
    QVERIFY(!lines.empty());
    for (const Isoline& iso : lines)
        for (const Polyline& line : iso.lines)
            for (const Point2& q : line.points) {
                const double along = g[0] * (q.x - p.x()) + g[1] * (q.y - p.y());
                QVERIFY(std::abs(plane.value + along - iso.level) < 1e-9);
            }
    QVERIFY(!page.surfaceContours()->isolines().empty());
    QVERIFY(page.readout()->text().contains(QStringLiteral("tangent plane z =")));
}

void TestCalculusPages::directionalPeaksAlongTheGradient_data() {
    QTest::addColumn<QPointF>("p");
    for (const QPointF& p : kPoints)
        QTest::addRow("(%g, %g)", p.x(), p.y()) << p;
}

void TestCalculusPages::directionalPeaksAlongTheGradient() {
    QFETCH(QPointF, p);
    DirectionalPage page;
    page.setPoint(p);
    const Vec g = gradientOf(p);
    const double gradientDegrees = std::atan2(g[1], g[0]) / kDegree;
    const DirectionalProfile& d = page.profile();
    double gap = std::fmod(std::abs(d.maxAngle / kDegree - gradientDegrees), 360.0);
    gap = std::min(gap, 360 - gap);
    QVERIFY2(gap < 0.5, qPrintable(QString::number(gap)));
    QVERIFY(std::abs(d.maxValue - g.norm()) < 1e-4 * g.norm());
    // Turned onto the gradient, e·∇f is |∇f|; a quarter turn on, 0; half a turn, −|∇f|.
    const double start = std::fmod(gradientDegrees + 360, 360);
    page.setAngle(start);
    QVERIFY(std::abs(page.derivative() - g.norm()) < 1e-9 * std::max(1.0, g.norm()));
    page.setAngle(std::fmod(start + 90, 360));
    QVERIFY(std::abs(page.derivative()) < 1e-9 * std::max(1.0, g.norm()));
    page.setAngle(std::fmod(start + 180, 360));
    QVERIFY(std::abs(page.derivative() + g.norm()) < 1e-9 * std::max(1.0, g.norm()));
    // The CSV: every degree, the finite difference beside e·∇f.
    const Table t = page.table();
    QCOMPARE(t.header, (QStringList{"angle_deg", "finite_difference", "e_dot_grad"}));
    QCOMPARE(t.rows.size(), 360);
    for (const QStringList& row : t.rows) {
        const double a = row[0].toDouble() * kDegree;
        QVERIFY(std::abs(row[2].toDouble() - (std::cos(a) * g[0] + std::sin(a) * g[1])) < 1e-12);
        QVERIFY(std::abs(row[1].toDouble() - row[2].toDouble()) < 1e-7);
    }
}

void TestCalculusPages::draggingTheArrowTurnsTheDirection() {
    DirectionalPage page;
    page.setPoint({0, 0});
    page.setAngle(0);
    layOut(page);
    QCustomPlot* plot = page.plot();
    // The arrow's tip lies to the right of p; grab it and pull it straight up.
    const double len = 0.16 * 6; // the arrow is 16 % of the view box's side
    const QPoint tip = page.map()->toPixel({len, 0}).toPoint();
    const QPoint above = page.map()->toPixel({0, 1.5}).toPoint();
    QTest::mousePress(plot, Qt::LeftButton, {}, tip);
    QTest::mouseMove(plot, above);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, above);
    QVERIFY2(std::abs(page.angle() - 90) < 1.5, qPrintable(QString::number(page.angle())));
    QCOMPARE(page.point(), QPointF(0, 0)); // the point stayed
    // A press away from the tip moves the point instead.
    const QPoint elsewhere = page.map()->toPixel({-2, -2}).toPoint();
    QTest::mousePress(plot, Qt::LeftButton, {}, elsewhere);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, elsewhere);
    QVERIFY(std::abs(page.point().x() + 2) < 0.05 && std::abs(page.point().y() + 2) < 0.05);
}

void TestCalculusPages::ascentStepsAlongTheGradient() {
    MainWindow window;
    QCOMPARE(window.openLesson(QStringLiteral("gradient-ascent-2d")), QString());
    const QVector<RunView> runs = window.currentPage()->runs();
    QCOMPARE(runs.size(), 2);
    const double lrs[] = {0.02, 0.1};
    for (int i = 0; i < 2; ++i) {
        const Trajectory& t = *runs[i].trajectory;
        QVERIFY(t.size() > 2);
        QCOMPARE(runs[i].sign, -1.0); // ascent
        const Vec x0 = t.x(0), x1 = t.x(1);
        QCOMPARE(x0, (Vec(2) << -1, 1).finished());
        // x₁ = x₀ + λ ∇f(x₀): the article's peak-finding step.
        const Vec g = gradientOf({x0[0], x0[1]});
        QVERIFY(((x1 - x0) - lrs[i] * g).norm() < 1e-12);
    }
    // The small step climbs: f rises along the whole run and ends higher than it started.
    const Trajectory& slow = *runs[0].trajectory;
    const Vec last = slow.x(slow.size() - 1);
    QVERIFY(valueOf(last[0], last[1]) > valueOf(-1, 1) + 1);
}

void TestCalculusPages::scenesRoundTrip_data() {
    QTest::addColumn<QString>("lesson");
    for (const char* name : {"slices", "tangent-plane", "directional"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestCalculusPages::scenesRoundTrip() {
    QFETCH(QString, lesson);
    const auto l = loadLesson(lesson);
    QVERIFY(std::holds_alternative<Lesson>(l));
    const Scene scene = std::get<Lesson>(l).scene;
    auto page = PageRegistry::instance().create(scene.page);
    QVERIFY(page);
    QCOMPARE(page->applyScene(scene), QString());
    Scene shown = page->scene();
    QCOMPARE(shown.settings, scene.settings);
    QCOMPARE(shown.start, scene.start);
    // Through JSON and into a fresh page: the same scene again.
    const SceneResult back = sceneFromJson(sceneToJson(shown));
    QVERIFY(std::holds_alternative<Scene>(back));
    auto again = PageRegistry::instance().create(scene.page);
    QCOMPARE(again->applyScene(std::get<Scene>(back)), QString());
    QCOMPARE(again->scene(), shown);
    // A scene for another page is refused, and the page stays as it was.
    Scene other = scene;
    other.page = QStringLiteral("curve");
    QVERIFY(!page->applyScene(other).isEmpty());
    QCOMPARE(page->scene(), shown);
}

void TestCalculusPages::badSettingsAreNamed_data() {
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("field");
    QTest::newRow("angle") << "directional"
                           << R"({"angle": 400})"
                           << "directional.angle";
    QTest::newRow("patch") << "tangent-plane"
                           << R"({"patch": 0})"
                           << "tangent-plane.patch";
    QTest::newRow("tangents") << "slices"
                              << R"({"tangents": 3})"
                              << "slices.tangents";
    QTest::newRow("unknown key") << "slices"
                                 << R"({"colour": 1})"
                                 << "slices.colour";
}

void TestCalculusPages::badSettingsAreNamed() {
    QFETCH(QString, page);
    QFETCH(QString, section);
    QFETCH(QString, field);
    const QString json = QStringLiteral(R"({"format": "gradscape-scene", "version": 2,
        "page": "%1", "function": {"catalog": "cosine-landscape"}, "%1": %2})")
                             .arg(page, section);
    const SceneResult r = sceneFromJson(json.toUtf8());
    QVERIFY(std::holds_alternative<SceneError>(r));
    QVERIFY2(std::get<SceneError>(r).text().contains(field),
             qPrintable(std::get<SceneError>(r).text()));
}

void TestCalculusPages::pagesExport_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("suffix");
    for (const char* name : {"slices", "tangent-plane", "directional"})
        for (const char* suffix : {"png", "svg", "pdf"})
            QTest::addRow("%s.%s", name, suffix) << QString::fromLatin1(name) << suffix;
}

void TestCalculusPages::pagesExport() {
    QFETCH(QString, lesson);
    QFETCH(QString, suffix);
    MainWindow window;
    QCOMPARE(window.openLesson(lesson), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("page.") + suffix);
    QCOMPARE(exportImage(*window.currentPage(), path, QSize(900, 560)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 2000);
    if (suffix == QLatin1String("svg")) QVERIFY(bytes.contains("<svg"));
    if (suffix == QLatin1String("pdf")) QVERIFY(bytes.startsWith("%PDF"));
    if (suffix == QLatin1String("png")) {
        // Not blank: the heat map alone brings many colors.
        const QImage image = QImage::fromData(bytes);
        QCOMPARE(image.size(), QSize(900, 560));
        QSet<QRgb> colors;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colors.insert(image.pixel(x, y));
        QVERIFY(colors.size() > 50);
    }
}

QTEST_MAIN(TestCalculusPages)
#include "test_calculus_pages.moc"

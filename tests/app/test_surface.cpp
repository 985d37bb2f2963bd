// The 3D surface: the camera's mapping from data to pixels (hand-computed), the depth order of
// faces and of pieces drawn on the surface, the view's scene keys, and the size of a vector
// export.

#include "objective/catalog.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/landscape/landscape_surface.h"
#include "plot/surface_projection.h"
#include "plot/surface_renderer.h"
#include "render/exporter.h"
#include "scene/builtin_scenes.h"
#include "views/surface_view.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <set>

using namespace gs;
using namespace gs::app;

Q_DECLARE_METATYPE(gs::app::SurfaceCamera)

namespace {

/// A grid of f(x, y) over [x0, x1] × [y0, y1].
Grid gridOf(int nx, int ny, double x0, double x1, double y0, double y1,
            const std::function<double(double, double)>& f) {
    Grid g;
    g.xMin = x0, g.xMax = x1, g.yMin = y0, g.yMax = y1, g.nx = nx, g.ny = ny;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            g.values.push_back(f(g.x(i), g.y(j)));
    return g;
}

/// The depth of a face of `g` (its four corners' mean), as the renderer sorts it.
double faceDepth(const Grid& g, const SurfaceProjection& p, int face) {
    const int fx = g.nx - 1, i = face % fx, j = face / fx;
    double d = 0;
    for (int dj = 0; dj <= 1; ++dj)
        for (int di = 0; di <= 1; ++di)
            d += p.depth({g.x(i + di), g.y(j + dj), g.value(i + di, j + dj)}) / 4;
    return d;
}

} // namespace

class TestSurface : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void projectsKnownPoints_data();
    void projectsKnownPoints();
    void depthOrdersNearAndFar_data();
    void depthOrdersNearAndFar();
    void cameraIsNormalized();
    void drawsFacesBackToFront_data();
    void drawsFacesBackToFront();
    void skipsFacesWithNaN();
    void drawsWithoutAMesh();
    void hidesWhatIsBehindTheSurface_data();
    void hidesWhatIsBehindTheSurface();
    void pathsStopAtTheCurrentStep();
    void sceneKeysRoundTrip_data();
    void sceneKeysRoundTrip();
    void sceneKeysAreValidated_data();
    void sceneKeysAreValidated();
    void pageKeepsViewAndCamera();
    void svgOf120MeshIsSmall();
    void pageExportsTheSurface();
    void viewOrbitsAndZooms();
};

// Box [−1, 1]³ (so normalized z = 0.75 z), viewport 400 × 300 at the origin: centre (200, 150).
// At elevation 0 the scale is min(400 / 2√2, 300 / (2 · 0.75)) = 141.42136; at elevation 90
// it is min(141.42136, 300 / 2√2) = 106.06602.
void TestSurface::projectsKnownPoints_data() {
    QTest::addColumn<SurfaceCamera>("camera");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("z");
    QTest::addColumn<double>("px");
    QTest::addColumn<double>("py");
    QTest::addColumn<double>("depth");
    // From +x: right = +y, up = +z, eye = +x.
    QTest::newRow("front corner") << SurfaceCamera{0, 0, 1} << 1.0 << 1.0 << 1.0 << 200 + 141.42136
                                  << 150 - 0.75 * 141.42136 << 1.0;
    QTest::newRow("centre") << SurfaceCamera{0, 0, 1} << 0.0 << 0.0 << 0.0 << 200.0 << 150.0 << 0.0;
    QTest::newRow("zoom 2") << SurfaceCamera{0, 0, 2} << 0.0 << 0.5 << 0.0 << 200 + 141.42136
                            << 150.0 << 0.0;
    // From +y: right = −x.
    QTest::newRow("azimuth 90") << SurfaceCamera{90, 0, 1} << 1.0 << 0.0 << 0.0 << 200 - 141.42136
                                << 150.0 << 0.0;
    QTest::newRow("azimuth 90, near")
        << SurfaceCamera{90, 0, 1} << 0.0 << -1.0 << 0.0 << 200.0 << 150.0 << -1.0;
    // From above: right = +y, up = −x.
    QTest::newRow("from above") << SurfaceCamera{0, 90, 1} << 1.0 << -1.0 << 1.0 << 200 - 106.06602
                                << 150 + 106.06602 << 0.75;
    // Azimuth −60, elevation 30, the point (1, 0, 0): n = (1, 0, 0);
    // right·n = −sin(−60°) = 0.866025, up·n = −sin 30° cos(−60°) = −0.25,
    // eye·n = cos 30° cos(−60°) = 0.433013; scale = min(141.42136, 300 / (2√2 sin 30° + 1.5 cos
    // 30°)) = min(141.42136, 300 / 2.71325) = 110.56850.
    QTest::newRow("default camera")
        << SurfaceCamera{-60, 30, 1} << 1.0 << 0.0 << 0.0 << 200 + 0.866025 * 110.56850
        << 150 + 0.25 * 110.56850 << 0.433013;
}

void TestSurface::projectsKnownPoints() {
    QFETCH(SurfaceCamera, camera);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, z);
    QFETCH(double, px);
    QFETCH(double, py);
    QFETCH(double, depth);
    const SurfaceProjection p(camera, {-1, 1, -1, 1, -1, 1}, QRectF(0, 0, 400, 300));
    const QPointF at = p.pixel({x, y, z});
    QVERIFY2(
        std::abs(at.x() - px) < 1e-3 && std::abs(at.y() - py) < 1e-3,
        qPrintable(
            QStringLiteral("got (%1, %2), want (%3, %4)").arg(at.x()).arg(at.y()).arg(px).arg(py)));
    QVERIFY(std::abs(p.depth({x, y, z}) - depth) < 1e-5);
    // A box of other units maps the same way once normalized: [0, 4] × [10, 20] × [−5, 5].
    const SurfaceProjection q(camera, {0, 4, 10, 20, -5, 5}, QRectF(0, 0, 400, 300));
    const QPointF same = q.pixel({2 + 2 * x, 15 + 5 * y, 5 * z});
    QVERIFY(std::abs(same.x() - px) < 1e-3 && std::abs(same.y() - py) < 1e-3);
}

void TestSurface::depthOrdersNearAndFar_data() {
    QTest::addColumn<SurfaceCamera>("camera");
    QTest::addColumn<bool>("plusXNearer");
    QTest::newRow("from +x") << SurfaceCamera{0, 30, 1} << true;
    QTest::newRow("from −x") << SurfaceCamera{180, 30, 1} << false;
    QTest::newRow("from +x+y") << SurfaceCamera{45, 10, 1} << true;
    QTest::newRow("from −x+y") << SurfaceCamera{135, -20, 1} << false;
}

void TestSurface::depthOrdersNearAndFar() {
    QFETCH(SurfaceCamera, camera);
    QFETCH(bool, plusXNearer);
    const SurfaceProjection p(camera, {-1, 1, -1, 1, -1, 1}, QRectF(0, 0, 400, 300));
    QCOMPARE(p.depth({0.9, 0, 0}) > p.depth({-0.9, 0, 0}), plusXNearer);
}

void TestSurface::cameraIsNormalized() {
    const SurfaceCamera c = SurfaceCamera{370, 120, 100}.normalized();
    QVERIFY(std::abs(c.azimuth - 10) < 1e-9);
    QCOMPARE(c.elevation, 90.0);
    QCOMPARE(c.zoom, SurfaceCamera::kMaxZoom);
    const SurfaceCamera d = SurfaceCamera{NAN, NAN, NAN}.normalized();
    QCOMPARE(d, SurfaceCamera{});
    QCOMPARE((SurfaceCamera{-180, 0, 1}.normalized().azimuth), 180.0);
}

void TestSurface::drawsFacesBackToFront_data() {
    QTest::addColumn<SurfaceCamera>("camera");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QVector<int>>("twoFaces"); // the order of the two faces of a 3 × 2 grid
    QTest::newRow("from +x") << SurfaceCamera{0, 30, 1} << false << QVector<int>{0, 1};
    QTest::newRow("from −x") << SurfaceCamera{180, 30, 1} << false << QVector<int>{1, 0};
    QTest::newRow("draft, from −x") << SurfaceCamera{180, 30, 1} << true << QVector<int>{1, 0};
    QTest::newRow("oblique") << SurfaceCamera{-60, 30, 1} << false << QVector<int>{0, 1};
    QTest::newRow("below") << SurfaceCamera{150, -40, 1.5} << false << QVector<int>{1, 0};
}

void TestSurface::drawsFacesBackToFront() {
    QFETCH(SurfaceCamera, camera);
    QFETCH(bool, draft);
    QFETCH(QVector<int>, twoFaces);
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    const QRectF rect(image.rect());
    SurfaceRenderer r;
    r.setCamera(camera);
    r.setMesh(gridOf(3, 2, 0, 1, 0, 1, [](double x, double y) { return x * y; }));
    {
        QPainter painter(&image);
        r.render(painter, rect);
    }
    QCOMPARE(QVector<int>(r.lastFaceOrder().begin(), r.lastFaceOrder().end()), twoFaces);

    // A hilly 30 × 25 mesh: every face drawn once, each no nearer than the next.
    const Grid g = gridOf(30, 25, -2, 2, -1, 3,
                          [](double x, double y) { return std::sin(2 * x) * std::cos(y) + x; });
    r.setMesh(g);
    r.setDraft(draft);
    {
        QPainter painter(&image);
        r.render(painter, rect);
    }
    const std::vector<int>& order = r.lastFaceOrder();
    if (draft) {
        QVERIFY(order.size() > 0 && order.size() < size_t(29 * 24)); // every second sample
        return;
    }
    QCOMPARE(order.size(), size_t(29 * 24));
    QCOMPARE(std::set<int>(order.begin(), order.end()).size(), order.size());
    const SurfaceProjection p = r.projection(rect);
    for (size_t k = 1; k < order.size(); ++k)
        QVERIFY2(faceDepth(g, p, order[k - 1]) <= faceDepth(g, p, order[k]) + 1e-6,
                 qPrintable(QStringLiteral("face %1 drawn after a nearer one").arg(order[k])));
}

void TestSurface::skipsFacesWithNaN() {
    Grid g = gridOf(5, 5, 0, 1, 0, 1, [](double x, double y) { return x + y; });
    g.values[2 * 5 + 2] = NAN; // the middle sample: its four faces go
    SurfaceRenderer r;
    r.setMesh(g);
    QCOMPARE(r.box().zMin, 0.0);
    QCOMPARE(r.box().zMax, 2.0);
    QImage image(200, 200, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    r.render(painter, QRectF(image.rect()));
    QCOMPARE(r.lastFaceOrder().size(), size_t(16 - 4));
}

void TestSurface::drawsWithoutAMesh() {
    // No function yet, a function that is NaN everywhere, a flat one: a box, no faces, no NaN.
    QImage image(300, 200, QImage::Format_ARGB32_Premultiplied);
    SurfaceView empty;
    empty.setPaths({SurfacePath{{{0.5, 0.5, 1}, {0.6, 0.6, 2}}, Qt::red, QStringLiteral("run")}});
    {
        QPainter painter(&image);
        empty.render(painter, QRectF(image.rect()));
    }
    QVERIFY(empty.renderer().lastFaceOrder().empty());
    SurfaceRenderer r;
    r.setMesh(gridOf(4, 4, 0, 1, 0, 1, [](double, double) { return NAN; }));
    QVERIFY(r.box().valid());
    {
        QPainter painter(&image);
        r.render(painter, QRectF(image.rect()));
    }
    QVERIFY(r.lastFaceOrder().empty());
    r.setMesh(gridOf(4, 4, 0, 1, 0, 1, [](double, double) { return 7.0; }));
    QVERIFY(r.box().valid() && r.box().zMin < 7 && r.box().zMax > 7);
    {
        QPainter painter(&image);
        r.render(painter, QRectF(image.rect()));
    }
    QCOMPARE(r.lastFaceOrder().size(), size_t(9));
}

void TestSurface::hidesWhatIsBehindTheSurface_data() {
    QTest::addColumn<double>("z");
    QTest::addColumn<bool>("visible");
    QTest::newRow("above") << 0.9 << true;
    QTest::newRow("below") << -0.9 << false;
}

void TestSurface::hidesWhatIsBehindTheSurface() {
    QFETCH(double, z);
    QFETCH(bool, visible);
    // A tilted plane f = 0.2 x seen from above; a red marker above or below its middle.
    SurfaceRenderer r;
    r.setMesh(gridOf(20, 20, -1, 1, -1, 1, [](double x, double) { return 0.2 * x; }));
    r.setCamera({0, 90, 1});
    r.setFloorIsolines(false);
    const SurfaceBox b = r.box();
    const double zz = b.zMin + (z + 1) / 2 * (b.zMax - b.zMin);
    r.setOverlays({SurfaceOverlay::markers({{0.1, 0.1, zz}}, Qt::red, 16)});
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        r.render(painter, QRectF(image.rect()));
    }
    const QPoint at = r.projection(QRectF(image.rect())).pixel({0.1, 0.1, zz}).toPoint();
    const QColor c = image.pixelColor(at);
    const bool red = c.red() > 200 && c.green() < 60 && c.blue() < 60;
    QCOMPARE(red, visible);
}

void TestSurface::pathsStopAtTheCurrentStep() {
    SurfaceRenderer r;
    r.setMesh(gridOf(10, 10, 0, 1, 0, 1, [](double, double) { return 0.0; }));
    SurfacePath path{{{0.1, 0.1, 0}, {0.5, 0.5, 0}, {0.9, 0.1, 0}}, Qt::red, QStringLiteral("gd")};
    r.setPaths({path});
    r.setCamera({0, 90, 1});
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    auto redAt = [&](SurfacePoint q) {
        const QPointF at = r.projection(QRectF(image.rect())).pixel(q);
        const QColor c = image.pixelColor(at.toPoint());
        return c.red() > 180 && c.green() < 90;
    };
    const SurfacePoint secondLeg{0.7, 0.3, 0}; // on the segment from step 1 to step 2
    for (int step : {1, 2}) {
        r.setCurrentStep(step);
        {
            QPainter painter(&image);
            r.render(painter, QRectF(image.rect()));
        }
        QVERIFY(redAt({0.3, 0.3, 0}));
        QCOMPARE(redAt(secondLeg), step == 2);
    }
}

void TestSurface::sceneKeysRoundTrip_data() {
    QTest::addColumn<int>("view");
    QTest::addColumn<SurfaceCamera>("camera");
    QTest::newRow("map, default camera") << 0 << SurfaceCamera{};
    QTest::newRow("surface") << 1 << SurfaceCamera{120, 45, 1.25};
    QTest::newRow("both, from below") << 2 << SurfaceCamera{-170.5, -30, 0.5};
}

void TestSurface::sceneKeysRoundTrip() {
    QFETCH(int, view);
    QFETCH(SurfaceCamera, camera);
    LandscapeSettings s;
    s.view = LandscapeSettings::View(view);
    s.camera = camera;
    s.logLevels = true;
    const QJsonObject json = s.toJson();
    // Through text, as a scene file holds it.
    const QJsonObject back = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const LandscapeSettings read = LandscapeSettings::read(JsonReader(back, {}));
    QVERIFY(read == s);
    // A section from before the surface existed: the map and the default camera.
    QJsonObject old = json;
    old.remove(QStringLiteral("view"));
    old.remove(QStringLiteral("camera"));
    const LandscapeSettings older = LandscapeSettings::read(JsonReader(old, {}));
    QCOMPARE(older.view, LandscapeSettings::View::Map);
    QCOMPARE(older.camera, SurfaceCamera{});
    QCOMPARE(older.logLevels, true);
}

void TestSurface::sceneKeysAreValidated_data() {
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("where");
    QTest::newRow("unknown view") << QByteArray(R"({"view": "3d"})") << "view";
    QTest::newRow("camera not an object") << QByteArray(R"({"camera": 3})") << "camera";
    QTest::newRow("elevation out of range")
        << QByteArray(R"({"camera": {"elevation": 100}})") << "camera.elevation";
    QTest::newRow("zoom zero") << QByteArray(R"({"camera": {"zoom": 0}})") << "camera.zoom";
    QTest::newRow("unknown camera key")
        << QByteArray(R"({"camera": {"roll": 3}})") << "camera.roll";
}

void TestSurface::sceneKeysAreValidated() {
    QFETCH(QByteArray, section);
    QFETCH(QString, where);
    try {
        LandscapeSettings::read(JsonReader(QJsonDocument::fromJson(section).object(), {}));
        QFAIL("accepted");
    } catch (const SceneError& e) {
        QCOMPARE(e.field, where);
    }
}

void TestSurface::pageKeepsViewAndCamera() {
    LandscapePage page;
    const SceneResult loaded = builtinScene(QStringLiteral("surface-article-landscape"));
    QVERIFY(std::holds_alternative<Scene>(loaded));
    const Scene scene = std::get<Scene>(loaded);
    QCOMPARE(page.applyScene(scene), QString());
    QCOMPARE(page.surface()->mode(), LandscapeSettings::View::Surface);
    QVERIFY(page.paintsPicture());
    QCOMPARE(page.surface()->view()->camera(), (SurfaceCamera{120, 45, 1}));
    page.surface()->view()->setCamera({10, 20, 2});
    page.surface()->modeBox()->setCurrentIndex(2);
    const auto s = settingsFrom<LandscapeSettings>(page.scene().settings);
    QCOMPARE(s.view, LandscapeSettings::View::Both);
    QCOMPARE(s.camera, (SurfaceCamera{10, 20, 2}));
    QCOMPARE(page.optimizerCount(), 4);
    // The map's color scale is the surface's too.
    QVERIFY(!page.surface()->view()->renderer().logColors());
    page.colorsBox()->setCurrentIndex(1);
    QVERIFY(page.surface()->view()->renderer().logColors());
}

void TestSurface::svgOf120MeshIsSmall() {
    SurfaceView view;
    view.resize(1600, 1000);
    view.setObjective(makeCatalogObjective("cosine-landscape"));
    QCOMPARE(view.mesh().nx, 120);
    QCOMPARE(view.box().zMin, view.mesh().minValue());
    QCOMPARE(view.box().xMax, 3.0);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(view.size());
    svg.setViewBox(QRect(QPoint(0, 0), view.size()));
    {
        QPainter painter(&svg);
        view.render(painter, QRectF(0, 0, 1600, 1000));
    }
    const qint64 bytes = buffer.data().size();
    qInfo("SVG of the 120 x 120 mesh at 1600 x 1000: %.2f MB", bytes / 1e6);
    QVERIFY(bytes < 5'000'000);
    QVERIFY(buffer.data().count("<path") >= 119 * 119); // vector: a path per face
}

void TestSurface::pageExportsTheSurface() {
    LandscapePage page;
    const Scene scene = std::get<Scene>(builtinScene(QStringLiteral("surface-article-landscape")));
    QCOMPARE(page.applyScene(scene), QString());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("s.png")), svg = dir.filePath("s.svg");
    QCOMPARE(exportImage(page, png, QSize(640, 400)), QString());
    QCOMPARE(exportImage(page, svg, QSize(640, 400)), QString());
    const QImage image(png);
    QCOMPARE(image.size(), QSize(640, 400));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray surface = file.readAll();
    QVERIFY(surface.count("<path") > 5000); // the surface's faces
    QVERIFY(!surface.contains("<image"));   // and not the map's heat map
    // The map alone exports the map.
    page.surface()->setMode(LandscapeSettings::View::Map);
    QVERIFY(!page.paintsPicture());
    QCOMPARE(exportImage(page, svg, QSize(640, 400)), QString());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<image"));
    // Both: the map and the surface, side by side.
    page.surface()->setMode(LandscapeSettings::View::Both);
    QCOMPARE(exportImage(page, svg, QSize(640, 400)), QString());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray both = file.readAll();
    QVERIFY(both.contains("<image") && both.count("<path") > 5000);
    // What an export proposes is what is shown: the map and the surface side by side are wider
    // than the map, and the map alone is the map.
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.pictureSize().width() > page.plot()->width() + 100);
    QCOMPARE(page.pictureSize().height(), page.surface()->widget()->height());
    page.surface()->setMode(LandscapeSettings::View::Map);
    QCOMPARE(page.pictureSize(), page.plot()->size());
}

void TestSurface::viewOrbitsAndZooms() {
    SurfaceView view;
    view.resize(400, 300);
    view.setObjective(makeCatalogObjective("cosine-landscape"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    int changes = 0;
    connect(&view, &SurfaceView::cameraChanged, this, [&] { ++changes; });
    const SurfaceCamera start = view.camera();
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(200, 150));
    QVERIFY(view.draft());
    QMouseEvent move(QEvent::MouseMove, QPointF(240, 130), view.mapToGlobal(QPointF(240, 130)),
                     Qt::NoButton, Qt::LeftButton, {});
    QApplication::sendEvent(&view, &move);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(240, 130));
    QVERIFY(!view.draft());
    QVERIFY(std::abs(view.camera().azimuth - (start.azimuth - 20)) < 1e-9);
    QVERIFY(std::abs(view.camera().elevation - (start.elevation - 10)) < 1e-9);
    QTest::keyClick(&view, Qt::Key_Left);
    QVERIFY(std::abs(view.camera().azimuth - (start.azimuth - 15)) < 1e-9);
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.camera().zoom > start.zoom);
    QCOMPARE(changes, 3);
}

QTEST_MAIN(TestSurface)
#include "test_surface.moc"

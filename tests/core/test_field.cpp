// Fields: grid sampling, marching-squares isolines, level choice and gradient arrows, checked
// against functions whose level sets and gradients are known in closed form.

#include "check.h"
#include "field/grid.h"
#include "field/isolines.h"
#include "field/levels.h"
#include "field/vector_field.h"
#include "objective/closed_form_objective.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace gs;

namespace {

Vec vec2(double a, double b) {
    return (Vec(2) << a, b).finished();
}

Box square(double half) {
    return {vec2(-half, -half), vec2(half, half)};
}

// f(x, y) = x² + y²; ∇f = (2x, 2y).
ObjectivePtr paraboloid() {
    return std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return v.squaredNorm(); }, [](const Vec& v, Vec& g) { g = 2 * v; });
}

// f(x, y) = x·y: a saddle at the origin, so grid cells around it are ambiguous.
ObjectivePtr saddle() {
    return std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return v[0] * v[1]; },
        [](const Vec& v, Vec& g) { g = vec2(v[1], v[0]); });
}

} // namespace

class TestField : public QObject {
    Q_OBJECT
private slots:
    void gridSamplesCornersAndIsParallelSafe();
    void circlesOfParaboloid_data();
    void circlesOfParaboloid();
    void levelOutsideRangeGivesNothing_data();
    void levelOutsideRangeGivesNothing();
    void straightLineIsOneOpenPolyline();
    void saddleLinesStayOnTheirLevel_data();
    void saddleLinesStayOnTheirLevel();
    void nanCellsAreSkipped();
    void manyLevelsMatchOneByOne();
    void levelsAreSortedAndInRange_data();
    void levelsAreSortedAndInRange();
    void niceLevelsAreRound();
    void flatRangesGiveAtMostOneLevel_data();
    void flatRangesGiveAtMostOneLevel();
    void arrowsMatchTheGradient_data();
    void arrowsMatchTheGradient();
};

void TestField::gridSamplesCornersAndIsParallelSafe() {
    const auto f = paraboloid();
    const Grid g = sampleGrid(*f, {vec2(-1, -2), vec2(3, 2)}, 41, 31, 0);
    QCOMPARE(g.nx, 41);
    QCOMPARE(g.ny, 31);
    GS_COMPARE_NEAR(g.value(0, 0), 1 + 4, 1e-12);
    GS_COMPARE_NEAR(g.value(40, 30), 9 + 4, 1e-12);
    GS_COMPARE_NEAR(g.x(20), 1.0, 1e-12);
    GS_COMPARE_NEAR(g.minValue(), 0.0, 1e-12);
    GS_COMPARE_NEAR(g.maxValue(), 13.0, 1e-12);
    const Grid serial = sampleGrid(*f, {vec2(-1, -2), vec2(3, 2)}, 41, 31, 1);
    QVERIFY(serial.values == g.values); // same samples whatever the thread count
}

void TestField::circlesOfParaboloid_data() {
    QTest::addColumn<double>("radius");
    QTest::addColumn<int>("n");
    QTest::newRow("r = 1, 101²") << 1.0 << 101;
    QTest::newRow("r = 2, 201²") << 2.0 << 201;
    QTest::newRow("r = 0.5, 61²") << 0.5 << 61;
    QTest::newRow("r = 2.7, 40² (coarse)") << 2.7 << 40;
}

void TestField::circlesOfParaboloid() {
    QFETCH(double, radius);
    QFETCH(int, n);
    const Grid g = sampleGrid(*paraboloid(), square(3), n, n);
    const auto lines = isolines(g, radius * radius);
    QCOMPARE(int(lines.size()), 1);
    QVERIFY(lines[0].closed);
    const double h = 6.0 / (n - 1);
    // Linear interpolation of a quadratic along an edge errs by at most h²/4 in f, i.e. about
    // h²/(8r) in radius; allow twice that.
    const double tol = h * h / (4 * radius) + 1e-12;
    QVERIFY(lines[0].points.size() > 8);
    for (const Point2& p : lines[0].points)
        QVERIFY2(std::abs(std::hypot(p.x, p.y) - radius) <= tol,
                 qPrintable(QStringLiteral("vertex at radius %1").arg(std::hypot(p.x, p.y))));
    // The circle goes all the way round: its vertices cover every quadrant.
    int quadrants = 0;
    for (const Point2& p : lines[0].points)
        quadrants |= 1 << ((p.x >= 0) + 2 * (p.y >= 0));
    QCOMPARE(quadrants, 15);
}

void TestField::levelOutsideRangeGivesNothing_data() {
    QTest::addColumn<double>("level");
    QTest::newRow("below the minimum") << -0.5;
    QTest::newRow("above the maximum") << 18.5;
    QTest::newRow("NaN") << std::nan("");
}

void TestField::levelOutsideRangeGivesNothing() {
    QFETCH(double, level);
    const Grid g = sampleGrid(*paraboloid(), square(3), 50, 50);
    QVERIFY(isolines(g, level).empty());
}

void TestField::straightLineIsOneOpenPolyline() {
    auto f = std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return v[0]; }, [](const Vec&, Vec& g) { g = vec2(1, 0); });
    const Grid g = sampleGrid(*f, square(1), 21, 21);
    const auto lines = isolines(g, 0.33);
    QCOMPARE(int(lines.size()), 1);
    QVERIFY(!lines[0].closed);
    QCOMPARE(int(lines[0].points.size()), 21); // one vertex per horizontal grid line
    for (const Point2& p : lines[0].points)
        GS_COMPARE_NEAR(p.x, 0.33, 1e-12);
    const double y0 = lines[0].points.front().y, y1 = lines[0].points.back().y;
    GS_COMPARE_NEAR(std::min(y0, y1), -1.0, 1e-12);
    GS_COMPARE_NEAR(std::max(y0, y1), 1.0, 1e-12);
}

void TestField::saddleLinesStayOnTheirLevel_data() {
    QTest::addColumn<double>("level");
    QTest::addColumn<int>("branches");
    QTest::newRow("xy = 0.5: two hyperbola branches") << 0.5 << 2;
    QTest::newRow("xy = −0.5: two hyperbola branches") << -0.5 << 2;
    QTest::newRow("xy = 0.01: close to the saddle") << 0.01 << 2;
}

void TestField::saddleLinesStayOnTheirLevel() {
    QFETCH(double, level);
    QFETCH(int, branches);
    // An even n puts no grid point at the origin, so the centre cell is a true saddle cell.
    const Grid g = sampleGrid(*saddle(), square(2), 40, 40);
    const auto lines = isolines(g, level);
    QCOMPARE(int(lines.size()), branches);
    const double h = 4.0 / 39;
    for (const Polyline& line : lines) {
        QVERIFY(!line.closed);
        for (const Point2& p : line.points) // bilinear along edges: exact for xy on edges
            QVERIFY(std::abs(p.x * p.y - level) <= h * h);
    }
}

void TestField::nanCellsAreSkipped() {
    // log(x) is NaN for x < 0: the isoline at 0 (x = 1) is found, the left half never is.
    auto f = std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return std::log(v[0]); },
        [](const Vec& v, Vec& g) { g = vec2(1 / v[0], 0); });
    const Grid g = sampleGrid(*f, square(2), 41, 11);
    QVERIFY(std::isfinite(g.minValue()));
    const auto lines = isolines(g, 0.0);
    QCOMPARE(int(lines.size()), 1);
    for (const Point2& p : lines[0].points)
        GS_COMPARE_NEAR(p.x, 1.0, 0.02);
    const auto arrows = gradientArrows(*f, square(2), 8, 8);
    QCOMPARE(int(arrows.size()), 32); // only the right half has a finite gradient
}

void TestField::manyLevelsMatchOneByOne() {
    // The saddle x·y + x²/4 on a grid that is not a multiple of the
    // tile size: parallel levels and shared tiles must give exactly the one-level answer.
    auto f = std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return v[0] * v[1] + v[0] * v[0] / 4; },
        [](const Vec& v, Vec& g) { g = vec2(v[1] + v[0] / 2, v[0]); });
    const Grid g = sampleGrid(*f, square(3), 123, 77);
    const auto levels = niceLevels(g.minValue(), g.maxValue(), 12);
    const auto all = isolines(g, levels, 3);
    QCOMPARE(all.size(), levels.size());
    for (size_t k = 0; k < levels.size(); ++k) {
        const auto one = isolines(g, levels[k]);
        QCOMPARE(all[k].level, levels[k]);
        QCOMPARE(all[k].lines.size(), one.size());
        for (size_t l = 0; l < one.size(); ++l) {
            QCOMPARE(all[k].lines[l].points.size(), one[l].points.size());
            QCOMPARE(all[k].lines[l].points.back().x, one[l].points.back().x);
        }
    }
}

void TestField::levelsAreSortedAndInRange_data() {
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("log");
    QTest::newRow("linear 0..1") << 0.0 << 1.0 << 10 << false;
    QTest::newRow("linear −3.7..2.2") << -3.7 << 2.2 << 12 << false;
    QTest::newRow("linear tiny range") << 1.0 << 1.0 + 1e-9 << 8 << false;
    QTest::newRow("linear huge range") << -1e6 << 3e7 << 15 << false;
    QTest::newRow("log Rosenbrock 0..2500") << 0.0 << 2509.0 << 15 << true;
    QTest::newRow("log negative range") << -4.0 << 3.0 << 12 << true;
}

void TestField::levelsAreSortedAndInRange() {
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(int, count);
    QFETCH(bool, log);
    const auto levels = chooseLevels(lo, hi, count, log ? LevelSpacing::Log : LevelSpacing::Linear);
    // 1-2-5 steps give between count/2.5 and count levels.
    QVERIFY(levels.size() >= size_t(count) / 3);
    QVERIFY(levels.size() <= size_t(count) + 1);
    for (size_t k = 0; k < levels.size(); ++k) {
        QVERIFY(levels[k] > lo && levels[k] <= hi);
        if (k > 0) QVERIFY(levels[k] > levels[k - 1]);
    }
    if (log) // geometric offsets from the minimum: constant ratio between successive offsets
        for (size_t k = 2; k < levels.size(); ++k)
            GS_COMPARE_NEAR((levels[k] - lo) / (levels[k - 1] - lo),
                            (levels[k - 1] - lo) / (levels[k - 2] - lo), 1e-9);
}

void TestField::flatRangesGiveAtMostOneLevel_data() {
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<bool>("flat");
    QTest::addColumn<int>("levels"); // from niceLevels and from logLevels
    const double inf = std::numeric_limits<double>::infinity();
    // 1e6 + 1e-10 (x + y) over [-3, 3]²: the counter of niceLevels passed 2^53 and hung.
    QTest::newRow("1e6 + 1e-10 (x + y)") << 1e6 - 6e-10 << 1e6 + 6e-10 << true << 1;
    QTest::newRow("one ulp at 1") << 1.0 << std::nextafter(1.0, 2.0) << true << 0;
    QTest::newRow("four ulps at 1e300")
        << 1e300
        << std::nextafter(std::nextafter(std::nextafter(std::nextafter(1e300, inf), inf), inf), inf)
        << true << 1;
    QTest::newRow("a few ulps below zero") << -1e-300 << -0.999999999999999e-300 << true << 1;
    QTest::newRow("constant") << 5.0 << 5.0 << true << 0;
    QTest::newRow("ordinary") << -3.7 << 2.2 << false << -1;
    QTest::newRow("huge but resolvable") << 1e15 << 1e15 + 1e3 << false << -1;
    QTest::newRow("whole double range") << -1.7e308 << 1.7e308 << false << -1;
}

void TestField::flatRangesGiveAtMostOneLevel() {
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(bool, flat);
    QFETCH(int, levels);
    QCOMPARE(nearlyFlat(lo, hi, 12), flat);
    for (const auto& l : {niceLevels(lo, hi, 12), logLevels(lo, hi, 12)}) {
        if (levels >= 0) QCOMPARE(int(l.size()), levels);
        QVERIFY(l.size() <= 4 * 12 + 9);
        if (levels < 0) QVERIFY(l.size() >= 2);
        for (size_t i = 0; i < l.size(); ++i) {
            QVERIFY(l[i] > lo && l[i] < hi);
            if (i > 0) QVERIFY(l[i] > l[i - 1]);
        }
    }
}

void TestField::niceLevelsAreRound() {
    const auto levels = niceLevels(-3.7, 2.2, 12);
    QCOMPARE(int(levels.size()), 12); // step 0.5: −3.5, −3, …, 2
    GS_COMPARE_NEAR(levels.front(), -3.5, 1e-12);
    GS_COMPARE_NEAR(levels.back(), 2.0, 1e-12);
    QVERIFY(chooseLevels(1.0, 1.0, 10, LevelSpacing::Linear).empty());
    QVERIFY(chooseLevels(0.0, INFINITY, 10, LevelSpacing::Log).empty());
}

void TestField::arrowsMatchTheGradient_data() {
    QTest::addColumn<int>("nx");
    QTest::addColumn<int>("ny");
    QTest::newRow("5 × 5") << 5 << 5;
    QTest::newRow("12 × 7") << 12 << 7;
}

void TestField::arrowsMatchTheGradient() {
    QFETCH(int, nx);
    QFETCH(int, ny);
    // f = x² + 3xy − y³ has ∇f = (2x + 3y, 3x − 3y²), coded independently of the arrows.
    auto f = std::make_shared<ClosedFormObjective>(
        2, [](const Vec& v) { return v[0] * v[0] + 3 * v[0] * v[1] - std::pow(v[1], 3); },
        [](const Vec& v, Vec& g) { g = vec2(2 * v[0] + 3 * v[1], 3 * v[0] - 3 * v[1] * v[1]); });
    const Box box{vec2(-2, -1), vec2(2, 3)};
    const auto arrows = gradientArrows(*f, box, nx, ny);
    QCOMPARE(int(arrows.size()), nx * ny);
    double largest = 0;
    for (const Arrow& a : arrows) {
        QVERIFY(box.contains(vec2(a.x, a.y)));
        const Vec fd = test::centralGradient(*f, vec2(a.x, a.y));
        GS_COMPARE_NEAR(a.gx, fd[0], 1e-6);
        GS_COMPARE_NEAR(a.gy, fd[1], 1e-6);
        largest = std::max(largest, std::hypot(a.gx, a.gy));
    }
    // First arrow at the centre of the lower-left cell.
    GS_COMPARE_NEAR(arrows[0].x, -2 + 2.0 / nx, 1e-12);
    GS_COMPARE_NEAR(arrows[0].y, -1 + 2.0 / ny, 1e-12);
    GS_COMPARE_NEAR(maxArrowNorm(arrows), largest, 1e-12);
}

QTEST_APPLESS_MAIN(TestField)
#include "test_field.moc"

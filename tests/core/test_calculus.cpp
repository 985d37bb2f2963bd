// Calculus of two variables: the slices' slopes are the partial derivatives, the directional
// derivative peaks at the gradient's angle with the value |∇f|, and the tangent plane leaves the
// surface only to second order. The references are independent of what is tested: Richardson
// extrapolation of the slice's own values, and the hand-coded derivatives of the article's
// function.

#include "analysis/directional.h"
#include "analysis/slices.h"
#include "analysis/tangent_plane.h"
#include "check.h"
#include "expr/parser.h"
#include "expr/printer.h"
#include "expr/substitute.h"
#include "field/isolines.h"
#include "objective/catalog.h"
#include "objective/expression_objective.h"
#include "oracles/article_functions.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace gs;

namespace {

constexpr double kPi = std::numbers::pi;

ObjectivePtr articleExpression() {
    auto r = ExpressionObjective::compile("cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", {"x", "y"});
    return std::get<std::shared_ptr<ExpressionObjective>>(r);
}

ObjectivePtr byName(const QString& name) {
    return name == QLatin1String("oracle") ? article::cosineLandscape() : articleExpression();
}

/// g′(0) for g(t) = f(p + t e) by Richardson extrapolation of central differences
/// D(h) = (g(h) − g(−h)) / 2h at h = h₀/2^k: each column removes the next even power of h.
double richardsonSlope(const Objective& f, const SliceLine& line, double h0 = 0.2, int levels = 7) {
    std::vector<std::vector<double>> t(levels);
    double h = h0;
    for (int k = 0; k < levels; ++k, h /= 2) {
        t[k].push_back((sliceValue(f, line, h) - sliceValue(f, line, -h)) / (2 * h));
        double factor = 4;
        for (int j = 1; j <= k; ++j, factor *= 4)
            t[k].push_back(t[k][j - 1] + (t[k][j - 1] - t[k - 1][j - 1]) / (factor - 1));
    }
    return t.back().back();
}

double angleGap(double a, double b) {
    const double d = std::fmod(std::abs(a - b), 2 * kPi);
    return std::min(d, 2 * kPi - d);
}

const QList<QPointF> kPoints = {{0, 0},
                                {0.5, -1},
                                {1.2, 0.7},
                                {-2, 2.5},
                                {2.9, -3},
                                {-0.3, 0.35},
                                {0.84835414018328559, 0.38210801617545814}};

} // namespace

class TestCalculus : public QObject {
    Q_OBJECT
private slots:
    void sliceSlopesArePartials_data();
    void sliceSlopesArePartials();
    void slicesAtTheOriginAreTheArticles();
    void fixingAVariablePrintsTheSlice_data();
    void fixingAVariablePrintsTheSlice();
    void sliceSamplesFollowTheLine();
    void lineInBoxClipsToTheBox_data();
    void lineInBoxClipsToTheBox();
    void directionalPeaksAtTheGradient_data();
    void directionalPeaksAtTheGradient();
    void directionalDifferenceMatches_data();
    void directionalDifferenceMatches();
    void tangentPlaneIsSecondOrder_data();
    void tangentPlaneIsSecondOrder();
    void tangentPlaneHoldsThePartialTangents();
    void planeContoursAreStraight();
};

void TestCalculus::sliceSlopesArePartials_data() {
    QTest::addColumn<QString>("function");
    QTest::addColumn<QPointF>("p");
    for (const QString& name : {QStringLiteral("expression"), QStringLiteral("oracle")})
        for (const QPointF& p : kPoints)
            QTest::newRow(
                qPrintable(QStringLiteral("%1 at (%2, %3)").arg(name).arg(p.x()).arg(p.y())))
                << name << p;
}

void TestCalculus::sliceSlopesArePartials() {
    QFETCH(QString, function);
    QFETCH(QPointF, p);
    const ObjectivePtr f = byName(function);
    const Vec at = (Vec(2) << p.x(), p.y()).finished();
    // The hand-coded gradient of the oracle, whatever f is.
    Vec exact(2);
    article::cosineLandscape()->valueAndGradient(at, exact);
    for (int axis : {0, 1}) {
        const SliceLine line = axisLine(at, axis);
        const double slope = sliceSlope(*f, line);
        GS_COMPARE_NEAR(slope, exact[axis], 1e-12);
        GS_COMPARE_NEAR(slope, richardsonSlope(*f, line), 1e-9);
    }
}

void TestCalculus::slicesAtTheOriginAreTheArticles() {
    // f(x, 0) = cos 3x + cos 2x − 2 sin x and f(0, y) = cos 2y + cos 4y − 2 sin y.
    const ObjectivePtr f = articleExpression();
    const Vec origin = Vec::Zero(2);
    const SliceSamples sx = sampleSlice(*f, axisLine(origin, 0), -3, 3, 61);
    const SliceSamples sy = sampleSlice(*f, axisLine(origin, 1), -3, 3, 61);
    QCOMPARE(int(sx.t.size()), 61);
    for (size_t i = 0; i < sx.t.size(); ++i) {
        const double s = sx.t[i];
        GS_COMPARE_NEAR(sx.value[i], std::cos(3 * s) + std::cos(2 * s) - 2 * std::sin(s), 1e-14);
        GS_COMPARE_NEAR(sy.value[i], std::cos(2 * s) + std::cos(4 * s) - 2 * std::sin(s), 1e-14);
    }
    // Their slopes at 0: −2 (d/dx of −2 sin x) for both.
    GS_COMPARE_NEAR(sliceSlope(*f, axisLine(origin, 0)), -2.0, 1e-14);
    GS_COMPARE_NEAR(sliceSlope(*f, axisLine(origin, 1)), -2.0, 1e-14);
}

void TestCalculus::fixingAVariablePrintsTheSlice_data() {
    QTest::addColumn<int>("var");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected"); // the slice as one would type it
    QTest::newRow("y = 0") << 1 << 0.0 << "cos(3x) + cos(2x) - 2 sin(x)";
    QTest::newRow("x = 0") << 0 << 0.0 << "cos(2y) + cos(4y) - 2 sin(y)";
    QTest::newRow("y = 0.5") << 1 << 0.5 << "cos(3x + 1) + cos(2x + 2) - 2 sin(x + 0.5)";
    QTest::newRow("x = -1") << 0 << -1.0 << "cos(-3 + 2y) + cos(-2 + 4y) - 2 sin(-1 + y)";
}

void TestCalculus::fixingAVariablePrintsTheSlice() {
    QFETCH(int, var);
    QFETCH(double, value);
    QFETCH(QString, expected);
    const std::vector<std::string> xy{"x", "y"};
    const expr::ParseResult f = expr::parse("cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", xy);
    const expr::ParseResult want = expr::parse(expected.toStdString(), xy);
    QVERIFY(f.ok() && want.ok());
    const expr::NodePtr slice = expr::substitute(f.tree, var, value);
    // Hash-consed: the same tree as the typed slice, node for node.
    QVERIFY2(expr::equal(slice, want.tree), expr::toText(slice, xy).text.c_str());
    QCOMPARE(QString::fromStdString(expr::toText(slice, xy).text),
             QString::fromStdString(expr::toText(want.tree, xy).text));
    // And it evaluates like f on the line.
    const ObjectivePtr g = articleExpression();
    for (double s : {-2.0, 0.3, 1.7}) {
        Vec q(2);
        q[var] = value;
        q[1 - var] = s;
        const auto r = ExpressionObjective::compile(expr::toText(slice, xy).text, xy);
        const auto& h = std::get<std::shared_ptr<ExpressionObjective>>(r);
        GS_COMPARE_NEAR(h->value(q), g->value(q), 1e-14);
    }
}

void TestCalculus::sliceSamplesFollowTheLine() {
    const ObjectivePtr f = article::cosineLandscape();
    const SliceLine line = angleLine((Vec(2) << 0.3, -0.4).finished(), 2.0);
    QVERIFY(std::abs(line.e.norm() - 1) < 1e-15);
    const SliceSamples s = sampleSlice(*f, line, -1.5, 2.5, 9);
    QCOMPARE(int(s.t.size()), 9);
    QCOMPARE(s.t.front(), -1.5);
    QCOMPARE(s.t.back(), 2.5);
    for (size_t i = 0; i < s.t.size(); ++i)
        QCOMPARE(s.value[i], f->value(line.p + s.t[i] * line.e));
    QVERIFY(sampleSlice(*f, line, 0, 1, 1).t.empty());
}

void TestCalculus::lineInBoxClipsToTheBox_data() {
    QTest::addColumn<double>("px");
    QTest::addColumn<double>("py");
    QTest::addColumn<double>("angle");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("along x") << 0.5 << 0.0 << 0.0 << -3.5 << 2.5;
    QTest::newRow("along −y") << 0.0 << 1.0 << -kPi / 2 << -2.0 << 4.0;
    QTest::newRow("diagonal") << 0.0 << 0.0 << kPi / 4 << -3 * std::sqrt(2.0) << 3 * std::sqrt(2.0);
    QTest::newRow("misses") << 0.0 << 5.0 << 0.0 << 1.0 << 0.0;
}

void TestCalculus::lineInBoxClipsToTheBox() {
    QFETCH(double, px);
    QFETCH(double, py);
    QFETCH(double, angle);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const Box box{(Vec(2) << -3, -3).finished(), (Vec(2) << 3, 3).finished()};
    const TRange r = lineInBox(angleLine((Vec(2) << px, py).finished(), angle), box);
    if (lo > hi) {
        QVERIFY(r.lo > r.hi);
        return;
    }
    GS_COMPARE_NEAR(r.lo, lo, 1e-12);
    GS_COMPARE_NEAR(r.hi, hi, 1e-12);
}

void TestCalculus::directionalPeaksAtTheGradient_data() {
    QTest::addColumn<QPointF>("p");
    QTest::addColumn<int>("samples");
    for (int n : {36, 360, 720})
        for (const QPointF& p : kPoints.mid(0, 5))
            QTest::addRow("(%g, %g), %d angles", p.x(), p.y(), n) << p << n;
}

void TestCalculus::directionalPeaksAtTheGradient() {
    QFETCH(QPointF, p);
    QFETCH(int, samples);
    const ObjectivePtr f = articleExpression();
    const Vec at = (Vec(2) << p.x(), p.y()).finished();
    const DirectionalProfile d = directionalProfile(*f, at, samples);
    QCOMPARE(int(d.angles.size()), samples);
    // The reference: the oracle's hand-coded gradient, its angle and length.
    Vec g(2);
    article::cosineLandscape()->valueAndGradient(at, g);
    const double norm = g.norm(), angle = std::atan2(g[1], g[0]);
    const double halfDegree = 0.5 * kPi / 180;
    QVERIFY2(angleGap(d.maxAngle, angle) < halfDegree,
             qPrintable(QStringLiteral("max at %1°, gradient at %2°")
                            .arg(d.maxAngle * 180 / kPi)
                            .arg(angle * 180 / kPi)));
    QVERIFY(angleGap(d.minAngle, angle + kPi) < halfDegree);
    GS_COMPARE_NEAR(d.maxValue, norm, 1e-4);
    GS_COMPARE_NEAR(d.minValue, -norm, 1e-4);
    GS_COMPARE_NEAR(d.gradientNorm, norm, 1e-12);
    // Zeros: the two directions of the level line, a quarter turn from the gradient.
    QCOMPARE(int(d.zeros.size()), 2);
    for (double z : d.zeros) {
        QVERIFY(std::abs(angleGap(z, angle) - kPi / 2) < 1e-9);
        QVERIFY(std::abs(directionalDerivative(*f, at, z)) < 1e-9 * std::max(1.0, norm));
    }
    // No sample beats the maximum found, none falls below the minimum.
    for (double v : d.values)
        QVERIFY(v <= d.maxValue + 1e-12 && v >= d.minValue - 1e-12);
}

void TestCalculus::directionalDifferenceMatches_data() {
    QTest::addColumn<QPointF>("p");
    QTest::addColumn<double>("angleDegrees");
    for (const QPointF& p : kPoints.mid(0, 4))
        for (double a : {0.0, 30.0, 90.0, 200.0, 333.0})
            QTest::addRow("(%g, %g) at %g°", p.x(), p.y(), a) << p << a;
}

void TestCalculus::directionalDifferenceMatches() {
    QFETCH(QPointF, p);
    QFETCH(double, angleDegrees);
    const ObjectivePtr f = articleExpression();
    const Vec at = (Vec(2) << p.x(), p.y()).finished();
    const double a = angleDegrees * kPi / 180;
    // e·∇f against the slice's slope measured from values alone.
    const double dot = directionalDerivative(*f, at, a);
    GS_COMPARE_NEAR(dot, richardsonSlope(*f, angleLine(at, a)), 1e-9);
    GS_COMPARE_NEAR(directionalDifference(*f, at, a), dot, 1e-8);
    GS_COMPARE_NEAR(dot, sliceSlope(*f, angleLine(at, a)), 1e-15);
}

void TestCalculus::tangentPlaneIsSecondOrder_data() {
    QTest::addColumn<QPointF>("p");
    for (const QPointF& p : kPoints)
        QTest::addRow("(%g, %g)", p.x(), p.y()) << p;
}

void TestCalculus::tangentPlaneIsSecondOrder() {
    QFETCH(QPointF, p);
    const ObjectivePtr f = articleExpression();
    const Vec at = (Vec(2) << p.x(), p.y()).finished();
    const TangentPlane plane = tangentPlane(*f, at);
    QCOMPARE(plane.at(at), f->value(at));
    // ‖∇²f‖₂ from the oracle's Hessian by power iteration (independent of secondOrderBound).
    Mat h(2, 2);
    article::cosineLandscape()->hessian(at, h);
    Vec v = (Vec(2) << 1, 0.3).finished();
    for (int k = 0; k < 500; ++k)
        v = (h * v).normalized();
    const double spectral = (h * v).norm();
    GS_COMPARE_NEAR(secondOrderBound(*f, at), 0.5 * spectral, 1e-6);
    // |f(q) − T(q)| ≤ ½‖∇²f‖ r² + (max third directional derivative / 6) r³; for this f the third
    // directional derivatives are below (√13)³ + (√20)³ + 2(√2)³ < 142, so r³ · 24 bounds the rest.
    const std::vector<PlaneGap> gaps = planeGaps(*f, plane, 1e-4, 1e-1, 13, 64);
    QCOMPARE(int(gaps.size()), 13);
    for (const PlaneGap& g : gaps) {
        const double ratio = g.gap / (g.r * g.r);
        QVERIFY2(ratio <= 0.5 * spectral + 24 * g.r + 1e-6,
                 qPrintable(QStringLiteral("gap/r² = %1 at r = %2, ½‖H‖ = %3")
                                .arg(ratio)
                                .arg(g.r)
                                .arg(0.5 * spectral)));
    }
    // And no better than second order where the surface curves: the ratio tends to ½ max |eᵀHe|.
    const double smallest = gaps.back().gap / (gaps.back().r * gaps.back().r);
    QVERIFY(smallest >= 0.45 * spectral - 1e-3);
    // A plane with a slightly wrong gradient is only first order: the same bound fails.
    TangentPlane wrong = plane;
    wrong.gradient[0] += 1e-3;
    const PlaneGap bad = planeGaps(*f, wrong, 1e-4, 1e-3, 2, 64).back();
    QVERIFY(bad.gap / (bad.r * bad.r) > 0.5 * spectral + 24 * bad.r + 1e-6);
}

void TestCalculus::tangentPlaneHoldsThePartialTangents() {
    const ObjectivePtr f = articleExpression();
    for (const QPointF& p : kPoints) {
        const Vec at = (Vec(2) << p.x(), p.y()).finished();
        const TangentPlane plane = tangentPlane(*f, at);
        for (int axis : {0, 1}) {
            const SliceLine line = axisLine(at, axis);
            const double slope = sliceSlope(*f, line);
            for (double t : {-1.0, 0.25, 2.0}) // the tangent line f(p) + t·∂f lies in the plane
                GS_COMPARE_NEAR(plane.at(line.at(t)), f->value(at) + t * slope, 1e-13);
        }
    }
}

void TestCalculus::planeContoursAreStraight() {
    // The plane's level lines are straight and perpendicular to the gradient.
    const ObjectivePtr f = articleExpression();
    const Vec at = (Vec(2) << 0.5, -1).finished();
    const TangentPlane plane = tangentPlane(*f, at);
    const Box box{at.array() - 0.5, at.array() + 0.5};
    const Grid grid = samplePlane(plane, box, 21, 21);
    GS_COMPARE_NEAR(grid.value(10, 10), plane.value, 1e-13);
    const std::vector<Polyline> lines = isolines(grid, plane.value + 0.1);
    QVERIFY(!lines.empty());
    for (const Polyline& line : lines)
        for (const Point2& q : line.points) {
            const Vec v = (Vec(2) << q.x - at[0], q.y - at[1]).finished();
            GS_COMPARE_NEAR(plane.gradient.dot(v), 0.1, 1e-9);
        }
}

QTEST_APPLESS_MAIN(TestCalculus)
#include "test_calculus.moc"

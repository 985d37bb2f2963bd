// The local quadratic model: eigenvalues and condition numbers of known Hessians, the kind of
// point they describe, Newton's step (exact on a quadratic, absent when H is singular), the
// gradient step, and level curves that lie exactly on the model.

#include "analysis/local_quadratic.h"
#include "check.h"
#include "objective/catalog.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <cmath>

using namespace gs;

namespace {

ObjectivePtr typed(const QString& formula) {
    auto r = ExpressionObjective::compile(formula.toStdString(), {"x", "y"});
    if (auto* e = std::get_if<expr::Error>(&r))
        qFatal("%s: %s", qPrintable(formula), e->message.c_str());
    return std::get<std::shared_ptr<ExpressionObjective>>(r);
}

Vec at(double x, double y) {
    return (Vec(2) << x, y).finished();
}

} // namespace

Q_DECLARE_METATYPE(gs::CurvatureKind)

class TestLocalQuadratic : public QObject {
    Q_OBJECT
private slots:
    void eigenvaluesAndCondition_data();
    void eigenvaluesAndCondition();
    void newtonLandsOnTheMinimumOfAQuadratic_data();
    void newtonLandsOnTheMinimumOfAQuadratic();
    void singularHessianHasNoNewtonStep_data();
    void singularHessianHasNoNewtonStep();
    void gradientStepIsMinusLambdaGradient();
    void levelCurvesLieOnTheModel_data();
    void levelCurvesLieOnTheModel();
    void levelCurveInsideTheDiscIsClosed();
    void bowlLevelsNestEvenly();
    void explanationNamesTheCurvatureRatio();
    void badInputIsReported();
};

void TestLocalQuadratic::eigenvaluesAndCondition_data() {
    QTest::addColumn<QString>("function"); // a catalog key, or a formula in x and y
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("tol");
    QTest::addColumn<gs::CurvatureKind>("kind");
    QTest::addColumn<double>("kappa"); // condition number, to 1e-6 relative
    QTest::newRow("0.5x² + 12.5y²") << "0.5x^2 + 12.5y^2" << 1.0 << -2.0 << 25.0 << 1.0 << 1e-12
                                    << CurvatureKind::MinimumLike << 25.0;
    QTest::newRow("Rosenbrock at (1, 1)") << "rosenbrock" << 1.0 << 1.0 << 1001.6006 << 0.39940
                                          << 1e-4 << CurvatureKind::MinimumLike << 2508.0096;
    QTest::newRow("saddle x² − y²")
        << "saddle" << 0.5 << 0.3 << 2.0 << -2.0 << 1e-12 << CurvatureKind::Saddle << 1.0;
    QTest::newRow("rotated saddle 2xy")
        << "2x y" << 0.1 << -0.4 << 2.0 << -2.0 << 1e-12 << CurvatureKind::Saddle << 1.0;
    QTest::newRow("cap −x² − 3y²") << "-x^2 - 3y^2" << 1.0 << 1.0 << -6.0 << -2.0 << 1e-12
                                   << CurvatureKind::MaximumLike << 3.0;
    QTest::newRow("degenerate x² + 0y") << "x^2 + 0 y" << 1.0 << 1.0 << 2.0 << 0.0 << 1e-12
                                        << CurvatureKind::Degenerate << double(INFINITY);
}

void TestLocalQuadratic::eigenvaluesAndCondition() {
    QFETCH(QString, function);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, l1);
    QFETCH(double, l2);
    QFETCH(double, tol);
    QFETCH(gs::CurvatureKind, kind);
    QFETCH(double, kappa);
    const ObjectivePtr f = findCatalogEntry(function.toStdString())
                               ? makeCatalogObjective(function.toStdString())
                               : typed(function);
    const LocalQuadratic q = analyzeLocalQuadratic(*f, at(x, y));
    QVERIFY2(q.ok(), q.error.c_str());
    QVERIFY(q.exactHessian);
    QVERIFY(std::abs(q.eigenvalues[0] - l1) <= tol);
    QVERIFY(std::abs(q.eigenvalues[1] - l2) <= tol);
    QCOMPARE(q.kind, kind);
    if (std::isinf(kappa))
        QVERIFY(std::isinf(q.condition));
    else
        QVERIFY(std::abs(q.condition - kappa) <= 1e-6 * kappa);
    // Unit eigenvectors, orthogonal, and H eᵢ = λᵢ eᵢ.
    for (int i = 0; i < 2; ++i) {
        GS_COMPARE_NEAR(q.eigenvector(i).norm(), 1.0, 1e-12);
        QVERIFY((q.hessian * q.eigenvector(i) - q.eigenvalues[i] * q.eigenvector(i)).norm() <=
                1e-9 * std::max(1.0, std::abs(q.eigenvalues[0])));
    }
    QVERIFY(std::abs(q.eigenvector(0).dot(q.eigenvector(1))) <= 1e-12);
    QVERIFY(!q.explanation.empty());
}

void TestLocalQuadratic::newtonLandsOnTheMinimumOfAQuadratic_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("minX");
    QTest::addColumn<double>("minY");
    QTest::newRow("κ = 25 bowl") << "0.5x^2 + 12.5y^2" << -2.8 << 0.5 << 0.0 << 0.0;
    QTest::newRow("Booth") << "(x + 2y - 7)^2 + (2x + y - 5)^2" << -6.0 << -6.0 << 1.0 << 3.0;
    QTest::newRow("tilted bowl") << "3(x - 1)^2 + 2(x - 1)(y + 2) + (y + 2)^2" << 4.0 << 5.0 << 1.0
                                 << -2.0;
    // The stationary point of a saddle is where Newton goes too (that is its danger).
    QTest::newRow("saddle") << "x^2 - y^2 + 2x" << 0.7 << -0.2 << -1.0 << 0.0;
}

void TestLocalQuadratic::newtonLandsOnTheMinimumOfAQuadratic() {
    QFETCH(QString, formula);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, minX);
    QFETCH(double, minY);
    const LocalQuadratic q = analyzeLocalQuadratic(*typed(formula), at(x, y));
    QVERIFY2(q.ok(), q.error.c_str());
    QVERIFY(q.newtonStep.has_value());
    QVERIFY(q.newtonReason.empty());
    const Eigen::Vector2d landed = *q.center();
    GS_COMPARE_NEAR(landed.x(), minX, 1e-12);
    GS_COMPARE_NEAR(landed.y(), minY, 1e-12);
    // On a quadratic the model is the function: the gradient there is zero.
    const ObjectivePtr f = typed(formula);
    Vec g;
    f->valueAndGradient(at(landed.x(), landed.y()), g);
    QVERIFY(g.norm() <= 1e-10);
}

void TestLocalQuadratic::singularHessianHasNoNewtonStep_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("why"); // a word the reason must contain
    QTest::newRow("x², flat along y") << "x^2 + 0 y"
                                      << "singular";
    QTest::newRow("a trough with a slope") << "x^2 + y"
                                           << "singular";
    QTest::newRow("a plane") << "x + 2y"
                             << "H = 0";
}

void TestLocalQuadratic::singularHessianHasNoNewtonStep() {
    QFETCH(QString, formula);
    QFETCH(QString, why);
    const LocalQuadratic q = analyzeLocalQuadratic(*typed(formula), at(0.5, -0.5));
    QVERIFY2(q.ok(), q.error.c_str());
    QVERIFY(!q.newtonStep.has_value());
    QVERIFY(!q.center().has_value());
    QVERIFY2(QString::fromStdString(q.newtonReason).contains(why), q.newtonReason.c_str());
    QCOMPARE(q.kind, CurvatureKind::Degenerate);
    QVERIFY(std::isinf(q.condition));
    // The gradient step still exists, and the sentence says why Newton's does not.
    QVERIFY(q.gradientStep.norm() > 0);
    QVERIFY(QString::fromStdString(q.explanation).contains(QString::fromStdString(q.newtonReason)));
}

void TestLocalQuadratic::gradientStepIsMinusLambdaGradient() {
    const ObjectivePtr f = makeCatalogObjective("rosenbrock");
    LocalQuadraticSettings s;
    s.learningRate = 0.001;
    const LocalQuadratic q = analyzeLocalQuadratic(*f, at(-1.2, 1), s);
    QVERIFY((q.gradientStep + 0.001 * q.gradient).norm() <= 1e-15 * q.gradient.norm());
    // Rate 0: 1/|λ₁|, which moves along e₁ exactly as far as Newton does.
    const LocalQuadratic d = analyzeLocalQuadratic(*f, at(-1.2, 1));
    GS_COMPARE_NEAR(d.learningRate, 1 / std::abs(d.eigenvalues[0]), 1e-15);
    GS_COMPARE_NEAR(d.gradientStep.dot(d.eigenvector(0)), d.newtonStep->dot(d.eigenvector(0)),
                    1e-9);
}

void TestLocalQuadratic::levelCurvesLieOnTheModel_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("radius");
    QTest::newRow("round bowl (ellipses)") << "x^2 + y^2" << 0.5 << 0.2 << 1.0;
    QTest::newRow("κ = 25 bowl") << "0.5x^2 + 12.5y^2" << -2.8 << 0.5 << 1.5;
    QTest::newRow("Rosenbrock near the valley")
        << "(1 - x)^2 + 100(y - x^2)^2" << -0.5 << 0.3 << 0.6;
    QTest::newRow("saddle (hyperbolas)") << "x^2 - y^2" << 0.4 << 0.3 << 1.0;
    QTest::newRow("saddle at its centre (asymptotes)") << "x^2 - y^2" << 0.0 << 0.0 << 1.0;
    QTest::newRow("cap") << "-x^2 - 3y^2 + x y" << 0.3 << -0.6 << 2.0;
    QTest::newRow("trough with a slope (parabolas)") << "x^2 + y" << 0.5 << -0.5 << 1.0;
    QTest::newRow("flat along y (line pairs)") << "x^2 + 0 y" << 0.5 << -0.5 << 1.0;
    QTest::newRow("plane (lines)") << "x + 2y" << 0.5 << -0.5 << 1.0;
    QTest::newRow("cosine landscape")
        << "cos(3x+2y) + cos(2x+4y) - 2 sin(x+y)" << 0.3 << 0.8 << 0.5;
}

void TestLocalQuadratic::levelCurvesLieOnTheModel() {
    QFETCH(QString, formula);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, radius);
    const LocalQuadratic q = analyzeLocalQuadratic(*typed(formula), at(x, y));
    QVERIFY2(q.ok(), q.error.c_str());
    const std::vector<double> levels = modelLevelsNear(q, radius, 8);
    QVERIFY(levels.size() >= 4);
    QVERIFY(std::find(levels.begin(), levels.end(), q.value) != levels.end());
    const std::vector<Isoline> curves = modelLevelCurves(q, levels, radius);
    QCOMPARE(curves.size(), levels.size());
    int lines = 0;
    for (size_t i = 0; i < curves.size(); ++i) {
        QCOMPARE(curves[i].level, levels[i]);
        for (const Polyline& line : curves[i].lines) {
            ++lines;
            QVERIFY(line.points.size() >= 2);
            for (const Point2& p : line.points) {
                const Eigen::Vector2d pt(p.x, p.y);
                const double m = q.model(pt);
                if (std::abs(m - levels[i]) > 1e-9 * std::max(1.0, std::abs(levels[i])))
                    QFAIL(qPrintable(QStringLiteral("m(%1, %2) = %3, level %4")
                                         .arg(p.x, 0, 'g', 17)
                                         .arg(p.y, 0, 'g', 17)
                                         .arg(m, 0, 'g', 17)
                                         .arg(levels[i], 0, 'g', 17)));
                QVERIFY((pt - q.point).norm() <= radius * (1 + 1e-9));
            }
        }
    }
    QVERIFY(lines >= 2);
    // The curve through the point itself passes through it.
    const auto through = std::find(levels.begin(), levels.end(), q.value) - levels.begin();
    double nearest = INFINITY;
    for (const Polyline& line : curves[size_t(through)].lines)
        for (const Point2& p : line.points)
            nearest = std::min(nearest, (Eigen::Vector2d(p.x, p.y) - q.point).norm());
    QVERIFY2(nearest <= radius / 16, qPrintable(QString::number(nearest)));
}

void TestLocalQuadratic::levelCurveInsideTheDiscIsClosed() {
    // x² + y² at (0.5, 0): the curve through the point is the circle of radius 0.5 around 0, wholly
    // inside a disc of radius 2 around the point.
    const LocalQuadratic q = analyzeLocalQuadratic(*typed("x^2 + y^2"), at(0.5, 0));
    const std::vector<Isoline> c = modelLevelCurves(q, {0.25}, 2.0);
    QCOMPARE(c.size(), size_t(1));
    QCOMPARE(c[0].lines.size(), size_t(1));
    QVERIFY(c[0].lines[0].closed);
    for (const Point2& p : c[0].lines[0].points)
        GS_COMPARE_NEAR(std::hypot(p.x, p.y), 0.5, 1e-12);
    // Below the bowl's bottom there is nothing to draw.
    QVERIFY(modelLevelCurves(q, {-1.0}, 2.0)[0].lines.empty());
}

void TestLocalQuadratic::bowlLevelsNestEvenly() {
    // In a bowl the curve of level m* + s² has axes ∝ s: the levels' s are evenly spaced, so the
    // ellipses nest at even distances; at a saddle the levels themselves are even.
    const LocalQuadratic bowl = analyzeLocalQuadratic(*typed("x^2 + 4y^2 + 3"), at(0.4, 0.1));
    const std::vector<double> lv = modelLevelsNear(bowl, 1.0, 6);
    QVERIFY(lv.size() >= 4);
    for (size_t i = 2; i < lv.size(); ++i)
        GS_COMPARE_NEAR(std::sqrt(lv[i] - 3) - std::sqrt(lv[i - 1] - 3),
                        std::sqrt(lv[1] - 3) - std::sqrt(lv[0] - 3), 1e-9);
    const LocalQuadratic saddle = analyzeLocalQuadratic(*typed("x^2 - y^2"), at(0.4, 0.1));
    const std::vector<double> ls = modelLevelsNear(saddle, 1.0, 6);
    QVERIFY(ls.size() >= 4);
    for (size_t i = 2; i < ls.size(); ++i)
        GS_COMPARE_NEAR(ls[i] - ls[i - 1], ls[1] - ls[0], 1e-9);
}

void TestLocalQuadratic::explanationNamesTheCurvatureRatio() {
    const LocalQuadratic q = analyzeLocalQuadratic(*typed("0.5x^2 + 12.5y^2"), at(-2.8, 0.5));
    const QString s = QString::fromStdString(q.explanation);
    QVERIFY2(s.contains(QStringLiteral("25×")), q.explanation.c_str());
    QVERIFY2(s.contains(QStringLiteral("° apart")), q.explanation.c_str());
    // A κ of 2,500 is written with a thousands separator.
    const LocalQuadratic r = analyzeLocalQuadratic(*typed("0.5x^2 + 1250y^2"), at(1, 0.01));
    QVERIFY2(QString::fromStdString(r.explanation).contains(QStringLiteral("2,500×")),
             r.explanation.c_str());
    const LocalQuadratic saddle = analyzeLocalQuadratic(*typed("x^2 - y^2"), at(0.5, 0.5));
    QVERIFY(QString::fromStdString(saddle.explanation).contains(QStringLiteral("saddle")));
    const LocalQuadratic still = analyzeLocalQuadratic(*typed("x^2 + y^2"), at(0, 0));
    QVERIFY(QString::fromStdString(still.explanation).contains(QStringLiteral("∇f = 0")));
}

void TestLocalQuadratic::badInputIsReported() {
    const ObjectivePtr f = typed("x^2 + y^2");
    LocalQuadraticSettings s;
    s.learningRate = -1;
    QVERIFY(s.validate().has_value());
    const LocalQuadratic q = analyzeLocalQuadratic(*f, at(1, 1), s);
    QVERIFY(!q.ok());
    QVERIFY(QString::fromStdString(q.error).contains(QStringLiteral("learningRate")));
    QVERIFY(modelLevelCurves(q, {1.0}, 1.0).empty());
    // A nearly flat model at a large value: levels closer than rounding collapse to f(p).
    const LocalQuadratic flat =
        analyzeLocalQuadratic(*typed("1e15 + 1e-9(x^2 + y^2)"), at(0.5, 0.5));
    QVERIFY(flat.ok());
    const std::vector<double> few = modelLevelsNear(flat, 1.0, 8);
    QVERIFY(!few.empty() && few.size() <= 9);
    // Not two variables.
    const LocalQuadratic one =
        analyzeLocalQuadratic(*makeCatalogObjective("quadratic"), Vec::Constant(1, 1.0));
    QVERIFY(!one.ok());
    // Not finite: log of a negative number.
    const LocalQuadratic nan = analyzeLocalQuadratic(*typed("log(x) + y"), at(-1, 0));
    QVERIFY(!nan.ok());
}

QTEST_APPLESS_MAIN(TestLocalQuadratic)
#include "test_local_quadratic.moc"

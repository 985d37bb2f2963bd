// Symbolic derivatives: every function against central differences, readable printed forms,
// and the article's three functions against their hand-written twins.

#include "check.h"
#include "objective/expression_objective.h"
#include "oracles/article_functions.h"

#include <QTest>

#include <random>

using namespace gs;
using namespace gs::expr;

namespace {

std::shared_ptr<ExpressionObjective> compileOrFail(const QString& formula,
                                                   std::vector<std::string> vars) {
    auto r = ExpressionObjective::compile(formula.toStdString(), std::move(vars));
    if (auto* e = std::get_if<Error>(&r)) {
        qWarning("%s", e->message.c_str());
        return nullptr;
    }
    return std::get<std::shared_ptr<ExpressionObjective>>(r);
}

// Central differences of the exact gradient, one column per coordinate.
Mat centralHessian(const Objective& f, const Vec& x) {
    const int n = static_cast<int>(x.size());
    Mat h(n, n);
    Vec gp, gm, xp = x, xm = x;
    for (int j = 0; j < n; ++j) {
        const double step = 1e-5 * std::max(1.0, std::abs(x[j]));
        xp[j] = x[j] + step;
        xm[j] = x[j] - step;
        f.valueAndGradient(xp, gp);
        f.valueAndGradient(xm, gm);
        h.col(j) = (gp - gm) / (2 * step);
        xp[j] = xm[j] = x[j];
    }
    return h;
}

} // namespace

class TestExprDerivative : public QObject {
    Q_OBJECT
private slots:
    void againstFiniteDifferences_data();
    void againstFiniteDifferences();
    void printed_data();
    void printed();
    void articleFunctions_data();
    void articleFunctions();
};

void TestExprDerivative::againstFiniteDifferences_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("lo"); // sample x and y uniformly in [lo, hi], where f is smooth
    QTest::addColumn<double>("hi");
    const struct {
        const char* f;
        double lo, hi;
    } rows[] = {
        {"sin(2x) y", -3, 3},
        {"cos(x y)", -2, 2},
        {"tan(x/2)", -2, 2},
        {"asin(x/2)", -1.5, 1.5},
        {"acos(y/2)", -1.5, 1.5},
        {"atan(x y)", -3, 3},
        {"atan2(y, x)", 0.5, 3},
        {"sinh(x) + cosh(y)", -2, 2},
        {"tanh(x - y)", -2, 2},
        {"asinh(x)", -3, 3},
        {"acosh(x + 2)", 0, 3},
        {"atanh(x/2)", -1.5, 1.5},
        {"exp(-x^2 - y)", -2, 2},
        {"log(x^2 + y)", 0.5, 3},
        {"ln(x)", 0.5, 3},
        {"log10(x y)", 0.5, 3},
        {"log2(x + y)", 0.5, 3},
        {"sqrt(x + y^2)", 0.5, 3},
        {"cbrt(x y)", 0.5, 3},
        {"abs(x) y", 0.5, 3},
        {"sign(x) x^2", 0.5, 3},
        {"min(x, 2y)^2", 0.5, 3},
        {"max(x, 2y) x", 0.5, 3},
        {"pow(x, y)", 0.5, 3},
        {"x^y", 0.5, 3},
        {"2^(x y)", -2, 2},
        {"hypot(x, y)", 0.5, 3},
        {"sigmoid(3x - y)", -3, 3},
        {"softplus(x y)", -3, 3},
        {"relu(x) y^2", 0.5, 3},
        {"sec(x) + csc(y)", 0.3, 1.2},
        {"cot(x)", 0.3, 2.5},
        {"sq(x - y)", -3, 3},
        {"cube(x) y", -3, 3},
        {"gauss(x - y)", -2, 2},
        {"erf(x y)", -1.5, 1.5},
        {"exp2(x)", -3, 3},
        {"logb(x, y + 2)", 0.5, 3},
        {"x/(1 + y^2)", -3, 3},
        {"(x + 1)(y - 1)/(x^2 + 1)", -3, 3},
        {"cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", -3, 3},
        {"(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -4, 4},
        {"(1 - x)^2 + 100(y - x^2)^2", -2, 2},
    };
    for (const auto& r : rows)
        QTest::newRow(r.f) << QString(r.f) << r.lo << r.hi;
}

void TestExprDerivative::againstFiniteDifferences() {
    QFETCH(QString, formula);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const auto f = compileOrFail(formula, {"x", "y"});
    QVERIFY(f);
    QVERIFY(f->hasExactHessian());
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(lo, hi);
    for (int k = 0; k < 50; ++k) {
        const Vec x = (Vec(2) << u(rng), u(rng)).finished();
        Vec g;
        const double v = f->valueAndGradient(x, g);
        GS_COMPARE_NEAR(v, f->value(x), 1e-15);
        const Vec gNum = test::centralGradient(*f, x);
        for (int i = 0; i < 2; ++i)
            GS_COMPARE_NEAR(g[i], gNum[i], 1e-6);
        Mat h;
        f->hessian(x, h);
        const Mat hNum = centralHessian(*f, x);
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 2; ++j)
                GS_COMPARE_NEAR(h(i, j), hNum(i, j), 1e-5);
    }
}

void TestExprDerivative::printed_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("dx");     // plain ∂f/∂x
    QTest::addColumn<QString>("dxRich"); // rich ∂f/∂x
    QTest::addColumn<QString>("dxx");    // plain ∂²f/∂x²
    QTest::newRow("article 1D") << "25 sin(x) - x^2"
                                << "25 cos(x) - 2x"
                                << "25 cos(x) − 2x"
                                << "-25 sin(x) - 2";
    QTest::newRow("x + sin x") << "x + sin(x)"
                               << "1 + cos(x)"
                               << "1 + cos(x)"
                               << "-sin(x)";
    QTest::newRow("cubic") << "x^3/3 - x"
                           << "x^2 - 1"
                           << "x<sup>2</sup> − 1"
                           << "2x";
    QTest::newRow("x^3") << "x^3"
                         << "3x^2"
                         << "3x<sup>2</sup>"
                         << "6x";
    QTest::newRow("exp(2x)") << "exp(2x)"
                             << "2 exp(2x)"
                             << "2 exp(2x)"
                             << "4 exp(2x)";
    QTest::newRow("ln") << "ln(x)"
                        << "1/x"
                        << "1/x"
                        << "-1/x^2";
    QTest::newRow("sqrt") << "sqrt(x)"
                          << "0.5/sqrt(x)"
                          << "0.5/√(x)"
                          << "";
    QTest::newRow("x y") << "x y"
                         << "y"
                         << "y"
                         << "0";
    QTest::newRow("x^2 y") << "x^2 y + 3y"
                           << "2x y"
                           << "2x y"
                           << "2y";
    QTest::newRow("sin^2") << "sin(x)^2"
                           << "2 sin(x) cos(x)"
                           << "2 sin(x) cos(x)"
                           << "";
    QTest::newRow("relu") << "relu(x)"
                          << "step(x)"
                          << "step(x)"
                          << "0";
    QTest::newRow("constant") << "pi"
                              << "0"
                              << "0"
                              << "0";
    QTest::newRow("hypot") << "sqrt(x^2 + y^2)"
                           << "x/sqrt(x^2 + y^2)"
                           << "x/√(x<sup>2</sup> + y<sup>2</sup>)"
                           << "";
}

void TestExprDerivative::printed() {
    QFETCH(QString, formula);
    QFETCH(QString, dx);
    QFETCH(QString, dxRich);
    QFETCH(QString, dxx);
    const auto f = compileOrFail(formula, {"x", "y"});
    QVERIFY(f);
    QCOMPARE(QString::fromStdString(f->derivativeText(0).text), dx);
    QCOMPARE(QString::fromStdString(f->derivativeText(0, TextStyle::Rich).text), dxRich);
    if (!dxx.isEmpty()) QCOMPARE(QString::fromStdString(f->secondDerivativeText(0, 0).text), dxx);
}

void TestExprDerivative::articleFunctions_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("25 sin x - x^2") << 0;
    QTest::newRow("x + sin x") << 1;
    QTest::newRow("cosine landscape") << 2;
}

void TestExprDerivative::articleFunctions() {
    QFETCH(int, which);
    const ObjectivePtr oracle = which == 0   ? article::sineParabola()
                                : which == 1 ? article::linearPlusSine()
                                             : article::cosineLandscape();
    const int n = oracle->dimension();
    std::vector<std::string> vars = {"x", "y"};
    vars.resize(static_cast<size_t>(n));
    const auto f = compileOrFail(QString::fromStdString(oracle->info().formula), vars);
    QVERIFY(f);
    QCOMPARE(f->dimension(), n);
    const Box& box = oracle->info().viewBox;
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0, 1);
    for (int k = 0; k < 500; ++k) {
        Vec x(n);
        for (int i = 0; i < n; ++i)
            x[i] = box.lo[i] + (box.hi[i] - box.lo[i]) * u(rng);
        Vec g, gRef;
        const double v = f->valueAndGradient(x, g), vRef = oracle->valueAndGradient(x, gRef);
        GS_COMPARE_NEAR(v, vRef, 1e-13);
        for (int i = 0; i < n; ++i)
            GS_COMPARE_NEAR(g[i], gRef[i], 1e-13);
        Mat h, hRef;
        f->hessian(x, h);
        oracle->hessian(x, hRef);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                GS_COMPARE_NEAR(h(i, j), hRef(i, j), 1e-13);
    }
}

QTEST_APPLESS_MAIN(TestExprDerivative)
#include "test_expr_derivative.moc"

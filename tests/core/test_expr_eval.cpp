// Compiled evaluation: IEEE domain behaviour, block and grid evaluation equal to point
// evaluation, no allocation per call, shared subexpressions computed once.

#include "check.h"
#include "expr/derivative.h"
#include "expr/grid.h"
#include "expr/parser.h"
#include "expr/program.h"
#include "expr/simd_math.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <limits>
#include <new>
#include <random>

// Counts heap allocations so a test can show evaluation makes none.
static std::atomic<long> gAllocations{0};
void* operator new(std::size_t n) {
    ++gAllocations;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}

using namespace gs;
using namespace gs::expr;

namespace {

std::shared_ptr<ExpressionObjective> compileOrNull(const std::string& formula,
                                                   std::vector<std::string> vars) {
    auto r = ExpressionObjective::compile(formula, std::move(vars));
    if (auto* e = std::get_if<Error>(&r)) {
        qWarning("%s", e->message.c_str());
        return nullptr;
    }
    return std::get<std::shared_ptr<ExpressionObjective>>(r);
}

// Same value, or both NaN, or the same infinity.
bool sameIeee(double a, double b, double tol) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return test::near(a, b, tol);
}

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

class TestExprEval : public QObject {
    Q_OBJECT
private slots:
    void domain_data();
    void domain();
    void blockEqualsPoint_data();
    void blockEqualsPoint();
    void gridLayout();
    void noAllocationPerCall();
    void sharedSubexpressionsOnce();
    void everyIsaMatchesScalar_data();
    void everyIsaMatchesScalar();
    void linearFusionRoundsAsWritten_data();
    void linearFusionRoundsAsWritten();
    void sinAndCosOfOneArgumentInOneCall();
};

void TestExprEval::domain_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("expected");
    QTest::newRow("log of negative") << "log(x)" << -1.0 << kNan;
    QTest::newRow("log of zero") << "log(x)" << 0.0 << -kInf;
    QTest::newRow("log10 of negative") << "log10(x)" << -2.0 << kNan;
    QTest::newRow("sqrt of negative") << "sqrt(x)" << -1.0 << kNan;
    QTest::newRow("x^0.5 of negative") << "x^0.5" << -1.0 << kNan;
    QTest::newRow("1/0") << "1/x" << 0.0 << kInf;
    QTest::newRow("-1/0") << "-1/x" << 0.0 << -kInf;
    QTest::newRow("x/x at 0") << "x/x" << 0.0 << kNan; // not simplified to 1: NaN stays NaN
    QTest::newRow("0/0") << "0/0 + x^2" << 1.0 << kNan;
    QTest::newRow("sin(x)/x at 0") << "sin(x)/x" << 0.0 << kNan;
    QTest::newRow("asin out of range") << "asin(x)" << 2.0 << kNan;
    QTest::newRow("acosh below 1") << "acosh(x)" << 0.5 << kNan;
    QTest::newRow("exp overflow") << "exp(x)" << 1000.0 << kInf;
    QTest::newRow("exp underflow") << "exp(x)" << -1000.0 << 0.0;
    QTest::newRow("huge literal") << "1e999 + x" << 0.0 << kInf;
    QTest::newRow("inf - inf") << "exp(x) - exp(x + 1)" << 1000.0 << kNan;
    QTest::newRow("sigmoid extreme") << "sigmoid(x)" << -1000.0 << 0.0;
    QTest::newRow("softplus extreme") << "softplus(x)" << 1000.0 << 1000.0;
    QTest::newRow("NaN through max") << "max(log(x), 0)" << -1.0 << kNan;
    QTest::newRow("NaN through relu") << "relu(sqrt(x))" << -1.0 << kNan;
    QTest::newRow("pow negative base") << "(x)^(1/3)" << -8.0 << kNan;
    QTest::newRow("cbrt negative") << "cbrt(x)" << -8.0 << -2.0;
}

void TestExprEval::domain() {
    QFETCH(QString, formula);
    QFETCH(double, x);
    QFETCH(double, expected);
    const auto f = compileOrNull(formula.toStdString(), {"x"});
    QVERIFY(f);
    const Vec p = Vec::Constant(1, x);
    const double v = f->value(p);
    QVERIFY2(sameIeee(v, expected, 1e-15), qPrintable(QString::number(v)));
    Vec g;
    QVERIFY(sameIeee(f->valueAndGradient(p, g), expected, 1e-15));
    Mat h;
    f->hessian(p, h); // must not crash or hang; any IEEE value is fine
    // The block path (SLEEF) agrees, including NaN and infinities.
    GridSpec grid{x, x, 0, 0, 3, 1};
    std::vector<double> out(3);
    double* o = out.data();
    f->evaluateGrid(grid, &o);
    for (double b : out)
        QVERIFY2(sameIeee(b, expected, 1e-15), qPrintable(QString::number(b)));
}

void TestExprEval::blockEqualsPoint_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<int>("nx");
    QTest::addColumn<int>("ny");
    QTest::addColumn<int>("threads");
    QTest::newRow("article 2D") << "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)" << 512 << 512 << 0;
    QTest::newRow("odd grid, 3 threads")
        << "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)" << 37 << 29 << 3;
    QTest::newRow("one thread") << "(1 - x)^2 + 100(y - x^2)^2" << 100 << 17 << 1;
    QTest::newRow("trig") << "tan(x/4) + asin(y/4) + acos(x/5) + atan(x y) + atan2(y, x)" << 64
                          << 64 << 2;
    QTest::newRow("hyperbolic") << "sinh(x) + cosh(y) + tanh(x y) + asinh(x) + atanh(y/4)" << 64
                                << 33 << 0;
    QTest::newRow("exp log")
        << "exp(x) + log(y + 4) + log10(x^2 + 1) + log2(y^2 + 1) + sqrt(x^2 + y^2)" << 50 << 50
        << 0;
    QTest::newRow("powers") << "cbrt(x) + (y + 4)^x + erf(x) + x^3 + x^y" << 41 << 43 << 0;
    QTest::newRow("kinks") << "abs(x) + sign(y) + relu(x - y) + min(x, y) + max(x, y)" << 50 << 50
                           << 0;
    QTest::newRow("smooth ml") << "sigmoid(x y) + softplus(x - y)" << 20 << 20 << 0;
    QTest::newRow("domain edges") << "log(x) + sqrt(y) + 1/x" << 21 << 21 << 0; // NaN and inf
}

void TestExprEval::blockEqualsPoint() {
    QFETCH(QString, formula);
    QFETCH(int, nx);
    QFETCH(int, ny);
    QFETCH(int, threads);
    const auto f = compileOrNull(formula.toStdString(), {"x", "y"});
    QVERIFY(f);
    const GridSpec grid{-3, 3, -2, 2.5, nx, ny};
    const size_t n = static_cast<size_t>(nx) * ny;
    std::vector<double> v(n), gx(n), gy(n);
    double* outs[3] = {v.data(), gx.data(), gy.data()};
    f->evaluateGrid(grid, outs, true, threads);
    std::vector<double> valueOnly(n);
    double* vo = valueOnly.data();
    f->evaluateGrid(grid, &vo, false, threads);
    Vec p(2), g;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            p << -3 + 6.0 * i / (nx - 1), -2 + 4.5 * j / (ny - 1);
            const double value = f->valueAndGradient(p, g);
            const size_t k = static_cast<size_t>(j) * nx + i;
            // SLEEF's u10 functions are within 1 ulp, std:: within about as much.
            QVERIFY2(
                sameIeee(v[k], value, 1e-13) && sameIeee(valueOnly[k], value, 1e-13),
                qPrintable(
                    QString("value at (%1, %2): %3 vs %4").arg(i).arg(j).arg(v[k]).arg(value)));
            QVERIFY(sameIeee(gx[k], g[0], 1e-12));
            QVERIFY(sameIeee(gy[k], g[1], 1e-12));
        }
}

void TestExprEval::gridLayout() {
    // Row-major, ends included; 1D programs ignore y.
    const auto f = compileOrNull("x + 10y", {"x", "y"});
    QVERIFY(f);
    const Box box{(Vec(2) << 0, 0).finished(), (Vec(2) << 2, 1).finished()};
    const std::vector<double> v = f->valueGrid(box, 3, 2);
    QCOMPARE(v.size(), size_t(6));
    const double expected[] = {0, 1, 2, 10, 11, 12};
    for (int k = 0; k < 6; ++k)
        GS_COMPARE_NEAR(v[k], expected[k], 1e-15);
    const auto g = compileOrNull("x^2", {"x"});
    const std::vector<double> w =
        g->valueGrid(Box{Vec::Constant(1, -1), Vec::Constant(1, 1)}, 5, 7);
    QCOMPARE(w.size(), size_t(5));
    GS_COMPARE_NEAR(w[1], 0.25, 1e-15);
    QVERIFY(std::string(simd::isa()).size() > 0);
}

void TestExprEval::noAllocationPerCall() {
    const auto f = compileOrNull("cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", {"x", "y"});
    QVERIFY(f);
    Vec x = (Vec(2) << 0.3, 0.4).finished(), g(2);
    Mat h(2, 2);
    double sum = f->value(x) + f->valueAndGradient(x, g); // warm the per-thread registers
    f->hessian(x, h);
    const long before = gAllocations.load();
    for (int k = 0; k < 1000; ++k) {
        x[0] = 0.001 * k;
        sum += f->value(x) + f->valueAndGradient(x, g);
        f->hessian(x, h);
    }
    QCOMPARE(gAllocations.load(), before);
    QVERIFY(std::isfinite(sum));
}

void TestExprEval::sharedSubexpressionsOnce() {
    // f and ∇f of the article's 2D function need each of the three arguments once and six
    // trigonometric calls in total; hash-consing must not compute anything twice.
    const std::vector<std::string> xy = {"x", "y"};
    const ParseResult r = parse("cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", xy);
    QVERIFY(r.ok());
    std::vector<NodePtr> outs = {r.tree};
    for (const NodePtr& d : gradient(r.tree, 2))
        outs.push_back(d);
    const Program valueOnly = Program::compile({r.tree}, 2);
    const Program withGradient = Program::compile(outs, 2);
    QVERIFY2(withGradient.numInstructions() <= 2 * valueOnly.numInstructions() + 4,
             qPrintable(QString("%1 vs %2")
                            .arg(withGradient.numInstructions())
                            .arg(valueOnly.numInstructions())));
    // The same subtree written twice is computed once.
    const ParseResult twice = parse("sin(x + y)^2 + sin(x + y)", xy);
    const ParseResult once = parse("sin(x + y)", xy);
    QCOMPARE(Program::compile({twice.tree}, 2).numInstructions(),
             Program::compile({once.tree}, 2).numInstructions() + 2);
}

void TestExprEval::everyIsaMatchesScalar_data() {
    // The machine running the tests uses one ISA through simd::apply(); call each kernel this
    // CPU can run directly, so the SSE2 and AVX2 paths are checked on an AVX-512 machine too.
    // Rows exist only for the kernels this CPU can execute.
    QTest::addColumn<int>("isa");
    __builtin_cpu_init();
    QTest::newRow("sse2") << 0;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) QTest::newRow("avx2") << 1;
    if (__builtin_cpu_supports("avx512f")) QTest::newRow("avx512") << 2;
}

void TestExprEval::everyIsaMatchesScalar() {
    QFETCH(int, isa);
    using simd::Fn;
    const auto kernel = isa == 0 ? simd::applySse2 : isa == 1 ? simd::applyAvx2 : simd::applyAvx512;
    const auto sinCos = isa == 0   ? simd::sinCosSse2
                        : isa == 1 ? simd::sinCosAvx2
                                   : simd::sinCosAvx512;
    const struct {
        Fn f;
        double (*ref)(double, double);
        double lo, hi;
    } cases[] = {
        {Fn::Sin, [](double a, double) { return std::sin(a); }, -10, 10},
        {Fn::Cos, [](double a, double) { return std::cos(a); }, -10, 10},
        {Fn::Tan, [](double a, double) { return std::tan(a); }, -1.5, 1.5},
        {Fn::Asin, [](double a, double) { return std::asin(a); }, -1, 1},
        {Fn::Acos, [](double a, double) { return std::acos(a); }, -1, 1},
        {Fn::Atan, [](double a, double) { return std::atan(a); }, -10, 10},
        {Fn::Sinh, [](double a, double) { return std::sinh(a); }, -5, 5},
        {Fn::Cosh, [](double a, double) { return std::cosh(a); }, -5, 5},
        {Fn::Tanh, [](double a, double) { return std::tanh(a); }, -5, 5},
        {Fn::Asinh, [](double a, double) { return std::asinh(a); }, -5, 5},
        {Fn::Acosh, [](double a, double) { return std::acosh(a); }, 1, 5},
        {Fn::Atanh, [](double a, double) { return std::atanh(a); }, -0.99, 0.99},
        {Fn::Exp, [](double a, double) { return std::exp(a); }, -20, 20},
        {Fn::Log, [](double a, double) { return std::log(a); }, 0.01, 100},
        {Fn::Log10, [](double a, double) { return std::log10(a); }, 0.01, 100},
        {Fn::Log2, [](double a, double) { return std::log2(a); }, 0.01, 100},
        {Fn::Sqrt, [](double a, double) { return std::sqrt(a); }, 0, 100},
        {Fn::Cbrt, [](double a, double) { return std::cbrt(a); }, -100, 100},
        {Fn::Erf, [](double a, double) { return std::erf(a); }, -3, 3},
        {Fn::Atan2, [](double a, double b) { return std::atan2(a, b); }, -3, 3},
        {Fn::Pow, [](double a, double b) { return std::pow(a, b); }, 0.1, 3},
    };
    constexpr int n = 37; // not a multiple of any vector width: the tail path runs too
    std::mt19937 rng(3);
    for (const auto& c : cases) {
        std::uniform_real_distribution<double> u(c.lo, c.hi);
        double a[n], b[n], out[n];
        for (int k = 0; k < n; ++k) {
            a[k] = u(rng);
            b[k] = u(rng);
        }
        kernel(c.f, a, b, out, n);
        for (int k = 0; k < n; ++k)
            QVERIFY2(test::near(out[k], c.ref(a[k], b[k]), 1e-14),
                     qPrintable(QString("fn %1 at %2").arg(int(c.f)).arg(a[k])));
    }
    double a[n], s[n], co[n];
    for (int k = 0; k < n; ++k)
        a[k] = -7 + 0.37 * k;
    sinCos(a, s, co, n);
    for (int k = 0; k < n; ++k) {
        GS_COMPARE_NEAR(s[k], std::sin(a[k]), 1e-14);
        GS_COMPARE_NEAR(co[k], std::cos(a[k]), 1e-14);
    }
}

QTEST_APPLESS_MAIN(TestExprEval)
#include "test_expr_eval.moc"

// The fused linear instructions (MulC, Axpy, Lin2, Lin3) round the products and the sum as the
// formula's separate operations do: bit-identical to the same C++ expression, in the point and
// the block evaluator, and in fewer instructions. Outputs written in place (a variable as an
// output, two equal outputs) come out right too.
using LinearReference = double (*)(double, double);
Q_DECLARE_METATYPE(LinearReference)

void TestExprEval::linearFusionRoundsAsWritten_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<LinearReference>("reference");
    QTest::addColumn<int>("maxInstructions");
    const auto row = [](const char* name, const char* formula, LinearReference r, int max) {
        QTest::newRow(name) << QString(formula) << r << max;
    };
    row(
        "k u + k2 v", "3x + 2y", [](double x, double y) { return 3 * x + 2 * y; }, 1);
    row(
        "k u - k2 v", "2x - 5y", [](double x, double y) { return 2 * x - 5 * y; }, 1);
    row(
        "k u - v", "3x - y", [](double x, double y) { return 3 * x - y; }, 1);
    row(
        "u - k v", "x - 3y", [](double x, double y) { return x - 3 * y; }, 1);
    row(
        "k u + v", "0.1x + y", [](double x, double y) { return 0.1 * x + y; }, 1);
    row(
        "chain", "0.3x - 7y + 2.5(x y)",
        [](double x, double y) { return 0.3 * x - 7 * y + 2.5 * (x * y); }, 2);
    row(
        "three terms", "x + y - 2(x y)", [](double x, double y) { return x + y - 2 * (x * y); }, 2);
    row(
        "sum subtracted", "x y - (3x + 2y)",
        [](double x, double y) { return x * y - (3 * x + 2 * y); }, 2);
    row(
        "shared product", "2x + 3y - 2x y", // 2x is read twice: it stays one MulC
        [](double x, double y) { return 2 * x + 3 * y - 2 * x * y; }, 4);
    row(
        "variable output", "x", [](double x, double) { return x; }, 0);
}

void TestExprEval::linearFusionRoundsAsWritten() {
    QFETCH(QString, formula);
    QFETCH(LinearReference, reference);
    QFETCH(int, maxInstructions);
    const ParseResult r = parse(formula.toStdString(), {"x", "y"});
    QVERIFY(r.ok());
    const Program p = Program::compile({r.tree, r.tree}, 2); // the second output is a copy
    QVERIFY2(p.numInstructions() <= maxInstructions,
             qPrintable(QString::number(p.numInstructions())));
    constexpr int n = 37;
    double xs[n], ys[n], o0[n], o1[n];
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(-10, 10);
    for (int k = 0; k < n; ++k)
        xs[k] = u(rng), ys[k] = u(rng);
    const double* in[2] = {xs, ys};
    double* outs[2] = {o0, o1};
    std::vector<double> scratch(static_cast<size_t>(p.blockScratchSize()));
    p.evaluateBlock(in, n, outs, scratch.data());
    for (int k = 0; k < n; ++k) {
        const double point[2] = {xs[k], ys[k]};
        double out[2];
        p.evaluate(point, out, scratch.data());
        const double expected = reference(xs[k], ys[k]);
        QCOMPARE(out[0], expected);
        QCOMPARE(out[1], expected);
        QCOMPARE(o0[k], expected);
        QCOMPARE(o1[k], expected);
    }
}

// sin(u) and cos(u) of the same u become one SinCos instruction; both evaluators give what the
// separate functions give (std::sin and std::cos for a point, SLEEF's 3.5-ulp ones for a block).
void TestExprEval::sinAndCosOfOneArgumentInOneCall() {
    const ParseResult r = parse("sin(x + y) - 2 cos(x + y) + cos(x)", {"x", "y"});
    QVERIFY(r.ok());
    const Program p = Program::compile({r.tree}, 2);
    // x + y, sincos(x + y), cos(x) and one Lin3 for the sum: four, five without the fusion.
    QCOMPARE(p.numInstructions(), 4);
    constexpr int n = 37;
    double xs[n], ys[n], block[n];
    for (int k = 0; k < n; ++k)
        xs[k] = -9 + 0.5 * k, ys[k] = 3 - 0.21 * k;
    const double* in[2] = {xs, ys};
    double* outs[1] = {block};
    std::vector<double> scratch(static_cast<size_t>(p.blockScratchSize()));
    p.evaluateBlock(in, n, outs, scratch.data());
    for (int k = 0; k < n; ++k) {
        const double u = xs[k] + ys[k];
        const double expected = (std::sin(u) + -2 * std::cos(u)) + std::cos(xs[k]);
        const double point[2] = {xs[k], ys[k]};
        double value = 0;
        p.evaluate(point, &value, scratch.data());
        QCOMPARE(value, expected); // glibc's sincos rounds as its sin and cos
        GS_COMPARE_NEAR(block[k], expected, 1e-14);
    }
}

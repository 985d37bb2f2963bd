// Enclosures of a formula's values (expr/interval.h): every value the formula takes over the
// variables' intervals lies inside what enclose() claims (checked at many sampled points, the
// corners among them), and it claims nothing where the formula may be undefined or overflow.

#include "expr/interval.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <cmath>
#include <random>
#include <string>

using namespace gs;
using namespace gs::expr;

Q_DECLARE_METATYPE(gs::expr::Interval)

namespace {

std::shared_ptr<ExpressionObjective> compile(const QString& formula) {
    auto r = ExpressionObjective::compile(formula.toStdString(), {"x", "y"});
    if (!std::holds_alternative<std::shared_ptr<ExpressionObjective>>(r))
        qFatal("%s does not compile", qPrintable(formula));
    return std::get<std::shared_ptr<ExpressionObjective>>(r);
}

} // namespace

class TestExprInterval : public QObject {
    Q_OBJECT
private slots:
    void valuesLieInside_data();
    void valuesLieInside();
    void unknownWhereUndefined_data();
    void unknownWhereUndefined();
    void tightWhereItCanBe();
    void deepFormulaNeedsNoRecursion();
};

void TestExprInterval::valuesLieInside_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    const double big = 1e8;
    QTest::newRow("the article's f") << "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)" << -big << big;
    QTest::newRow("polynomial") << "x^3 - 2 x y + y^2 / 3" << -3.0 << 2.0;
    QTest::newRow("even power across 0") << "(x - y)^4 - x^2" << -1.5 << 1.0;
    QTest::newRow("negative power") << "(x^2 + 1)^(-2) + 3 / (y^2 + 0.5)" << -4.0 << 4.0;
    QTest::newRow("fractional power") << "(x^2 + y^2 + 1)^1.5 - (x^2 + 2)^(-0.5)" << -2.0 << 2.0;
    QTest::newRow("exp and logs") << "exp(x - y) + log(x^2 + 1) - log2(y^2 + 3) + log10(5 + x)"
                                  << -3.0 << 3.0;
    QTest::newRow("roots") << "sqrt(x^2 + y^2) + cbrt(x y)" << -5.0 << 5.0;
    QTest::newRow("hyperbolic") << "sinh(x) cosh(y) - tanh(x y) + asinh(x) + cosh(x - 1)" << -2.0
                                << 2.0;
    QTest::newRow("inverse trig") << "atan(x) + asin(sin(y) / 2) - acos(cos(x) / 3)" << -3.0 << 3.0;
    QTest::newRow("atanh, acosh") << "atanh(x / 4) + acosh(y^2 + 1)" << -3.0 << 3.0;
    QTest::newRow("piecewise")
        << "abs(x) - relu(y - 1) + max(x, y) * min(x, -y) + sign(x) + step(y)" << -2.0 << 3.0;
    QTest::newRow("smooth") << "sigmoid(3 x) + softplus(y) + erf(x - y) + atan2(y, x)" << -4.0
                            << 4.0;
    QTest::newRow("division") << "(x + 2) / (y + 5) - x / (x^2 + 1)" << -1.0 << 1.0;
}

// 4,000 random points and the 4 corners: f(x, y) inside the enclosure every time.
void TestExprInterval::valuesLieInside() {
    QFETCH(QString, formula);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const auto f = compile(formula);
    const Interval box[2] = {Interval::of(lo, hi), Interval::of(lo, hi)};
    const Interval r = f->enclose(box);
    QVERIFY2(r.known, qPrintable(formula + " has no enclosure"));
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(lo, hi);
    Vec p(2);
    for (int k = 0; k < 4004; ++k) {
        if (k < 4)
            p << (k & 1 ? hi : lo), (k & 2 ? hi : lo);
        else
            p << u(rng), u(rng);
        const double v = f->value(p);
        if (!(v >= r.lo && v <= r.hi))
            QFAIL(qPrintable(QString("%1 at (%2, %3) = %4, outside [%5, %6]")
                                 .arg(formula)
                                 .arg(p[0], 0, 'g', 17)
                                 .arg(p[1], 0, 'g', 17)
                                 .arg(v, 0, 'g', 17)
                                 .arg(r.lo, 0, 'g', 17)
                                 .arg(r.hi, 0, 'g', 17)));
    }
}

void TestExprInterval::unknownWhereUndefined_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("log reaching 0") << "log(x)" << -1.0 << 1.0;
    QTest::newRow("log of 0 exactly") << "log(x^2)" << -1.0 << 1.0;
    QTest::newRow("sqrt of negatives") << "sqrt(x)" << -1.0 << 4.0;
    QTest::newRow("division by a range holding 0") << "1 / (x + y)" << -1.0 << 1.0;
    QTest::newRow("tan") << "tan(x)" << -0.5 << 0.5;
    QTest::newRow("exp overflows") << "exp(x)" << -1e8 << 1e8;
    QTest::newRow("product overflows") << "x^20 y^20" << -1e8 << 1e8;
    QTest::newRow("trig argument out of reach") << "sin(x)" << -1e15 << 1e15;
    QTest::newRow("variable exponent") << "x^y" << 1.0 << 2.0;
    QTest::newRow("asin beyond 1") << "asin(x)" << -2.0 << 0.5;
    QTest::newRow("acosh below 1") << "acosh(x)" << 0.5 << 3.0;
    QTest::newRow("fractional power of negatives") << "x^0.5" << -1.0 << 1.0;
    QTest::newRow("unknown part of a sum") << "sin(x) + log(y)" << -1.0 << 1.0;
}

void TestExprInterval::unknownWhereUndefined() {
    QFETCH(QString, formula);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const Interval box[2] = {Interval::of(lo, hi), Interval::of(lo, hi)};
    QVERIFY2(!compile(formula)->enclose(box).known, qPrintable(formula));
}

// Plain interval arithmetic is exact for a single use of each variable: the enclosure is then
// the range itself, up to the widening for rounding.
void TestExprInterval::tightWhereItCanBe() {
    const Interval box[2] = {Interval::of(-2, 3), Interval::of(1, 4)};
    auto check = [&](const char* formula, double lo, double hi) {
        const Interval r = compile(formula)->enclose(box);
        QVERIFY2(r.known, formula);
        QVERIFY2(r.lo <= lo && r.hi >= hi, formula);
        QVERIFY2(std::abs(r.lo - lo) < 1e-9 && std::abs(r.hi - hi) < 1e-9,
                 qPrintable(QString("%1: [%2, %3]").arg(formula).arg(r.lo).arg(r.hi)));
    };
    check("x^2", 0, 9);
    check("x + y", -1, 7);
    check("x y", -8, 12);
    check("exp(y)", std::exp(1.0), std::exp(4.0));
    check("2 / y", 0.5, 2);
    check("cos(x)", -1, 1);
    // The article's f over any box of the divergence bound: within [−4, 4], so a basin map need
    // not evaluate it to find diverging starts.
    const Interval wide[2] = {Interval::of(-1e8, 1e8), Interval::of(-1e8, 1e8)};
    const Interval r = compile("cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)")->enclose(wide);
    QVERIFY(r.within(4 + 1e-9));
    QVERIFY(r.within(5e7));
}

// sin(sin(… x)) nested 20,000 deep, built node by node (the parser refuses such depth, since it
// recurses): the walk is iterative (expr::postOrder), so no stack overflow, and the result is
// still right.
void TestExprInterval::deepFormulaNeedsNoRecursion() {
    NodePtr tree = makeVar(0);
    for (int k = 0; k < 20000; ++k)
        tree = make(Op::Sin, tree);
    const Interval box[2] = {Interval::of(-1, 1), Interval::of(-1, 1)};
    const Interval r = enclose(tree, box);
    QVERIFY(r.known);
    QVERIFY(r.lo >= -1.001 && r.hi <= 1.001);
}

QTEST_APPLESS_MAIN(TestExprInterval)
#include "test_expr_interval.moc"

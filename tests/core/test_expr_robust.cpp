// Hostile formulas: shared subexpressions stay shared (the DAG), budgets end in clear errors,
// NaN stays NaN, printed text reads back as the same node, bad bytes are named in messages, and
// every input the fuzzer (tests/fuzz) ever failed on passes its round trip.

#include "check.h"
#include "expr/derivative.h"
#include "expr/parser.h"
#include "expr/printer.h"
#include "fuzz/expr_round_trip.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::expr;

namespace {

const std::vector<std::string> kXY = {"x", "y"};

std::string nest(const std::string& function, int depth, const std::string& inner = "x") {
    std::string s = inner;
    for (int i = 0; i < depth; ++i)
        s = function + "(" + s + ")";
    return s;
}

std::string repeat(const std::string& term, const std::string& separator, size_t maxBytes) {
    std::string s = term;
    while (s.size() + separator.size() + term.size() <= maxBytes)
        s += separator + term;
    return s;
}

QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

std::string text(const QByteArray& b) {
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

std::shared_ptr<ExpressionObjective> compileOrNull(const std::string& formula,
                                                   const ExpressionObjective::Budget& budget = {}) {
    auto r = ExpressionObjective::compile(formula, kXY, budget);
    if (auto* f = std::get_if<std::shared_ptr<ExpressionObjective>>(&r)) return *f;
    return nullptr;
}

} // namespace

class TestExprRobust : public QObject {
    Q_OBJECT
private slots:
    void sharedSubexpressionsStayShared_data();
    void sharedSubexpressionsStayShared();
    void budgetsEndInClearErrors_data();
    void budgetsEndInClearErrors();
    void nanStaysNan_data();
    void nanStaysNan();
    void printedTextReadsBack_data();
    void printedTextReadsBack();
    void badBytesAreNamed_data();
    void badBytesAreNamed();
    void fuzzRegressions_data();
    void fuzzRegressions();
};

void TestExprRobust::sharedSubexpressionsStayShared_data() {
    QTest::addColumn<QByteArray>("formula");
    QTest::addColumn<int>("maxNodes"); // distinct nodes of f, its gradient and Hessian together
    // As trees these print to megabytes; as DAGs they are small.
    QTest::newRow("cot nested 10") << bytes(nest("cot", 10)) << 400;
    QTest::newRow("cot nested 15") << bytes(nest("cot", 15)) << 600;
    QTest::newRow("cot nested 199") << bytes(nest("cot", 199)) << 8000;
    QTest::newRow("x*x*...*x, 4095 bytes") << bytes(repeat("x", "*", 4095)) << 20000;
    QTest::newRow("(x+y)(x+y)..., 4091 bytes") << bytes(repeat("(x+y)", "*", 4095)) << 20000;
    QTest::newRow("sec nested 199") << bytes(nest("sec", 199)) << 8000;
    QTest::newRow("sigmoid nested 199") << bytes(nest("sigmoid", 199)) << 8000;
    QTest::newRow("tanh nested 199") << bytes(nest("tanh", 199)) << 8000;
    QTest::newRow("sum of cot(cot(cot(x+y)))")
        << bytes(repeat("cot(cot(cot(x+y)))", "+", 4095)) << 1500;
    QTest::newRow("hypot nested 60") << bytes(nest("sqrt", 60, "x^2 + y^2")) << 3000;
}

void TestExprRobust::sharedSubexpressionsStayShared() {
    QFETCH(QByteArray, formula);
    QFETCH(int, maxNodes);
    const ParseResult parsed = parse(text(formula), kXY);
    QVERIFY2(parsed.ok(), parsed.error.message.c_str());
    const std::vector<NodePtr> g = gradient(parsed.tree, 2);
    const std::vector<NodePtr> h = hessianOfGradient(g);
    QCOMPARE(g.size(), size_t(2));
    QCOMPARE(h.size(), size_t(4));
    std::vector<NodePtr> all = {parsed.tree};
    all.insert(all.end(), g.begin(), g.end());
    all.insert(all.end(), h.begin(), h.end());
    const size_t nodes = countNodes(all, 1000000);
    QVERIFY2(nodes <= size_t(maxNodes), qPrintable(QString::number(nodes)));
    // The objective compiles it; a derivative too long to show says so instead of a text.
    const auto f = compileOrNull(text(formula));
    QVERIFY(f);
    const Text d = f->derivativeText(0);
    QVERIFY(d.ok() ? d.text.size() <= kDefaultTextBytes
                   : d.error.code == ErrorCode::TooLarge &&
                         d.error.message.find("the derivative is too large to show") == 0);
}

void TestExprRobust::budgetsEndInClearErrors_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<int>("derivativeNodes");
    QTest::addColumn<int>("programNodes");
    QTest::addColumn<QString>("message"); // a prefix of the error
    QTest::newRow("gradient past its budget")
        << "cot(cot(cot(x y)))" << 10 << 100000 << "the gradient is too large to compile";
    QTest::newRow("Hessian past its budget")
        << "x^3 y^3 sin(x y)" << 60 << 100000 << "the Hessian is too large to compile";
    QTest::newRow("program past its budget")
        << "sin(x) cos(y) + x^2 y^3" << 50000 << 12 << "the gradient is too large to compile";
    QTest::newRow("all within budget") << "x^2 + y^2" << 50000 << 100000 << "";
}

void TestExprRobust::budgetsEndInClearErrors() {
    QFETCH(QString, formula);
    QFETCH(int, derivativeNodes);
    QFETCH(int, programNodes);
    QFETCH(QString, message);
    ExpressionObjective::Budget budget;
    budget.derivativeNodes = static_cast<size_t>(derivativeNodes);
    budget.programNodes = static_cast<size_t>(programNodes);
    auto r = ExpressionObjective::compile(formula.toStdString(), kXY, budget);
    if (message.isEmpty()) {
        QVERIFY(std::holds_alternative<std::shared_ptr<ExpressionObjective>>(r));
        return;
    }
    const auto* e = std::get_if<Error>(&r);
    QVERIFY(e);
    QCOMPARE(e->code, ErrorCode::TooLarge);
    QVERIFY2(QString::fromStdString(e->message).startsWith(message), e->message.c_str());
    QCOMPARE(e->length, static_cast<int>(formula.size())); // the whole formula is underlined
}

void TestExprRobust::nanStaysNan_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("expected"); // NaN: must be NaN
    const double nan = std::nan("");
    QTest::newRow("0/0 + x^2") << "0/0 + x^2" << 1.0 << 2.0 << nan;
    QTest::newRow("x/x at 0") << "x/x" << 0.0 << 0.0 << nan;
    QTest::newRow("x/x at 2") << "x/x" << 2.0 << 0.0 << 1.0;
    QTest::newRow("(x - y)/(x - y) on the diagonal") << "(x - y)/(x - y)" << 1.0 << 1.0 << nan;
    QTest::newRow("0/x at 0") << "0/x + y" << 0.0 << 1.0 << nan;
    QTest::newRow("0 (1/0)") << "0 (1/0) + x" << 1.0 << 0.0 << nan;
    QTest::newRow("inf - inf") << "1e999 - 1e999 + x" << 1.0 << 0.0 << nan;
    QTest::newRow("inf/inf") << "inf/inf y" << 1.0 << 1.0 << nan;
    QTest::newRow("0 x is 0") << "0 x + y" << 5.0 << 1.0 << 1.0;
    QTest::newRow("x - x is 0") << "x - x + y" << 5.0 << 1.0 << 1.0;
    QTest::newRow("overflow is inf") << "1e308*10 + x" << 1.0 << 0.0 << HUGE_VAL;
}

void TestExprRobust::nanStaysNan() {
    QFETCH(QString, formula);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, expected);
    const auto f = compileOrNull(formula.toStdString());
    QVERIFY(f);
    Vec p(2);
    p << x, y;
    const double v = f->value(p);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(v), qPrintable(QString::number(v)));
    else
        QCOMPARE(v, expected);
}

void TestExprRobust::printedTextReadsBack_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("printed");
    QTest::newRow("x/(2pi)") << "x/(2pi)"
                             << "x/(2pi)";
    QTest::newRow("x^tau") << "x^tau"
                           << "x^(2pi)";
    QTest::newRow("(2pi)^x") << "(2pi)^x"
                             << "(2pi)^x";
    QTest::newRow("x/(-2pi)") << "x/(-2pi)"
                              << "x/(-2pi)";
    QTest::newRow("overflow") << "1e308*10 + x"
                              << "inf + x";
    QTest::newRow("-overflow") << "x - 1e999"
                               << "x - inf";
    QTest::newRow("0/0 stays") << "0/0 + x^2"
                               << "0/0 + x^2";
    QTest::newRow("sum on the right") << "x - y + (x + y)"
                                      << "x - y + (x + y)";
    QTest::newRow("product on the right") << "x (y z)"
                                          << "x (y z)";
    QTest::newRow("number then quotient") << "2 (y/8/x)"
                                          << "2(y/8/x)";
    QTest::newRow("minus a quotient of a number") << "-(2/x)"
                                                  << "-(2/x)";
    QTest::newRow("0 times -inf") << "0 (-inf) + x"
                                  << "0(-inf) + x";
}

void TestExprRobust::printedTextReadsBack() {
    QFETCH(QString, formula);
    QFETCH(QString, printed);
    const std::vector<std::string> vars = {"x", "y", "z"};
    const ParseResult r = parse(formula.toStdString(), vars);
    QVERIFY2(r.ok(), r.error.message.c_str());
    const Text t = toText(r.tree, vars);
    QVERIFY(t.ok());
    QCOMPARE(QString::fromStdString(t.text), printed);
    const ParseResult again = parse(t.text, vars);
    QVERIFY2(again.ok(), again.error.message.c_str());
    QVERIFY(again.tree == r.tree); // the very same (hash-consed) node
}

void TestExprRobust::badBytesAreNamed_data() {
    QTest::addColumn<QByteArray>("formula");
    QTest::addColumn<QString>("named");
    QTest::addColumn<int>("position");
    QTest::newRow("NUL") << QByteArray("x\0y", 3) << "U+0000" << 1;
    QTest::newRow("NUL at the start") << QByteArray("\0x", 2) << "U+0000" << 0;
    QTest::newRow("escape") << QByteArray("x + \x1b[31m") << "U+001B" << 4;
    QTest::newRow("delete") << QByteArray("x\x7f") << "U+007F" << 1;
    QTest::newRow("a byte that is not UTF-8") << QByteArray("2\xff x") << "byte 0xFF" << 1;
    QTest::newRow("a cut UTF-8 sequence") << QByteArray("x \xe2\x88") << "byte 0xE2" << 2;
    QTest::newRow("a whole unknown character")
        << QByteArray("x \xe2\x82\xac") << "'\xe2\x82\xac'" << 2;
}

void TestExprRobust::badBytesAreNamed() {
    QFETCH(QByteArray, formula);
    QFETCH(QString, named);
    QFETCH(int, position);
    const ParseResult r = parse(text(formula), kXY);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.code, ErrorCode::UnexpectedCharacter);
    QCOMPARE(r.error.position, position);
    QVERIFY(r.error.message.find('\0') == std::string::npos);
    QVERIFY2(QString::fromStdString(r.error.message).contains(named), r.error.message.c_str());
    QVERIFY2(QString::fromStdString(r.error.message)
                 .endsWith(QStringLiteral("at column %1").arg(position + 1)),
             r.error.message.c_str());
}

// Every input tests/fuzz/fuzz_expr failed on, with what was wrong.
void TestExprRobust::fuzzRegressions_data() {
    QTest::addColumn<QByteArray>("formula");
    QTest::newRow("a + (b + c) lost its parentheses") << QByteArray("-(x + y)/(x - y) - -x");
    QTest::newRow("-(a - b)/c read back as (b - a)/c")
        << QByteArray("atan2(y, x) + min(x, y) - max(x^2, y) + hypot(x, y)");
    QTest::newRow("a symbolic -0 printed as 0") << bytes(nest("cot", 10));
    QTest::newRow("c·(y/inf) and (c·y)/inf")
        << QByteArray("1e-+ 5e-324 + 1.79769313486231/7e308 y");
    QTest::newRow("-0.5 (1/3 ...) folded the numbers")
        << QByteArray("asin(x/3) acos(y/2) atan(x y) tan(x)");
    QTest::newRow("2 (y/8/s) read back as 0.25 (y/s)")
        << QByteArray("asin(x y/8) atan(x y (x y)tan(x))tan(x)");
    QTest::newRow("x/(-2pi) printed as x/-2pi") << QByteArray("x/(-2pi)/e-320");
    QTest::newRow("a power tower's rich text past the budget")
        << QByteArray("x^x^x^yx^-x^x^x^yx^x^x^yx^-x^x^x^x^yx^y^+ x^x^yx^x^x^y^-x^x^x^x^yx^y^+ "
                      "x^x^yx^x^x^y");
    QTest::newRow("0 times -inf printed as '0 -inf'") << QByteArray("0 (-1e999) + x");
    QTest::newRow("(inf - inf) + inf folded into a NaN constant")
        << QByteArray("1e999 - 1e999 + 91e999 + 99999 x");
    QTest::newRow("NUL") << QByteArray("x\0y", 3);
    QTest::newRow("stray bytes") << QByteArray("\xff\xfe(x)");
}

void TestExprRobust::fuzzRegressions() {
    QFETCH(QByteArray, formula);
    const std::string failure = test::checkFormulaRoundTrip(text(formula));
    QVERIFY2(failure.empty(), failure.c_str());
}

QTEST_GUILESS_MAIN(TestExprRobust)
#include "test_expr_robust.moc"

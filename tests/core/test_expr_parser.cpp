// Expression parser: precedence and implicit multiplication, printing round trips, error codes,
// positions and messages, limits, and a fuzz run that must never crash.

#include "check.h"
#include "expr/derivative.h"
#include "expr/parser.h"
#include "expr/printer.h"
#include "expr/program.h"

#include <QTest>

#include <random>

using namespace gs;
using namespace gs::expr;

Q_DECLARE_METATYPE(std::string)

namespace {

const std::vector<std::string> kXY = {"x", "y"};

std::vector<std::string> variablesFrom(const QString& list) {
    std::vector<std::string> v;
    for (const QString& s : list.split(',', Qt::SkipEmptyParts))
        v.push_back(s.toStdString());
    return v;
}

double evalAt(const NodePtr& t, int nvars, double x, double y) {
    const Program p = Program::compile({t}, nvars);
    std::vector<double> scratch(static_cast<size_t>(p.scratchSize()) + 1);
    const double in[2] = {x, y};
    double out = 0;
    p.evaluate(in, &out, scratch.data());
    return out;
}

} // namespace

class TestExprParser : public QObject {
    Q_OBJECT
private slots:
    void precedence_data();
    void precedence();
    void roundTrip_data();
    void roundTrip();
    void texForTheTypesetter_data();
    void texForTheTypesetter();
    void errors_data();
    void errors();
    void limits();
    void fuzz();
};

void TestExprParser::precedence_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("explicitForm");
    QTest::newRow("unary minus below power") << "-x^2"
                                             << "-(x^2)";
    QTest::newRow("-2^2") << "-2^2"
                          << "-4";
    QTest::newRow("power right-assoc") << "2^3^2"
                                       << "2^(3^2)";
    QTest::newRow("negative exponent") << "x^-1"
                                       << "1/x";
    QTest::newRow("2x") << "2x"
                        << "2*x";
    QTest::newRow("25sin(x)") << "25sin(x)"
                              << "25*sin(x)";
    QTest::newRow("3(x+1)") << "3(x+1)"
                            << "3*(x+1)";
    QTest::newRow("(x+1)(x-1)") << "(x+1)(x-1)"
                                << "(x+1)*(x-1)";
    QTest::newRow("2pi") << "2pi"
                         << "2*3.141592653589793";
    QTest::newRow("x y") << "x y"
                         << "x*y";
    QTest::newRow("xy splits") << "2xy"
                               << "2*x*y";
    QTest::newRow("implicit like *") << "1/2x"
                                     << "(1/2)*x";
    QTest::newRow("2x^2") << "2x^2"
                          << "2*(x^2)";
    QTest::newRow("x^2y") << "x^2y"
                          << "(x^2)*y";
    QTest::newRow("e^x") << "e^x"
                         << "exp(x)";
    QTest::newRow("2e") << "2e"
                        << "2*exp(1)";
    QTest::newRow("2exp(x)") << "2exp(x)"
                             << "2*exp(x)";
    QTest::newRow("1e-3x") << "1e-3x"
                           << "0.001*x";
    QTest::newRow("products") << "2 sin(x) cos(y)"
                              << "2*sin(x)*cos(y)";
    QTest::newRow("whitespace") << " x  +\ty\n"
                                << "x+y";
    QTest::newRow("sub left-assoc") << "x - y - 1"
                                    << "(x - y) - 1";
    QTest::newRow("div left-assoc") << "x / y / 2"
                                    << "(x / y) / 2";
    QTest::newRow("superscript") << "x²y³"
                                 << "x^2*y^3";
    QTest::newRow("unicode ops") << "3·x − 2×y ÷ 4"
                                 << "3*x - 2*y/4";
    QTest::newRow("pi sign") << "πx"
                             << "pi*x";
    QTest::newRow("python power") << "x**2"
                                  << "x^2";
    QTest::newRow("ln") << "ln(x)"
                        << "log(x)";
    QTest::newRow("sec") << "sec(x)"
                         << "1/cos(x)";
    QTest::newRow("csc") << "csc(x)"
                         << "1/sin(x)";
    QTest::newRow("cot") << "cot(x)"
                         << "cos(x)/sin(x)";
    QTest::newRow("sq") << "sq(x+y)"
                        << "(x+y)^2";
    QTest::newRow("gauss") << "gauss(x)"
                           << "exp(-x^2)";
    QTest::newRow("hypot") << "hypot(x, y)"
                           << "sqrt(x^2+y^2)";
    QTest::newRow("pow") << "pow(x, 3)"
                         << "x^3";
    QTest::newRow("logb") << "logb(x, 2)"
                          << "log2(x)";
    QTest::newRow("unary plus") << "+x - +y"
                                << "x-y";
    QTest::newRow("double minus") << "--x"
                                  << "x";
}

void TestExprParser::precedence() {
    QFETCH(QString, formula);
    QFETCH(QString, explicitForm);
    const ParseResult a = parse(formula.toStdString(), kXY);
    const ParseResult b = parse(explicitForm.toStdString(), kXY);
    QVERIFY2(a.ok(), a.error.message.c_str());
    QVERIFY2(b.ok(), b.error.message.c_str());
    for (double x : {0.7, 1.9, 3.1})
        for (double y : {0.4, 2.3})
            GS_COMPARE_NEAR(evalAt(a.tree, 2, x, y), evalAt(b.tree, 2, x, y), 1e-14);
}

void TestExprParser::roundTrip_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("rich");
    QTest::newRow("article 1D") << "25 sin(x) - x^2"
                                << "25 sin(x) - x^2"
                                << "25 sin(x) − x<sup>2</sup>";
    QTest::newRow("article 2D") << "cos(3x+2y)+cos(2x+4y)-2sin(x+y)"
                                << "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)"
                                << "cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y)";
    QTest::newRow("x + sin x") << "x+sin(x)"
                               << "x + sin(x)"
                               << "x + sin(x)";
    QTest::newRow("product") << "x*y"
                             << "x y"
                             << "x y";
    QTest::newRow("3(x+1)") << "3*(x+1)"
                            << "3(x + 1)"
                            << "3(x + 1)";
    QTest::newRow("-x^2") << "-(x^2)"
                          << "-x^2"
                          << "−x<sup>2</sup>";
    QTest::newRow("(-x)^2") << "(-x)^2"
                            << "(-x)^2"
                            << "(−x)<sup>2</sup>";
    QTest::newRow("x/(2y)") << "x/(2*y)"
                            << "x/(2y)"
                            << "x/(2y)";
    QTest::newRow("x^(y+1)") << "x^(y+1)"
                             << "x^(y + 1)"
                             << "x<sup>y + 1</sup>";
    QTest::newRow("(x^2)^y") << "(x^2)^y"
                             << "(x^2)^y"
                             << "(x<sup>2</sup>)<sup>y</sup>";
    QTest::newRow("x - (y - 1)") << "x-(y-1)"
                                 << "x - (y - 1)"
                                 << "x − (y − 1)";
    QTest::newRow("pi x") << "pi*x"
                          << "pi x"
                          << "π x";
    QTest::newRow("1/3") << "1/3"
                         << "1/3"
                         << "1/3";
    QTest::newRow("x/2") << "x/2*1"
                         << "x/2"
                         << "x/2";
    QTest::newRow("0.5x") << "0.5*x"
                          << "0.5x"
                          << "0.5x";
    QTest::newRow("x*2^x") << "x*2^x"
                           << "x*2^x"
                           << "x·2<sup>x</sup>";
    QTest::newRow("sqrt") << "sqrt(x^2+y^2)"
                          << "sqrt(x^2 + y^2)"
                          << "√(x<sup>2</sup> + y<sup>2</sup>)";
    QTest::newRow("x^-2") << "x^-2"
                          << "x^(-2)"
                          << "x<sup>−2</sup>";
    QTest::newRow("atan2") << "atan2(y, x)"
                           << "atan2(y, x)"
                           << "atan2(y, x)";
    QTest::newRow("1e-10") << "1e-10 x"
                           << "1e-10x"
                           << "1e-10x";
    // Plain text keeps every digit (it must read back exactly); text for people stops at 12.
    QTest::newRow("long constant") << "-6.2669999999999995 + y"
                                   << "-6.2669999999999995 + y"
                                   << "−6.267 + y";
}

void TestExprParser::roundTrip() {
    QFETCH(QString, formula);
    QFETCH(QString, plain);
    QFETCH(QString, rich);
    const ParseResult r = parse(formula.toStdString(), kXY);
    QVERIFY2(r.ok(), r.error.message.c_str());
    QCOMPARE(QString::fromStdString(toText(r.tree, kXY).text), plain);
    QCOMPARE(QString::fromStdString(toText(r.tree, kXY, TextStyle::Rich).text), rich);
    // The plain text reads back as the same function and prints the same again.
    const ParseResult again = parse(plain.toStdString(), kXY);
    QVERIFY2(again.ok(), again.error.message.c_str());
    QCOMPARE(QString::fromStdString(toText(again.tree, kXY).text), plain);
    GS_COMPARE_NEAR(evalAt(again.tree, 2, 1.3, 0.6), evalAt(r.tree, 2, 1.3, 0.6), 1e-15);
}

void TestExprParser::texForTheTypesetter_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("tex");
    QTest::newRow("fraction") << "x^2/(2x+1)"
                              << "\\frac{x^{2}}{2x + 1}";
    QTest::newRow("derivative") << "25 cos(x) - 2x"
                                << "25 \\cos(x) - 2x";
    QTest::newRow("power of a fraction") << "(x/y)^2"
                                         << "\\left(\\frac{x}{y}\\right)^{2}";
    QTest::newRow("negative power") << "x^-2"
                                    << "x^{-2}";
    QTest::newRow("root") << "sqrt(x^2+y^2)"
                          << "\\sqrt{x^{2} + y^{2}}";
    QTest::newRow("absolute value") << "abs(x) + 1"
                                    << "\\left|x\\right| + 1";
    QTest::newRow("no TeX name") << "atan2(y, x)"
                                 << "\\operatorname{atan2}(y, x)";
    QTest::newRow("fraction inside a call") << "sin(x/2)"
                                            << "\\sin\\left(\\frac{x}{2}\\right)";
    QTest::newRow("pi") << "pi x"
                        << "\\pi x";
    QTest::newRow("tiny constant") << "1e-10 x"
                                   << "10^{-10} x";
    QTest::newRow("digits") << "-6.2669999999999995 + y"
                            << "-6.267 + y";
    QTest::newRow("product of numbers") << "x*2^x"
                                        << "x \\cdot 2^{x}";
}

void TestExprParser::texForTheTypesetter() {
    QFETCH(QString, formula);
    QFETCH(QString, tex);
    const ParseResult r = parse(formula.toStdString(), kXY);
    QVERIFY2(r.ok(), r.error.message.c_str());
    QCOMPARE(QString::fromStdString(toText(r.tree, kXY, TextStyle::TeX).text), tex);
}

void TestExprParser::errors_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("message"); // exact, or empty to skip
    using E = ErrorCode;
    QTest::newRow("unknown function") << "sinn(x)"
                                      << "x" << int(E::UnknownName) << 0 << 4
                                      << "unknown function 'sinn' at column 1; did you mean 'sin'?";
    QTest::newRow("unknown function later")
        << "25 sinn(x)"
        << "x" << int(E::UnknownName) << 3 << 4
        << "unknown function 'sinn' at column 4; did you mean 'sin'?";
    QTest::newRow("unknown name") << "x + cosx"
                                  << "x" << int(E::UnknownName) << 4 << 4
                                  << "unknown name 'cosx' at column 5; did you mean 'cos'?";
    QTest::newRow("no suggestion")
        << "qqqqqq(x)"
        << "x" << int(E::UnknownName) << 0 << 6 << "unknown function 'qqqqqq' at column 1";
    QTest::newRow("y in 1D") << "x + y"
                             << "x" << int(E::NotAVariable) << 4 << 1
                             << "'y' is not a variable here; this function has only x";
    QTest::newRow("z in 2D") << "z"
                             << "x,y" << int(E::NotAVariable) << 0 << 1
                             << "'z' is not a variable here; this function has only x and y";
    QTest::newRow("missing )") << "2(x+1"
                               << "x" << int(E::MissingCloseParen) << 1 << 1
                               << "missing ')' for the '(' at column 2";
    QTest::newRow("call missing )") << "sin(x"
                                    << "x" << int(E::MissingCloseParen) << 3 << 1 << "";
    QTest::newRow("extra )") << "x+1)"
                             << "x" << int(E::UnexpectedCloseParen) << 3 << 1
                             << "unexpected ')' without a matching '(' at column 4";
    QTest::newRow("arity") << "atan2(x)"
                           << "x" << int(E::WrongArgumentCount) << 0 << 8
                           << "'atan2' takes 2 arguments but was given 1 at column 1";
    QTest::newRow("arity 1") << "sin(x, x)"
                             << "x" << int(E::WrongArgumentCount) << 0 << 9 << "";
    QTest::newRow("empty") << ""
                           << "x" << int(E::EmptyInput) << 0 << 0 << "the formula is empty";
    QTest::newRow("blank") << "  \t"
                           << "x" << int(E::EmptyInput) << 0 << 0 << "";
    QTest::newRow("trailing") << "x 2"
                              << "x" << int(E::TrailingText) << 2 << 1
                              << "unexpected '2' after a complete expression at column 3";
    QTest::newRow("dangling op") << "x +"
                                 << "x" << int(E::ExpectedOperand) << 3 << 0
                                 << "expected a value at the end at column 4";
    QTest::newRow("double op") << "x * / 2"
                               << "x" << int(E::ExpectedOperand) << 4 << 1 << "";
    QTest::newRow("empty parens") << "()"
                                  << "x" << int(E::ExpectedOperand) << 1 << 1 << "";
    QTest::newRow("bad char") << "x $ 1"
                              << "x" << int(E::UnexpectedCharacter) << 2 << 1
                              << "unexpected character '$' at column 3";
    QTest::newRow("bad utf8 char") << "x → 1"
                                   << "x" << int(E::UnexpectedCharacter) << 2 << 3 << "";
    QTest::newRow("number") << "1.2.3"
                            << "x" << int(E::InvalidNumber) << 0 << 4 << "";
    QTest::newRow("no parens") << "sin x"
                               << "x" << int(E::MissingOpenParen) << 0 << 3
                               << "function 'sin' at column 1 needs its argument in parentheses, "
                                  "e.g. sin(x)";
    QTest::newRow("empty argument") << "max(x,)"
                                    << "x" << int(E::ExpectedOperand) << 6 << 1 << "";
}

void TestExprParser::errors() {
    QFETCH(QString, formula);
    QFETCH(QString, variables);
    QFETCH(int, code);
    QFETCH(int, position);
    QFETCH(int, length);
    QFETCH(QString, message);
    const ParseResult r = parse(formula.toStdString(), variablesFrom(variables));
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error.code), code);
    QCOMPARE(r.error.position, position);
    QCOMPARE(r.error.length, length);
    if (!message.isEmpty()) QCOMPARE(QString::fromStdString(r.error.message), message);
}

void TestExprParser::limits() {
    const std::vector<std::string> x = {"x"};
    QCOMPARE(int(parse(std::string(5000, 'x'), x).error.code), int(ErrorCode::InputTooLong));
    const std::string deep = std::string(1000, '(') + "x" + std::string(1000, ')');
    QCOMPARE(int(parse(deep, x).error.code), int(ErrorCode::TooDeep));
    QCOMPARE(int(parse(std::string(2000, '-') + "x", x).error.code), int(ErrorCode::TooDeep));
    std::string calls;
    for (int i = 0; i < 500; ++i)
        calls += "sin(";
    QCOMPARE(int(parse(calls + "x" + std::string(500, ')'), x).error.code),
             int(ErrorCode::TooDeep));
    std::string powers = "x";
    for (int i = 0; i < 1000; ++i)
        powers += "^x";
    QCOMPARE(int(parse(powers, x).error.code), int(ErrorCode::TooDeep));
    // Moderate nesting is fine.
    QVERIFY(parse(std::string(150, '(') + "x" + std::string(150, ')'), x).ok());
    // A long flat sum within the length limit parses, differentiates and compiles.
    std::string sum = "x";
    while (sum.size() < 4000)
        sum += "+x";
    const ParseResult r = parse(sum, x);
    QVERIFY(r.ok());
    QCOMPARE(toText(derivative(r.tree, 0), x).text, std::to_string(2001));
}

void TestExprParser::fuzz() {
    // Random token soup and mutations of valid formulas: every input must parse or fail cleanly,
    // and whatever parses must differentiate, print and evaluate.
    static const char* const pieces[] = {
        "x",    "y", "2", "0.5", "1e3",  "+",        "-",       "*",    "/",     "^",   "(",
        ")",    ",", " ", "sin", "cos",  "exp",      "log",     "sqrt", "atan2", "max", "pi",
        "e",    "²", "−", "·",   "abs",  "relu",     "sigmoid", "tanh", "1e999", "0",   "hypot",
        "sinn", "z", "$", ".",   "\xff", "softplus", "pow",     "cbrt"};
    static const char* const seeds[] = {
        "25 sin(x) - x^2", "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)", "x + sin(x)",
        "max(x, y)^2 / (1 + exp(-x y))", "hypot(x, y) - atan2(y, x)"};
    std::mt19937 rng(12345);
    int parsed = 0;
    for (int n = 0; n < 50000; ++n) {
        std::string s;
        if (n % 2 == 0) {
            const int len = 1 + static_cast<int>(rng() % 14);
            for (int k = 0; k < len; ++k)
                s += pieces[rng() % std::size(pieces)];
        } else {
            s = seeds[rng() % std::size(seeds)];
            const int edits = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < edits && !s.empty(); ++k) {
                const size_t at = rng() % s.size();
                switch (rng() % 3) {
                case 0:
                    s.erase(at, 1);
                    break;
                case 1:
                    s.insert(at, pieces[rng() % std::size(pieces)]);
                    break;
                default:
                    s[at] = static_cast<char>(rng() % 256);
                    break;
                }
            }
        }
        const ParseResult r = parse(s, kXY);
        if (!r.ok()) {
            QVERIFY(r.error.code != ErrorCode::None);
            QVERIFY(!r.error.message.empty());
            QVERIFY(r.error.position >= 0 && r.error.position <= static_cast<int>(s.size()));
            continue;
        }
        ++parsed;
        const std::vector<NodePtr> g = gradient(r.tree, 2);
        const Program p = Program::compile({r.tree, g[0], g[1]}, 2);
        std::vector<double> scratch(static_cast<size_t>(p.scratchSize()) + 1);
        const double in[2] = {0.3, -1.7};
        double out[3];
        p.evaluate(in, out, scratch.data());
        QVERIFY(!toText(g[1], kXY, TextStyle::Rich).text.empty());
    }
    QVERIFY(parsed > 1000); // the generator does produce valid formulas too
}

QTEST_APPLESS_MAIN(TestExprParser)
#include "test_expr_parser.moc"

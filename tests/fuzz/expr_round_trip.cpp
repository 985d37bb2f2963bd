#include "expr_round_trip.h"

#include "expr/derivative.h"
#include "expr/parser.h"
#include "expr/printer.h"
#include "expr/program.h"
#include "objective/expression_objective.h"

#include <limits>
#include <variant>
#include <vector>

namespace gs::test {

namespace {

using namespace gs::expr;

const std::vector<std::string> kVariables = {"x", "y"};

// Printed derivatives may be longer and deeper than what a person may type.
constexpr Limits kReadBack{.maxInputBytes = 1 << 16, .maxDepth = 1000};

std::string checkError(const Error& e, std::string_view formula, const char* stage) {
    const int size = static_cast<int>(formula.size());
    if (e.message.empty()) return std::string(stage) + ": an error without a message";
    if (e.message.find('\0') != std::string::npos)
        return std::string(stage) + ": a NUL inside the message";
    if (e.position < 0 || e.length < 0 || e.position + e.length > size)
        return std::string(stage) + ": the error's span lies outside the input";
    return {};
}

// Plain text reads back as the node that printed it; either text may only fail by its budget.
std::string checkPrinted(const NodePtr& n, const char* what) {
    const Text plain = toText(n, kVariables);
    const Text rich = toText(n, kVariables, TextStyle::Rich);
    for (const Text* t : {&plain, &rich})
        if (!t->ok() && (t->error.code != ErrorCode::TooLarge || !t->text.empty()))
            return std::string(what) + ": printing failed other than by its budget";
    if (!plain.ok()) return {};
    const ParseResult again = parse(plain.text, kVariables, kReadBack);
    if (!again.ok()) {
        if (again.error.code == ErrorCode::TooDeep) return {};
        return std::string(what) + " printed as '" + plain.text +
               "', which does not parse: " + again.error.message;
    }
    if (again.tree != n) {
        const Text second = toText(again.tree, kVariables);
        return std::string(what) + " printed as '" + plain.text + "' reads back as another " +
               "function, printed '" + second.text + "'";
    }
    return {};
}

void evaluate(const std::vector<NodePtr>& outputs) {
    const Program p = Program::compile(outputs, 2);
    std::vector<double> scratch(static_cast<size_t>(p.blockScratchSize()));
    std::vector<double> out(outputs.size());
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const double points[][2] = {{0.0, 0.0}, {1.5, -2.0}, {-1e3, 1e-3}, {inf, nan}};
    for (const auto& point : points)
        p.evaluate(point, out.data(), scratch.data());
    // A block of points through the vectorized path.
    std::vector<double> xs(Program::kBlock), ys(Program::kBlock);
    for (int i = 0; i < Program::kBlock; ++i) {
        xs[static_cast<size_t>(i)] = -3 + 0.05 * i;
        ys[static_cast<size_t>(i)] = 2 - 0.03 * i;
    }
    const double* in[2] = {xs.data(), ys.data()};
    std::vector<std::vector<double>> columns(outputs.size(), std::vector<double>(Program::kBlock));
    std::vector<double*> outs;
    for (auto& c : columns)
        outs.push_back(c.data());
    p.evaluateBlock(in, Program::kBlock, outs.data(), scratch.data());
}

} // namespace

std::string checkFormulaRoundTrip(std::string_view formula) {
    const ParseResult parsed = parse(formula, kVariables);
    if (!parsed.ok()) return checkError(parsed.error, formula, "parse");

    // The objective applies every budget; past one it must say so, never fail otherwise.
    auto compiled = ExpressionObjective::compile(formula, kVariables);
    if (const auto* e = std::get_if<Error>(&compiled)) {
        if (e->code != ErrorCode::TooLarge) return "compile: an error that is not a budget";
        return checkError(*e, formula, "compile");
    }
    const auto& f = *std::get<std::shared_ptr<ExpressionObjective>>(compiled);
    if (f.tree() != parsed.tree) return "compile: a different tree than parse";
    Vec x(2);
    x << 0.25, -0.75;
    Vec g;
    Mat h;
    f.valueAndGradient(x, g);
    f.hessian(x, h);

    const std::vector<NodePtr> grad = gradient(parsed.tree, 2);
    const std::vector<NodePtr> hess = hessianOfGradient(grad);
    if (grad.size() != 2 || hess.size() != 4) return "derivatives over budget after compile";
    evaluate({parsed.tree, grad[0], grad[1], hess[0], hess[1], hess[3]});

    for (const auto& [n, what] : {std::pair{parsed.tree, "f"}, std::pair{grad[0], "df/dx"},
                                  std::pair{grad[1], "df/dy"}, std::pair{hess[1], "d2f/dxdy"}})
        if (std::string e = checkPrinted(n, what); !e.empty()) return e;
    return {};
}

} // namespace gs::test

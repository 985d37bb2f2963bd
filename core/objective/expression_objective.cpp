#include "objective/expression_objective.h"

#include "expr/derivative.h"
#include "expr/parser.h"

#include <algorithm>

namespace gs {

namespace {

// Registers for the calling thread, grown to the largest program seen: no allocation per call
// once warm, and safe when several threads evaluate the same objective.
double* scratch(int size) {
    thread_local std::vector<double> registers;
    if (static_cast<int>(registers.size()) < size) registers.resize(static_cast<size_t>(size));
    return registers.data();
}

constexpr int kMaxStackDimension = 16;

} // namespace

namespace {

expr::Error tooLarge(std::string_view formula, const std::string& what, const char* verb,
                     std::size_t limit, const char* unit) {
    expr::Error e;
    e.code = expr::ErrorCode::TooLarge;
    e.length = static_cast<int>(formula.size());
    e.message = what + " is too large to " + verb + " (more than " + std::to_string(limit) + " " +
                unit + ")";
    return e;
}

// "the derivative" in 1D, "the gradient" in more dimensions; likewise the second derivative.
std::string firstName(int n) {
    return n == 1 ? "the derivative" : "the gradient";
}
std::string secondName(int n) {
    return n == 1 ? "the second derivative" : "the Hessian";
}

} // namespace

ExpressionObjective::CompileResult ExpressionObjective::compile(std::string_view formula,
                                                                std::vector<std::string> variables,
                                                                const Budget& budget) {
    expr::ParseResult parsed = expr::parse(formula, variables);
    if (!parsed.ok()) return parsed.error;
    std::shared_ptr<ExpressionObjective> f(new ExpressionObjective());
    const int n = static_cast<int>(variables.size());
    f->variables_ = std::move(variables);
    f->textBytes_ = budget.textBytes;
    f->tree_ = parsed.tree;
    f->gradient_ = expr::gradient(f->tree_, n, budget.derivativeNodes);
    if (f->gradient_.empty() && n > 0)
        return tooLarge(formula, firstName(n), "compile", budget.derivativeNodes, "operations");
    f->hessian_ = expr::hessianOfGradient(f->gradient_, budget.derivativeNodes);
    if (f->hessian_.empty() && n > 0)
        return tooLarge(formula, secondName(n), "compile", budget.derivativeNodes, "operations");

    std::vector<expr::NodePtr> outs = {f->tree_};
    outs.insert(outs.end(), f->gradient_.begin(), f->gradient_.end());
    std::vector<expr::NodePtr> upper;
    for (int i = 0; i < n; ++i)
        for (int j = i; j < n; ++j)
            upper.push_back(f->hessian_[i * n + j]);
    if (expr::countNodes(outs, budget.programNodes) > budget.programNodes)
        return tooLarge(formula, firstName(n), "compile", budget.programNodes, "operations");
    if (expr::countNodes(upper, budget.programNodes) > budget.programNodes)
        return tooLarge(formula, secondName(n), "compile", budget.programNodes, "operations");
    f->valueProgram_ = expr::Program::compile({f->tree_}, n);
    f->gradientProgram_ = expr::Program::compile(outs, n);
    f->gradientOnlyProgram_ = expr::Program::compile(f->gradient_, n);
    f->hessianProgram_ = expr::Program::compile(upper, n);

    ObjectiveInfo& info = f->info();
    info.formula = std::string(formula);
    const expr::Text name = f->formulaText();
    info.name = name.ok() ? name.text : info.formula;
    return f;
}

expr::Interval ExpressionObjective::enclose(std::span<const expr::Interval> variables) const {
    return expr::enclose(tree_, variables);
}

double ExpressionObjective::value(const Vec& x) const {
    double out;
    valueProgram_.evaluate(x.data(), &out, scratch(valueProgram_.scratchSize()));
    return out;
}

double ExpressionObjective::valueAndGradient(const Vec& x, Vec& grad) const {
    const int n = dimension();
    grad.resize(n);
    if (n < kMaxStackDimension) {
        double out[kMaxStackDimension];
        gradientProgram_.evaluate(x.data(), out, scratch(gradientProgram_.scratchSize()));
        // A plain loop: std::copy of a runtime length of 1 or 2 becomes a memmove call, which
        // was a third of a recorded 2D run's time.
        for (int i = 0; i < n; ++i)
            grad[i] = out[i + 1];
        return out[0];
    }
    std::vector<double> out(static_cast<size_t>(n + 1));
    gradientProgram_.evaluate(x.data(), out.data(), scratch(gradientProgram_.scratchSize()));
    std::copy(out.begin() + 1, out.end(), grad.data());
    return out[0];
}

void ExpressionObjective::hessian(const Vec& x, Mat& h) const {
    const int n = dimension();
    h.resize(n, n);
    double small[kMaxStackDimension * (kMaxStackDimension + 1) / 2];
    std::vector<double> large(n < kMaxStackDimension ? 0 : hessianProgram_.numOutputs());
    double* upper = n < kMaxStackDimension ? small : large.data();
    hessianProgram_.evaluate(x.data(), upper, scratch(hessianProgram_.scratchSize()));
    int k = 0;
    for (int i = 0; i < n; ++i)
        for (int j = i; j < n; ++j)
            h(i, j) = h(j, i) = upper[k++];
}

expr::Text ExpressionObjective::print(const expr::NodePtr& n, expr::TextStyle style,
                                      const char* what) const {
    expr::Text t = expr::toText(n, variables_, style, textBytes_);
    if (!t.ok())
        t.error.message = std::string(what) + " is too large to show (" + t.error.message + ")";
    return t;
}

expr::Text ExpressionObjective::formulaText(expr::TextStyle style) const {
    return print(tree_, style, "the formula");
}

expr::Text ExpressionObjective::derivativeText(int i, expr::TextStyle style) const {
    if (i < 0 || i >= dimension()) return {};
    return print(gradient_[i], style, "the derivative");
}

expr::Text ExpressionObjective::secondDerivativeText(int i, int j, expr::TextStyle style) const {
    if (i < 0 || j < 0 || i >= dimension() || j >= dimension()) return {};
    return print(hessian_[i * dimension() + j], style, "the second derivative");
}

void ExpressionObjective::evaluateGrid(const expr::GridSpec& grid, double* const* outputs,
                                       bool withGradient, int threads) const {
    expr::evaluateGrid(withGradient ? gradientProgram_ : valueProgram_, grid, outputs, threads);
}

std::vector<double> ExpressionObjective::valueGrid(const Box& box, int nx, int ny,
                                                   int threads) const {
    expr::GridSpec g;
    g.x0 = box.lo.size() > 0 ? box.lo[0] : 0.0;
    g.x1 = box.hi.size() > 0 ? box.hi[0] : 1.0;
    g.y0 = box.lo.size() > 1 ? box.lo[1] : 0.0;
    g.y1 = box.hi.size() > 1 ? box.hi[1] : 1.0;
    g.nx = std::max(nx, 0);
    g.ny = dimension() == 1 ? 1 : std::max(ny, 0);
    std::vector<double> values(static_cast<size_t>(g.nx) * g.ny);
    double* out = values.data();
    evaluateGrid(g, &out, false, threads);
    return values;
}

} // namespace gs

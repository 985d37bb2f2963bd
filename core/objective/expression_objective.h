#pragma once
// An objective typed as a formula: parsed, differentiated symbolically and compiled once, then
// evaluated (value, gradient, exact Hessian) without allocation.
//
//   auto r = ExpressionObjective::compile("25 sin(x) - x^2", {"x"});
//   if (auto* e = std::get_if<expr::Error>(&r)) show(e->message);
//   auto f = std::get<std::shared_ptr<ExpressionObjective>>(r);
//   f->derivativeText(0, expr::TextStyle::Rich).text;   // "25 cos(x) − 2x"
//
// Every stage has a budget (Budget below): a formula whose derivatives or programs would be too
// large is refused with an Error (TooLarge) after bounded work, and a text too long to show is
// an Error in place of the text.

#include "expr/error.h"
#include "expr/grid.h"
#include "expr/interval.h"
#include "expr/node.h"
#include "expr/printer.h"
#include "expr/program.h"
#include "objective/objective.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gs {

class ExpressionObjective final : public Objective {
public:
    using CompileResult = std::variant<std::shared_ptr<ExpressionObjective>, expr::Error>;

    struct Budget {
        std::size_t derivativeNodes = 50000; ///< nodes the gradient, and the Hessian, may build
        std::size_t programNodes = 100000;   ///< distinct operations one compiled program holds
        std::size_t textBytes = expr::kDefaultTextBytes; ///< printed formula or derivative
    };

    /// Parses `formula` over `variables` (e.g. {"x"} or {"x", "y"}) and compiles value,
    /// gradient and Hessian programs. info().formula is the text as typed; info().name the
    /// normalized plain text (the typed text when the normalized one is too long).
    static CompileResult compile(std::string_view formula, std::vector<std::string> variables,
                                 const Budget& budget);
    static CompileResult compile(std::string_view formula, std::vector<std::string> variables) {
        return compile(formula, std::move(variables), Budget{});
    }

    int dimension() const override { return static_cast<int>(variables_.size()); }
    double value(const Vec& x) const override;
    double valueAndGradient(const Vec& x, Vec& grad) const override;
    bool hasExactHessian() const override { return true; }
    void hessian(const Vec& x, Mat& h) const override;

    const std::vector<std::string>& variables() const { return variables_; }
    /// f itself, as the engine reads it; an Error (TooLarge) when longer than the text budget.
    expr::Text formulaText(expr::TextStyle style = expr::TextStyle::Plain) const;
    /// ∂f/∂x_i, e.g. "25 cos(x) - 2x", or an Error ("the derivative is too large to show ...").
    expr::Text derivativeText(int i, expr::TextStyle style = expr::TextStyle::Plain) const;
    /// ∂²f/∂x_i∂x_j, or an Error ("the second derivative is too large to show ...").
    expr::Text secondDerivativeText(int i, int j,
                                    expr::TextStyle style = expr::TextStyle::Plain) const;

    /// Samples f (and, with `withGradient`, ∂f/∂x and ∂f/∂y) on a grid, in parallel:
    /// outputs[0] = f, outputs[1..dimension()] = gradient; each nx·ny doubles, row-major.
    /// Dimension 1 or 2 only.
    void evaluateGrid(const expr::GridSpec& grid, double* const* outputs, bool withGradient = false,
                      int threads = 0) const;
    /// Convenience: f on an nx × ny grid over a 2D box (ny = 1 and box in x only for 1D).
    std::vector<double> valueGrid(const Box& box, int nx, int ny, int threads = 0) const;

    const expr::NodePtr& tree() const { return tree_; }
    /// The compiled f and ∇f (outputs f, ∂f/∂x_1, ...), for callers stepping many points at once
    /// through Program::evaluateBlock.
    const expr::Program& gradientProgram() const { return gradientProgram_; }
    /// The compiled ∇f alone (outputs ∂f/∂x_1, ...), for callers that do not need f.
    const expr::Program& gradientOnlyProgram() const { return gradientOnlyProgram_; }
    /// An enclosure of f's values when variable i ranges over variables[i] (expr/interval.h).
    expr::Interval enclose(std::span<const expr::Interval> variables) const;

private:
    ExpressionObjective() = default;
    expr::Text print(const expr::NodePtr& n, expr::TextStyle style, const char* what) const;

    std::vector<std::string> variables_;
    std::size_t textBytes_ = expr::kDefaultTextBytes;
    expr::NodePtr tree_;
    std::vector<expr::NodePtr> gradient_;
    std::vector<expr::NodePtr> hessian_; ///< row-major n × n
    expr::Program valueProgram_;         ///< f
    expr::Program gradientProgram_;      ///< f, ∇f
    expr::Program gradientOnlyProgram_;  ///< ∇f
    expr::Program hessianProgram_;       ///< upper triangle of ∇²f, row by row
};

} // namespace gs

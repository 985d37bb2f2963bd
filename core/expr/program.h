#pragma once
// A compiled formula: a flat register program computing several outputs (e.g. f, ∂f/∂x, ∂f/∂y)
// at once. Subexpressions shared between outputs are computed once (hash-consing at compile
// time), constants are folded, and evaluation allocates nothing: the caller passes the scratch
// registers (scratchSize() or blockScratchSize() doubles).

#include "expr/node.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace gs::expr {

class Program {
public:
    /// Points per block in evaluateBlock(); registers hold this many lanes each. 256 spreads
    /// each instruction's dispatch over 32 AVX-512 vectors while a formula's registers still fit
    /// the first-level cache (a basin map runs 6% faster than with 128, and slower with 512).
    static constexpr int kBlock = 256;

    Program() = default;
    /// Compiles trees over `numVariables` variables into one program with one output per tree.
    static Program compile(const std::vector<NodePtr>& outputs, int numVariables);

    int numVariables() const { return numVariables_; }
    int numOutputs() const { return static_cast<int>(outputs_.size()); }
    int numInstructions() const { return static_cast<int>(code_.size()); }
    int scratchSize() const { return numRegisters_; }
    int blockScratchSize() const { return numRegisters_ * kBlock; }

    /// out[k] = output k at the point x[0..numVariables).
    void evaluate(const double* x, double* out, double* scratch) const;

    /// Structure of arrays: x[v][i] is variable v of point i, out[k][i] output k of point i,
    /// for 0 ≤ i < n ≤ kBlock. Arithmetic runs in vectorizable loops, transcendental
    /// functions through SLEEF (simd_math.h). Instructions read the variables from x and write
    /// the outputs into out directly, so no out[k] may overlap an x[v] or another out[j].
    void evaluateBlock(const double* const* x, int n, double* const* out, double* scratch) const;

    /// Registers: [variables | constants | temporaries]. An instruction writes dst = op(a, b).
    struct Instruction {
        Op op;
        std::int32_t dst, a, b;
        double k = 0;       ///< MulC, Axpy, Lin2 and Lin3 only
        double k2 = 0;      ///< Lin2 and Lin3 only
        std::int32_t c = 0; ///< Lin3 only
        double k3 = 0;      ///< Lin3 only
    };

private:
    int numVariables_ = 0;
    int numRegisters_ = 0;
    std::vector<double> constants_; ///< registers numVariables_.. hold these
    /// The constants some instruction reads (many fold into MulC/Axpy), loaded before each run.
    std::vector<std::pair<std::int32_t, double>> constantLoads_;
    std::vector<Instruction> code_;
    std::vector<std::int32_t> outputs_; ///< register of each output
    /// For evaluateBlock: the output a temporary register is written to directly, else −1;
    /// outputs that are variables, constants or another output's register are copied at the end.
    std::vector<std::int32_t> outputOf_;
    std::vector<std::pair<int, std::int32_t>> copiedOutputs_; ///< (output, register)
};

} // namespace gs::expr

#pragma once
// Evaluating a compiled program on a regular grid, in blocks, on all cores.

#include "expr/program.h"

namespace gs::expr {

/// nx × ny samples over [x0, x1] × [y0, y1], both ends included: sample (i, j) is at
/// x = x0 + i (x1 − x0)/(nx − 1), y = y0 + j (y1 − y0)/(ny − 1). For a 1-variable program
/// use ny = 1 (y is ignored).
struct GridSpec {
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    int nx = 0, ny = 1;
};

/// outputs[k][j·nx + i] = output k of `program` at sample (i, j) (row-major, one row per y).
/// `threads` = 0 uses every hardware thread. The program must have 1 or 2 variables.
void evaluateGrid(const Program& program, const GridSpec& grid, double* const* outputs,
                  int threads = 0);

} // namespace gs::expr

#pragma once
// Compile-time passes of Program::compile (an implementation detail of program.cpp): they merge
// instructions into the fused ones (SinCos, MulC, Axpy, Lin2, Lin3) without changing a result.
// Registers are numbered as the compiler does: temporaries negative, outputs listed.

#include "expr/program.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gs::expr {

void fuseSinCos(std::vector<Program::Instruction>& code);
void fuseLinear(std::vector<Program::Instruction>& code, const std::vector<std::int32_t>& outputs,
                const std::function<bool(std::int32_t)>& isConst,
                const std::function<double(std::int32_t)>& constValue);
void fuseLinear3(std::vector<Program::Instruction>& code, const std::vector<std::int32_t>& outputs);

} // namespace gs::expr

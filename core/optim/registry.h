#pragma once
// Create optimizers by registry key; list them for menus and scene files.

#include "optim/optimizer.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

/// Registry keys of every optimizer, in menu order.
std::vector<std::string> optimizerKeys();
/// A fresh optimizer with default hyperparameters, or nullptr for an unknown key.
std::unique_ptr<Optimizer> createOptimizer(std::string_view key);

} // namespace gs

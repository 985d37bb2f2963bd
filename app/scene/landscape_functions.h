#pragma once
// The functions offered on the landscape page. One list in one place: the formula catalog
// (compiled by the expression engine) replaces it when it lands.

#include "objective/objective.h"

#include <QString>

#include <utility>
#include <vector>

namespace gs::app {

/// (display name, objective) pairs in menu order; the article's function first.
std::vector<std::pair<QString, ObjectivePtr>> landscapeFunctions();

/// Rosenbrock's banana valley f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1).
ObjectivePtr rosenbrock();

} // namespace gs::app

#pragma once
// Test oracles: the article's three functions written by hand, with hand-derived derivatives.
// They are the reference the typed-formula engine is checked against.

#include "objective/objective.h"

namespace gs::article {

/// f(x) = 25 sin x − x² on [−10, 10]; ascent from x0 = −2 stops at the local peak near −4.3564.
ObjectivePtr sineParabola();
/// f(x) = x + sin x; descent from x0 = 2.5 with learning rates 1, 0.1, 0.01.
ObjectivePtr linearPlusSine();
/// f(x, y) = cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y).
ObjectivePtr cosineLandscape();

} // namespace gs::article

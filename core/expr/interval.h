#pragma once
// Sound enclosures of a formula's values: given an interval for every variable, an interval
// that holds every value the formula takes there, or "unknown" when the formula may be
// undefined, infinite or NaN somewhere in it (log of a range reaching 0, a division by a range
// holding 0, an overflow) or uses an operator this does not bound (tan, a variable exponent).
// It is the plain interval arithmetic of one walk over the DAG, so it may be wide, but it never
// leaves out a value the evaluators compute: +, −, ×, ÷ are bounded in the evaluators' own
// rounding (which is monotone), and library functions (SLEEF's are within 3.5 ulp) are widened
// past the difference.
//
// What it is for: a basin map need not compute f at every step to find diverging runs when f
// is provably finite and small wherever x stays within the divergence bound.

#include "expr/node.h"

#include <span>

namespace gs::expr {

struct Interval {
    double lo = 0, hi = 0;
    bool known = false; ///< false: nothing is claimed (lo and hi mean nothing)

    static Interval unknown() { return {}; }
    static Interval of(double lo, double hi) { return {lo, hi, true}; }
    /// Known, and within [−limit, limit].
    bool within(double limit) const { return known && lo >= -limit && hi <= limit; }
};

/// An enclosure of `root`'s values for variable i in variables[i] (each known and finite).
Interval enclose(const NodePtr& root, std::span<const Interval> variables);

} // namespace gs::expr

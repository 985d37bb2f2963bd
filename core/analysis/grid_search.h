#pragma once
// Grid search, the method every other one is measured against: evaluate f at evenly spaced points
// and keep the best. It needs no derivative, and it costs N^d evaluations in d dimensions.

#include "objective/objective.h"

#include <vector>

namespace gs {

struct GridSearchResult {
    std::vector<double> x, f; ///< the samples, in order
    int best = -1;            ///< index of the best finite sample; −1 when none is finite
    int evaluations() const { return static_cast<int>(x.size()); }
};

/// Samples f (dimension 1) at n ≥ 1 evenly spaced points of [lo, hi] (n = 1: the midpoint) and
/// picks the largest value when `maximize`, else the smallest.
GridSearchResult gridSearch(const Objective& f, double lo, double hi, int n, bool maximize);

/// log10 of the evaluations a grid of n points per axis costs in d dimensions, n^d: exact enough
/// to print 10^(d log10 n) when n^d itself overflows any number type (d = 11,689,512, say).
double gridCostLog10(int n, double d);

} // namespace gs

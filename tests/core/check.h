#pragma once
// Shared helpers for the core tests: tolerant comparisons and finite-difference oracles.

#include "objective/objective.h"

#include <QTest>

#include <cmath>

namespace gs::test {

/// |a − b| ≤ tol · max(1, |a|, |b|): relative for large numbers, absolute near zero.
inline bool near(double a, double b, double tol) {
    return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

/// Central-difference gradient, h scaled to the coordinate.
inline Vec centralGradient(const Objective& f, const Vec& x) {
    Vec g(x.size()), xp = x, xm = x;
    for (int i = 0; i < x.size(); ++i) {
        const double h = 1e-6 * std::max(1.0, std::abs(x[i]));
        xp[i] = x[i] + h;
        xm[i] = x[i] - h;
        g[i] = (f.value(xp) - f.value(xm)) / (2 * h);
        xp[i] = xm[i] = x[i];
    }
    return g;
}

} // namespace gs::test

#define GS_COMPARE_NEAR(actual, expected, tol)                                                     \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        if (!gs::test::near(a_, e_, (tol)))                                                        \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (tolerance %4)")                 \
                                 .arg(QStringLiteral(#actual))                                     \
                                 .arg(a_, 0, 'g', 17)                                              \
                                 .arg(e_, 0, 'g', 17)                                              \
                                 .arg(double(tol))));                                              \
    } while (false)

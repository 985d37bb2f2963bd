#!/usr/bin/env python3
"""numpy baseline for scripts/bench: the article's 2D function on a 512 x 512 grid over
[-3, 3]^2, value alone and value + gradient. Prints JSON with the best time (ms) of the repeats."""
import json
import sys
import time

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 512
REPEATS = 50

x = np.linspace(-3.0, 3.0, N)
X, Y = np.meshgrid(x, x)  # row-major, one row per y, as gs::expr::evaluateGrid


def value():
    return np.cos(3 * X + 2 * Y) + np.cos(2 * X + 4 * Y) - 2 * np.sin(X + Y)


def value_and_gradient():
    a, b, c = 3 * X + 2 * Y, 2 * X + 4 * Y, X + Y
    sa, sb, cc = np.sin(a), np.sin(b), np.cos(c)
    f = np.cos(a) + np.cos(b) - 2 * np.sin(c)
    gx = -3 * sa - 2 * sb - 2 * cc
    gy = -2 * sa - 4 * sb - 2 * cc
    return f, gx, gy


def best_ms(fn):
    fn()
    best = float("inf")
    for _ in range(REPEATS):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1e3


print(json.dumps({"numpy": np.__version__, "n": N,
                  "value_ms": best_ms(value), "value_gradient_ms": best_ms(value_and_gradient)}))

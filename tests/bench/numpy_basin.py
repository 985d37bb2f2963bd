#!/usr/bin/python3
"""numpy baseline for scripts/bench-basin: gradient descent from all 256 x 256 starts of
[-3, 3]^2 at once, 500 steps of rate 0.01 on the article's f = cos(3x+2y) + cos(2x+4y) - 2 sin(x+y).
Each step computes f and the gradient (as a basin map's step does, for its divergence test).
Prints JSON with the median time (ms) of the repeats and the end points' checksum."""
import json
import sys
import time

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 256
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 500
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
LR = 0.01

axis = np.linspace(-3.0, 3.0, N)
X0, Y0 = np.meshgrid(axis, axis)  # row-major, one row per y, as the basin map's cells


def descend(with_value):
    x, y = X0.copy(), Y0.copy()
    for _ in range(STEPS):
        a, b, c = 3 * x + 2 * y, 2 * x + 4 * y, x + y
        sa, sb, cc = np.sin(a), np.sin(b), np.cos(c)
        if with_value:
            f = np.cos(a) + np.cos(b) - 2 * np.sin(c)
            if not np.isfinite(f).all():
                break
        gx = -3 * sa - 2 * sb - 2 * cc
        gy = -2 * sa - 4 * sb - 2 * cc
        x -= LR * gx
        y -= LR * gy
    return x, y


def median_ms(fn):
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return float(np.median(times)) * 1e3


x, y = descend(False)
print(json.dumps({"numpy": np.__version__, "n": N, "steps": STEPS,
                  "gradient_ms": median_ms(lambda: descend(False)),
                  "value_gradient_ms": median_ms(lambda: descend(True)),
                  "checksum": float(x.sum() + y.sum())}))

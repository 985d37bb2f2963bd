"""Shared by the Python baselines of scripts/bench-learn: the Fashion-MNIST training images as
float32 in [0, 1], the network's flop count, the thread setting and the timing rule, so torch and
numpy are measured exactly as bench_learn measures our epoch (784-128-10 ReLU MLP, batch 64, plain
SGD with lr 0.1, cross-entropy, a fresh shuffle each epoch, nothing scored)."""
import gzip
import json
import os
import statistics
import struct
import sys
import time

import numpy as np

DATA_DIR = "/usr/share/datasets/fashion-mnist"
INPUTS, HIDDEN, CLASSES = 784, 128, 10
BATCH, LR = 64, 0.1


def threads():
    """Threads asked for by the caller (scripts/bench-learn sets OPENBLAS_NUM_THREADS)."""
    return int(os.environ.get("OPENBLAS_NUM_THREADS", "1"))


def load_train():
    """Images (60000 x 784 float32, row-major: one example per row) and labels (int64)."""
    with gzip.open(os.path.join(DATA_DIR, "train-images-idx3-ubyte.gz"), "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 0x803 and rows * cols == INPUTS, "bad image file"
        x = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8).reshape(n, INPUTS)
    with gzip.open(os.path.join(DATA_DIR, "train-labels-idx1-ubyte.gz"), "rb") as f:
        magic, m = struct.unpack(">II", f.read(8))
        assert magic == 0x801 and m == n, "bad label file"
        y = np.frombuffer(f.read(m), dtype=np.uint8).astype(np.int64)
    return (x.astype(np.float32) / np.float32(255)), y


def flops_per_epoch(n):
    """2 flops per multiply-add: forward (W1 x, W2 h), the weight gradients (same size as the
    forward products) and the error sent back through W2; the input's error is not computed."""
    forward = 2 * (INPUTS * HIDDEN + HIDDEN * CLASSES)
    return n * (3 * forward - 2 * INPUTS * HIDDEN)


def measure(epoch, n, name, version, repeats=3):
    """One warm-up epoch, then the median of `repeats`; prints one JSON line. "wall" is the
    elapsed time, which scripts/bench-learn compares (as bench_learn's UseRealTime), and
    "gflops" is reached in it; "seconds" is the process's CPU time, all threads together."""
    epoch()
    cpu, wall = [], []
    for _ in range(repeats):
        c, t = time.process_time(), time.perf_counter()
        epoch()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    s = statistics.median(cpu)
    json.dump({"name": name, "version": version, "threads": threads(), "seconds": s,
               "wall": statistics.median(wall),
               "gflops": flops_per_epoch(n) / statistics.median(wall) * 1e-9},
              sys.stdout)
    print()

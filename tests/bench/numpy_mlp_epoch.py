#!/usr/bin/env python3
"""numpy baseline for scripts/bench-learn: one epoch of the 784-128-10 ReLU MLP (float32,
batch 64, plain SGD lr 0.1, softmax cross-entropy) over the 60,000 Fashion-MNIST training images,
forward and backward written by hand; every matrix product is numpy's (BLAS)."""
import numpy as np

import fashion_epoch_common as common


def main():
    rng = np.random.default_rng(1)
    x, y = common.load_train()
    n = x.shape[0]
    f32 = np.float32
    # He initialisation before the ReLU, Glorot for the output layer, zero biases (as ours).
    a1, a2 = np.sqrt(6 / common.INPUTS), np.sqrt(6 / (common.HIDDEN + common.CLASSES))
    w1 = rng.uniform(-a1, a1, (common.INPUTS, common.HIDDEN)).astype(f32)
    w2 = rng.uniform(-a2, a2, (common.HIDDEN, common.CLASSES)).astype(f32)
    b1 = np.zeros(common.HIDDEN, f32)
    b2 = np.zeros(common.CLASSES, f32)
    lr = f32(common.LR)

    def step(xb, yb):
        b = xb.shape[0]
        h = xb @ w1
        h += b1
        np.maximum(h, 0, out=h)
        z = h @ w2
        z += b2
        z -= z.max(axis=1, keepdims=True)  # stable softmax
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        loss = -np.log(z[np.arange(b), yb]).mean()
        z[np.arange(b), yb] -= 1  # dJ/dz = (softmax - onehot) / B
        z /= f32(b)
        gw2 = h.T @ z
        gb2 = z.sum(axis=0)
        dh = z @ w2.T
        dh *= h > 0
        gw1 = xb.T @ dh
        gb1 = dh.sum(axis=0)
        for p, g in ((w1, gw1), (b1, gb1), (w2, gw2), (b2, gb2)):
            p -= lr * g  # in place: the arrays stay the closure's
        return loss

    def epoch():
        order = rng.permutation(n)
        for start in range(0, n, common.BATCH):
            idx = order[start:start + common.BATCH]
            step(x[idx], y[idx])

    common.measure(epoch, n, "numpy", f"numpy {np.__version__}, {common.threads()} thread(s)")
    assert np.isfinite(w1).all()


if __name__ == "__main__":
    main()

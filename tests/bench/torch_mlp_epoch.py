#!/usr/bin/env python3
"""PyTorch baseline for scripts/bench-learn: one epoch of the 784-128-10 ReLU MLP (float32,
batch 64, torch.optim.SGD lr 0.1, nn.CrossEntropyLoss) over the 60,000 Fashion-MNIST training
images, the idiomatic way: nn.Sequential, loss.backward(), optimizer.step()."""
import numpy as np
import torch
from torch import nn

import fashion_epoch_common as common


def main():
    torch.set_num_threads(common.threads())
    torch.manual_seed(1)
    x_np, y_np = common.load_train()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    n = x.shape[0]
    model = nn.Sequential(nn.Linear(common.INPUTS, common.HIDDEN), nn.ReLU(),
                          nn.Linear(common.HIDDEN, common.CLASSES))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=common.LR)

    def epoch():
        order = torch.randperm(n)
        for start in range(0, n, common.BATCH):
            idx = order[start:start + common.BATCH]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()

    version = f"torch {torch.__version__}, {torch.get_num_threads()} thread(s)"
    common.measure(epoch, n, "pytorch", version)
    assert np.isfinite(loss_fn(model(x[:1000]), y[:1000]).item())


if __name__ == "__main__":
    main()

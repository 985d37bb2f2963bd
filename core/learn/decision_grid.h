#pragma once
// Decision regions of a 2D classifier: the class a network predicts at every cell centre of a
// grid over a box, and how sure it is there (the largest softmax probability). The whole grid is
// one batch, so the forward pass is one matrix product per layer; an evaluator keeps the grid's
// points and the kernel's buffers, so redrawing after a training step allocates nothing.

#include "learn/network.h"

#include <Eigen/Core>

#include <memory>
#include <optional>
#include <string>

namespace gs::learn {

/// The region and resolution of a grid: nx × ny cells over [x0, x1] × [y0, y1].
struct GridBox {
    double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
    int nx = 200, ny = 200;

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
    /// Centre of cell (i, j), i along x, j along y.
    double x(int i) const { return x0 + (x1 - x0) * (i + 0.5) / nx; }
    double y(int j) const { return y0 + (y1 - y0) * (j + 0.5) / ny; }
};

struct DecisionGrid {
    GridBox box;
    /// Predicted class of cell (i, j) at [j * nx + i]: rows of constant y, y growing.
    Eigen::VectorXi label;
    /// The largest softmax probability at each cell, in [1 / classes, 1].
    Eigen::VectorXf confidence;
    int classes = 0;

    int at(int i, int j) const { return label[j * box.nx + i]; }
};

/// The grid's cell centres as a 2 × (nx · ny) matrix, in DecisionGrid order.
Eigen::MatrixXf gridPoints(const GridBox& box);

/// Evaluates one network on one grid, again and again (after each training step, say). The
/// arithmetic is float whatever the network's precision: a picture needs no more.
class DecisionGridEvaluator {
public:
    /// `net` must be a valid network of 2 inputs and outlive the evaluator; `box` must be valid.
    DecisionGridEvaluator(const Network& net, const GridBox& box);
    ~DecisionGridEvaluator();
    DecisionGridEvaluator(const DecisionGridEvaluator&) = delete;
    DecisionGridEvaluator& operator=(const DecisionGridEvaluator&) = delete;

    /// The regions of `params` (net.parameterCount() of them); valid until the next call.
    const DecisionGrid& evaluate(const Vec& params);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One-off evaluation (builds an evaluator).
DecisionGrid decisionGrid(const Network& net, const Vec& params, const GridBox& box);

} // namespace gs::learn

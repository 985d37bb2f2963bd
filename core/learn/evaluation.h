#pragma once
// How well parameters do on a whole data set: mean cross-entropy, accuracy, and each example's
// predicted class (for a confusion matrix or a grid of labelled images).

#include "learn/dataset.h"
#include "learn/network.h"

#include <Eigen/Core>

namespace gs::learn {

class CrossEntropyObjective;

struct Evaluation {
    double loss = 0;     ///< mean cross-entropy over the examples
    double accuracy = 0; ///< fraction classified right
    Eigen::VectorXi predicted;
};

/// Evaluates in chunks of the objective's batch buffer; the objective's batch is changed.
Evaluation evaluate(CrossEntropyObjective& objective, const Vec& params);
/// The same with a temporary objective over `data`.
Evaluation evaluate(const Network& net, const Vec& params, const Dataset& data);

/// counts(t, p): examples of true class t predicted as p.
Eigen::MatrixXi confusionMatrix(const Dataset& data, const Eigen::VectorXi& predicted);

} // namespace gs::learn

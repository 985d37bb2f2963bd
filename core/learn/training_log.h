#pragma once
// A TrainObserver that keeps what a training view plots: the loss of every iteration (with the
// examples seen, for fair comparisons across batch sizes) and per epoch the mean loss and the
// train and test accuracy. Never the weights.

#include "learn/trainer.h"

#include <vector>

namespace gs::learn {

class TrainingLog final : public TrainObserver {
public:
    void iteration(const IterationRecord& r) override;
    void epoch(const EpochRecord& r) override;
    bool wantsIterationParams() const override { return false; }

    std::vector<double> iterationLoss;            ///< one per iteration
    std::vector<long long> examplesSeen;          ///< one per iteration
    std::vector<double> epochLoss;                ///< mean batch loss, one per epoch
    std::vector<double> trainLoss, trainAccuracy; ///< one per epoch when the train set is scored
    std::vector<double> testLoss, testAccuracy;   ///< one per epoch when there is a test set
};

} // namespace gs::learn

#pragma once
// The training loss J(w) over the whole training set, recorded every `every` examples processed:
// the fair way to put full-batch and mini-batch runs on one axis (a step of batch B costs B
// examples), and the whole-set loss rather than the noisy loss of each batch. An observer of the
// trainer; the point at 0 examples is the start's, recorded by start().

#include "learn/cross_entropy_objective.h"
#include "learn/trainer.h"

#include <vector>

namespace gs::learn {

class LossCurve final : public TrainObserver {
public:
    /// `net` and `data` must outlive the curve; every ≥ 1.
    LossCurve(const Network& net, const Dataset& data, long long every);

    /// Records J and the accuracy of the start parameters at 0 examples.
    void start(const Vec& params);
    void iteration(const IterationRecord& r) override;

    std::vector<long long> examples; ///< examples processed at each point
    std::vector<double> loss;        ///< J(w) over the whole set
    std::vector<double> accuracy;    ///< on the whole set

private:
    void record(long long seen, const Vec& params);

    CrossEntropyObjective objective_;
    long long every_;
    long long next_;
};

} // namespace gs::learn

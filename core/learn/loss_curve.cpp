#include "learn/loss_curve.h"

#include "learn/evaluation.h"

#include <algorithm>

namespace gs::learn {

LossCurve::LossCurve(const Network& net, const Dataset& data, long long every)
    : objective_(net, data, 1024), every_(std::max(1LL, every)), next_(every_) {}

void LossCurve::start(const Vec& params) {
    record(0, params);
}

void LossCurve::iteration(const IterationRecord& r) {
    if (r.examplesSeen < next_) return;
    record(r.examplesSeen, *r.params);
    next_ = (r.examplesSeen / every_ + 1) * every_; // the next multiple past this point
}

void LossCurve::record(long long seen, const Vec& params) {
    const Evaluation e = evaluate(objective_, params);
    examples.push_back(seen);
    loss.push_back(e.loss);
    accuracy.push_back(e.accuracy);
}

} // namespace gs::learn

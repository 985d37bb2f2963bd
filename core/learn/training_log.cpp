#include "learn/training_log.h"

namespace gs::learn {

void TrainingLog::iteration(const IterationRecord& r) {
    iterationLoss.push_back(r.loss);
    examplesSeen.push_back(r.examplesSeen);
}

void TrainingLog::epoch(const EpochRecord& r) {
    epochLoss.push_back(r.meanBatchLoss);
    if (r.train) {
        trainLoss.push_back(r.train->loss);
        trainAccuracy.push_back(r.train->accuracy);
    }
    if (r.test) {
        testLoss.push_back(r.test->loss);
        testAccuracy.push_back(r.test->accuracy);
    }
}

} // namespace gs::learn

#pragma once
// Training a network: an optimizer from the registry (any first-order method, with its
// hyperparameters) over epochs of mini-batches. Observers see every iteration and every epoch;
// a cancel flag and a progress callback let a GUI run it on a worker thread. The run ends with a
// status, and a non-finite or exploding loss is never passed on: the run stops at that iteration.

#include "learn/batch_sampler.h"
#include "learn/dataset.h"
#include "learn/network.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gs::learn {

struct TrainSettings {
    std::string optimizer = "gd";                            ///< registry key (optim/registry.h)
    std::vector<std::pair<std::string, double>> hyperParams; ///< e.g. {{"lr", 0.1}}; others default
    int epochs = 1;
    int batchSize = 64; ///< 1 … N; N (or more) is full-batch gradient descent
    BatchOrder order = BatchOrder::Shuffled;
    std::uint64_t seed = 1;       ///< initial weights and batch order
    bool evaluateTrainSet = true; ///< a full pass over the training set after each epoch
    double bound = 1e8;           ///< diverged when the loss or any |parameter| exceeds this
    /// Threads each batch's pass is shared among; 0 picks by the work (passThreadsFor), 1 keeps
    /// it on the calling thread. The parameters a run reaches agree to float rounding.
    int threads = 0;

    /// Message naming the first bad field (or hyperparameter), or nothing when all are valid.
    std::optional<std::string> validate() const;
};

struct IterationRecord {
    int iteration = 0; ///< 1, 2, …: optimizer steps taken including this one
    int epoch = 0;     ///< 1, 2, …
    int batchSize = 0;
    long long examplesSeen = 0; ///< including this batch
    double loss = 0;            ///< mean cross-entropy of the batch before the step
    double batchAccuracy = 0;   ///< of the batch before the step
    /// After the step; null when training runs in float32 and no observer wantsIterationParams().
    const Vec* params = nullptr;
};

struct Score {
    double loss = 0;
    double accuracy = 0;
};

struct EpochRecord {
    int epoch = 0;
    int iterations = 0;         ///< steps taken so far
    double meanBatchLoss = 0;   ///< batch losses averaged over the epoch's examples
    std::optional<Score> train; ///< when TrainSettings::evaluateTrainSet
    std::optional<Score> test;  ///< when a test set was given
    const Vec* params = nullptr;
};

/// Called as training goes; the default methods ignore everything.
class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void iteration(const IterationRecord&) {}
    virtual void epoch(const EpochRecord&) {}
    /// False when iteration() never reads IterationRecord::params: a Float32 network trained in
    /// float32 then skips converting its parameters to double after every step (it is null).
    virtual bool wantsIterationParams() const { return true; }
};

struct TrainHooks {
    std::vector<TrainObserver*> observers;
    const std::atomic<bool>* cancel = nullptr;     ///< checked before every iteration
    std::function<void(double fraction)> progress; ///< after every iteration, fraction in (0, 1]
};

enum class TrainStatus {
    Finished,  ///< every epoch ran
    Diverged,  ///< loss, gradient or parameters became non-finite or exceeded the bound
    Cancelled, ///< the cancel flag was set
    Invalid,   ///< settings, network or data were unusable; see error
};

struct TrainResult {
    TrainStatus status = TrainStatus::Invalid;
    int iterations = 0; ///< steps completed
    /// Diverged: the iteration whose batch loss, step or (ending an epoch) scores went
    /// non-finite or out of bounds. Cancelled: the iteration that would have run next.
    int stopIteration = 0;
    int epochs = 0;    ///< epochs completed
    Vec params;        ///< the last finite parameters
    std::string error; ///< for Invalid: what is wrong
};

/// Trains from `start` (or from net.initialParameters(settings.seed) when null). `test` may be
/// null. Data sets must have net.spec().inputs features and labels below net.spec().classes.
TrainResult train(const Network& net, const Dataset& data, const Dataset* test,
                  const TrainSettings& settings, const TrainHooks& hooks = {},
                  const Vec* start = nullptr);

/// "finished after 3 epochs (470 iterations)", "diverged at iteration 12", "cancelled at …".
std::string describe(const TrainResult& result);

} // namespace gs::learn

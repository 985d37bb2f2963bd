#pragma once
// One training run of a 2D classifier on a worker thread, watched live: the trainer of core/learn
// runs there with a cancel flag, recording the whole-set loss per examples processed and, every
// few tens of milliseconds, the decision regions of the current weights. The GUI polls
// snapshot(); nothing waits on the GUI and the GUI never waits on training, except in finish(),
// which a headless render calls to get the final state.
//
// Paced runs spread their examples over a few seconds, so the regions and curves are seen to
// move; pacing changes when steps happen, never what they compute.

#include "learn/decision_grid.h"
#include "learn/network.h"
#include "learn/trainer.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace gs::app {

class TrainingJob {
public:
    struct Spec {
        std::shared_ptr<const learn::Network> net;
        std::shared_ptr<const learn::Dataset> data;
        learn::TrainSettings settings;
        learn::GridBox box;
        long long every = 1; ///< examples between two points of the loss curve
        double seconds = 0;  ///< pace the run over this long; 0 runs at full speed
    };

    struct Snapshot {
        int version = 0; ///< grows with every publication
        std::vector<long long> examples;
        std::vector<double> loss, accuracy; ///< J(w) and accuracy over the whole set
        learn::DecisionGrid grid;           ///< of the latest weights published
        int iterations = 0;
        bool done = false;
        learn::TrainResult result; ///< when done
    };

    explicit TrainingJob(Spec spec);
    ~TrainingJob(); ///< cancels and waits (a step at most)
    TrainingJob(const TrainingJob&) = delete;
    TrainingJob& operator=(const TrainingJob&) = delete;

    void cancel() { cancel_ = true; }
    /// Drops the pacing and waits for the end of the run.
    void finish();
    Snapshot snapshot() const;
    int version() const { return version_.load(); }
    const Spec& spec() const { return spec_; }

private:
    class Watcher;
    void run();

    Spec spec_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> paced_{true};
    std::atomic<int> version_{0};
    mutable std::mutex mutex_;
    Snapshot shared_;
    std::thread thread_;
};

} // namespace gs::app

#include "pages/batches/training_job.h"

#include "learn/loss_curve.h"

#include <chrono>

namespace gs::app {

using Clock = std::chrono::steady_clock;

namespace {
constexpr auto kPublishEvery = std::chrono::milliseconds(30); // about a screen refresh or two
constexpr auto kLongestSleep = std::chrono::milliseconds(10); // cancel is seen within this
} // namespace

/// Observes the trainer on the worker: paces, records the loss curve, publishes snapshots.
class TrainingJob::Watcher final : public learn::TrainObserver {
public:
    Watcher(TrainingJob& job, long long total)
        : job_(job), curve_(*job.spec_.net, *job.spec_.data, job.spec_.every),
          grid_(*job.spec_.net, job.spec_.box), total_(total), start_(Clock::now()) {}

    void begin(const Vec& params) {
        start_params_ = params;
        curve_.start(params);
        publish(params, 0, false, nullptr);
    }

    void iteration(const learn::IterationRecord& r) override {
        curve_.iteration(r);
        pace(r.examplesSeen);
        if (Clock::now() - lastPublish_ >= kPublishEvery)
            publish(*r.params, r.iteration, false, nullptr);
    }

    void end(const learn::TrainResult& result) {
        // Settings the trainer refused leave no parameters: the start's regions stay.
        const bool has = result.params.size() == start_params_.size();
        publish(has ? result.params : start_params_, result.iterations, true, &result);
    }

private:
    // Sleeps until the wall clock catches up with the fraction of examples processed.
    void pace(long long seen) {
        const double seconds = job_.spec_.seconds;
        if (seconds <= 0) return;
        const auto target = start_ + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(seconds * seen / total_));
        while (job_.paced_ && !job_.cancel_) {
            const auto now = Clock::now();
            if (now >= target) break;
            std::this_thread::sleep_for(std::min<Clock::duration>(target - now, kLongestSleep));
        }
    }

    void publish(const Vec& params, int iterations, bool done, const learn::TrainResult* result) {
        const learn::DecisionGrid& grid = grid_.evaluate(params);
        {
            const std::lock_guard lock(job_.mutex_);
            Snapshot& s = job_.shared_;
            s.examples = curve_.examples;
            s.loss = curve_.loss;
            s.accuracy = curve_.accuracy;
            s.grid = grid;
            s.iterations = iterations;
            s.done = done;
            if (result) s.result = *result;
            s.version = ++job_.version_;
        }
        lastPublish_ = Clock::now();
    }

    TrainingJob& job_;
    learn::LossCurve curve_;
    learn::DecisionGridEvaluator grid_;
    long long total_;
    Vec start_params_;
    Clock::time_point start_, lastPublish_;
};

TrainingJob::TrainingJob(Spec spec) : spec_(std::move(spec)) {
    thread_ = std::thread([this] { run(); });
}

TrainingJob::~TrainingJob() {
    cancel_ = true;
    if (thread_.joinable()) thread_.join();
}

void TrainingJob::finish() {
    paced_ = false;
    if (thread_.joinable()) thread_.join();
}

TrainingJob::Snapshot TrainingJob::snapshot() const {
    const std::lock_guard lock(mutex_);
    return shared_;
}

void TrainingJob::run() {
    const learn::Network& net = *spec_.net;
    const learn::Dataset& data = *spec_.data;
    const long long total =
        std::max(1LL, static_cast<long long>(spec_.settings.epochs) * data.size());
    Watcher watcher(*this, total);
    const Vec start = net.initialParameters(spec_.settings.seed);
    watcher.begin(start);
    learn::TrainHooks hooks;
    hooks.observers = {&watcher};
    hooks.cancel = &cancel_;
    learn::TrainSettings settings = spec_.settings;
    settings.evaluateTrainSet = false; // the loss curve scores the whole set already
    const learn::TrainResult result = learn::train(net, data, nullptr, settings, hooks, &start);
    watcher.end(result);
}

} // namespace gs::app

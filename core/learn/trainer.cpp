#include "learn/trainer.h"

#include "learn/cross_entropy_objective.h"
#include "learn/evaluation.h"
#include "learn/network_kernel.h"
#include "optim/registry.h"
#include "text/quote.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>

namespace gs::learn {

namespace {

// The optimizer the settings ask for, hyperparameters set; null with `error` set when unusable.
std::unique_ptr<Optimizer> makeOptimizer(const TrainSettings& s, std::string& error) {
    auto opt = createOptimizer(s.optimizer);
    if (!opt) {
        error = "optimizer: unknown key " + quote(s.optimizer);
        return nullptr;
    }
    if (opt->usesHessian()) {
        error = "optimizer: " + opt->displayName() +
                " needs the Hessian, too costly for a network; choose a first-order method";
        return nullptr;
    }
    for (const auto& [key, value] : s.hyperParams)
        if (auto bad = opt->set(key, value)) {
            error = "hyperParams: " + *bad;
            return nullptr;
        }
    return opt;
}

std::optional<std::string> checkData(const Network& net, const Dataset& d, const char* name) {
    const std::string n = name;
    if (d.size() < 1) return n + ": no examples";
    if (d.dimension() != net.spec().inputs)
        return n + ": " + std::to_string(d.dimension()) + " features, the network takes " +
               std::to_string(net.spec().inputs);
    if (d.labels.minCoeff() < 0 || d.labels.maxCoeff() >= net.spec().classes)
        return n + ": labels outside 0 … " + std::to_string(net.spec().classes - 1);
    return std::nullopt;
}

// True when every |p_i| ≤ bound (so no p_i is NaN or infinite). Run after every step over the
// whole vector, so written as an OR of comparisons, which the compiler vectorizes with no chain
// between elements (a NaN-propagating max was a tenth of an epoch). The bound is clamped to the
// largest finite T so that an infinite p_i is out even when the bound is not representable.
template <class V> bool withinBound(const V& p, double bound) {
    using T = typename V::Scalar;
    const T b = static_cast<T>(std::min(bound, static_cast<double>(std::numeric_limits<T>::max())));
    const T* v = p.data();
    unsigned out = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i)
        out |= !(std::abs(v[i]) <= b);
    return out == 0;
}

bool finiteScore(const std::optional<Score>& s, double bound) {
    return !s || (std::abs(s->loss) <= bound && std::isfinite(s->accuracy));
}

} // namespace

std::optional<std::string> TrainSettings::validate() const {
    if (epochs < 1 || epochs > 1'000'000)
        return "epochs must be in [1, 1000000], got " + std::to_string(epochs);
    if (batchSize < 1) return "batchSize must be ≥ 1, got " + std::to_string(batchSize);
    if (!(bound > 0)) return "bound must be > 0";
    if (threads < 0) return "threads must be ≥ 0 (0: by the work), got " + std::to_string(threads);
    std::string error;
    if (!makeOptimizer(*this, error)) return error;
    return std::nullopt;
}

TrainResult train(const Network& net, const Dataset& data, const Dataset* test,
                  const TrainSettings& settings, const TrainHooks& hooks, const Vec* start) {
    TrainResult result;
    auto invalid = [&](std::string why) {
        result.status = TrainStatus::Invalid;
        result.error = std::move(why);
        return result;
    };
    if (auto bad = net.spec().validate()) return invalid("network: " + *bad);
    if (auto bad = settings.validate()) return invalid(*bad);
    if (auto bad = checkData(net, data, "data")) return invalid(*bad);
    if (test)
        if (auto bad = checkData(net, *test, "test")) return invalid(*bad);
    if (start && start->size() != net.parameterCount())
        return invalid("start: " + std::to_string(start->size()) + " parameters, the network has " +
                       std::to_string(net.parameterCount()));
    std::string error;
    const auto opt = makeOptimizer(settings, error);

    Vec& x = result.params;
    x = start ? *start : net.initialParameters(settings.seed);
    Vec g(x.size());
    // A Float32 network whose optimizer steps in float32 keeps its parameters in float32 from
    // step to step: no conversion of the whole vector to double and back around every batch
    // (a third of an epoch's time for a 100,000-parameter MLP). x follows xf only where it is
    // read: at the end of an epoch, at a stop, and for observers that want every step's.
    const bool inFloat = net.spec().precision == Precision::Float32 && opt->hasFloatStep();
    Eigen::VectorXf xf, gf;
    if (inFloat) {
        xf = x.cast<float>();
        gf.resize(xf.size());
    }
    auto syncParams = [&] {
        if (inFloat) x = xf.cast<double>();
    };
    bool stepParamsWanted = false;
    for (TrainObserver* o : hooks.observers)
        stepParamsWanted = stepParamsWanted || o->wantsIterationParams();
    opt->reset(static_cast<int>(x.size()));
    BatchSampler sampler(data.labels, settings.batchSize, settings.order, settings.seed + 1);
    CrossEntropyObjective objective(net, data, sampler.batchSize());
    objective.setThreads(settings.threads > 0 ? settings.threads
                                              : passThreadsFor(net, sampler.batchSize()));
    std::unique_ptr<CrossEntropyObjective> trainEval, testEval;
    const long long total = static_cast<long long>(settings.epochs) * sampler.batchesPerEpoch();

    long long seen = 0;
    for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
        double epochLoss = 0;
        long long epochExamples = 0;
        do {
            const int k = result.iterations + 1;
            if (hooks.cancel && hooks.cancel->load(std::memory_order_relaxed)) {
                result.status = TrainStatus::Cancelled;
                result.stopIteration = k;
                syncParams();
                return result;
            }
            const auto batch = sampler.next();
            objective.setBatch(batch);
            objective.prefetch(sampler.peek()); // loads while this batch computes
            const double loss =
                inFloat ? objective.valueAndGradient(xf, gf) : objective.valueAndGradient(x, g);
            if (!(std::abs(loss) <= settings.bound)) {
                result.status = TrainStatus::Diverged;
                result.stopIteration = k;
                syncParams();
                return result;
            }
            const int b = static_cast<int>(batch.size());
            const double batchAccuracy = static_cast<double>(objective.correct()) / b;
            bool inBound = true;
            if (inFloat) {
                // The step and the bound check are shared among the pass's threads, each
                // on its own range of the parameters.
                opt->beginFloatStep(static_cast<int>(xf.size()));
                std::array<bool, kernel::maxThreads> partInBound;
                partInBound.fill(true);
                kernel::shareWork(objective.threads(), static_cast<int>(xf.size()),
                                  [&](int part, int begin, int end) {
                                      opt->stepFloatRange(xf.data(), gf.data(), begin, end);
                                      partInBound[static_cast<std::size_t>(part)] = withinBound(
                                          xf.segment(begin, end - begin), settings.bound);
                                  });
                inBound =
                    std::all_of(partInBound.begin(), partInBound.end(), [](bool in) { return in; });
            } else {
                opt->step(objective, x, g);
                inBound = withinBound(x, settings.bound);
            }
            if (!inBound) {
                result.status = TrainStatus::Diverged;
                result.stopIteration = k;
                syncParams();
                return result;
            }
            result.iterations = k;
            seen += b;
            epochLoss += loss * b;
            epochExamples += b;
            if (stepParamsWanted) syncParams();
            const Vec* stepParams = !inFloat || stepParamsWanted ? &x : nullptr;
            const IterationRecord rec{k, epoch, b, seen, loss, batchAccuracy, stepParams};
            for (TrainObserver* o : hooks.observers)
                o->iteration(rec);
            if (hooks.progress) hooks.progress(static_cast<double>(k) / static_cast<double>(total));
        } while (!sampler.epochDone());
        syncParams();

        EpochRecord rec{epoch, result.iterations, epochLoss / epochExamples, {}, {}, &x};
        auto score = [&](std::unique_ptr<CrossEntropyObjective>& eval, const Dataset& d) {
            if (!eval) {
                eval = std::make_unique<CrossEntropyObjective>(net, d, 1024);
                eval->setThreads(settings.threads > 0 ? settings.threads
                                                      : passThreadsFor(net, 1024));
            }
            const Evaluation e = evaluate(*eval, x);
            return Score{e.loss, e.accuracy};
        };
        if (settings.evaluateTrainSet) rec.train = score(trainEval, data);
        if (test) rec.test = score(testEval, *test);
        if (!finiteScore(rec.train, settings.bound) || !finiteScore(rec.test, settings.bound)) {
            result.status = TrainStatus::Diverged;
            result.stopIteration = result.iterations;
            return result;
        }
        result.epochs = epoch;
        for (TrainObserver* o : hooks.observers)
            o->epoch(rec);
    }
    result.status = TrainStatus::Finished;
    result.stopIteration = result.iterations;
    return result;
}

std::string describe(const TrainResult& r) {
    switch (r.status) {
    case TrainStatus::Finished:
        return "finished after " + std::to_string(r.epochs) + " epochs (" +
               std::to_string(r.iterations) + " iterations)";
    case TrainStatus::Diverged:
        return "diverged at iteration " + std::to_string(r.stopIteration);
    case TrainStatus::Cancelled:
        return "cancelled at iteration " + std::to_string(r.stopIteration);
    case TrainStatus::Invalid:
        return "not started: " + r.error;
    }
    return {};
}

} // namespace gs::learn

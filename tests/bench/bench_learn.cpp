// One epoch of mini-batch SGD (batch 64) of a 784–128–10 ReLU MLP on the 60,000 Fashion-MNIST
// training images, as scripts/bench-learn compares it with PyTorch and numpy; the counters give
// seconds per epoch and the GFLOP/s of the matrix products (2 flops per multiply-add: the forward
// pass, the weight gradients and the backpropagated error, the first layer's input error skipped).
//   Epoch/float32, Epoch/float64   gs::learn::train over one epoch, nothing scored
//   Gradient/float32               one batch's valueAndGradient alone

#include "learn/cross_entropy_objective.h"
#include "learn/fashion_mnist.h"
#include "learn/network_kernel.h"
#include "learn/trainer.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace gs;
using namespace gs::learn;

namespace {

const Dataset& fashion() {
    static const DataResult r = [] {
        DataResult loaded = loadFashionMnist(Split::Train);
        if (!loaded.ok()) std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return loaded;
    }();
    return r.data;
}

NetworkSpec spec(Precision precision) {
    return mlp(784, {128}, 10, Activation::ReLU, precision);
}

// Flops of forward + backward for one example.
double flopsPerExample(const Network& net) {
    const double forward = 2 * net.forwardMultiplyAdds();
    const double inputError = 2.0 * net.layer(0).in * net.layer(0).out; // not computed
    return 3 * forward - inputError;
}

void epoch(benchmark::State& state, Precision precision) {
    const Dataset& data = fashion();
    if (data.size() == 0) {
        state.SkipWithError("Fashion-MNIST is not installed (dataset-fashion-mnist)");
        return;
    }
    const Network net(spec(precision));
    TrainSettings s;
    s.optimizer = "gd";
    s.hyperParams = {{"lr", 0.1}};
    s.batchSize = 64;
    s.evaluateTrainSet = false;
    s.threads = static_cast<int>(state.range(0)); // 0: as the trainer picks by the work
    for (auto _ : state) {
        const TrainResult r = train(net, data, nullptr, s);
        benchmark::DoNotOptimize(r.params.data());
    }
    const int threads = s.threads > 0 ? std::min(s.threads, kernel::threadsAvailable())
                                      : passThreadsFor(net, s.batchSize);
    state.SetLabel(std::string("passes ") + kernel::name(kernel::best()) + ", " +
                   std::to_string(threads) + (threads == 1 ? " thread" : " threads"));
    const double flops = flopsPerExample(net) * data.size();
    state.counters["s/epoch"] =
        benchmark::Counter(static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["GFLOP/s"] = benchmark::Counter(
        flops * 1e-9 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void gradient(benchmark::State& state) {
    const Dataset& data = fashion();
    if (data.size() == 0) {
        state.SkipWithError("Fashion-MNIST is not installed (dataset-fashion-mnist)");
        return;
    }
    const Network net(spec(Precision::Float32));
    CrossEntropyObjective f(net, data, 64);
    f.setRange(0, 64);
    const Vec p = net.initialParameters(1);
    Vec g(p.size());
    for (auto _ : state)
        benchmark::DoNotOptimize(f.valueAndGradient(p, g));
    state.counters["GFLOP/s"] =
        benchmark::Counter(flopsPerExample(net) * 64e-9 * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}

} // namespace

// threads:N shares each pass among N threads (0: the trainer's own choice); with more than one,
// the time that counts is elapsed time (UseRealTime), as a user waits for it.
BENCHMARK_CAPTURE(epoch, float32, Precision::Float32)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(epoch, float64, Precision::Float64)
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK(gradient)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();

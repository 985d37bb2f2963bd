#pragma once
// The batch passes of NetworkKernel, compiled three times for the instruction sets of x86-64:
// generic (SSE2, what packages target), x86-64-v3 (AVX2 + FMA) and x86-64-v4 (AVX-512). The
// kernel picks the widest one the CPU runs, once, with __builtin_cpu_supports; tests call each
// one directly. This header holds no Eigen type: every variant compiles Eigen in a namespace of
// its own (see network_kernel_pass.inc), so only plain pointers cross between them.

#include <functional>

namespace gs::learn::kernel {

/// Where one layer's parameters sit in the flat vector (as LayerSlice).
struct Layer {
    int in = 0, out = 0;
    int weights = 0; ///< offset of W (out × in, column-major)
    int bias = 0;    ///< offset of b (out)
};

/// One forward (and, when grad is not null, backward) pass over a batch; every array is
/// column-major with one example per column.
template <class T> struct Pass {
    const Layer* layers = nullptr;
    int layerCount = 0;
    bool relu = true; ///< hidden activation ReLU, else tanh
    const T* params = nullptr;
    const T* x = nullptr; ///< inputs × batch, column j at x + j·xStride
    int xStride = 0;
    int batch = 0;
    const int* y = nullptr;    ///< labels
    T* grad = nullptr;         ///< gradient of the mean loss, or null for the loss alone
    T* const* act = nullptr;   ///< act[l]: out_l × batch (column stride out_l) per layer
    T* const* delta = nullptr; ///< delta[l]: out_l × batch for the hidden layers
    T* rowMax = nullptr;       ///< batch scratch values
    T* rowSum = nullptr;
    int* predicted = nullptr; ///< batch predicted classes (written)
    int threads = 1;          ///< the team that shares the pass (≤ maxThreads)
    /// When not null, the pass first copies the batch into x (then writable, at gatherInto):
    /// its column j is column gatherColumns[j] of gatherFrom (float, rows × …, column stride
    /// gatherStride). Each thread copies its own examples, so the copy is shared too.
    const int* gatherColumns = nullptr;
    const float* gatherFrom = nullptr;
    int gatherStride = 0;
    T* gatherInto = nullptr;
};

/// The most threads one pass is shared among.
inline constexpr int maxThreads = 64;
/// Threads a pass can run on here: the CPUs this process may use, or 1 when the build has no
/// OpenMP.
int threadsAvailable();
/// Shares 0 … n−1 among `threads` threads of the team the passes run on (so the work after a
/// pass, such as the optimizer's step, finds its threads awake): work(part, begin, end) runs
/// once per part, at the same time, on ranges that cover 0 … n−1 and start on 64-byte
/// boundaries of a float array. Runs on the calling thread alone when threads ≤ 1.
void shareWork(int threads, int n, const std::function<void(int part, int begin, int end)>& work);

struct Outcome {
    double lossSum = 0; ///< Σ over the batch of −log softmax(z)_y
    int correct = 0;    ///< examples whose largest logit is their label's
};

enum class Isa { Generic, Avx2, Avx512 };

/// True when this CPU can run the variant (Generic always).
bool supported(Isa isa);
/// The widest supported variant; GRADSCAPE_LEARN_ISA=generic|avx2|avx512 in the environment
/// narrows it (for measuring), never widens it past what the CPU runs.
Isa best();
const char* name(Isa isa);

Outcome runGeneric(const Pass<float>& p);
Outcome runGeneric(const Pass<double>& p);
Outcome runAvx2(const Pass<float>& p);
Outcome runAvx2(const Pass<double>& p);
Outcome runAvx512(const Pass<float>& p);
Outcome runAvx512(const Pass<double>& p);

/// The variant's entry point for T (the caller checks supported(isa)).
template <class T> Outcome (*runner(Isa isa))(const Pass<T>&) {
    switch (isa) {
    case Isa::Avx512:
        return &runAvx512;
    case Isa::Avx2:
        return &runAvx2;
    case Isa::Generic:
        break;
    }
    return &runGeneric;
}

} // namespace gs::learn::kernel

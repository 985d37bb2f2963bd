#include "learn/cross_entropy_objective.h"

#include "learn/network_kernel.h"

#include <algorithm>
#include <type_traits>
#include <vector>

namespace gs::learn {

class CrossEntropyObjective::Engine {
public:
    virtual ~Engine() = default;
    virtual void gather(const Dataset& data, std::span<const int> indices) = 0;
    virtual void gatherRange(const Dataset& data, int first, int count) = 0;
    virtual double evaluate(const Vec& params, Vec* grad) = 0;
    virtual double evaluate(const Eigen::VectorXf& params, Eigen::VectorXf& grad) = 0;
    virtual int batchSize() const = 0;
    virtual void setThreads(int threads) = 0;
    virtual int threads() const = 0;
    virtual int correct() const = 0;
    virtual std::span<const int> predictions() const = 0;
};

namespace {

template <class T> class EngineT final : public CrossEntropyObjective::Engine {
public:
    using Kernel = NetworkKernel<T>;
    using Matrix = typename Kernel::Matrix;
    using Vector = typename Kernel::Vector;

    EngineT(const Network& net, int maxBatch)
        : kernel_(net, maxBatch), x_(net.spec().inputs, maxBatch), y_(maxBatch) {
        if constexpr (!std::is_same_v<T, double>) {
            params_.resize(net.parameterCount());
            grad_.resize(net.parameterCount());
        }
    }

    void gather(const Dataset& data, std::span<const int> indices) override {
        const int n = static_cast<int>(indices.size());
        grow(n);
        // The features are copied by the next pass itself, shared among its threads.
        columns_.assign(indices.begin(), indices.end());
        for (int j = 0; j < n; ++j)
            y_[j] = data.labels[columns_[static_cast<std::size_t>(j)]];
        source_ = &data.features;
        batch_ = n;
    }

    void gatherRange(const Dataset& data, int first, int count) override {
        grow(count);
        x_.leftCols(count) = data.features.middleCols(first, count).template cast<T>();
        y_.head(count) = data.labels.segment(first, count);
        source_ = nullptr;
        batch_ = count;
    }

    double evaluate(const Vec& params, Vec* grad) override {
        if (batch_ == 0) {
            if (grad) grad->setZero(params.size());
            correct_ = 0;
            return 0.0;
        }
        typename Kernel::Outcome out;
        if constexpr (std::is_same_v<T, double>) {
            if (grad) grad->resize(params.size());
            out = run(params.data(), grad ? grad->data() : nullptr);
        } else {
            params_ = params.cast<T>();
            out = run(params_.data(), grad ? grad_.data() : nullptr);
            if (grad) *grad = grad_.template cast<double>();
        }
        correct_ = out.correct;
        return out.lossSum / batch_;
    }

    double evaluate(const Eigen::VectorXf& params, Eigen::VectorXf& grad) override {
        grad.resize(params.size());
        if constexpr (std::is_same_v<T, float>) {
            if (batch_ == 0) {
                grad.setZero();
                correct_ = 0;
                return 0.0;
            }
            const auto out = run(params.data(), grad.data());
            correct_ = out.correct;
            return out.lossSum / batch_;
        } else { // a Float64 network computes in double anyway
            const Vec p = params.cast<double>();
            Vec g;
            const double loss = evaluate(p, &g);
            grad = g.cast<float>();
            return loss;
        }
    }

    int batchSize() const override { return batch_; }
    void setThreads(int threads) override { kernel_.setThreads(threads); }
    int threads() const override { return kernel_.threads(); }
    int correct() const override { return correct_; }
    std::span<const int> predictions() const override {
        return {kernel_.predictions().data(), static_cast<std::size_t>(batch_)};
    }

private:
    // The kernel's pass over the batch, copying it first when setBatch() chose new examples.
    typename Kernel::Outcome run(const T* params, T* grad) {
        if (!source_) return kernel_.run(params, x_.leftCols(batch_), y_.data(), grad);
        const auto out =
            kernel_.run(params, *source_, columns_.data(), x_.leftCols(batch_), y_.data(), grad);
        source_ = nullptr; // copied: later evaluations of this batch reuse it
        return out;
    }

    void grow(int n) {
        if (n <= kernel_.maxBatch()) return;
        kernel_.reserve(n);
        x_.resize(Eigen::NoChange, n);
        y_.resize(n);
    }

    Kernel kernel_;
    Matrix x_;
    Eigen::VectorXi y_;
    std::vector<int> columns_;                // the batch's examples, while not yet copied
    const Eigen::MatrixXf* source_ = nullptr; // their features, while not yet copied
    Vector params_, grad_; // float copies of the parameters and gradient (unused for double)
    int batch_ = 0;
    int correct_ = 0;
};

} // namespace

CrossEntropyObjective::CrossEntropyObjective(const Network& net, const Dataset& data, int maxBatch)
    : net_(net), data_(data) {
    const int size = std::max(1, std::min(maxBatch, std::max(1, data.size())));
    if (net.spec().precision == Precision::Float32)
        engine_ = std::make_unique<EngineT<float>>(net, size);
    else
        engine_ = std::make_unique<EngineT<double>>(net, size);
    if (data.size() <= size) setRange(0, data.size());
}

CrossEntropyObjective::~CrossEntropyObjective() = default;

int CrossEntropyObjective::dimension() const {
    return net_.parameterCount();
}

double CrossEntropyObjective::value(const Vec& params) const {
    return engine_->evaluate(params, nullptr);
}

double CrossEntropyObjective::valueAndGradient(const Vec& params, Vec& grad) const {
    return engine_->evaluate(params, &grad);
}

double CrossEntropyObjective::valueAndGradient(const Eigen::VectorXf& params,
                                               Eigen::VectorXf& grad) const {
    return engine_->evaluate(params, grad);
}

void CrossEntropyObjective::setBatch(std::span<const int> indices) {
    engine_->gather(data_, indices);
}

void CrossEntropyObjective::prefetch(std::span<const int> indices) const {
    constexpr int line = 64; // bytes of a cache line
    const auto bytes = static_cast<std::size_t>(data_.dimension()) * sizeof(float);
    for (int i : indices) {
        const char* column = reinterpret_cast<const char*>(data_.features.col(i).data());
        for (std::size_t b = 0; b < bytes; b += line)
            __builtin_prefetch(column + b, 0, 1); // read, keep in the outer caches
    }
}

void CrossEntropyObjective::setRange(int first, int count) {
    engine_->gatherRange(data_, first, count);
}

int CrossEntropyObjective::batchSize() const {
    return engine_->batchSize();
}

void CrossEntropyObjective::setThreads(int threads) {
    engine_->setThreads(threads);
}

int CrossEntropyObjective::threads() const {
    return engine_->threads();
}

int CrossEntropyObjective::correct() const {
    return engine_->correct();
}

std::span<const int> CrossEntropyObjective::predictions() const {
    return engine_->predictions();
}

} // namespace gs::learn

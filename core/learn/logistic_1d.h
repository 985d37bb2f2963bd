#pragma once
// Logistic regression on one feature: two parameters, a weight w and a bias b, so the whole loss
//   J(w, b) = (1/N) Σ_i L_i,   L_i = log(1 + e^{z_i}) − y_i z_i,   z_i = w x_i + b,
// is a surface over the plane and can be drawn as a map. The per-example gradient is
//   ∇L_i = (σ(z_i) − y_i) · (x_i, 1),
// so the gradient of a mini-batch, the mean of its examples' gradients, is exact and cheap: what
// the gradient-noise lesson measures. Labels are 0 or 1.

#include "learn/dataset.h"
#include "objective/objective.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gs::learn {

/// Two overlapping classes on a line: class 0 around `center0`, class 1 around `center1`, each
/// jittered by Gaussian noise of standard deviation `spread` (overlap keeps the optimum finite).
struct LineDataParams {
    int samples = 200; ///< examples in all, half of each class
    double center0 = -0.5;
    double center1 = 1.5;
    double spread = 1.0;
    std::uint64_t seed = 1;

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
};

/// 1 feature × samples, labels 0 then 1; an error (naming the bad field) when params are invalid.
DataResult makeLineData(const LineDataParams& params);

class Logistic1D final : public Objective {
public:
    /// `data` must have one feature and labels 0 or 1 (check with check()); it is copied.
    explicit Logistic1D(const Dataset& data);
    /// Why `data` does not fit (features, labels), or nothing.
    static std::optional<std::string> check(const Dataset& data);

    int dimension() const override { return 2; }
    /// J over the current batch (the whole set unless setBatch() chose fewer); θ = (w, b).
    double value(const Vec& theta) const override;
    double valueAndGradient(const Vec& theta, Vec& grad) const override;
    bool hasExactHessian() const override { return true; }
    /// (1/N) Σ σ(z)(1 − σ(z)) [x², x; x, 1] over the current batch.
    void hessian(const Vec& theta, Mat& h) const override;

    /// Averages over these examples from now on; an empty span means the whole set again.
    void setBatch(std::span<const int> indices);

    int size() const { return static_cast<int>(x_.size()); }
    const Eigen::VectorXd& x() const { return x_; }
    const Eigen::VectorXi& labels() const { return y_; }
    /// Every example's gradient ∇L_i(θ) as the columns of a 2 × N matrix (whole set).
    Eigen::Matrix2Xd exampleGradients(const Vec& theta) const;

private:
    template <class F> void forEachInBatch(F f) const {
        if (batch_.empty())
            for (int i = 0; i < size(); ++i)
                f(i);
        else
            for (int i : batch_)
                f(i);
    }
    double batchCount() const {
        return batch_.empty() ? size() : static_cast<double>(batch_.size());
    }

    Eigen::VectorXd x_;
    Eigen::VectorXi y_;
    std::vector<int> batch_; ///< empty: the whole set
};

} // namespace gs::learn

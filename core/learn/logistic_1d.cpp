#include "learn/logistic_1d.h"

#include "learn/random.h"

#include <cmath>

namespace gs::learn {

namespace {

// log(1 + e^z) without overflow: max(z, 0) + log1p(e^{−|z|}).
double softplus(double z) {
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

double sigmoid(double z) {
    if (z >= 0) return 1 / (1 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1 + e);
}

} // namespace

std::optional<std::string> LineDataParams::validate() const {
    if (samples < 2 || samples > 1'000'000)
        return "samples must be in [2, 1000000], got " + std::to_string(samples);
    if (!(std::isfinite(center0) && std::abs(center0) <= 1e3)) return "center0 must be in ±1000";
    if (!(std::isfinite(center1) && std::abs(center1) <= 1e3)) return "center1 must be in ±1000";
    if (!(spread > 0 && spread <= 1e3)) return "spread must be in (0, 1000]";
    return std::nullopt;
}

DataResult makeLineData(const LineDataParams& p) {
    DataResult r;
    if (auto bad = p.validate()) {
        r.error = *bad;
        return r;
    }
    Rng rng(p.seed);
    Dataset& d = r.data;
    d.classes = 2;
    d.features.resize(1, p.samples);
    d.labels.resize(p.samples);
    const int zeros = p.samples / 2;
    for (int i = 0; i < p.samples; ++i) {
        const int label = i < zeros ? 0 : 1;
        const double centre = label == 0 ? p.center0 : p.center1;
        d.features(0, i) = static_cast<float>(centre + p.spread * rng.normal());
        d.labels[i] = label;
    }
    return r;
}

std::optional<std::string> Logistic1D::check(const Dataset& data) {
    if (data.size() < 1) return "data: no examples";
    if (data.dimension() != 1)
        return "data: " + std::to_string(data.dimension()) +
               " features, logistic regression "
               "on a line takes 1";
    if (data.labels.minCoeff() < 0 || data.labels.maxCoeff() > 1) return "data: labels not 0 or 1";
    return std::nullopt;
}

Logistic1D::Logistic1D(const Dataset& data)
    : x_(data.features.row(0).transpose().cast<double>()), y_(data.labels) {
    info().name = "logistic loss J(w, b)";
    info().formula = "(1/N) Σ log(1 + exp(w x + b)) − y (w x + b)";
}

void Logistic1D::setBatch(std::span<const int> indices) {
    batch_.assign(indices.begin(), indices.end());
}

double Logistic1D::value(const Vec& theta) const {
    double sum = 0;
    const auto add = [&](int i) {
        const double z = theta[0] * x_[i] + theta[1];
        sum += softplus(z) - y_[i] * z;
    };
    forEachInBatch(add);
    const double n = batchCount();
    return sum / n;
}

double Logistic1D::valueAndGradient(const Vec& theta, Vec& grad) const {
    grad.setZero(2);
    double sum = 0;
    const auto add = [&](int i) {
        const double z = theta[0] * x_[i] + theta[1];
        sum += softplus(z) - y_[i] * z;
        const double r = sigmoid(z) - y_[i]; // ∂L_i/∂z
        grad[0] += r * x_[i];
        grad[1] += r;
    };
    forEachInBatch(add);
    const double n = batchCount();
    grad /= n;
    return sum / n;
}

void Logistic1D::hessian(const Vec& theta, Mat& h) const {
    h.setZero(2, 2);
    const auto add = [&](int i) {
        const double s = sigmoid(theta[0] * x_[i] + theta[1]);
        const double c = s * (1 - s);
        h(0, 0) += c * x_[i] * x_[i];
        h(0, 1) += c * x_[i];
        h(1, 1) += c;
    };
    forEachInBatch(add);
    h(1, 0) = h(0, 1);
    h /= batchCount();
}

Eigen::Matrix2Xd Logistic1D::exampleGradients(const Vec& theta) const {
    Eigen::Matrix2Xd g(2, size());
    for (int i = 0; i < size(); ++i) {
        const double r = sigmoid(theta[0] * x_[i] + theta[1]) - y_[i];
        g(0, i) = r * x_[i];
        g(1, i) = r;
    }
    return g;
}

} // namespace gs::learn

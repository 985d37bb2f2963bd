#include "learn/gradient_noise.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace gs::learn {

GradientPopulation gradientPopulation(const Mat& g) {
    GradientPopulation p;
    p.size = static_cast<int>(g.cols());
    if (p.size == 0) return p;
    p.mean = g.rowwise().mean();
    const Mat centred = g.colwise() - p.mean;
    p.covariance = centred * centred.transpose() / static_cast<double>(p.size);
    p.variance = p.covariance.trace();
    return p;
}

double batchGradientVariance(double sigma2, int n, int b) {
    if (n <= 1 || b >= n) return 0.0;
    return sigma2 / b * static_cast<double>(n - b) / static_cast<double>(n - 1);
}

double batchGradientVarianceWithReplacement(double sigma2, int b) {
    return sigma2 / b;
}

Mat sampleBatchGradients(const Mat& g, int b, int k, Rng& rng) {
    const int n = static_cast<int>(g.cols());
    b = std::clamp(b, 1, std::max(1, n));
    Mat out = Mat::Zero(g.rows(), std::max(0, k));
    if (n == 0) return out;
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int s = 0; s < k; ++s) {
        // Partial Fisher–Yates: the first b entries become a uniform random b-subset.
        for (int i = 0; i < b; ++i) {
            const int j = i + static_cast<int>(rng.below(static_cast<std::uint64_t>(n - i)));
            std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
            out.col(s) += g.col(order[static_cast<std::size_t>(i)]);
        }
        out.col(s) /= b;
    }
    return out;
}

Mat samplerBatchGradients(const Mat& g, const Eigen::VectorXi& labels, int b, BatchOrder order,
                          std::uint64_t seed, int maxBatches) {
    BatchSampler sampler(labels, b, order, seed);
    const int count = std::clamp(maxBatches, 0, sampler.batchesPerEpoch());
    Mat out = Mat::Zero(g.rows(), count);
    for (int s = 0; s < count; ++s) {
        const auto batch = sampler.next();
        for (int i : batch)
            out.col(s) += g.col(i);
        out.col(s) /= static_cast<double>(batch.size());
    }
    return out;
}

double angleBetween(const Vec& u, const Vec& v) {
    const double nu = u.norm(), nv = v.norm();
    if (nu == 0 || nv == 0) return 0.0;
    // Kahan: with unit vectors a, b the angle is 2 atan2(‖a − b‖, ‖a + b‖), accurate at every
    // angle (acos of the dot product loses half the digits near 0 and π).
    const Vec a = u / nu, b = v / nv;
    return 2 * std::atan2((a - b).norm(), (a + b).norm());
}

GradientStats gradientStats(const Mat& samples, const Vec& full) {
    GradientStats s;
    const int k = static_cast<int>(samples.cols());
    s.mean = Vec::Zero(samples.rows());
    s.covariance = Mat::Zero(samples.rows(), samples.rows());
    if (k == 0) return s;
    s.mean = samples.rowwise().mean();
    if (k > 1) {
        const Mat centred = samples.colwise() - s.mean;
        s.covariance = centred * centred.transpose() / static_cast<double>(k - 1);
    }
    s.trace = s.covariance.trace();
    for (int c = 0; c < k; ++c) {
        const double d = (samples.col(c) - full).norm();
        s.meanSquaredDeviation += d * d / k;
        s.meanDistance += d / k;
        s.meanAngle += angleBetween(samples.col(c), full) / k;
    }
    return s;
}

std::vector<int> logBatchSizes(int n, int count) {
    std::vector<int> out;
    if (n < 1 || count < 1) return out;
    if (count == 1 || n == 1) return {n};
    for (int i = 0; i < count; ++i) {
        const int b = static_cast<int>(std::lround(std::pow(n, double(i) / (count - 1))));
        if (out.empty() || b > out.back()) out.push_back(std::clamp(b, 1, n));
    }
    out.back() = n;
    return out;
}

std::vector<VariancePoint> varianceCurve(const Mat& g, const std::vector<int>& batches, int k,
                                         std::uint64_t seed) {
    const GradientPopulation pop = gradientPopulation(g);
    Rng rng(seed);
    std::vector<VariancePoint> out;
    for (int b : batches) {
        VariancePoint p;
        p.batch = std::clamp(b, 1, std::max(1, pop.size));
        p.measured =
            gradientStats(sampleBatchGradients(g, p.batch, k, rng), pop.mean).meanSquaredDeviation;
        p.theory = batchGradientVariance(pop.variance, pop.size, p.batch);
        p.withReplacement = batchGradientVarianceWithReplacement(pop.variance, p.batch);
        out.push_back(p);
    }
    return out;
}

std::vector<Eigen::Vector2d> covarianceEllipse(const Eigen::Vector2d& c, const Eigen::Matrix2d& cov,
                                               double r, int segments) {
    // C = V Λ Vᵀ: the ellipse is c + r V Λ^{1/2} (cos t, sin t).
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(cov);
    const Eigen::Vector2d sd = eig.eigenvalues().cwiseMax(0.0).cwiseSqrt();
    const Eigen::Matrix2d a = eig.eigenvectors() * sd.asDiagonal() * r;
    std::vector<Eigen::Vector2d> out;
    segments = std::max(segments, 3);
    for (int i = 0; i <= segments; ++i) {
        const double t = 2 * std::numbers::pi * (i % segments) / segments;
        out.push_back(c + a * Eigen::Vector2d(std::cos(t), std::sin(t)));
    }
    return out;
}

} // namespace gs::learn

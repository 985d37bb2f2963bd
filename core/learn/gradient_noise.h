#pragma once
// How noisy a mini-batch gradient is. With per-example gradients g_i (the columns of G, i = 1 … N)
// the full gradient is ḡ = (1/N) Σ g_i and their spread is the population covariance
//   Σ = (1/N) Σ (g_i − ḡ)(g_i − ḡ)ᵀ,   σ² = tr Σ = (1/N) Σ ‖g_i − ḡ‖².
// A batch of B examples drawn without replacement (what one batch of a shuffled epoch is) has the
// mean gradient g_B with E[g_B] = ḡ and, exactly,
//   E‖g_B − ḡ‖² = tr Cov(g_B) = σ²/B · (N − B)/(N − 1),
// the finite-population factor (N − B)/(N − 1) taking it to 0 at B = N; drawn with replacement
// it would be σ²/B. Everything here works in any dimension; the lesson's model has two.

#include "learn/batch_sampler.h"
#include "learn/random.h"
#include "objective/objective.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace gs::learn {

/// The per-example gradients as a population: ḡ, Σ (1/N) and σ² = tr Σ.
struct GradientPopulation {
    Vec mean;
    Mat covariance;
    double variance = 0;
    int size = 0;
};
GradientPopulation gradientPopulation(const Mat& exampleGradients);

/// σ²/B · (N − B)/(N − 1): the variance (trace of the covariance) of the mean of B of N
/// per-example gradients drawn without replacement. N = 1 gives 0.
double batchGradientVariance(double sigma2, int n, int b);
/// σ²/B: the same drawn with replacement (the 1/B line).
double batchGradientVarianceWithReplacement(double sigma2, int b);

/// K batch gradients (columns of the result), each the mean of B distinct examples picked
/// uniformly at random, independently of the other batches. B is clamped to [1, N].
Mat sampleBatchGradients(const Mat& exampleGradients, int b, int k, Rng& rng);
/// The batch gradients of the sampler's first `maxBatches` batches (at most one epoch): shuffled
/// or class-sorted, with the sampler's last, smaller batch when B does not divide N.
Mat samplerBatchGradients(const Mat& exampleGradients, const Eigen::VectorXi& labels, int b,
                          BatchOrder order, std::uint64_t seed, int maxBatches);

/// Statistics of K sampled gradients (columns) against the full gradient.
struct GradientStats {
    Vec mean;                        ///< of the samples
    Mat covariance;                  ///< of the samples around their mean, 1/(K − 1)
    double trace = 0;                ///< tr covariance
    double meanSquaredDeviation = 0; ///< (1/K) Σ ‖g_k − ḡ‖²: unbiased for tr Cov(g_B), ḡ known
    double meanAngle = 0;            ///< mean angle between g_k and ḡ, radians
    double meanDistance = 0;         ///< mean ‖g_k − ḡ‖
};
GradientStats gradientStats(const Mat& samples, const Vec& fullGradient);

/// The angle between u and v in [0, π], accurate near 0 and π too; 0 when either is zero.
double angleBetween(const Vec& u, const Vec& v);

/// Batch sizes 1 … N spaced evenly in log B, `count` of them at most, distinct, both ends in.
std::vector<int> logBatchSizes(int n, int count);

struct VariancePoint {
    int batch = 0;
    double measured = 0;        ///< mean ‖g_B − ḡ‖² over the sampled batches
    double theory = 0;          ///< σ²/B · (N − B)/(N − 1)
    double withReplacement = 0; ///< σ²/B
};
/// The measured variance of K random batches at each batch size, beside the formulas.
std::vector<VariancePoint> varianceCurve(const Mat& exampleGradients,
                                         const std::vector<int>& batches, int k,
                                         std::uint64_t seed);

/// The ellipse (x − c)ᵀ C⁻¹ (x − c) = r² of a 2 × 2 covariance C as `segments` + 1 points (the
/// first repeated at the end); r = 2 holds about 86% of a 2D Gaussian. A degenerate C gives a
/// segment or a point.
std::vector<Eigen::Vector2d> covarianceEllipse(const Eigen::Vector2d& centre,
                                               const Eigen::Matrix2d& covariance, double r,
                                               int segments = 72);

} // namespace gs::learn

#pragma once
// Seeded synthetic 2D classification sets: the same parameters and seed give the same points.

#include "learn/dataset.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gs::learn {

enum class SyntheticKind {
    Blobs,   ///< `classes` Gaussian blobs (std. dev. = noise) centred on a circle of radius 2
    Moons,   ///< two interleaved half circles (two classes), jittered by Gaussian noise
    Spirals, ///< `classes` arms winding out from the origin, jittered by Gaussian noise
    Xor,     ///< uniform in [−1, 1]², class = (x·y > 0), jittered by Gaussian noise
};

struct SyntheticParams {
    SyntheticKind kind = SyntheticKind::Blobs;
    int samples = 300;  ///< examples in all, spread evenly over the classes
    int classes = 3;    ///< used by Blobs and Spirals; Moons and Xor always have 2
    double noise = 0.1; ///< standard deviation of the Gaussian jitter
    std::uint64_t seed = 1;

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
};

/// The set, 2 features × samples; an error (naming the bad field) when params are invalid.
DataResult makeSynthetic(const SyntheticParams& params);

} // namespace gs::learn

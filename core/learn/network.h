#pragma once
// A feed-forward classifier: inputs → hidden layers (tanh or ReLU) → class scores (logits),
// trained with softmax cross-entropy. No hidden layer is softmax regression; one or two make a
// small MLP. The parameters live outside, as one flat vector, so any gs::Optimizer can train them.
//
// Layout of the flat vector, layer after layer: W_l (out × in, column-major), then b_l (out).

#include "objective/objective.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gs::learn {

enum class Activation { Tanh, ReLU };
/// Arithmetic of forward and backward passes; parameters and gradients are double either way.
enum class Precision { Float32, Float64 };

struct NetworkSpec {
    int inputs = 2;
    std::vector<int> hidden; ///< widths of the hidden layers: none, one or two
    int classes = 2;
    Activation activation = Activation::Tanh;
    Precision precision = Precision::Float64;

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
};

/// Softmax regression: logits = W x + b.
NetworkSpec softmaxRegression(int inputs, int classes, Precision precision = Precision::Float64);
/// An MLP with the given hidden widths.
NetworkSpec mlp(int inputs, std::vector<int> hidden, int classes, Activation activation,
                Precision precision = Precision::Float64);

/// Where one layer's parameters sit in the flat vector.
struct LayerSlice {
    int in = 0, out = 0;
    int weights = 0; ///< offset of W (out × in, column-major)
    int bias = 0;    ///< offset of b (out)
};

class Network {
public:
    explicit Network(NetworkSpec spec); ///< spec must be valid (check validate() first)

    const NetworkSpec& spec() const { return spec_; }
    int parameterCount() const { return count_; }
    int layerCount() const { return static_cast<int>(layers_.size()); }
    const LayerSlice& layer(int l) const { return layers_[static_cast<std::size_t>(l)]; }
    /// Multiply–adds of one forward pass for one example (a backward pass costs about twice this).
    double forwardMultiplyAdds() const;

    /// Seeded initial parameters: W uniform in ±√(6 / (in + out)) (Glorot) for tanh and the
    /// output layer, ±√(6 / in) (He) before a ReLU; biases zero.
    Vec initialParameters(std::uint64_t seed) const;

private:
    NetworkSpec spec_;
    std::vector<LayerSlice> layers_;
    int count_ = 0;
};

} // namespace gs::learn

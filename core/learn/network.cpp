#include "learn/network.h"

#include "learn/random.h"

#include <cmath>

namespace gs::learn {

std::optional<std::string> NetworkSpec::validate() const {
    if (inputs < 1 || inputs > 1'000'000)
        return "inputs must be in [1, 1000000], got " + std::to_string(inputs);
    if (hidden.size() > 2)
        return "hidden must list at most 2 layers, got " + std::to_string(hidden.size());
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i] < 1 || hidden[i] > 100'000)
            return "hidden[" + std::to_string(i) + "] must be in [1, 100000], got " +
                   std::to_string(hidden[i]);
    if (classes < 2 || classes > 100'000)
        return "classes must be in [2, 100000], got " + std::to_string(classes);
    double count = 0;
    int in = inputs;
    for (int h : hidden) {
        count += (in + 1.0) * h;
        in = h;
    }
    count += (in + 1.0) * classes;
    if (count > 1e8) return "hidden widths give the network more than 10^8 parameters";
    return std::nullopt;
}

NetworkSpec softmaxRegression(int inputs, int classes, Precision precision) {
    return {inputs, {}, classes, Activation::Tanh, precision};
}

NetworkSpec mlp(int inputs, std::vector<int> hidden, int classes, Activation activation,
                Precision precision) {
    return {inputs, std::move(hidden), classes, activation, precision};
}

Network::Network(NetworkSpec spec) : spec_(std::move(spec)) {
    int in = spec_.inputs;
    auto add = [&](int out) {
        layers_.push_back({in, out, count_, count_ + in * out});
        count_ += (in + 1) * out;
        in = out;
    };
    for (int h : spec_.hidden)
        add(h);
    add(spec_.classes);
}

double Network::forwardMultiplyAdds() const {
    double n = 0;
    for (const LayerSlice& l : layers_)
        n += static_cast<double>(l.in) * l.out;
    return n;
}

Vec Network::initialParameters(std::uint64_t seed) const {
    Rng rng(seed);
    Vec p = Vec::Zero(count_);
    for (int l = 0; l < layerCount(); ++l) {
        const LayerSlice& s = layer(l);
        const bool relu = l + 1 < layerCount() && spec_.activation == Activation::ReLU;
        const double a = relu ? std::sqrt(6.0 / s.in) : std::sqrt(6.0 / (s.in + s.out));
        for (int i = 0; i < s.in * s.out; ++i)
            p[s.weights + i] = rng.uniform(-a, a);
    }
    return p;
}

} // namespace gs::learn

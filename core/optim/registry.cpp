#include "optim/registry.h"

#include "optim/gradient_descent.h"

#include <functional>
#include <utility>

namespace gs {

namespace {
using Factory = std::function<std::unique_ptr<Optimizer>()>;

template <class T> std::pair<std::string, Factory> entry() {
    return {T{}.key(), [] { return std::make_unique<T>(); }};
}

const std::vector<std::pair<std::string, Factory>>& factories() {
    static const std::vector<std::pair<std::string, Factory>> all = {
        entry<GradientDescent>(),
    };
    return all;
}
} // namespace

std::vector<std::string> optimizerKeys() {
    std::vector<std::string> keys;
    for (const auto& [key, make] : factories())
        keys.push_back(key);
    return keys;
}

std::unique_ptr<Optimizer> createOptimizer(std::string_view key) {
    for (const auto& [k, make] : factories())
        if (k == key) return make();
    return nullptr;
}

} // namespace gs

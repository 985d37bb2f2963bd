#include "optim/registry.h"

#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/adam.h"
#include "optim/adamw.h"
#include "optim/amsgrad.h"
#include "optim/gradient_descent.h"
#include "optim/momentum.h"
#include "optim/nesterov.h"
#include "optim/newton.h"
#include "optim/rmsprop.h"

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
        entry<GradientDescent>(), entry<Momentum>(), entry<Nesterov>(), entry<AdaGrad>(),
        entry<RMSProp>(),         entry<Adadelta>(), entry<Adam>(),     entry<AdamW>(),
        entry<AMSGrad>(),         entry<Newton>(),
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

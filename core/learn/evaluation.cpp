#include "learn/evaluation.h"

#include "learn/cross_entropy_objective.h"

#include <algorithm>

namespace gs::learn {

namespace {
constexpr int kChunk = 1024;
}

Evaluation evaluate(CrossEntropyObjective& objective, const Vec& params) {
    const Dataset& data = objective.data();
    Evaluation e;
    e.predicted.resize(data.size());
    double lossSum = 0;
    long long correct = 0;
    for (int first = 0; first < data.size(); first += kChunk) {
        const int count = std::min(kChunk, data.size() - first);
        objective.setRange(first, count);
        lossSum += objective.value(params) * count;
        correct += objective.correct();
        const auto p = objective.predictions();
        std::copy(p.begin(), p.end(), e.predicted.data() + first);
    }
    if (data.size() > 0) {
        e.loss = lossSum / data.size();
        e.accuracy = static_cast<double>(correct) / data.size();
    }
    return e;
}

Evaluation evaluate(const Network& net, const Vec& params, const Dataset& data) {
    CrossEntropyObjective objective(net, data, kChunk);
    return evaluate(objective, params);
}

Eigen::MatrixXi confusionMatrix(const Dataset& data, const Eigen::VectorXi& predicted) {
    Eigen::MatrixXi counts = Eigen::MatrixXi::Zero(data.classes, data.classes);
    for (int i = 0; i < std::min<int>(data.size(), static_cast<int>(predicted.size())); ++i)
        ++counts(data.labels[i], predicted[i]);
    return counts;
}

} // namespace gs::learn

#include "learn/decision_grid.h"

#include "learn/network_kernel.h"

#include <cmath>

namespace gs::learn {

std::optional<std::string> GridBox::validate() const {
    if (!(std::isfinite(x0) && std::isfinite(x1) && x0 < x1))
        return "x0, x1 must be finite with x0 < x1";
    if (!(std::isfinite(y0) && std::isfinite(y1) && y0 < y1))
        return "y0, y1 must be finite with y0 < y1";
    if (nx < 1 || nx > 4096) return "nx must be in [1, 4096], got " + std::to_string(nx);
    if (ny < 1 || ny > 4096) return "ny must be in [1, 4096], got " + std::to_string(ny);
    return std::nullopt;
}

Eigen::MatrixXf gridPoints(const GridBox& box) {
    Eigen::MatrixXf p(2, static_cast<Eigen::Index>(box.nx) * box.ny);
    for (int j = 0; j < box.ny; ++j)
        for (int i = 0; i < box.nx; ++i) {
            p(0, j * box.nx + i) = static_cast<float>(box.x(i));
            p(1, j * box.nx + i) = static_cast<float>(box.y(j));
        }
    return p;
}

struct DecisionGridEvaluator::Impl {
    Impl(const Network& net, const GridBox& box)
        : kernel(net, box.nx * box.ny), points(gridPoints(box)) {
        grid.box = box;
        grid.classes = net.spec().classes;
        grid.label.resize(points.cols());
        grid.confidence.resize(points.cols());
    }
    NetworkKernel<float> kernel;
    Eigen::MatrixXf points;
    Eigen::VectorXf params;
    DecisionGrid grid;
};

DecisionGridEvaluator::DecisionGridEvaluator(const Network& net, const GridBox& box)
    : impl_(std::make_unique<Impl>(net, box)) {}

DecisionGridEvaluator::~DecisionGridEvaluator() = default;

const DecisionGrid& DecisionGridEvaluator::evaluate(const Vec& params) {
    Impl& m = *impl_;
    m.params = params.cast<float>();
    const auto z = m.kernel.forward(m.params.data(), m.points);
    // The class is the largest logit; its probability is 1 / Σ_k e^{z_k − z_max}.
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        Eigen::Index best = 0;
        const float top = z.col(c).maxCoeff(&best);
        m.grid.label[c] = static_cast<int>(best);
        m.grid.confidence[c] = 1.0f / (z.col(c).array() - top).exp().sum();
    }
    return m.grid;
}

DecisionGrid decisionGrid(const Network& net, const Vec& params, const GridBox& box) {
    DecisionGridEvaluator e(net, box);
    return e.evaluate(params);
}

} // namespace gs::learn

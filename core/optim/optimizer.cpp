#include "optim/optimizer.h"

#include "text/quote.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace gs {

const Vec& Optimizer::state(int) const {
    throw std::out_of_range("optimizer has no state vector with that index");
}

void Optimizer::stepFloat(float* x, const float* g, int n) {
    beginFloatStep(n);
    stepFloatRange(x, g, 0, n);
}

void Optimizer::beginFloatStep(int n) {
    if (!hasFloatStep())
        throw std::logic_error(key() + " has no float32 step (check hasFloatStep())");
    ensureValues(); // the ranges then only read the hyperparameters, from any thread
    prepareFloatStep(n);
}

void Optimizer::stepFloatRange(float*, const float*, int, int) {
    throw std::logic_error(key() + " has no float32 step (check hasFloatStep())");
}

void Optimizer::ensureValues() const {
    const auto& hp = hyperParams();
    if (values_.size() == hp.size()) return;
    values_.clear();
    for (const HyperParam& p : hp)
        values_.push_back(p.defaultValue);
}

namespace {
std::string rangeMessage(const HyperParam& p, double value) {
    std::ostringstream os;
    os << p.key << " (" << p.label << ") must be in [" << p.min << ", " << p.max << "], got "
       << value;
    return os.str();
}
} // namespace

std::optional<std::string> Optimizer::set(std::string_view key, double value) {
    ensureValues();
    const auto& hp = hyperParams();
    for (size_t i = 0; i < hp.size(); ++i) {
        if (hp[i].key != key) continue;
        if (!std::isfinite(value) || value < hp[i].min || value > hp[i].max)
            return rangeMessage(hp[i], value);
        values_[i] = hp[i].integer ? std::round(value) : value;
        return std::nullopt;
    }
    return "unknown hyperparameter " + quote(key) + " for " + displayName();
}

double Optimizer::get(std::string_view key) const {
    ensureValues();
    const auto& hp = hyperParams();
    for (size_t i = 0; i < hp.size(); ++i)
        if (hp[i].key == key) return values_[i];
    return std::numeric_limits<double>::quiet_NaN();
}

std::optional<std::string> Optimizer::validate() const {
    ensureValues();
    const auto& hp = hyperParams();
    for (size_t i = 0; i < hp.size(); ++i)
        if (!std::isfinite(values_[i]) || values_[i] < hp[i].min || values_[i] > hp[i].max)
            return rangeMessage(hp[i], values_[i]);
    return std::nullopt;
}

} // namespace gs

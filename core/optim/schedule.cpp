#include "optim/schedule.h"

#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace gs {

namespace {

constexpr std::array<std::pair<ScheduleKind, std::string_view>, 6> kKeys{{
    {ScheduleKind::Constant, "constant"},
    {ScheduleKind::StepDecay, "step"},
    {ScheduleKind::Exponential, "exponential"},
    {ScheduleKind::Cosine, "cosine"},
    {ScheduleKind::InverseTime, "inverse_time"},
    {ScheduleKind::Warmup, "warmup"},
}};

std::optional<std::string> checkGamma(double gamma) {
    if (!(gamma > 0 && gamma <= 1)) return "gamma must be in (0, 1], got " + std::to_string(gamma);
    return std::nullopt;
}

std::optional<std::string> checkSteps(const char* field, int steps) {
    if (steps < 1) return std::string(field) + " must be ≥ 1, got " + std::to_string(steps);
    return std::nullopt;
}

std::optional<std::string> checkNonNegative(const char* field, double value) {
    if (!(value >= 0) || !std::isfinite(value))
        return std::string(field) + " must be finite and ≥ 0, got " + std::to_string(value);
    return std::nullopt;
}

} // namespace

std::optional<std::string> Schedule::validate() const {
    switch (kind) {
    case ScheduleKind::Constant:
        return std::nullopt;
    case ScheduleKind::StepDecay:
        if (auto e = checkGamma(gamma)) return e;
        return checkSteps("stepSize", stepSize);
    case ScheduleKind::Exponential:
        return checkGamma(gamma);
    case ScheduleKind::Cosine:
        if (auto e = checkNonNegative("minRate", minRate)) return e;
        return checkSteps("period", period);
    case ScheduleKind::InverseTime:
        return checkNonNegative("decay", decay);
    case ScheduleKind::Warmup:
        if (auto e = checkNonNegative("startRate", startRate)) return e;
        return checkSteps("warmupSteps", warmupSteps);
    }
    return "kind is not a known schedule";
}

double Schedule::rate(double base, int k) const {
    if (k < 0) k = 0;
    switch (kind) {
    case ScheduleKind::Constant:
        return base;
    case ScheduleKind::StepDecay: // λ0 γ^⌊k/s⌋
        return base * std::pow(gamma, k / stepSize);
    case ScheduleKind::Exponential: // λ0 γ^k
        return base * std::pow(gamma, k);
    case ScheduleKind::Cosine: { // λ_min + (λ0 − λ_min)(1 + cos(π k/T))/2, held at λ_min past T
        if (k >= period) return minRate;
        const double c = std::cos(std::numbers::pi * k / period);
        return minRate + (base - minRate) * (1 + c) / 2;
    }
    case ScheduleKind::InverseTime: // λ0 / (1 + d k)
        return base / (1 + decay * k);
    case ScheduleKind::Warmup: // λ_start + (λ0 − λ_start) k/w, then λ0
        if (k >= warmupSteps) return base;
        return startRate + (base - startRate) * k / warmupSteps;
    }
    return base;
}

std::string_view scheduleKindKey(ScheduleKind kind) {
    for (const auto& [k, key] : kKeys)
        if (k == kind) return key;
    return "constant";
}

std::optional<ScheduleKind> scheduleKindFromKey(std::string_view key) {
    for (const auto& [k, name] : kKeys)
        if (name == key) return k;
    return std::nullopt;
}

} // namespace gs

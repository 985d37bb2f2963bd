// Schedules described as data: names, formulas and each kind's parameters with their ranges, read
// and written by key. The ranges are what Schedule::validate() accepts, narrowed to what a slider
// can span (γ ≥ 0.001, step counts ≤ 100000).

#include "optim/schedule.h"

#include "text/quote.h"

#include <cmath>
#include <limits>

namespace gs {

namespace {

// Descriptor order is the order of the controls.
const HyperParam kGamma{
    "gamma", "decay factor γ", 0.5, 1e-3, 1.0, false, "Multiplies the rate at every decay (γ ≤ 1)"};
const HyperParam kStepSize{"step_size",
                           "steps per decay s",
                           10,
                           1,
                           100000,
                           true,
                           "The rate is multiplied by γ every s steps",
                           true};
const HyperParam kMinRate{"min_rate",
                          "final rate λ_min",
                          0.0,
                          0.0,
                          10.0,
                          false,
                          "The rate the cosine reaches at step T and keeps"};
const HyperParam kPeriod{"period", "period T", 100, 1, 100000, true, "Steps from λ₀ down to λ_min",
                         true};
const HyperParam kDecay{
    "decay", "decay d", 0.01, 0.0, 10.0, false, "λₖ = λ₀ / (1 + d k): the rate halves at k = 1/d"};
const HyperParam kStartRate{"start_rate",
                            "start rate λ_start",
                            0.0,
                            0.0,
                            10.0,
                            false,
                            "The rate at step 0, rising linearly to λ₀"};
const HyperParam kWarmupSteps{
    "warmup_steps", "warm-up steps w", 10, 1, 100000, true, "Steps from λ_start up to λ₀", true};

double* field(Schedule& s, std::string_view key) {
    if (key == "gamma") return &s.gamma;
    if (key == "min_rate") return &s.minRate;
    if (key == "decay") return &s.decay;
    if (key == "start_rate") return &s.startRate;
    return nullptr;
}

int* countField(Schedule& s, std::string_view key) {
    if (key == "step_size") return &s.stepSize;
    if (key == "period") return &s.period;
    if (key == "warmup_steps") return &s.warmupSteps;
    return nullptr;
}

const HyperParam* descriptor(std::string_view key) {
    for (const HyperParam* p :
         {&kGamma, &kStepSize, &kMinRate, &kPeriod, &kDecay, &kStartRate, &kWarmupSteps})
        if (p->key == key) return p;
    return nullptr;
}

} // namespace

const std::vector<ScheduleKind>& scheduleKinds() {
    static const std::vector<ScheduleKind> kinds{ScheduleKind::Constant,    ScheduleKind::StepDecay,
                                                 ScheduleKind::Exponential, ScheduleKind::Cosine,
                                                 ScheduleKind::InverseTime, ScheduleKind::Warmup};
    return kinds;
}

std::string_view scheduleKindName(ScheduleKind kind) {
    switch (kind) {
    case ScheduleKind::Constant:
        return "Constant";
    case ScheduleKind::StepDecay:
        return "Step decay";
    case ScheduleKind::Exponential:
        return "Exponential decay";
    case ScheduleKind::Cosine:
        return "Cosine annealing";
    case ScheduleKind::InverseTime:
        return "Inverse time decay";
    case ScheduleKind::Warmup:
        return "Linear warm-up";
    }
    return "Constant";
}

std::string_view scheduleFormula(ScheduleKind kind) {
    switch (kind) {
    case ScheduleKind::Constant:
        return "λₖ = λ₀";
    case ScheduleKind::StepDecay:
        return "λₖ = λ₀ γ^⌊k/s⌋";
    case ScheduleKind::Exponential:
        return "λₖ = λ₀ γᵏ";
    case ScheduleKind::Cosine:
        return "λₖ = λ_min + (λ₀ − λ_min)(1 + cos(πk/T))/2, k ≤ T";
    case ScheduleKind::InverseTime:
        return "λₖ = λ₀ / (1 + d k)";
    case ScheduleKind::Warmup:
        return "λₖ = λ_start + (λ₀ − λ_start) k/w, k < w; then λ₀";
    }
    return "λₖ = λ₀";
}

const std::vector<HyperParam>& scheduleParams(ScheduleKind kind) {
    static const std::vector<HyperParam> none, step{kGamma, kStepSize}, exponential{kGamma},
        cosine{kPeriod, kMinRate}, inverse{kDecay}, warmup{kWarmupSteps, kStartRate};
    switch (kind) {
    case ScheduleKind::Constant:
        return none;
    case ScheduleKind::StepDecay:
        return step;
    case ScheduleKind::Exponential:
        return exponential;
    case ScheduleKind::Cosine:
        return cosine;
    case ScheduleKind::InverseTime:
        return inverse;
    case ScheduleKind::Warmup:
        return warmup;
    }
    return none;
}

double scheduleParam(const Schedule& s, std::string_view key) {
    Schedule copy = s; // field() hands out pointers into a schedule it may change
    if (const double* d = field(copy, key)) return *d;
    if (const int* n = countField(copy, key)) return *n;
    return std::numeric_limits<double>::quiet_NaN();
}

std::optional<std::string> setScheduleParam(Schedule& s, std::string_view key, double value) {
    const HyperParam* p = descriptor(key);
    if (!p) return "unknown schedule parameter " + quote(key);
    if (!std::isfinite(value) || value < p->min || value > p->max)
        return std::string(key) + " must be in [" + std::to_string(p->min) + ", " +
               std::to_string(p->max) + "], got " + std::to_string(value);
    if (p->integer && value != std::floor(value))
        return std::string(key) + " must be a whole number, got " + std::to_string(value);
    if (double* d = field(s, key)) *d = value;
    if (int* n = countField(s, key)) *n = static_cast<int>(value);
    return std::nullopt;
}

} // namespace gs

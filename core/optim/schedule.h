#pragma once
// Learning-rate schedules: λ_k as a function of the base rate λ0 and the step index k = 0, 1, ...
// A schedule is plain data (a kind and its parameters), so a scene can save it and a view can
// plot λ_k; run() with a schedule sets the optimizer's "lr" to λ_k before step k.

#include "optim/optimizer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

enum class ScheduleKind {
    Constant,    ///< λ_k = λ0
    StepDecay,   ///< λ_k = λ0 γ^⌊k/s⌋
    Exponential, ///< λ_k = λ0 γ^k
    Cosine,      ///< λ_k = λ_min + (λ0 − λ_min)(1 + cos(π k/T))/2 for k ≤ T, then λ_min
    InverseTime, ///< λ_k = λ0 / (1 + d k)
    Warmup,      ///< λ_k = λ_start + (λ0 − λ_start) k/w for k < w, then λ0
};

struct Schedule {
    ScheduleKind kind = ScheduleKind::Constant;
    double gamma = 0.5;     ///< decay factor γ in (0, 1] (step decay, exponential)
    int stepSize = 10;      ///< s ≥ 1: steps between decays (step decay)
    double minRate = 0.0;   ///< λ_min ≥ 0 (cosine)
    int period = 100;       ///< T ≥ 1: steps from λ0 down to λ_min (cosine)
    double decay = 0.01;    ///< d ≥ 0 (inverse time)
    double startRate = 0.0; ///< λ_start ≥ 0 (warm-up)
    int warmupSteps = 10;   ///< w ≥ 1: steps from λ_start up to λ0 (warm-up)

    /// Message naming the first bad field the kind uses, or nothing when all are valid.
    std::optional<std::string> validate() const;
    /// λ_k for base rate λ0 = `base` at step k ≥ 0 (k < 0 is treated as 0).
    double rate(double base, int k) const;

    bool operator==(const Schedule&) const = default;
};

/// Stable key for scene files and menus: "constant", "step", "exponential", "cosine",
/// "inverse_time", "warmup".
std::string_view scheduleKindKey(ScheduleKind kind);
/// The kind with that key, or nothing for an unknown key.
std::optional<ScheduleKind> scheduleKindFromKey(std::string_view key);
/// Every kind, in menu order (constant first).
const std::vector<ScheduleKind>& scheduleKinds();
/// Name for people, e.g. "Step decay".
std::string_view scheduleKindName(ScheduleKind kind);
/// The formula as plain text, e.g. "λₖ = λ₀ γ^⌊k/s⌋".
std::string_view scheduleFormula(ScheduleKind kind);

/// The parameters a kind uses, described as data like an optimizer's hyperparameters (key as in
/// scene files: "gamma", "step_size", "min_rate", "period", "decay", "start_rate",
/// "warmup_steps"), so a GUI builds its controls and a scene reader its checks from the list.
const std::vector<HyperParam>& scheduleParams(ScheduleKind kind);
/// The field with that key; NaN for an unknown key.
double scheduleParam(const Schedule& s, std::string_view key);
/// Sets the field with that key; a message naming it when the key is unknown or the value is
/// outside its descriptor's range (or not whole for a step count).
std::optional<std::string> setScheduleParam(Schedule& s, std::string_view key, double value);

} // namespace gs

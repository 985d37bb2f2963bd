#pragma once
// Learning-rate schedules: λ_k as a function of the base rate λ0 and the step index k = 0, 1, ...
// A schedule is plain data (a kind and its parameters), so a scene can save it and a view can
// plot λ_k; run() with a schedule sets the optimizer's "lr" to λ_k before step k.

#include <optional>
#include <string>
#include <string_view>

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
};

/// Stable key for scene files and menus: "constant", "step", "exponential", "cosine",
/// "inverse_time", "warmup".
std::string_view scheduleKindKey(ScheduleKind kind);
/// The kind with that key, or nothing for an unknown key.
std::optional<ScheduleKind> scheduleKindFromKey(std::string_view key);

} // namespace gs

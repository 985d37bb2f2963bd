#pragma once
// Optimizer: one interface, one small class per method. A method describes its hyperparameters
// as data (so the GUI builds its controls from them) and exposes its inner state by name
// (so a view can draw velocity, moments or the effective step).

#include "objective/objective.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

/// Describes one hyperparameter: enough for a GUI control, a scene file and validation.
struct HyperParam {
    std::string key;   ///< stable identifier used in scene files, e.g. "lr"
    std::string label; ///< short label for a control, e.g. "learning rate λ"
    double defaultValue = 0.0;
    double min = 0.0;
    double max = 1.0;
    bool logScale = false;
    std::string help; ///< one line for a tooltip
    bool integer = false;
};

class Optimizer {
public:
    virtual ~Optimizer() = default;

    /// Registry key, e.g. "gd", "adam".
    virtual std::string key() const = 0;
    /// Name for people, e.g. "Gradient descent".
    virtual std::string displayName() const = 0;
    /// The update rule as plain text, e.g. "x ← x − λ ∇f(x)".
    virtual std::string updateRule() const = 0;
    virtual const std::vector<HyperParam>& hyperParams() const = 0;
    /// True for methods that read the Hessian (too costly for a network's many parameters).
    virtual bool usesHessian() const { return false; }

    /// Forget all state and prepare for an n-dimensional problem.
    virtual void reset(int n) = 0;
    /// One update of x in place, given g = ∇f(x). `f` is there for methods that need more than
    /// the gradient (Newton's Hessian).
    virtual void step(const Objective& f, Vec& x, const Vec& g) = 0;
    /// True for methods with stepFloat(): a caller that keeps its parameters in float32 (the
    /// network trainer) then updates them in place, with no conversion to double and back.
    virtual bool hasFloatStep() const { return false; }
    /// The update of step() in float32 on x[0 … n−1], given g; only when hasFloatStep().
    /// The same as beginFloatStep(n) followed by stepFloatRange(x, g, 0, n).
    void stepFloat(float* x, const float* g, int n);
    /// A float32 step split among threads: beginFloatStep(n) once, on one thread, then
    /// stepFloatRange() once for each of some disjoint ranges covering 0 … n−1, which may run
    /// at the same time on different threads. x and g are the whole vectors; [begin, end) is
    /// the part this call updates. Only when hasFloatStep().
    void beginFloatStep(int n);
    virtual void stepFloatRange(float* x, const float* g, int begin, int end);

    /// Names of the state vectors a view can draw ("velocity", "m", "v", ...).
    virtual std::vector<std::string> stateNames() const { return {}; }
    /// State vector i (in stateNames() order) as it is after the last step. Sized by reset(n);
    /// the reference stays valid (and is updated in place by step()) until the next reset().
    virtual const Vec& state(int i) const;

    /// Sets a hyperparameter; returns a message naming it when the key or value is bad.
    std::optional<std::string> set(std::string_view key, double value);
    /// Current value of a hyperparameter; NaN for an unknown key.
    double get(std::string_view key) const;
    /// Checks every hyperparameter against its range; the message names the first bad one.
    std::optional<std::string> validate() const;

protected:
    /// What a float step needs done once before its ranges (beginFloatStep).
    virtual void prepareFloatStep(int /*n*/) {}
    /// Current value of the i-th hyperparameter (in hyperParams() order). Called every step,
    /// so the defaults are looked up once, not on each call.
    double param(int i) const {
        if (values_.empty()) ensureValues();
        return values_[static_cast<size_t>(i)];
    }

private:
    void ensureValues() const;
    mutable std::vector<double> values_; // lazily filled with defaults
};

} // namespace gs

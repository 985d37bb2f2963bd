#pragma once
// The learning-rate sweep page's own section of a scene: the rate range and grid, what is
// plotted, and the page the sweep was opened from (where a clicked rate is shown). The function,
// start, step limit and optimizers are the scene's own.

#include "scene/json_reader.h"

#include <QJsonObject>
#include <QString>

namespace gs::app {

struct LrSweepPageSettings {
    enum class Quantity { FinalLoss, StepsToTolerance };
    static constexpr double kMinRate = 1e-5; ///< the optimizers' smallest "lr"
    static constexpr double kMaxRate = 10;   ///< their largest
    static constexpr int kMaxPoints = 400;

    double lo = 1e-3;
    double hi = 1.0;
    int points = 60;
    Quantity quantity = Quantity::FinalLoss;
    /// "steps to reach": the first step with f − f* ≤ tolerance (f* the known minimum, else 0).
    double tolerance = 1e-6;
    /// The page key a clicked rate is shown on; empty: none.
    QString from;

    /// Reads and validates a scene's "lr-sweep" section (throws SceneError through the reader).
    static LrSweepPageSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app

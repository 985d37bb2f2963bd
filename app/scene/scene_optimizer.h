#pragma once
// The optimizer a scene's run names, built and checked once for every page that shows runs: an
// unknown key, a hyperparameter out of range or a bad schedule becomes a one-line reason.

#include "optim/optimizer.h"
#include "scene/scene.h"

#include <QString>
#include <QVector>

#include <memory>

namespace gs::app {

struct SceneOptimizer {
    std::unique_ptr<Optimizer> optimizer; ///< with the run's hyperparameters set; null on error
    QString error;                        ///< why the run cannot be made, for people
};

/// Builds `run`'s optimizer with its hyperparameters and checks its schedule.
SceneOptimizer makeSceneOptimizer(const SceneRun& run);

/// The first reason any of `runs` cannot be made, or an empty string when all can.
QString checkSceneRuns(const QVector<SceneRun>& runs);

/// The method's name as a run shows it: gradient descent climbing f is "Gradient ascent", as
/// the article calls it; every other method keeps its name either way.
QString runMethodName(const Optimizer& optimizer, bool ascent);

} // namespace gs::app

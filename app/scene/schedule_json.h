#pragma once
// A run's learning-rate schedule in a scene file:
//   "schedule": { "kind": "step", "gamma": 0.5, "step_size": 20 }
// "kind" is one of scheduleKindKey()'s keys; the other keys are the kind's parameters
// (scheduleParams), each optional with its default. A key the kind does not use is an error, so a
// typo never passes silently.

#include "optim/schedule.h"
#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

/// Reads and validates a schedule object; throws SceneError naming the bad field.
Schedule readSchedule(const JsonReader& r);
/// The kind and every parameter the kind uses.
QJsonObject scheduleToJson(const Schedule& s);

} // namespace gs::app

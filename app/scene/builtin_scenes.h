#pragma once
// The scenes compiled into the program (resources/scenes/*.json), addressed by name.

#include "scene/scene_json.h"

#include <QStringList>

namespace gs::app {

/// Names of the built-in scenes (file names without .json), sorted.
QStringList builtinSceneNames();
/// Loads a built-in scene by name.
SceneResult builtinScene(const QString& name);
/// A path to a scene file or the name of a built-in scene.
SceneResult loadSceneByNameOrPath(const QString& nameOrPath);

} // namespace gs::app

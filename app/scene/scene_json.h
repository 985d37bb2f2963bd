#pragma once
// Scene <-> JSON. Loading validates everything and names the offending field; a failed load
// returns the error and touches nothing.

#include "scene/scene.h"
#include "scene/scene_error.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace gs::app {

using SceneResult = std::variant<Scene, SceneError>;

/// Parses and validates a scene. Checks structure, types, ranges and versions, that the page and
/// the optimizer keys exist and the hyperparameters are in range, that the function resolves, and
/// (through the page registry) the page's own section. Version-1 scenes are migrated as read.
SceneResult sceneFromJson(const QByteArray& json);
/// The same for a JSON object already parsed (a lesson's scene with a beat's change applied).
SceneResult sceneFromObject(const QJsonObject& object);
/// The scene as the JSON object sceneToJson writes.
QJsonObject sceneToObject(const Scene& scene);
QByteArray sceneToJson(const Scene& scene);

/// Reads a file; I/O errors are SceneErrors too. A data file the page's section names by a
/// relative path ("dataFile": "points.csv") is the one beside the scene file.
SceneResult loadSceneFile(const QString& path);
/// Makes the relative "dataFile" of `scene`'s page section absolute against `folder` (what
/// loadSceneFile does with the scene's own folder, and a lesson with its own).
void resolveDataFiles(Scene& scene, const QString& folder);
/// Writes through writeWhole (files/safe_write.h): a failed save leaves any existing file as it
/// was, a read-only file is refused. Returns an empty string on success, else a one-line reason.
QString saveSceneFile(const Scene& scene, const QString& path);

} // namespace gs::app

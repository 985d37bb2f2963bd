#pragma once
// Scene <-> JSON. Loading validates everything and names the offending field; a failed load
// returns the error and touches nothing.

#include "scene/scene.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace gs::app {

struct SceneError {
    QString
        field; ///< JSON path of the offending value, e.g. "runs[1].params.lr"; empty for the file
    QString message; ///< one line for people

    /// "runs[1].params.lr: must be in [1e-05, 10], got 50"
    QString text() const {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

using SceneResult = std::variant<Scene, SceneError>;

/// Parses and validates a scene. Checks structure, types, ranges and versions, that the optimizer
/// keys exist and their hyperparameters are in range, and that the function resolves.
SceneResult sceneFromJson(const QByteArray& json);
QByteArray sceneToJson(const Scene& scene);

/// Reads a file; I/O errors are SceneErrors too.
SceneResult loadSceneFile(const QString& path);
/// Writes atomically (QSaveFile): a failed save leaves any existing file as it was. Returns an
/// empty string on success, else a one-line reason.
QString saveSceneFile(const Scene& scene, const QString& path);

} // namespace gs::app

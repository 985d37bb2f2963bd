#pragma once
// Why a scene could not be read: the JSON path of the offending value and a line for people.

#include <QString>

namespace gs::app {

struct SceneError {
    /// JSON path of the offending value, e.g. "runs[1].params.lr"; empty for the whole file.
    QString field;
    QString message; ///< one line for people

    /// "runs[1].params.lr: must be in [1e-05, 10], got 50"
    QString text() const {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

} // namespace gs::app

#pragma once
// The two-variable page's own section of a scene: which overlays the map shows.

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct LandscapeSettings {
    bool isolines = true;
    bool gradientField = false;
    bool logLevels = false; ///< isolines spaced on a log scale of f − min

    /// Reads and validates a scene's "landscape" section (throws SceneError through the reader).
    static LandscapeSettings read(const JsonReader& section);
    QJsonObject toJson() const;

    bool operator==(const LandscapeSettings&) const = default;
};

} // namespace gs::app

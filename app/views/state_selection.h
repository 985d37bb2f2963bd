#pragma once
// What the state panel shows (whose state, which of its names, which coordinate, which scale), as
// a page's scene section stores it under "state".

#include "scene/json_reader.h"

#include <QJsonObject>
#include <QString>

namespace gs::app {

/// What the panel shows, as a scene stores it: a page's "state" key.
struct StateSelection {
    int run = -1;        ///< index into the page's runs; −1: the first run that keeps any state
    QString state;       ///< a state name of that run; empty or unknown: its first
    int coordinate = -1; ///< 0 for x, 1 for y, −1 for all coordinates
    bool log = false;    ///< value axis on a log scale (non-positive values are left out)

    /// Reads {"run", "state", "coordinate": "x" | "y" | "all", "log"}; every key optional.
    static StateSelection read(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const StateSelection&) const = default;
};

} // namespace gs::app

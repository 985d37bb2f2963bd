#pragma once
// The basin-of-attraction overlay's part of a scene's "landscape" section:
//   "basins": { "show": true, "run": 0, "resolution": 200, "preview": 48 }
// Every key is optional, and a section without "basins" shows none.

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct BasinSettings {
    bool show = false;
    int run = 0;          ///< whose optimizer and hyperparameters: an index into the scene's runs
    int resolution = 200; ///< starts per side of the full map
    int preview = 48;     ///< starts per side while a slider is dragged

    static BasinSettings read(const JsonReader& section);
    QJsonObject toJson() const;

    bool operator==(const BasinSettings&) const = default;
};

} // namespace gs::app

#include "views/state_selection.h"

#include <algorithm>

namespace gs::app {

namespace {
const QStringList kCoordinates = {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("all")};
} // namespace

StateSelection StateSelection::read(const JsonReader& r) {
    r.allowOnly({"run", "state", "coordinate", "log"});
    StateSelection s;
    s.run = r.integer(QStringLiteral("run"), 0, 1000, s.run);
    s.state = r.string(QStringLiteral("state"));
    const int c = r.choice(QStringLiteral("coordinate"), kCoordinates, 2);
    s.coordinate = c == 2 ? -1 : c;
    s.log = r.boolean(QStringLiteral("log"), s.log);
    return s;
}

QJsonObject StateSelection::toJson() const {
    QJsonObject o;
    if (run >= 0) o[QStringLiteral("run")] = run;
    if (!state.isEmpty()) o[QStringLiteral("state")] = state;
    o[QStringLiteral("coordinate")] = kCoordinates[coordinate < 0 ? 2 : std::min(coordinate, 1)];
    o[QStringLiteral("log")] = log;
    return o;
}

} // namespace gs::app

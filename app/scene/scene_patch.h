#pragma once
// A change to a scene, as a lesson's beat writes it: a JSON merge patch (RFC 7396) applied to the
// scene's JSON. An object merges key by key, recursively; null removes a key; anything else (a
// number, a string, an array such as "runs" or "start") replaces what was there whole.

#include <QJsonObject>

namespace gs::app {

QJsonObject mergePatch(QJsonObject target, const QJsonObject& patch);

} // namespace gs::app

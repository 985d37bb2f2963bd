#include "scene/scene_patch.h"

namespace gs::app {

QJsonObject mergePatch(QJsonObject target, const QJsonObject& patch) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            target.remove(it.key());
        else if (it.value().isObject() && target.value(it.key()).isObject())
            target[it.key()] = mergePatch(target.value(it.key()).toObject(), it.value().toObject());
        else if (it.value().isObject()) // onto nothing: the patch's nulls still remove
            target[it.key()] = mergePatch({}, it.value().toObject());
        else
            target[it.key()] = it.value();
    }
    return target;
}

} // namespace gs::app

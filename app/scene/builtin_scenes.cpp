#include "scene/builtin_scenes.h"
#include "scene/quote.h"

#include <QDir>
#include <QFileInfo>

namespace gs::app {

namespace {
const QString kRoot = QStringLiteral(":/scenes/");
}

QStringList builtinSceneNames() {
    QStringList names;
    for (const QString& file :
         QDir(kRoot).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << QFileInfo(file).completeBaseName();
    return names;
}

SceneResult builtinScene(const QString& name) {
    if (!builtinSceneNames().contains(name))
        return SceneError{
            {}, QStringLiteral("no built-in scene named %1 (see --list)").arg(quote(name))};
    return loadSceneFile(kRoot + name + QStringLiteral(".json"));
}

SceneResult loadSceneByNameOrPath(const QString& nameOrPath) {
    if (QFileInfo::exists(nameOrPath)) return loadSceneFile(nameOrPath);
    if (nameOrPath.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return SceneError{{}, QStringLiteral("cannot open %1: no such file").arg(nameOrPath)};
    return builtinScene(nameOrPath);
}

} // namespace gs::app

#include "scene/scene_optimizer.h"

#include <QObject>

#include "optim/registry.h"
#include "scene/quote.h"

#include <QCoreApplication>

namespace gs::app {

SceneOptimizer makeSceneOptimizer(const SceneRun& run) {
    auto tr = [](const char* text) { return QCoreApplication::translate("Scene", text); };
    SceneOptimizer out;
    out.optimizer = createOptimizer(run.optimizer.toStdString());
    if (!out.optimizer) {
        out.error = tr("unknown optimizer %1").arg(quote(run.optimizer));
        return out;
    }
    for (auto it = run.params.begin(); it != run.params.end(); ++it)
        if (auto error = out.optimizer->set(it.key().toStdString(), it.value())) {
            out.error = QString::fromStdString(*error);
            break;
        }
    if (out.error.isEmpty() && run.schedule)
        if (auto error = run.schedule->validate())
            out.error = tr("schedule: %1").arg(QString::fromStdString(*error));
    if (!out.error.isEmpty()) out.optimizer.reset();
    return out;
}

QString checkSceneRuns(const QVector<SceneRun>& runs) {
    for (const SceneRun& run : runs)
        if (QString error = makeSceneOptimizer(run).error; !error.isEmpty()) return error;
    return {};
}

QString runMethodName(const Optimizer& optimizer, bool ascent) {
    if (ascent && optimizer.key() == "gd") return QObject::tr("Gradient ascent");
    return QString::fromStdString(optimizer.displayName());
}

} // namespace gs::app

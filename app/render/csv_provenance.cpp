#include "render/csv_provenance.h"

#include "optim/registry.h"
#include "pages/page_registry.h"
#include "scene/function_source.h"
#include "scene/scene_json.h"
#include "scene/schedule_json.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <charconv>

namespace gs::app {

namespace {

/// The shortest text that reads back as exactly `v`: 0.1, not 0.10000000000000001.
QByteArray number(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QByteArray(buf, int(r.ptr - buf));
}

QByteArray numbers(const QVector<double>& v) {
    QByteArrayList parts;
    for (double d : v)
        parts << number(d);
    return parts.join(' ');
}

/// A comment line holds no newline of its own: a formula or title typed with one is folded.
QByteArray oneLine(QByteArray text) {
    return text.replace('\r', ' ').replace('\n', ' ');
}

} // namespace

QString runDescription(const SceneRun& run) {
    QStringList parts{run.optimizer};
    if (const auto opt = createOptimizer(run.optimizer.toStdString())) {
        for (const HyperParam& p : opt->hyperParams()) {
            const QString key = QString::fromStdString(p.key);
            parts << QStringLiteral("%1=%2").arg(
                key, QString::fromLatin1(number(run.params.value(key, p.defaultValue))));
        }
    }
    parts << QStringLiteral("schedule=%1")
                 .arg(run.schedule ? QString::fromUtf8(QJsonDocument(scheduleToJson(*run.schedule))
                                                           .toJson(QJsonDocument::Compact))
                                   : QStringLiteral("constant"));
    if (run.start)
        parts << QStringLiteral("start=%1").arg(QString::fromLatin1(numbers(*run.start)));
    if (!run.visible) parts << QStringLiteral("hidden");
    return parts.join(u' ');
}

QByteArray csvProvenance(const Scene& s) {
    QByteArray out = "# gradscape " GRADSCAPE_VERSION ", scene format " +
                     QByteArray::number(Scene::kVersion) + '\n';
    out += "# page: " + s.page.toUtf8() + '\n';
    if (!s.title.isEmpty()) out += "# title: " + oneLine(s.title.toUtf8()) + '\n';
    if (!s.catalog.isEmpty()) {
        QByteArray formula;
        for (int dim : {1, 2})
            if (const ResolvedFunction f = resolveFunction(s.catalog, {}, dim); f.objective) {
                formula = QByteArray::fromStdString(f.objective->info().formula);
                break;
            }
        out += "# function: " + s.catalog.toUtf8() + " = " + oneLine(formula) + '\n';
    } else if (!s.formula.isEmpty()) {
        out += "# function: " + oneLine(s.formula.toUtf8()) + '\n';
    }
    if (!s.catalog.isEmpty() || !s.formula.isEmpty()) {
        out += "# direction: ";
        out += s.direction == Scene::Direction::Ascent ? "ascent" : "descent";
        out += ", start: " +
               (s.start.isEmpty() ? QByteArray("the function's default") : numbers(s.start)) +
               ", max_steps: " + QByteArray::number(s.maxSteps) + '\n';
    }
    // The runs of a page that records them, or the optimizer a page trains with (a classifier's);
    // a page that uses neither keeps the scene's default run, which says nothing.
    const PageInfo* info = PageRegistry::instance().find(s.page);
    if ((info && info->runs) || s.runs != QVector<SceneRun>{SceneRun{}})
        for (int i = 0; i < s.runs.size(); ++i)
            out +=
                "# run " + QByteArray::number(i) + ": " + runDescription(s.runs[i]).toUtf8() + '\n';
    if (!s.settings.isEmpty())
        out += "# " + s.page.toUtf8() + ": " +
               QJsonDocument(s.settings).toJson(QJsonDocument::Compact) + '\n';
    out += "# scene: " + QJsonDocument(sceneToObject(s)).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

QVector<CsvRun> readCsvRuns(const QByteArray& csv) {
    QVector<CsvRun> runs;
    static const QRegularExpression line(QStringLiteral("^# run (\\d+): (\\S+)(.*)$"),
                                         QRegularExpression::MultilineOption);
    static const QRegularExpression param(QStringLiteral("(\\w+)=(\\S+)"));
    for (auto it = line.globalMatch(QString::fromUtf8(csv)); it.hasNext();) {
        const auto m = it.next();
        CsvRun run;
        run.optimizer = m.captured(2);
        for (auto p = param.globalMatch(m.captured(3)); p.hasNext();) {
            const auto pm = p.next();
            if (pm.captured(1) == QLatin1String("schedule"))
                run.schedule = pm.captured(2);
            else if (pm.captured(1) != QLatin1String("start"))
                run.params.append({pm.captured(1), pm.captured(2).toDouble()});
        }
        runs.append(run);
    }
    return runs;
}

} // namespace gs::app

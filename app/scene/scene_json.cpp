#include "scene/scene_json.h"

#include "files/read_file.h"
#include "files/safe_write.h"
#include "optim/registry.h"
#include "pages/page_registry.h"
#include "scene/function_source.h"
#include "scene/json_reader.h"
#include "scene/quote.h"
#include "scene/schedule_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace gs::app {

namespace {

constexpr const char* kFormat = "gradscape-scene";
constexpr double kCoordinateLimit = 1e6; // starts and boxes beyond this are surely typos

/// The pages of version 1, which named them "views".
const QStringList kViews = {QStringLiteral("curve"), QStringLiteral("landscape")};
const QStringList kDirections = {QStringLiteral("descent"), QStringLiteral("ascent")};
const QStringList kThemes = {QStringLiteral("light"), QStringLiteral("dark")};

QVector<double> range(const JsonReader& r, const QString& key) {
    QVector<double> v = r.numbers(key, 2, 2, -kCoordinateLimit, kCoordinateLimit);
    if (!v.isEmpty() && !(v[0] < v[1]))
        r.fail(key, QStringLiteral("the first number must be smaller"));
    return v;
}

SceneRun readRun(const JsonReader& r, int dimension) {
    r.allowOnly({"optimizer", "params", "start", "visible", "schedule"});
    SceneRun run;
    run.optimizer = r.string(QStringLiteral("optimizer"), run.optimizer);
    auto opt = createOptimizer(run.optimizer.toStdString());
    if (!opt)
        r.fail(QStringLiteral("optimizer"),
               QStringLiteral("unknown optimizer %1").arg(quote(run.optimizer)));
    if (r.has(QStringLiteral("params"))) {
        const JsonReader p = r.object(QStringLiteral("params"));
        for (auto it = p.json().begin(); it != p.json().end(); ++it) {
            const double v = JsonReader::checkNumber(it.value(), p.at(it.key()), -1e300, 1e300);
            if (auto error = opt->set(it.key().toStdString(), v))
                p.fail(it.key(), QString::fromStdString(*error));
            run.params.insert(it.key(), v);
        }
    }
    if (r.has(QStringLiteral("start")))
        run.start = r.numbers(QStringLiteral("start"), dimension, dimension, -kCoordinateLimit,
                              kCoordinateLimit);
    run.visible = r.boolean(QStringLiteral("visible"), true);
    if (r.has(QStringLiteral("schedule")))
        run.schedule = readSchedule(r.object(QStringLiteral("schedule")));
    return run;
}

/// Version 1 named the page "view" ("curve" or "landscape") and kept the landscape's settings at
/// the top level; version 2 names the page by its registry key and gives it its own section.
/// Rewrites a version-1 object as version 2, so one reader serves both.
QJsonObject migrateFromVersion1(QJsonObject o) {
    static const char* const kLandscapeKeys[] = {"isolines", "gradient_field", "levels"};
    const QJsonValue view = o.take(QStringLiteral("view"));
    const QString page = view.isUndefined() ? QStringLiteral("curve") : view.toString();
    QJsonObject section;
    for (const char* key : kLandscapeKeys) {
        const QJsonValue v = o.take(QString::fromLatin1(key));
        if (!v.isUndefined()) section[QString::fromLatin1(key)] = v;
    }
    if (!view.isUndefined() && !view.isString())
        o[QStringLiteral("page")] = view; // let the reader name the bad value
    else if (kViews.contains(page))
        o[QStringLiteral("page")] = page;
    else
        throw SceneError{
            QStringLiteral("view"),
            QStringLiteral("must be one of %1").arg(kViews.join(QStringLiteral(", ")))};
    if (page == QLatin1String("landscape") && !section.isEmpty()) o[page] = section;
    o[QStringLiteral("version")] = Scene::kVersion;
    return o;
}

// "focus": "surface" (on every screen), or {"desk": "map", "presentation": "surface"}; which
// pictures a page has is the page's to check (Page::showScene).
SceneFocus readFocus(const JsonReader& r) {
    const QString key = QStringLiteral("focus");
    if (!r.has(key)) return {};
    auto picture = [](const JsonReader& at, const QString& name) {
        const QString v = at.string(name);
        static const QRegularExpression kKey(QStringLiteral("^[a-z][a-z0-9-]{0,31}$"));
        if (!v.isEmpty() && !kKey.match(v).hasMatch())
            at.fail(
                name,
                QStringLiteral("%1 is not a picture's name (such as \"surface\")").arg(quote(v)));
        return v;
    };
    if (r.value(key).isString()) {
        const QString both = picture(r, key);
        return {both, both};
    }
    const JsonReader o = r.object(key);
    o.allowOnly({"desk", "presentation"});
    return {picture(o, QStringLiteral("desk")), picture(o, QStringLiteral("presentation"))};
}

QJsonValue focusToJson(const SceneFocus& f) {
    if (f.desk == f.presentation) return f.desk;
    QJsonObject o;
    if (!f.desk.isEmpty()) o[QStringLiteral("desk")] = f.desk;
    if (!f.presentation.isEmpty()) o[QStringLiteral("presentation")] = f.presentation;
    return o;
}

Scene readScene(QJsonObject object) {
    const JsonReader top(object, {});
    if (top.string(QStringLiteral("format")) != QLatin1String(kFormat))
        top.fail(QStringLiteral("format"),
                 QStringLiteral("must be \"%1\"").arg(QLatin1String(kFormat)));
    if (!top.has(QStringLiteral("version")))
        top.fail(QStringLiteral("version"), QStringLiteral("is missing"));
    const int version =
        top.integer(QStringLiteral("version"), 1, std::numeric_limits<int>::max(), 1);
    if (version > Scene::kVersion)
        top.fail(QStringLiteral("version"),
                 QStringLiteral("this scene is version %1, newer than this Gradscape reads (%2); "
                                "update Gradscape to open it")
                     .arg(version)
                     .arg(Scene::kVersion));
    if (version == 1) object = migrateFromVersion1(object);
    const JsonReader r(object, {});

    Scene s;
    s.page = r.string(QStringLiteral("page"), s.page);
    const PageInfo* page = PageRegistry::instance().find(s.page);
    if (!page)
        r.fail(QStringLiteral("page"),
               QStringLiteral("unknown page %1; the pages are %2")
                   .arg(quote(s.page), PageRegistry::instance().keys().join(QStringLiteral(", "))));
    r.allowOnly({"format", "version", "title", "page", "function", "x_range", "y_range",
                 "direction", "start", "max_steps", "runs", "step", "theme", "lesson", "focus",
                 qPrintable(s.page)});
    s.title = r.string(QStringLiteral("title"));
    const int dim = page->dimension;

    if (dim > 0) {
        if (!r.has(QStringLiteral("function")))
            r.fail(QStringLiteral("function"), QStringLiteral("is missing"));
        const JsonReader fn = r.object(QStringLiteral("function"));
        fn.allowOnly({"catalog", "formula"});
        s.catalog = fn.string(QStringLiteral("catalog"));
        s.formula = fn.string(QStringLiteral("formula"));
        if (s.catalog.isEmpty() == s.formula.isEmpty())
            r.fail(QStringLiteral("function"),
                   QStringLiteral("needs exactly one of \"catalog\" or \"formula\""));
        if (const ResolvedFunction f = resolveFunction(s.catalog, s.formula, dim); !f.objective)
            fn.fail(s.formula.isEmpty() ? QStringLiteral("catalog") : QStringLiteral("formula"),
                    f.error);
    } else if (r.has(QStringLiteral("function")) &&
               !r.object(QStringLiteral("function")).json().isEmpty()) {
        r.fail(QStringLiteral("function"),
               QStringLiteral("page %1 shows no function of its own").arg(quote(s.page)));
    }

    s.xRange = range(r, QStringLiteral("x_range"));
    s.yRange = range(r, QStringLiteral("y_range")); // a curve's value axis, a landscape's y
    s.direction =
        static_cast<Scene::Direction>(r.choice(QStringLiteral("direction"), kDirections, 0));
    s.start = r.numbers(QStringLiteral("start"), dim, dim, -kCoordinateLimit, kCoordinateLimit);
    s.maxSteps = r.integer(QStringLiteral("max_steps"), 1, 100000, s.maxSteps);

    if (r.has(QStringLiteral("runs"))) {
        if (!r.value(QStringLiteral("runs")).isArray())
            r.fail(QStringLiteral("runs"), QStringLiteral("must be an array of runs"));
        const QJsonArray runs = r.value(QStringLiteral("runs")).toArray();
        if (runs.isEmpty() || runs.size() > 32)
            r.fail(QStringLiteral("runs"), QStringLiteral("must hold 1 to 32 runs"));
        s.runs.clear();
        for (int i = 0; i < runs.size(); ++i) {
            const QString where = QStringLiteral("runs[%1]").arg(i);
            if (!runs[i].isObject()) throw SceneError{where, QStringLiteral("must be an object")};
            s.runs << readRun(JsonReader(runs[i].toObject(), where), dim);
        }
    }
    s.step = r.integer(QStringLiteral("step"), -1, 100000, s.step);
    s.theme = static_cast<Scene::Theme>(r.choice(QStringLiteral("theme"), kThemes, 0));
    s.lesson = r.string(QStringLiteral("lesson"));
    s.focus = readFocus(r);
    if (r.has(s.page)) {
        const JsonReader section = r.object(s.page);
        if (page->checkSettings)
            page->checkSettings(section);
        else if (!section.json().isEmpty())
            section.fail(section.json().begin().key(),
                         QStringLiteral("unknown key (this page has no settings)"));
        s.settings = section.json();
    }
    return s;
}

QJsonArray toArray(const QVector<double>& v) {
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

} // namespace

SceneResult sceneFromJson(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    // Qt refuses a top-level scalar (null, 42, "text") as an "illegal value": when the text is
    // valid JSON inside an array, it was such a scalar, so say what a scene must be.
    if (parseError.error != QJsonParseError::NoError && !json.trimmed().isEmpty() &&
        !QJsonDocument::fromJson('[' + json + ']').isNull())
        return SceneError{{}, QStringLiteral("a scene must be a JSON object")};
    if (parseError.error != QJsonParseError::NoError)
        return SceneError{{},
                          QStringLiteral("not valid JSON at byte %1: %2")
                              .arg(parseError.offset)
                              .arg(parseError.errorString())};
    if (!doc.isObject()) return SceneError{{}, QStringLiteral("a scene must be a JSON object")};
    return sceneFromObject(doc.object());
}

SceneResult sceneFromObject(const QJsonObject& object) {
    try {
        return readScene(object);
    } catch (const SceneError& e) {
        return e;
    }
}

QByteArray sceneToJson(const Scene& s) {
    return QJsonDocument(sceneToObject(s)).toJson(QJsonDocument::Indented);
}

QJsonObject sceneToObject(const Scene& s) {
    QJsonObject o;
    o[QStringLiteral("format")] = QLatin1String(kFormat);
    o[QStringLiteral("version")] = Scene::kVersion;
    if (!s.title.isEmpty()) o[QStringLiteral("title")] = s.title;
    o[QStringLiteral("page")] = s.page;
    QJsonObject fn;
    if (!s.catalog.isEmpty()) fn[QStringLiteral("catalog")] = s.catalog;
    if (!s.formula.isEmpty()) fn[QStringLiteral("formula")] = s.formula;
    if (!fn.isEmpty()) o[QStringLiteral("function")] = fn; // a page of no function has none
    if (!s.xRange.isEmpty()) o[QStringLiteral("x_range")] = toArray(s.xRange);
    if (!s.yRange.isEmpty()) o[QStringLiteral("y_range")] = toArray(s.yRange);
    o[QStringLiteral("direction")] = kDirections[static_cast<int>(s.direction)];
    if (!s.start.isEmpty()) o[QStringLiteral("start")] = toArray(s.start);
    o[QStringLiteral("max_steps")] = s.maxSteps;
    QJsonArray runs;
    for (const SceneRun& run : s.runs) {
        QJsonObject r;
        r[QStringLiteral("optimizer")] = run.optimizer;
        QJsonObject params;
        for (auto it = run.params.begin(); it != run.params.end(); ++it)
            params[it.key()] = it.value();
        if (!params.isEmpty()) r[QStringLiteral("params")] = params;
        if (run.start) r[QStringLiteral("start")] = toArray(*run.start);
        if (!run.visible) r[QStringLiteral("visible")] = false;
        if (run.schedule) r[QStringLiteral("schedule")] = scheduleToJson(*run.schedule);
        runs.append(r);
    }
    o[QStringLiteral("runs")] = runs;
    o[QStringLiteral("step")] = s.step;
    o[QStringLiteral("theme")] = kThemes[static_cast<int>(s.theme)];
    if (!s.lesson.isEmpty()) o[QStringLiteral("lesson")] = s.lesson;
    if (s.focus != SceneFocus{}) o[QStringLiteral("focus")] = focusToJson(s.focus);
    if (!s.settings.isEmpty()) o[s.page] = s.settings;
    return o;
}

SceneResult loadSceneFile(const QString& path) {
    constexpr qint64 kMaxSize = 4 << 20; // a scene is a few kilobytes
    const FileRead read = readUserFile(path, kMaxSize, QStringLiteral("a scene"));
    if (!read.ok()) return SceneError{{}, read.error};
    SceneResult r = sceneFromJson(read.data);
    if (auto* s = std::get_if<Scene>(&r)) resolveDataFiles(*s, QFileInfo(path).absolutePath());
    return r;
}

void resolveDataFiles(Scene& scene, const QString& folder) {
    const QString key = QStringLiteral("dataFile");
    const QString file = scene.settings.value(key).toString();
    // A compiled-in file (":/data/iris.csv") and an absolute path stay as they are.
    if (file.isEmpty() || file.startsWith(QLatin1Char(':')) || QFileInfo(file).isAbsolute() ||
        folder.startsWith(QLatin1Char(':')))
        return;
    scene.settings.insert(key, QDir(folder).absoluteFilePath(file));
}

QString saveSceneFile(const Scene& scene, const QString& path) {
    return writeWhole(path, sceneToJson(scene));
}

} // namespace gs::app

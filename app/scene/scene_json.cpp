#include "scene/scene_json.h"

#include "optim/registry.h"
#include "scene/function_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::app {

namespace {

constexpr const char* kFormat = "gradscape-scene";
constexpr double kCoordinateLimit = 1e6; // starts and boxes beyond this are surely typos

/// Reads one JSON object, remembering where it is, so every error names its field.
/// Errors are thrown as SceneError inside this file only; sceneFromJson catches them.
class Reader {
public:
    Reader(QJsonObject object, QString path) : o_(std::move(object)), path_(std::move(path)) {}

    QString at(const QString& key) const { return path_.isEmpty() ? key : path_ + '.' + key; }
    [[noreturn]] void fail(const QString& key, const QString& message) const {
        throw SceneError{at(key), message};
    }

    void allowOnly(std::initializer_list<const char*> keys) const {
        QSet<QString> allowed;
        for (const char* k : keys)
            allowed.insert(QString::fromLatin1(k));
        for (auto it = o_.begin(); it != o_.end(); ++it)
            if (!allowed.contains(it.key())) fail(it.key(), QStringLiteral("unknown key"));
    }

    bool has(const QString& key) const { return o_.contains(key); }
    QJsonValue value(const QString& key) const { return o_.value(key); }

    QString string(const QString& key, const QString& fallback = {}) const {
        if (!has(key)) return fallback;
        if (!o_.value(key).isString()) fail(key, QStringLiteral("must be a string"));
        return o_.value(key).toString();
    }

    double number(const QString& key, double lo, double hi, double fallback) const {
        if (!has(key)) return fallback;
        return checkNumber(o_.value(key), at(key), lo, hi);
    }

    int integer(const QString& key, int lo, int hi, int fallback) const {
        const double v = number(key, lo, hi, fallback);
        if (v != std::floor(v)) fail(key, QStringLiteral("must be a whole number, got %1").arg(v));
        return static_cast<int>(v);
    }

    bool boolean(const QString& key, bool fallback) const {
        if (!has(key)) return fallback;
        if (!o_.value(key).isBool()) fail(key, QStringLiteral("must be true or false"));
        return o_.value(key).toBool();
    }

    /// One of `names`; returns its index.
    int choice(const QString& key, const QStringList& names, int fallback) const {
        if (!has(key)) return fallback;
        const int i = names.indexOf(string(key));
        if (i < 0)
            fail(key, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
        return i;
    }

    QVector<double> numbers(const QString& key, int minCount, int maxCount, double lo,
                            double hi) const {
        if (!has(key)) return {};
        if (!o_.value(key).isArray()) fail(key, QStringLiteral("must be an array of numbers"));
        const QJsonArray a = o_.value(key).toArray();
        if (a.size() < minCount || a.size() > maxCount)
            fail(key,
                 minCount == maxCount
                     ? QStringLiteral("must have %1 numbers").arg(minCount)
                     : QStringLiteral("must have %1 to %2 numbers").arg(minCount).arg(maxCount));
        QVector<double> out;
        for (int i = 0; i < a.size(); ++i)
            out << checkNumber(a[i], QStringLiteral("%1[%2]").arg(at(key)).arg(i), lo, hi);
        return out;
    }

    Reader object(const QString& key) const {
        if (!o_.value(key).isObject()) fail(key, QStringLiteral("must be an object"));
        return Reader(o_.value(key).toObject(), at(key));
    }

    const QJsonObject& json() const { return o_; }

    static double checkNumber(const QJsonValue& v, const QString& where, double lo, double hi) {
        if (!v.isDouble()) throw SceneError{where, QStringLiteral("must be a number")};
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < lo || d > hi)
            throw SceneError{where,
                             QStringLiteral("must be in [%1, %2], got %3").arg(lo).arg(hi).arg(d)};
        return d;
    }

private:
    QJsonObject o_;
    QString path_;
};

const QStringList kViews = {QStringLiteral("curve"), QStringLiteral("landscape")};
const QStringList kDirections = {QStringLiteral("descent"), QStringLiteral("ascent")};
const QStringList kLevels = {QStringLiteral("linear"), QStringLiteral("log")};
const QStringList kThemes = {QStringLiteral("light"), QStringLiteral("dark")};

QVector<double> range(const Reader& r, const QString& key) {
    QVector<double> v = r.numbers(key, 2, 2, -kCoordinateLimit, kCoordinateLimit);
    if (!v.isEmpty() && !(v[0] < v[1]))
        r.fail(key, QStringLiteral("the first number must be smaller"));
    return v;
}

SceneRun readRun(const Reader& r, int dimension) {
    r.allowOnly({"optimizer", "params", "start", "visible"});
    SceneRun run;
    run.optimizer = r.string(QStringLiteral("optimizer"), run.optimizer);
    auto opt = createOptimizer(run.optimizer.toStdString());
    if (!opt)
        r.fail(QStringLiteral("optimizer"),
               QStringLiteral("unknown optimizer '%1'").arg(run.optimizer));
    if (r.has(QStringLiteral("params"))) {
        const Reader p = r.object(QStringLiteral("params"));
        for (auto it = p.json().begin(); it != p.json().end(); ++it) {
            const double v = Reader::checkNumber(it.value(), p.at(it.key()), -1e300, 1e300);
            if (auto error = opt->set(it.key().toStdString(), v))
                p.fail(it.key(), QString::fromStdString(*error));
            run.params.insert(it.key(), v);
        }
    }
    if (r.has(QStringLiteral("start")))
        run.start = r.numbers(QStringLiteral("start"), dimension, dimension, -kCoordinateLimit,
                              kCoordinateLimit);
    run.visible = r.boolean(QStringLiteral("visible"), true);
    return run;
}

Scene readScene(const Reader& r) {
    r.allowOnly({"format", "version", "title", "view", "function", "x_range", "y_range",
                 "direction", "start", "max_steps", "runs", "isolines", "gradient_field", "levels",
                 "step", "theme", "lesson"});
    if (r.string(QStringLiteral("format")) != QLatin1String(kFormat))
        r.fail(QStringLiteral("format"),
               QStringLiteral("must be \"%1\"").arg(QLatin1String(kFormat)));
    if (!r.has(QStringLiteral("version")))
        r.fail(QStringLiteral("version"), QStringLiteral("is missing"));
    const int version = r.integer(QStringLiteral("version"), 1, std::numeric_limits<int>::max(), 1);
    if (version > Scene::kVersion)
        r.fail(QStringLiteral("version"),
               QStringLiteral("this scene is version %1, newer than this Gradscape reads (%2); "
                              "update Gradscape to open it")
                   .arg(version)
                   .arg(Scene::kVersion));

    Scene s;
    s.title = r.string(QStringLiteral("title"));
    s.view = static_cast<Scene::View>(r.choice(QStringLiteral("view"), kViews, 0));
    const int dim = s.dimension();

    if (!r.has(QStringLiteral("function")))
        r.fail(QStringLiteral("function"), QStringLiteral("is missing"));
    const Reader fn = r.object(QStringLiteral("function"));
    fn.allowOnly({"catalog", "formula"});
    s.catalog = fn.string(QStringLiteral("catalog"));
    s.formula = fn.string(QStringLiteral("formula"));
    if (s.catalog.isEmpty() == s.formula.isEmpty())
        r.fail(QStringLiteral("function"),
               QStringLiteral("needs exactly one of \"catalog\" or \"formula\""));
    if (const ResolvedFunction f = resolveFunction(s.catalog, s.formula, dim); !f.objective)
        fn.fail(s.formula.isEmpty() ? QStringLiteral("catalog") : QStringLiteral("formula"),
                f.error);

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
            s.runs << readRun(Reader(runs[i].toObject(), where), dim);
        }
    }
    s.isolines = r.boolean(QStringLiteral("isolines"), s.isolines);
    s.gradientField = r.boolean(QStringLiteral("gradient_field"), s.gradientField);
    s.levels = static_cast<Scene::Levels>(r.choice(QStringLiteral("levels"), kLevels, 0));
    s.step = r.integer(QStringLiteral("step"), -1, 100000, s.step);
    s.theme = static_cast<Scene::Theme>(r.choice(QStringLiteral("theme"), kThemes, 0));
    s.lesson = r.string(QStringLiteral("lesson"));
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
    try {
        return readScene(Reader(doc.object(), {}));
    } catch (const SceneError& e) {
        return e;
    }
}

QByteArray sceneToJson(const Scene& s) {
    QJsonObject o;
    o[QStringLiteral("format")] = QLatin1String(kFormat);
    o[QStringLiteral("version")] = Scene::kVersion;
    if (!s.title.isEmpty()) o[QStringLiteral("title")] = s.title;
    o[QStringLiteral("view")] = kViews[static_cast<int>(s.view)];
    QJsonObject fn;
    if (!s.catalog.isEmpty()) fn[QStringLiteral("catalog")] = s.catalog;
    if (!s.formula.isEmpty()) fn[QStringLiteral("formula")] = s.formula;
    o[QStringLiteral("function")] = fn;
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
        runs.append(r);
    }
    o[QStringLiteral("runs")] = runs;
    o[QStringLiteral("isolines")] = s.isolines;
    o[QStringLiteral("gradient_field")] = s.gradientField;
    o[QStringLiteral("levels")] = kLevels[static_cast<int>(s.levels)];
    o[QStringLiteral("step")] = s.step;
    o[QStringLiteral("theme")] = kThemes[static_cast<int>(s.theme)];
    if (!s.lesson.isEmpty()) o[QStringLiteral("lesson")] = s.lesson;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

namespace {

// Opens a scene file on disk without blocking (a FIFO with no writer would wait forever) and only
// when it is a regular file: a device such as /dev/zero never ends. Empty on success.
QString openRegularFile(QFile& file, const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("cannot open %1: %2")
            .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return QStringLiteral("%1 is not a regular file (a scene is a .json file)").arg(path);
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
    }
    return {};
}

} // namespace

SceneResult loadSceneFile(const QString& path) {
    QFile file(path);
    if (path.startsWith(QLatin1Char(':'))) { // a built-in scene, compiled into the program
        if (!file.open(QIODevice::ReadOnly))
            return SceneError{{},
                              QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    } else if (const QString e = openRegularFile(file, path); !e.isEmpty()) {
        return SceneError{{}, e};
    }
    // A scene is a few kilobytes; read one byte past the limit to tell a file that is too large,
    // even one that grows while it is read.
    constexpr qint64 kMaxSize = 4 << 20;
    const QByteArray data = file.read(kMaxSize + 1);
    if (data.size() > kMaxSize)
        return SceneError{{},
                          QStringLiteral("%1 is too large to be a scene (more than %2 bytes)")
                              .arg(path)
                              .arg(kMaxSize)};
    if (file.error() != QFileDevice::NoError)
        return SceneError{{}, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return sceneFromJson(data);
}

QString saveSceneFile(const Scene& scene, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    const QByteArray data = sceneToJson(scene);
    if (file.write(data) != data.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace gs::app

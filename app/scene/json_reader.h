#pragma once
// Reads one JSON object of a scene, remembering where it is, so every error names its field
// ("runs[1].params.lr: must be in [1e-05, 10], got 50"). Errors are thrown as SceneError; only
// scene reading (sceneFromJson, and the page settings readers it calls) uses it, and
// sceneFromJson turns what is thrown into its result.

#include "scene/scene_error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVector>

#include <initializer_list>

namespace gs::app {

class JsonReader {
public:
    JsonReader(QJsonObject object, QString path) : o_(std::move(object)), path_(std::move(path)) {}

    /// The JSON path of `key` in this object. A key that is not a short plain name (it came from
    /// the file, and may be megabytes long or hold a newline) is quoted short and escaped.
    QString at(const QString& key) const;
    [[noreturn]] void fail(const QString& key, const QString& message) const {
        throw SceneError{at(key), message};
    }
    /// Fails on the first key not in `keys`.
    void allowOnly(std::initializer_list<const char*> keys) const;

    bool has(const QString& key) const { return o_.contains(key); }
    QJsonValue value(const QString& key) const { return o_.value(key); }
    const QJsonObject& json() const { return o_; }

    QString string(const QString& key, const QString& fallback = {}) const;
    double number(const QString& key, double lo, double hi, double fallback) const;
    int integer(const QString& key, int lo, int hi, int fallback) const;
    bool boolean(const QString& key, bool fallback) const;
    /// One of `names`; returns its index.
    int choice(const QString& key, const QStringList& names, int fallback) const;
    QVector<double> numbers(const QString& key, int minCount, int maxCount, double lo,
                            double hi) const;
    JsonReader object(const QString& key) const;

    /// A finite number in [lo, hi]; `where` names it in the error.
    static double checkNumber(const QJsonValue& v, const QString& where, double lo, double hi);

private:
    QJsonObject o_;
    QString path_;
};

/// A page's settings (a struct with a static `read(const JsonReader&)`) from its section of a
/// scene. Sections are validated when a scene file is read; one made in code with a bad value
/// falls back to the defaults.
template <class Settings> Settings settingsFrom(const QJsonObject& section) {
    try {
        return Settings::read(JsonReader(section, {}));
    } catch (const SceneError&) {
        return {};
    }
}

} // namespace gs::app

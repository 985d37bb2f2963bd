#include "scene/json_reader.h"

#include "scene/quote.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace gs::app {

QString JsonReader::at(const QString& key) const {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    const QString name = plain.match(key).hasMatch() ? key : quote(key);
    return path_.isEmpty() ? name : path_ + '.' + name;
}

void JsonReader::allowOnly(std::initializer_list<const char*> keys) const {
    QSet<QString> allowed;
    for (const char* k : keys)
        allowed.insert(QString::fromLatin1(k));
    for (auto it = o_.begin(); it != o_.end(); ++it)
        if (!allowed.contains(it.key())) fail(it.key(), QStringLiteral("unknown key"));
}

QString JsonReader::string(const QString& key, const QString& fallback) const {
    if (!has(key)) return fallback;
    if (!o_.value(key).isString()) fail(key, QStringLiteral("must be a string"));
    return o_.value(key).toString();
}

double JsonReader::number(const QString& key, double lo, double hi, double fallback) const {
    if (!has(key)) return fallback;
    return checkNumber(o_.value(key), at(key), lo, hi);
}

int JsonReader::integer(const QString& key, int lo, int hi, int fallback) const {
    const double v = number(key, lo, hi, fallback);
    if (v != std::floor(v)) fail(key, QStringLiteral("must be a whole number, got %1").arg(v));
    return static_cast<int>(v);
}

bool JsonReader::boolean(const QString& key, bool fallback) const {
    if (!has(key)) return fallback;
    if (!o_.value(key).isBool()) fail(key, QStringLiteral("must be true or false"));
    return o_.value(key).toBool();
}

int JsonReader::choice(const QString& key, const QStringList& names, int fallback) const {
    if (!has(key)) return fallback;
    const int i = names.indexOf(string(key));
    if (i < 0) fail(key, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
    return i;
}

QVector<double> JsonReader::numbers(const QString& key, int minCount, int maxCount, double lo,
                                    double hi) const {
    if (!has(key)) return {};
    if (!o_.value(key).isArray()) fail(key, QStringLiteral("must be an array of numbers"));
    const QJsonArray a = o_.value(key).toArray();
    if (a.size() < minCount || a.size() > maxCount)
        fail(key, minCount == maxCount
                      ? QStringLiteral("must have %1 numbers").arg(minCount)
                      : QStringLiteral("must have %1 to %2 numbers").arg(minCount).arg(maxCount));
    QVector<double> out;
    for (int i = 0; i < a.size(); ++i)
        out << checkNumber(a[i], QStringLiteral("%1[%2]").arg(at(key)).arg(i), lo, hi);
    return out;
}

JsonReader JsonReader::object(const QString& key) const {
    if (!o_.value(key).isObject()) fail(key, QStringLiteral("must be an object"));
    return JsonReader(o_.value(key).toObject(), at(key));
}

double JsonReader::checkNumber(const QJsonValue& v, const QString& where, double lo, double hi) {
    if (!v.isDouble()) throw SceneError{where, QStringLiteral("must be a number")};
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < lo || d > hi)
        throw SceneError{where,
                         QStringLiteral("must be in [%1, %2], got %3").arg(lo).arg(hi).arg(d)};
    return d;
}

} // namespace gs::app

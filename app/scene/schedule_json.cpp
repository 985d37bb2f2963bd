#include "scene/schedule_json.h"

#include <QStringList>

namespace gs::app {

Schedule readSchedule(const JsonReader& r) {
    QStringList kinds;
    for (ScheduleKind k : scheduleKinds())
        kinds << QString::fromUtf8(scheduleKindKey(k));
    if (!r.has(QStringLiteral("kind")))
        r.fail(QStringLiteral("kind"), QStringLiteral("is missing"));
    Schedule s;
    s.kind = scheduleKinds()[size_t(r.choice(QStringLiteral("kind"), kinds, 0))];
    const std::vector<HyperParam>& params = scheduleParams(s.kind);
    for (auto it = r.json().begin(); it != r.json().end(); ++it) {
        if (it.key() == QLatin1String("kind")) continue;
        const std::string key = it.key().toStdString();
        const bool used = std::any_of(params.begin(), params.end(),
                                      [&](const HyperParam& p) { return p.key == key; });
        if (!used) {
            QStringList names;
            for (const HyperParam& p : params)
                names << QString::fromStdString(p.key);
            r.fail(it.key(), names.isEmpty()
                                 ? QStringLiteral("unknown key (the %1 schedule has no parameters)")
                                       .arg(kinds[int(s.kind)])
                                 : QStringLiteral("unknown key for the %1 schedule (it uses %2)")
                                       .arg(kinds[int(s.kind)], names.join(QStringLiteral(", "))));
        }
        const double v = JsonReader::checkNumber(it.value(), r.at(it.key()), -1e300, 1e300);
        if (auto error = setScheduleParam(s, key, v))
            r.fail(it.key(), QString::fromStdString(*error));
    }
    if (auto error = s.validate()) r.fail(QStringLiteral("kind"), QString::fromStdString(*error));
    return s;
}

QJsonObject scheduleToJson(const Schedule& s) {
    QJsonObject o;
    o[QStringLiteral("kind")] = QString::fromUtf8(scheduleKindKey(s.kind));
    for (const HyperParam& p : scheduleParams(s.kind))
        o[QString::fromStdString(p.key)] = scheduleParam(s, p.key);
    return o;
}

} // namespace gs::app

#include "render/state_columns.h"

#include <algorithm>

namespace gs::app {

namespace {

/// A CSV cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
QByteArray cell(const QString& text) {
    QByteArray b = text.toUtf8();
    if (!b.contains(',') && !b.contains('"') && !b.contains('\n')) return b;
    return '"' + b.replace("\"", "\"\"") + '"';
}

} // namespace

StateColumns::StateColumns(const QVector<RunView>& runs) {
    for (const RunView& r : runs) {
        dimension_ = std::max(dimension_, r.trajectory->dimension());
        for (const std::string& name : r.trajectory->stateNames())
            if (!names_.contains(QString::fromStdString(name)))
                names_ << QString::fromStdString(name);
    }
}

QByteArray StateColumns::header() const {
    static const char* const kAxis[] = {"x", "y"};
    QByteArray out;
    for (const QString& name : names_)
        for (int c = 0; c < dimension_; ++c)
            out += ',' + cell(dimension_ == 1 ? name
                              : c < 2         ? QStringLiteral("%1[%2]").arg(name, kAxis[c])
                                              : QStringLiteral("%1[%2]").arg(name).arg(c + 1));
    return out;
}

QByteArray StateColumns::row(const Trajectory& t, int k) const {
    QByteArray out;
    const auto& names = t.stateNames();
    for (const QString& name : names_) {
        const auto it = std::find(names.begin(), names.end(), name.toStdString());
        for (int c = 0; c < dimension_; ++c) {
            out += ',';
            if (it == names.end() || k == 0 || c >= t.dimension()) continue;
            out += QByteArray::number(t.state(k, int(it - names.begin()))[c], 'g', 17);
        }
    }
    return out;
}

} // namespace gs::app

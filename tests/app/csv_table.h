#pragma once
// Reading back a CSV that Gradscape wrote: its table, after the '#' lines that say what produced
// it (render/csv_provenance.h).

#include <QByteArray>
#include <QByteArrayList>

namespace gs::test {

/// A CSV without the '#' lines that say what produced it (render/csv_provenance.h).
inline QByteArray csvTable(const QByteArray& csv) {
    QByteArray out;
    for (const QByteArray& line : csv.split('\n'))
        if (!line.startsWith('#')) out += line + '\n';
    return out.chopped(out.isEmpty() ? 0 : 1);
}

} // namespace gs::test

#pragma once
// The optimizer state in the runs' CSV: after the fixed columns, one column per state name (in
// the order the runs first name them) and coordinate, e.g. "velocity b[x]", "velocity b[y]". A run
// without that state leaves its cells empty, and so does step 0 (no update has been made yet).

#include "pages/page.h"

#include <QByteArray>
#include <QStringList>

namespace gs::app {

class StateColumns {
public:
    explicit StateColumns(const QVector<RunView>& runs);

    /// ",name[x],name[y],…" (quoted where a name needs it); empty when no run keeps state.
    QByteArray header() const;
    /// ",v,v,…" for step k of `t`, in header() order.
    QByteArray row(const Trajectory& t, int k) const;

private:
    QStringList names_;
    int dimension_ = 1;
};

} // namespace gs::app

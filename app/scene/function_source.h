#pragma once
// Where a scene's function comes from: a catalog key or a typed formula, resolved to an Objective.

#include "objective/objective.h"

#include <QString>
#include <QStringList>

namespace gs::app {

struct ResolvedFunction {
    ObjectivePtr objective; ///< null when the spec does not resolve
    QString error;          ///< why not, for people
};

/// Resolves a catalog key or a formula (exactly one non-empty) for a function of `dimension`
/// variables.
ResolvedFunction resolveFunction(const QString& catalog, const QString& formula, int dimension);
/// Catalog keys of the functions of `dimension` variables, in menu order.
QStringList catalogKeys(int dimension);

} // namespace gs::app

#pragma once
// Where a scene's function comes from: a catalog key or a typed formula, resolved to an Objective.

#include "objective/objective.h"
#include "scene/scene.h"

#include <QString>
#include <QStringList>

namespace gs::app {

struct ResolvedFunction {
    std::shared_ptr<Objective> objective; ///< new, the caller's own; null when it does not resolve
    QString error;                        ///< why not, for people
};

/// Resolves a catalog key or a formula (exactly one non-empty) for a function of `dimension`
/// variables. A typed formula gets a default box ([−10, 10] for curves, [−3, 3]² for landscapes)
/// and starts at the box's center.
ResolvedFunction resolveFunction(const QString& catalog, const QString& formula, int dimension);
/// Gives a typed function the defaults a formula cannot carry: the view box ([−10, 10] for curves,
/// [−3, 3]² for landscapes) and a start at the box's center.
void setFormulaDefaults(Objective& f);
/// The scene's function of `dimension` variables, with the scene's own view box where it sets one.
ResolvedFunction resolveSceneFunction(const Scene& scene, int dimension);
/// `scene` with the catalog function `key` in place of its function: everything tied to the old
/// function (formula, start points, view box, title) goes, the optimizers and their settings stay.
Scene withCatalogFunction(Scene scene, const QString& key);
/// A typed formula becomes the scene's function: `scene` names it (and no catalog entry), and `f`
/// gets the scene's own view box where the scene sets one.
void adoptFormula(Scene& scene, const QString& text, Objective& f);
/// The box a scene shows: its own x_range / y_range where set, else the function's default box.
/// (For a curve, y_range is the value axis and does not enter the box.)
Box sceneViewBox(const Scene& scene, const Objective& f);
/// Catalog keys of the functions of `dimension` variables, in menu order.
QStringList catalogKeys(int dimension);
/// The display name of a catalog function ("Rosenbrock"); the key itself when unknown.
QString catalogName(const QString& key);

} // namespace gs::app

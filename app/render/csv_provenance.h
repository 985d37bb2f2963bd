#pragma once
// What produced a CSV, as '#' lines before its header (docs/scene-format.md, "CSV files"): the
// program's version, the page, the function, the start, each run's optimizer with every
// hyperparameter and its schedule, the page's own settings (a training's data set, its size, the
// model and the seed), and the whole scene as one line of JSON, so the file can be reproduced.
// pandas reads past them with read_csv(comment='#'), numpy with loadtxt's default comments.

#include "scene/scene.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace gs::app {

/// The '#' lines for a CSV of `scene`, each ending in '\n'.
QByteArray csvProvenance(const Scene& scene);

/// One run as its provenance line says it: "gd lr=0.01 schedule=constant" (every hyperparameter,
/// the scene's value or the method's default).
QString runDescription(const SceneRun& run);

/// Reads back the "# run K: …" lines of a CSV: per run, its optimizer and hyperparameters.
struct CsvRun {
    QString optimizer;
    QVector<QPair<QString, double>> params;
    QString schedule;
};
QVector<CsvRun> readCsvRuns(const QByteArray& csv);

} // namespace gs::app

#pragma once
// The classifier page's own section of a scene: which data, how much of it, and how training runs
// (the optimizer and its hyperparameters are the scene's first run).

#include "scene/json_reader.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace gs::app {

struct ClassifierSettings {
    /// "fashion-mnist" (images, 10 classes), a synthetic 2D set ("blobs", "moons", "spirals"), or
    /// "file": the CSV file or IDX folder `dataFile`.
    static QStringList datasetNames();
    static constexpr int kMaxEpochs = 50;

    QString dataset = QStringLiteral("fashion-mnist");
    QString dataDir;        ///< where the Fashion-MNIST files are; empty: Debian's directory
    QString dataFile;       ///< "file": a CSV (numeric features, a label column) or an IDX folder
    QString labelColumn;    ///< "file": the CSV's label column by name; empty: the last column
    double testShare = 0.2; ///< "file" without a test split of its own: the share held out
    int trainSize = 10000;  ///< training images (or points) used, from the start of the files
    int testSize = 10000;   ///< test images (or points)
    int epochs = 1;         ///< passes over the training set
    int batchSize = 4;      ///< examples per step
    std::uint64_t seed = 1; ///< initial weights and batch order
    int samples = 16;       ///< test images shown with their predicted labels
    double lossBound = 100; ///< a batch loss above this (nats) counts as diverged

    bool images() const { return dataset == QLatin1String("fashion-mnist"); }

    /// Trains on the data file (or folder) at `path`, its label column the last.
    void useFile(const QString& path) {
        dataset = QStringLiteral("file");
        dataFile = path;
        labelColumn.clear();
    }

    /// Reads and validates a scene's "classifier" section (throws SceneError through the reader).
    static ClassifierSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app

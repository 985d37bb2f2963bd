#pragma once
// The batches page's own section of a scene: the 2D data set, the network, and the two runs it
// compares, full-batch gradient descent and mini-batch SGD of the same learning rate and epochs.

#include "scene/json_reader.h"

#include <QJsonObject>
#include <QStringList>

#include <cstddef>

namespace gs::app {

struct BatchesSettings {
    static const QStringList kDatasets; ///< "moons", "spirals", "file"
    static constexpr int kFile = 2;     ///< kDatasets' index of a data file
    static constexpr std::size_t kMaxFileBytes = std::size_t(4) << 20; ///< read on the GUI thread
    static const QStringList kOrders;      ///< "shuffled", "class-sorted"
    static const QStringList kActivations; ///< "tanh", "relu"
    static constexpr int kMaxSamples = 2000;

    int dataset = 0;
    int samples = 300;
    double noise = 0.15;
    int seed = 1;    ///< data, initial weights and batch order
    int hidden = 32; ///< two hidden layers of this width
    int activation = 0;
    double lr = 0.3;
    int batch = 16; ///< the mini-batch run's B (clamped to the samples)
    int order = 0;
    int epochs = 60;
    QString dataFile;    ///< "file": a CSV of two numeric features and a label column
    QString labelColumn; ///< "file": the label column by name; empty: the last column

    /// Trains on the data file (or folder) at `path`, its label column the last.
    void useFile(const QString& path) {
        dataset = kFile;
        dataFile = path;
        labelColumn.clear();
    }

    /// Reads and validates a scene's "batches" section (throws SceneError through the reader).
    static BatchesSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app

#pragma once
// The gradient-noise page's own section of a scene: the data on a line, the start of the descent
// paths, the learning rate, the batch size and the order of the batches, and how many steps.

#include "scene/json_reader.h"

#include <QJsonObject>
#include <QStringList>

namespace gs::app {

struct GradientNoiseSettings {
    static const QStringList kOrders; ///< "shuffled", "class-sorted"
    static constexpr int kMaxSamples = 2000;

    int samples = 200;
    int seed = 1;
    double w0 = -1.0, b0 = 2.0; ///< start of both paths
    double lr = 1.0;
    int batch = 10;
    int order = 0; ///< of the SGD path
    int steps = 40;
    bool classSorted = true; ///< also show class-sorted batches' gradients

    /// Reads and validates a scene's "gradient-noise" section (throws SceneError via the reader).
    static GradientNoiseSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app

#pragma once
// The classifier page's data: Fashion-MNIST (read once per process and shared, since decoding
// 60,000 images takes a noticeable fraction of a second) or a seeded synthetic 2D set with a test
// set drawn from the same distribution with another seed. Safe to call from any thread.

#include "learn/dataset.h"
#include "pages/classifier/classifier_settings.h"

#include <QString>

#include <atomic>
#include <memory>

namespace gs::app {

struct ClassifierData {
    std::shared_ptr<const learn::Dataset> train, test;
    QString error; ///< why there is no data (a missing file, say), for the page to show
    QString about; ///< a file's data set as the page says it: its size, split and scaling

    bool ok() const { return error.isEmpty() && train && test; }
};

/// The training and test sets the settings ask for: the first trainSize and testSize examples.
/// A data file's features are standardized with the training rows' mean and deviation, and a
/// CSV's rows are split by the seed (testShare held out); an IDX folder's t10k files are its test
/// set when present.
/// Raising `cancel` ends a read of the image files within a few milliseconds, with an error.
ClassifierData loadClassifierData(const ClassifierSettings& settings,
                                  const std::atomic<bool>* cancel = nullptr);

} // namespace gs::app

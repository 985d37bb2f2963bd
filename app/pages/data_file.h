#pragma once
// A data set of the user's own, for the pages that train on data (the classifier, the batches
// lesson): a CSV read bounded and cancellable (a ':' path is one compiled in, as the examples
// are), a seeded split into training and test rows, and standardized features.

#include "learn/csv_dataset.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <utility>

namespace gs::app {

learn::CsvDataset readDataCsv(const QString& path, const QString& labelColumn,
                              std::size_t maxBytes = learn::CsvDatasetOptions{}.maxBytes,
                              const std::atomic<bool>* cancel = nullptr);

/// `data` split by `seed` (the same split on every machine); `share` of the rows, at least one,
/// are the test rows.
std::pair<learn::Dataset, learn::Dataset> splitData(const learn::Dataset& data, double share,
                                                    std::uint64_t seed);

/// Standardizes `train` with its own per-feature mean and standard deviation, and `test` (if
/// given) with the same; a constant feature is only centred.
void standardize(learn::Dataset& train, learn::Dataset* test = nullptr);

} // namespace gs::app

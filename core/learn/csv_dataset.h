#pragma once
// A data set from a CSV file: numeric feature columns and one label column (numbers or names).
// The header is optional (a first row that is not all numbers is one), fields may be quoted
// (RFC 4180: "a, b" and "say ""hi"""), the separator is a comma, a semicolon or a tab, and the
// label column is the last one unless it is named or numbered. Every mistake names its place:
// "points.csv:118: column 3: 'abc' is not a number".
//
// No Debian-packaged CSV library reports line and column for every malformed field, reads within
// a byte bound and can be cancelled, so the reader is ours: a small state machine over the bytes.

#include "learn/dataset.h"

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gs::learn {

struct CsvDatasetOptions {
    int labelColumn = -1;  ///< 0-based; −1: the last column, or the one named `labelName`
    std::string labelName; ///< the label column's header name (the file needs a header)
    std::size_t maxBytes = std::size_t(256) << 20; ///< a larger file is refused, not read
    int maxColumns = 10000;
    const std::atomic<bool>* cancel = nullptr; ///< raised: the read stops with "reading cancelled"
};

struct CsvDataset {
    Dataset data;                          ///< classNames: the label values, in class order
    std::vector<std::string> featureNames; ///< from the header, or "column 1", "column 2", …
    std::string labelName;                 ///< the label column's name
    bool header = false;                   ///< the file had a header row
    std::string error;                     ///< "points.csv:118: column 3: …"; empty when read
    bool ok() const { return error.empty(); }
};

/// Parses CSV text; `name` names it in messages ("points.csv"). Labels that are all integers
/// keep their numeric order (0, 1, 2, or 3, 5, 9 as classes 0, 1, 2); other labels are classes in
/// sorted order. At least two classes and one feature column are needed.
CsvDataset parseCsvDataset(std::string_view text, const std::string& name,
                           const CsvDatasetOptions& options = {});
/// Reads and parses a regular file (a FIFO, a device or a directory is refused without blocking),
/// at most `options.maxBytes` of it.
CsvDataset readCsvDataset(const std::string& path, const CsvDatasetOptions& options = {});

} // namespace gs::learn

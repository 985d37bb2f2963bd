#pragma once
// A labelled data set: one example per column (so a batch is a block of columns and a layer is
// W·X), labels 0 … classes − 1. Features are float32: images are 8-bit anyway, and a model
// computing in double converts exactly.

#include <Eigen/Core>

#include <span>
#include <string>
#include <vector>

namespace gs::learn {

struct Dataset {
    Eigen::MatrixXf features; ///< features × examples, one example per column
    Eigen::VectorXi labels;   ///< one label in [0, classes) per example
    int classes = 0;
    std::vector<std::string> classNames; ///< empty, or one name per class

    int size() const { return static_cast<int>(labels.size()); }
    int dimension() const { return static_cast<int>(features.rows()); }
    /// Number of examples of each class.
    std::vector<int> classCounts() const;
    /// The first `count` examples (all of them when count ≥ size()).
    Dataset head(int count) const;
    /// The examples at `indices`, in that order.
    Dataset select(std::span<const int> indices) const;
};

/// Asks the kernel (Linux) to back the matrix with huge pages when it can: a shuffled batch reads
/// 64 columns scattered over a data set of hundreds of megabytes, one 4 KiB page each, and every
/// one of them would miss the TLB. Best called after resizing and before the first write; a no-op
/// elsewhere or when refused.
void adviseHugePages(Eigen::MatrixXf& m);

/// A data set or, when loading or generating failed, a message saying why (errors are data).
/// The message names the file and what is wrong with it, e.g.
/// "/x/train-images-idx3-ubyte.gz: bad magic number 0x00000802, expected 0x00000803".
struct DataResult {
    Dataset data;
    std::string error;

    bool ok() const { return error.empty(); }
};

} // namespace gs::learn

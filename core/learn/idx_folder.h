#pragma once
// An image data set in the MNIST layout from a folder: the IDX files train-images-idx3-ubyte and
// train-labels-idx1-ubyte (and t10k- for the test split), plain or gzip-compressed (.gz), as
// MNIST, Fashion-MNIST and KMNIST ship them. The image size comes from the files; the classes are
// the labels 0 … max.

#include "learn/dataset.h"
#include "learn/fashion_mnist.h"

#include <atomic>
#include <string>

namespace gs::learn {

/// The images and labels files of `split` in `dir` ("" when missing), .gz or plain.
std::string idxFolderFile(const std::string& dir, Split split, const char* kind);

/// Loads one split of the folder (at most `maxExamples`, all when negative). Errors name the
/// folder or the file: "DIR: no train-images-idx3-ubyte[.gz]", a count that differs between
/// images and labels, a single class.
DataResult loadIdxFolder(const std::string& dir, Split split, int maxExamples = -1,
                         const std::atomic<bool>* cancel = nullptr);

} // namespace gs::learn

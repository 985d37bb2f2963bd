#pragma once
// Fashion-MNIST (Zalando): 60,000 training and 10,000 test greyscale 28 × 28 images of clothing
// in 10 classes, as Debian's dataset-fashion-mnist installs them (gzip-compressed IDX files).

#include "learn/dataset.h"

#include <atomic>
#include <string>

namespace gs::learn {

/// Where dataset-fashion-mnist puts the files.
inline constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

enum class Split { Train, Test };

/// The two files of a split inside `dir`, e.g. dir/train-images-idx3-ubyte.gz.
std::string fashionMnistImagesPath(Split split, const std::string& dir = kFashionMnistDir);
std::string fashionMnistLabelsPath(Split split, const std::string& dir = kFashionMnistDir);

/// The ten class names, "T-shirt/top" … "Ankle boot".
const std::vector<std::string>& fashionMnistClassNames();

/// Images (784 features, pixels scaled to [0, 1]) and labels of one split; at most `maxExamples`
/// (all when negative), taken from the start of the files. Errors name the file at fault. Raising
/// `cancel` stops the reading promptly (see readIdx).
DataResult loadFashionMnist(Split split, int maxExamples = -1,
                            const std::string& dir = kFashionMnistDir,
                            const std::atomic<bool>* cancel = nullptr);

/// Any pair of IDX files in the MNIST layout: rows × cols images and labels below `classes`.
/// Fails unless the images are `rows` × `cols` and there is one label per image.
DataResult loadIdxImages(const std::string& imagesPath, const std::string& labelsPath, int rows,
                         int cols, int classes, int maxExamples = -1,
                         const std::atomic<bool>* cancel = nullptr);

} // namespace gs::learn

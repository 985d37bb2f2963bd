#include "learn/fashion_mnist.h"

#include "learn/idx_file.h"

namespace gs::learn {

namespace {
std::string fileName(Split split, const char* kind) {
    return std::string(split == Split::Train ? "train" : "t10k") + "-" + kind;
}
} // namespace

std::string fashionMnistImagesPath(Split split, const std::string& dir) {
    return dir + "/" + fileName(split, "images-idx3-ubyte.gz");
}

std::string fashionMnistLabelsPath(Split split, const std::string& dir) {
    return dir + "/" + fileName(split, "labels-idx1-ubyte.gz");
}

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

DataResult loadFashionMnist(Split split, int maxExamples, const std::string& dir,
                            const std::atomic<bool>* cancel) {
    DataResult r =
        loadIdxImages(fashionMnistImagesPath(split, dir), fashionMnistLabelsPath(split, dir), 28,
                      28, 10, maxExamples, cancel);
    if (r.ok()) r.data.classNames = fashionMnistClassNames();
    return r;
}

DataResult loadIdxImages(const std::string& imagesPath, const std::string& labelsPath, int rows,
                         int cols, int classes, int maxExamples, const std::atomic<bool>* cancel) {
    DataResult r;
    const IdxFile images = readIdx(imagesPath, 3, maxExamples, cancel);
    if (!images.ok()) {
        r.error = images.error;
        return r;
    }
    if (images.dims[1] != rows || images.dims[2] != cols) {
        r.error = imagesPath + ": wrong dimensions: images are " + std::to_string(images.dims[1]) +
                  " × " + std::to_string(images.dims[2]) + ", expected " + std::to_string(rows) +
                  " × " + std::to_string(cols);
        return r;
    }
    const IdxFile labels = readIdx(labelsPath, 1, maxExamples, cancel);
    if (!labels.ok()) {
        r.error = labels.error;
        return r;
    }
    if (labels.dims[0] != images.dims[0]) {
        r.error = labelsPath + ": wrong count: " + std::to_string(labels.dims[0]) +
                  " labels for the " + std::to_string(images.dims[0]) + " images of " + imagesPath;
        return r;
    }

    const int n = images.items, d = rows * cols;
    Dataset& data = r.data;
    data.classes = classes;
    data.labels.resize(n);
    for (int i = 0; i < n; ++i) {
        const int y = labels.bytes[static_cast<std::size_t>(i)];
        if (y >= classes) {
            r.error = labelsPath + ": label " + std::to_string(y) + " of example " +
                      std::to_string(i) + " is not a class 0 … " + std::to_string(classes - 1);
            r.data = {};
            return r;
        }
        data.labels[i] = y;
    }
    // Bytes are row-major, one image after another: exactly one column per image here.
    using Bytes = Eigen::Map<const Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>>;
    const Bytes pixels(images.bytes.data(), d, n);
    data.features.resize(d, n);
    adviseHugePages(data.features); // before the first write, so the pages are born huge
    data.features = pixels.cast<float>() * (1.0f / 255.0f);
    return r;
}

} // namespace gs::learn

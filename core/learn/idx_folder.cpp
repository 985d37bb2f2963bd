#include "learn/idx_folder.h"

#include "learn/idx_file.h"

#include <sys/stat.h>

namespace gs::learn {

namespace {
bool isFile(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
} // namespace

std::string idxFolderFile(const std::string& dir, Split split, const char* kind) {
    const std::string base = dir + "/" + (split == Split::Train ? "train-" : "t10k-") + kind;
    for (const std::string& path : {base + ".gz", base})
        if (isFile(path)) return path;
    return {};
}

DataResult loadIdxFolder(const std::string& dir, Split split, int maxExamples,
                         const std::atomic<bool>* cancel) {
    DataResult r;
    const char* prefix = split == Split::Train ? "train-" : "t10k-";
    const std::string images = idxFolderFile(dir, split, "images-idx3-ubyte");
    const std::string labels = idxFolderFile(dir, split, "labels-idx1-ubyte");
    if (images.empty() || labels.empty()) {
        r.error = dir + ": no " + prefix +
                  (images.empty() ? "images-idx3-ubyte" : "labels-idx1-ubyte") +
                  "[.gz] (an IDX folder holds MNIST's file names)";
        return r;
    }
    // The header says the image size: read it first, no pixels yet.
    const IdxFile header = readIdx(images, 3, 0, cancel);
    if (!header.ok()) {
        r.error = header.error;
        return r;
    }
    r = loadIdxImages(images, labels, header.dims[1], header.dims[2], 256, maxExamples, cancel);
    if (!r.ok()) return r;
    int classes = 0;
    for (int i = 0; i < r.data.size(); ++i)
        classes = std::max(classes, r.data.labels[i] + 1);
    if (classes < 2) {
        r.error = labels + ": one class only: a classifier needs two or more";
        r.data = {};
        return r;
    }
    r.data.classes = classes;
    return r;
}

} // namespace gs::learn

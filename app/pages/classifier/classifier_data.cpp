#include "pages/classifier/classifier_data.h"

#include "learn/csv_dataset.h"
#include "learn/fashion_mnist.h"
#include "learn/idx_folder.h"
#include "learn/synthetic.h"
#include "pages/data_file.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <map>
#include <mutex>
#include <utility>

namespace gs::app {

namespace {

using learn::DataResult;
using learn::Dataset;

// One cache entry per (directory, split): the largest prefix loaded so far; smaller requests take
// its head. Failures are not cached, so installing the data set mid-session works.
std::shared_ptr<const Dataset> fashion(const std::string& dir, learn::Split split, int count,
                                       const std::atomic<bool>* cancel, QString& error) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, int>, std::shared_ptr<const Dataset>> cache;
    const std::lock_guard lock(mutex);
    auto& entry = cache[{dir, static_cast<int>(split)}];
    if (!entry || entry->size() < count) {
        DataResult r = learn::loadFashionMnist(split, count, dir, cancel);
        if (!r.ok()) {
            error = QString::fromStdString(r.error);
            return nullptr;
        }
        entry = std::make_shared<const Dataset>(std::move(r.data));
    }
    if (entry->size() <= count) return entry;
    return std::make_shared<const Dataset>(entry->head(count));
}

std::shared_ptr<const Dataset> synthetic(const ClassifierSettings& s, int count, std::uint64_t seed,
                                         QString& error) {
    learn::SyntheticParams p;
    p.kind = s.dataset == QLatin1String("moons")     ? learn::SyntheticKind::Moons
             : s.dataset == QLatin1String("spirals") ? learn::SyntheticKind::Spirals
                                                     : learn::SyntheticKind::Blobs;
    p.samples = count;
    p.classes = 3;
    p.noise = p.kind == learn::SyntheticKind::Blobs ? 0.6 : 0.15;
    p.seed = seed;
    DataResult r = learn::makeSynthetic(p);
    if (!r.ok()) {
        error = QString::fromStdString(r.error);
        return nullptr;
    }
    return std::make_shared<const Dataset>(std::move(r.data));
}

void loadFile(const ClassifierSettings& s, const std::atomic<bool>* cancel, ClassifierData& d) {
    const QString name = QFileInfo(s.dataFile).fileName();
    Dataset train, test;
    bool ownTest = false;
    if (QFileInfo(s.dataFile).isDir()) {
        const std::string dir = s.dataFile.toStdString();
        auto load = [&](learn::Split split, Dataset& into) {
            learn::DataResult r = learn::loadIdxFolder(dir, split, -1, cancel);
            if (!r.ok()) d.error = QString::fromStdString(r.error);
            into = std::move(r.data);
            return r.ok();
        };
        if (!load(learn::Split::Train, train)) return;
        // The folder's own test split when it has one (t10k-…), else rows held out below.
        ownTest = !learn::idxFolderFile(dir, learn::Split::Test, "images-idx3-ubyte").empty();
        if (ownTest && !load(learn::Split::Test, test)) return;
    } else {
        learn::CsvDataset csv =
            readDataCsv(s.dataFile, s.labelColumn, learn::CsvDatasetOptions{}.maxBytes, cancel);
        if (!csv.ok()) {
            d.error = QString::fromStdString(csv.error);
            return;
        }
        train = std::move(csv.data);
    }
    if (!ownTest) std::tie(train, test) = splitData(train, s.testShare, s.seed);
    if (train.size() > s.trainSize) train = train.head(s.trainSize);
    if (test.size() > s.testSize) test = test.head(s.testSize);
    const bool images = train.dimension() == 28 * 28;
    if (!images) standardize(train, &test); // pixels keep their [0, 1]
    d.about = QCoreApplication::translate("ClassifierData", "%1: %2 %3features, %4 classes, %5 "
                                                            "train / %6 test rows%7")
                  .arg(name)
                  .arg(train.dimension())
                  .arg(images ? QString()
                              : QCoreApplication::translate("ClassifierData", "standardized "))
                  .arg(train.classes)
                  .arg(train.size())
                  .arg(test.size())
                  .arg(ownTest ? QString()
                               : QCoreApplication::translate("ClassifierData", ", split by seed %1")
                                     .arg(s.seed));
    d.train = std::make_shared<const Dataset>(std::move(train));
    d.test = std::make_shared<const Dataset>(std::move(test));
}

} // namespace

ClassifierData loadClassifierData(const ClassifierSettings& s, const std::atomic<bool>* cancel) {
    ClassifierData d;
    if (s.dataset == QLatin1String("file")) {
        loadFile(s, cancel, d);
    } else if (s.images()) {
        const std::string dir =
            s.dataDir.isEmpty() ? std::string(learn::kFashionMnistDir) : s.dataDir.toStdString();
        d.train = fashion(dir, learn::Split::Train, s.trainSize, cancel, d.error);
        if (d.train) d.test = fashion(dir, learn::Split::Test, s.testSize, cancel, d.error);
    } else {
        d.train = synthetic(s, s.trainSize, s.seed, d.error);
        if (d.train) d.test = synthetic(s, s.testSize, s.seed + 1000, d.error);
    }
    return d;
}

} // namespace gs::app

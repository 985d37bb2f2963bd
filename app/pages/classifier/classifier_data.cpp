#include "pages/classifier/classifier_data.h"

#include "learn/fashion_mnist.h"
#include "learn/synthetic.h"

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

} // namespace

ClassifierData loadClassifierData(const ClassifierSettings& s, const std::atomic<bool>* cancel) {
    ClassifierData d;
    if (s.images()) {
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

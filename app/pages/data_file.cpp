#include "pages/data_file.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <span>

namespace gs::app {

learn::CsvDataset readDataCsv(const QString& path, const QString& labelColumn, std::size_t maxBytes,
                              const std::atomic<bool>* cancel) {
    learn::CsvDatasetOptions o;
    o.labelName = labelColumn.toStdString();
    o.maxBytes = maxBytes;
    o.cancel = cancel;
    if (!path.startsWith(QLatin1Char(':'))) return learn::readCsvDataset(path.toStdString(), o);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        learn::CsvDataset failed;
        failed.error = path.toStdString() + ": " + f.errorString().toStdString();
        return failed;
    }
    const QByteArray text = f.readAll();
    return learn::parseCsvDataset(std::string_view(text.constData(), std::size_t(text.size())),
                                  QFileInfo(path).fileName().toStdString(), o);
}

// A Fisher–Yates shuffle of the indices with a fixed generator (std::shuffle's algorithm is the
// library's to choose): a seed gives the same split on every machine.
std::pair<learn::Dataset, learn::Dataset> splitData(const learn::Dataset& data, double share,
                                                    std::uint64_t seed) {
    std::vector<int> order(std::size_t(data.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(rng() % i)]);
    const int held = std::clamp(int(std::lround(share * data.size())), 1, data.size() - 1);
    return {data.select(std::span(order).subspan(std::size_t(held))),
            data.select(std::span(order).first(std::size_t(held)))};
}

void standardize(learn::Dataset& train, learn::Dataset* test) {
    const Eigen::VectorXf mean = train.features.rowwise().mean();
    Eigen::VectorXf sd =
        ((train.features.colwise() - mean).array().square().rowwise().mean()).sqrt().matrix();
    for (Eigen::Index i = 0; i < sd.size(); ++i)
        if (!(sd(i) > 0)) sd(i) = 1;
    for (learn::Dataset* d : {&train, test})
        if (d) d->features = (d->features.colwise() - mean).array().colwise() / sd.array();
}

} // namespace gs::app

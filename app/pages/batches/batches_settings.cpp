#include "pages/batches/batches_settings.h"

namespace gs::app {

const QStringList BatchesSettings::kDatasets = {QStringLiteral("moons"), QStringLiteral("spirals"),
                                                QStringLiteral("file")};
const QStringList BatchesSettings::kOrders = {QStringLiteral("shuffled"),
                                              QStringLiteral("class-sorted")};
const QStringList BatchesSettings::kActivations = {QStringLiteral("tanh"), QStringLiteral("relu")};

BatchesSettings BatchesSettings::read(const JsonReader& r) {
    r.allowOnly({"dataset", "samples", "noise", "seed", "hidden", "activation", "lr", "batch",
                 "order", "epochs", "dataFile", "labelColumn"});
    BatchesSettings s;
    s.dataset = r.choice(QStringLiteral("dataset"), kDatasets, s.dataset);
    s.samples = r.integer(QStringLiteral("samples"), 20, kMaxSamples, s.samples);
    s.noise = r.number(QStringLiteral("noise"), 0, 1, s.noise);
    s.seed = r.integer(QStringLiteral("seed"), 0, 1'000'000, s.seed);
    s.hidden = r.integer(QStringLiteral("hidden"), 2, 128, s.hidden);
    s.activation = r.choice(QStringLiteral("activation"), kActivations, s.activation);
    s.lr = r.number(QStringLiteral("lr"), 1e-4, 10, s.lr);
    s.batch = r.integer(QStringLiteral("batch"), 1, kMaxSamples, s.batch);
    s.order = r.choice(QStringLiteral("order"), kOrders, s.order);
    s.epochs = r.integer(QStringLiteral("epochs"), 1, 1000, s.epochs);
    s.dataFile = r.string(QStringLiteral("dataFile"));
    s.labelColumn = r.string(QStringLiteral("labelColumn"));
    if (s.dataset == kFile && s.dataFile.isEmpty())
        r.fail(QStringLiteral("dataFile"),
               QStringLiteral("is missing: \"file\" reads a data set from it"));
    return s;
}

QJsonObject BatchesSettings::toJson() const {
    QJsonObject o{{QStringLiteral("dataset"), kDatasets[dataset]},
                  {QStringLiteral("samples"), samples},
                  {QStringLiteral("noise"), noise},
                  {QStringLiteral("seed"), seed},
                  {QStringLiteral("hidden"), hidden},
                  {QStringLiteral("activation"), kActivations[activation]},
                  {QStringLiteral("lr"), lr},
                  {QStringLiteral("batch"), batch},
                  {QStringLiteral("order"), kOrders[order]},
                  {QStringLiteral("epochs"), epochs}};
    if (!dataFile.isEmpty()) o.insert(QStringLiteral("dataFile"), dataFile);
    if (!labelColumn.isEmpty()) o.insert(QStringLiteral("labelColumn"), labelColumn);
    return o;
}

} // namespace gs::app

#include "pages/classifier/classifier_settings.h"

namespace gs::app {

QStringList ClassifierSettings::datasetNames() {
    return {QStringLiteral("fashion-mnist"), QStringLiteral("blobs"), QStringLiteral("moons"),
            QStringLiteral("spirals"), QStringLiteral("file")};
}

ClassifierSettings ClassifierSettings::read(const JsonReader& r) {
    r.allowOnly({"dataset", "dataDir", "dataFile", "labelColumn", "testShare", "trainSize",
                 "testSize", "epochs", "batchSize", "seed", "samples", "lossBound"});
    ClassifierSettings s;
    const QStringList names = datasetNames();
    s.dataset = names[r.choice(QStringLiteral("dataset"), names, 0)];
    s.dataDir = r.string(QStringLiteral("dataDir"));
    s.dataFile = r.string(QStringLiteral("dataFile"));
    s.labelColumn = r.string(QStringLiteral("labelColumn"));
    s.testShare = r.number(QStringLiteral("testShare"), 0.05, 0.5, s.testShare);
    if (s.dataset == QLatin1String("file") && s.dataFile.isEmpty())
        r.fail(QStringLiteral("dataFile"),
               QStringLiteral("is missing: \"file\" reads a data set from it"));
    s.trainSize = r.integer(QStringLiteral("trainSize"), 10, 60000, s.trainSize);
    s.testSize = r.integer(QStringLiteral("testSize"), 10, 10000, s.testSize);
    s.epochs = r.integer(QStringLiteral("epochs"), 1, kMaxEpochs, s.epochs);
    s.batchSize = r.integer(QStringLiteral("batchSize"), 1, 60000, s.batchSize);
    s.seed = static_cast<std::uint64_t>(r.integer(QStringLiteral("seed"), 0, 1 << 30, 1));
    s.samples = r.integer(QStringLiteral("samples"), 0, 40, s.samples);
    s.lossBound = r.number(QStringLiteral("lossBound"), 1, 1e8, s.lossBound);
    return s;
}

QJsonObject ClassifierSettings::toJson() const {
    QJsonObject o{{QStringLiteral("dataset"), dataset},
                  {QStringLiteral("trainSize"), trainSize},
                  {QStringLiteral("testSize"), testSize},
                  {QStringLiteral("epochs"), epochs},
                  {QStringLiteral("batchSize"), batchSize},
                  {QStringLiteral("seed"), static_cast<qint64>(seed)},
                  {QStringLiteral("samples"), samples},
                  {QStringLiteral("lossBound"), lossBound}};
    if (!dataDir.isEmpty()) o.insert(QStringLiteral("dataDir"), dataDir);
    if (!dataFile.isEmpty()) {
        o.insert(QStringLiteral("dataFile"), dataFile);
        o.insert(QStringLiteral("testShare"), testShare);
    }
    if (!labelColumn.isEmpty()) o.insert(QStringLiteral("labelColumn"), labelColumn);
    return o;
}

} // namespace gs::app

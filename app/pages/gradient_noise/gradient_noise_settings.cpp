#include "pages/gradient_noise/gradient_noise_settings.h"

#include <QJsonArray>

namespace gs::app {

const QStringList GradientNoiseSettings::kOrders = {QStringLiteral("shuffled"),
                                                    QStringLiteral("class-sorted")};

GradientNoiseSettings GradientNoiseSettings::read(const JsonReader& r) {
    r.allowOnly({"samples", "seed", "start", "lr", "batch", "order", "steps", "class_sorted"});
    GradientNoiseSettings s;
    s.samples = r.integer(QStringLiteral("samples"), 10, kMaxSamples, s.samples);
    s.seed = r.integer(QStringLiteral("seed"), 0, 1'000'000, s.seed);
    if (r.has(QStringLiteral("start"))) {
        const QVector<double> start = r.numbers(QStringLiteral("start"), 2, 2, -50, 50);
        s.w0 = start[0];
        s.b0 = start[1];
    }
    s.lr = r.number(QStringLiteral("lr"), 1e-3, 10, s.lr);
    s.batch = r.integer(QStringLiteral("batch"), 1, kMaxSamples, s.batch);
    s.order = r.choice(QStringLiteral("order"), kOrders, s.order);
    s.steps = r.integer(QStringLiteral("steps"), 1, 2000, s.steps);
    s.classSorted = r.boolean(QStringLiteral("class_sorted"), s.classSorted);
    return s;
}

QJsonObject GradientNoiseSettings::toJson() const {
    return QJsonObject{{QStringLiteral("samples"), samples},
                       {QStringLiteral("seed"), seed},
                       {QStringLiteral("start"), QJsonArray{w0, b0}},
                       {QStringLiteral("lr"), lr},
                       {QStringLiteral("batch"), batch},
                       {QStringLiteral("order"), kOrders[order]},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("class_sorted"), classSorted}};
}

} // namespace gs::app

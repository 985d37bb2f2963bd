// Training: the mini-batch sampler, the bias of class-sorted batches, the trainer reaching high
// accuracy on synthetic sets with the registry's optimizers, and every way a run can stop.

#include "learn/batch_sampler.h"
#include "learn/cross_entropy_objective.h"
#include "learn/synthetic.h"
#include "learn/trainer.h"
#include "learn/training_log.h"
#include "optim/registry.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace gs;
using namespace gs::learn;

namespace {

Dataset synthetic(SyntheticKind kind, int samples, int classes, double noise, std::uint64_t seed) {
    SyntheticParams p;
    p.kind = kind;
    p.samples = samples;
    p.classes = classes;
    p.noise = noise;
    p.seed = seed;
    DataResult r = makeSynthetic(p);
    if (!r.ok()) qFatal("%s", r.error.c_str());
    return std::move(r.data);
}

bool allFinite(const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

} // namespace

class TestLearnTraining : public QObject {
    Q_OBJECT
private slots:
    void samplerVisitsEveryExampleOncePerEpoch_data();
    void samplerVisitsEveryExampleOncePerEpoch();
    void classSortedBatchesAreBiased();
    void softmaxRegressionSeparatesBlobs();
    void mlpSeparatesMoons();
    void trainingIsReproducible();
    void everyFirstOrderOptimizerTrains_data();
    void everyFirstOrderOptimizerTrains();
    void learningRateTenDiverges_data();
    void learningRateTenDiverges();
    void cancelStopsAtTheNextIteration();
    void badSettingsAreNamed_data();
    void badSettingsAreNamed();
};

void TestLearnTraining::samplerVisitsEveryExampleOncePerEpoch_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("order");
    for (int order : {int(BatchOrder::Shuffled), int(BatchOrder::ClassSorted)}) {
        const char* name = order == int(BatchOrder::Shuffled) ? "shuffled" : "class-sorted";
        for (auto [n, b] : {std::pair{10, 1}, {101, 7}, {101, 101}, {64, 16}, {30, 45}})
            QTest::addRow("%s, N %d, batch %d", name, n, b) << n << b << order;
    }
}

void TestLearnTraining::samplerVisitsEveryExampleOncePerEpoch() {
    QFETCH(int, n);
    QFETCH(int, batch);
    QFETCH(int, order);
    Eigen::VectorXi labels(n);
    for (int i = 0; i < n; ++i)
        labels[i] = (i * 7) % 3; // classes interleaved in the data
    BatchSampler sampler(labels, batch, BatchOrder(order), 5);
    const int b = std::min(batch, n);
    QCOMPARE(sampler.batchSize(), b);
    QCOMPARE(sampler.batchesPerEpoch(), (n + b - 1) / b);
    std::vector<int> previous;
    for (int epoch = 1; epoch <= 3; ++epoch) {
        std::vector<int> visited;
        for (int k = 0; k < sampler.batchesPerEpoch(); ++k) {
            // peek() shows the coming batch within an epoch, nothing before the first.
            const std::vector<int> peeked(sampler.peek().begin(), sampler.peek().end());
            QCOMPARE(peeked.empty(), k == 0);
            const auto indices = sampler.next();
            if (k > 0)
                QVERIFY(std::equal(indices.begin(), indices.end(), peeked.begin(), peeked.end()));
            QCOMPARE(sampler.epoch(), epoch);
            const bool last = k + 1 == sampler.batchesPerEpoch();
            QCOMPARE(int(indices.size()), last ? n - k * b : b);
            QCOMPARE(sampler.epochDone(), last);
            visited.insert(visited.end(), indices.begin(), indices.end());
        }
        if (BatchOrder(order) == BatchOrder::ClassSorted)
            for (std::size_t i = 1; i < visited.size(); ++i)
                QVERIFY(labels[visited[i - 1]] <= labels[visited[i]]);
        if (n >= 10 && previous.size() == visited.size()) QVERIFY(previous != visited);
        previous = visited;
        std::sort(visited.begin(), visited.end());
        for (int i = 0; i < n; ++i)
            QCOMPARE(visited[std::size_t(i)], i);
    }
}

void TestLearnTraining::classSortedBatchesAreBiased() {
    // The article: a batch of one class gives a gradient "off by a mile". Mean distance from the
    // full gradient over an epoch of batches of 32, at the starting point of softmax regression.
    const Dataset data = synthetic(SyntheticKind::Blobs, 2000, 4, 0.8, 3);
    const Network net(softmaxRegression(2, 4));
    const Vec p = net.initialParameters(1);
    CrossEntropyObjective f(net, data, 2000);
    Vec full, g;
    f.valueAndGradient(p, full);
    double distance[2] = {0, 0};
    for (BatchOrder order : {BatchOrder::Shuffled, BatchOrder::ClassSorted}) {
        BatchSampler sampler(data.labels, 32, order, 9);
        for (int k = 0; k < sampler.batchesPerEpoch(); ++k) {
            f.setBatch(sampler.next());
            f.valueAndGradient(p, g);
            distance[int(order)] += (g - full).norm() / sampler.batchesPerEpoch();
        }
    }
    const double shuffled = distance[int(BatchOrder::Shuffled)];
    const double sorted = distance[int(BatchOrder::ClassSorted)];
    qInfo("mean ‖g_batch − g_full‖: shuffled %.4f, class-sorted %.4f (‖g_full‖ = %.4f)", shuffled,
          sorted, full.norm());
    QVERIFY2(sorted > 3 * shuffled,
             qPrintable(QStringLiteral("%1 vs %2").arg(sorted).arg(shuffled)));
    QVERIFY(sorted > full.norm()); // further from the full gradient than zero is
}

void TestLearnTraining::softmaxRegressionSeparatesBlobs() {
    const Dataset data = synthetic(SyntheticKind::Blobs, 600, 3, 0.5, 1);
    const Dataset test = synthetic(SyntheticKind::Blobs, 300, 3, 0.5, 2);
    const Network net(softmaxRegression(2, 3));
    TrainSettings s;
    s.optimizer = "gd";
    s.hyperParams = {{"lr", 0.5}};
    s.epochs = 20;
    s.batchSize = 16;
    TrainingLog log;
    TrainHooks hooks;
    hooks.observers = {&log};
    const TrainResult r = train(net, data, &test, s, hooks);
    QCOMPARE(int(r.status), int(TrainStatus::Finished));
    QCOMPARE(r.epochs, 20);
    QCOMPARE(r.iterations, 20 * 38);
    QCOMPARE(int(log.iterationLoss.size()), r.iterations);
    QCOMPARE(log.examplesSeen.back(), 20LL * 600);
    QCOMPARE(int(log.trainAccuracy.size()), 20);
    QCOMPARE(int(log.testAccuracy.size()), 20);
    qInfo("blobs: train accuracy %.4f, test %.4f", log.trainAccuracy.back(),
          log.testAccuracy.back());
    QVERIFY(log.trainAccuracy.back() > 0.95);
    QVERIFY(log.testAccuracy.back() > 0.95);
    QVERIFY(log.epochLoss.back() < log.epochLoss.front());
}

void TestLearnTraining::mlpSeparatesMoons() {
    const Dataset data = synthetic(SyntheticKind::Moons, 400, 2, 0.1, 1);
    const Network net(mlp(2, {16, 16}, 2, Activation::Tanh));
    TrainSettings s;
    s.optimizer = "adam";
    s.hyperParams = {{"lr", 0.01}};
    s.epochs = 60;
    s.batchSize = 32;
    TrainingLog log;
    TrainHooks hooks;
    hooks.observers = {&log};
    const TrainResult r = train(net, data, nullptr, s, hooks);
    QCOMPARE(int(r.status), int(TrainStatus::Finished));
    QVERIFY(log.testAccuracy.empty());
    qInfo("moons: train accuracy %.4f, loss %.4f", log.trainAccuracy.back(), log.trainLoss.back());
    QVERIFY(log.trainAccuracy.back() > 0.95);
    // Softmax regression cannot bend its boundary: the MLP's win is the hidden layers'.
    const Network linear(softmaxRegression(2, 2));
    TrainingLog linearLog;
    hooks.observers = {&linearLog};
    QCOMPARE(int(train(linear, data, nullptr, s, hooks).status), int(TrainStatus::Finished));
    qInfo("moons, softmax regression: train accuracy %.4f", linearLog.trainAccuracy.back());
    QVERIFY(linearLog.trainAccuracy.back() < 0.95);
}

void TestLearnTraining::trainingIsReproducible() {
    const Dataset data = synthetic(SyntheticKind::Spirals, 300, 3, 0.05, 4);
    const Network net(mlp(2, {24}, 3, Activation::ReLU));
    TrainSettings s;
    s.optimizer = "momentum";
    s.epochs = 3;
    s.batchSize = 10;
    s.seed = 77;
    const TrainResult a = train(net, data, nullptr, s), b = train(net, data, nullptr, s);
    QVERIFY(a.params == b.params);
    s.seed = 78;
    QVERIFY(train(net, data, nullptr, s).params != a.params);
    // Starting from given parameters.
    const Vec start = Vec::Zero(net.parameterCount());
    const TrainResult fromZero = train(net, data, nullptr, s, {}, &start);
    QCOMPARE(int(fromZero.status), int(TrainStatus::Finished));
}

void TestLearnTraining::everyFirstOrderOptimizerTrains_data() {
    QTest::addColumn<QString>("key");
    for (const std::string& key : optimizerKeys())
        if (!createOptimizer(key)->usesHessian())
            QTest::newRow(key.c_str()) << QString::fromStdString(key);
}

void TestLearnTraining::everyFirstOrderOptimizerTrains() {
    QFETCH(QString, key);
    const Dataset data = synthetic(SyntheticKind::Blobs, 300, 3, 0.5, 6);
    const Network net(mlp(2, {8}, 3, Activation::Tanh));
    TrainSettings s;
    s.optimizer = key.toStdString();
    s.epochs = 5;
    s.batchSize = 20;
    TrainingLog log;
    TrainHooks hooks;
    hooks.observers = {&log};
    const Vec start = net.initialParameters(s.seed);
    const TrainResult r = train(net, data, nullptr, s, hooks);
    QVERIFY2(r.status == TrainStatus::Finished, describe(r).c_str());
    CrossEntropyObjective f(net, data, 300);
    QVERIFY2(f.value(r.params) < f.value(start),
             qPrintable(QStringLiteral("%1 → %2").arg(f.value(start)).arg(f.value(r.params))));
}

void TestLearnTraining::learningRateTenDiverges_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<int>("batch");
    QTest::newRow("gd, batch 32") << "gd" << 32;
    QTest::newRow("gd, full batch") << "gd" << 1000;
    QTest::newRow("momentum, batch 8") << "momentum" << 8;
}

void TestLearnTraining::learningRateTenDiverges() {
    QFETCH(QString, optimizer);
    QFETCH(int, batch);
    const Dataset data = synthetic(SyntheticKind::Moons, 400, 2, 0.2, 2);
    const Network net(mlp(2, {32, 32}, 2, Activation::ReLU, Precision::Float32));
    TrainSettings s;
    s.optimizer = optimizer.toStdString();
    s.hyperParams = {{"lr", 10.0}};
    s.epochs = 200;
    s.batchSize = batch;
    TrainingLog log;
    TrainHooks hooks;
    hooks.observers = {&log};
    double lastProgress = 0;
    hooks.progress = [&](double f) { lastProgress = f; };
    const TrainResult r = train(net, data, &data, s, hooks);
    qInfo("%s", describe(r).c_str());
    QCOMPARE(int(r.status), int(TrainStatus::Diverged));
    QVERIFY(r.stopIteration >= 1);
    // Found by a batch loss or the step's parameters, iteration k was not completed; found by
    // the scores at the end of an epoch, its step was taken.
    QVERIFY(r.iterations == r.stopIteration - 1 || r.iterations == r.stopIteration);
    QVERIFY(r.epochs < 200);
    QVERIFY(lastProgress < 1.0);
    // Nothing non-finite ever reached an observer, so no plot ever gets a NaN.
    QCOMPARE(int(log.iterationLoss.size()), r.iterations);
    QVERIFY(allFinite(log.iterationLoss));
    QVERIFY(allFinite(log.epochLoss) && allFinite(log.trainLoss) && allFinite(log.testLoss));
    QVERIFY(describe(r).find("diverged at iteration " + std::to_string(r.stopIteration)) == 0);
}

void TestLearnTraining::cancelStopsAtTheNextIteration() {
    const Dataset data = synthetic(SyntheticKind::Xor, 200, 2, 0.1, 1);
    const Network net(mlp(2, {8}, 2, Activation::Tanh));
    TrainSettings s;
    s.epochs = 100;
    s.batchSize = 10;
    std::atomic<bool> cancel = false;
    std::vector<double> progress;
    TrainHooks hooks;
    hooks.cancel = &cancel;
    hooks.progress = [&](double f) {
        progress.push_back(f);
        if (progress.size() == 5) cancel = true;
    };
    const TrainResult r = train(net, data, nullptr, s, hooks);
    QCOMPARE(int(r.status), int(TrainStatus::Cancelled));
    QCOMPARE(r.iterations, 5);
    QCOMPARE(r.stopIteration, 6);
    QCOMPARE(int(progress.size()), 5);
    QCOMPARE(progress.front(), 1.0 / 2000);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(describe(r), std::string("cancelled at iteration 6"));
    // Progress reaches 1 exactly when a run finishes.
    s.epochs = 2;
    progress.clear();
    cancel = false;
    hooks.progress = [&](double f) { progress.push_back(f); };
    QCOMPARE(int(train(net, data, nullptr, s, hooks).status), int(TrainStatus::Finished));
    QCOMPARE(progress.back(), 1.0);
}

void TestLearnTraining::badSettingsAreNamed_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("hyper");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("features");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no epochs") << "gd"
                               << "" << 0.0 << 0 << 8 << 2 << "epochs";
    QTest::newRow("empty batches") << "gd"
                                   << "" << 0.0 << 1 << 0 << 2 << "batchSize";
    QTest::newRow("unknown optimizer")
        << "sgdd"
        << "" << 0.0 << 1 << 8 << 2 << "optimizer: unknown key 'sgdd'";
    QTest::newRow("second-order method")
        << "newton"
        << "" << 0.0 << 1 << 8 << 2 << "optimizer: Newton's method needs the Hessian";
    QTest::newRow("learning rate out of range")
        << "adam"
        << "lr" << 100.0 << 1 << 8 << 2 << "hyperParams: lr";
    QTest::newRow("unknown hyperparameter")
        << "gd"
        << "momentum" << 0.9 << 1 << 8 << 2 << "hyperParams: unknown hyperparameter 'momentum'";
    QTest::newRow("wrong feature count")
        << "gd"
        << "" << 0.0 << 1 << 8 << 3 << "data: 3 features, the network takes 2";
}

void TestLearnTraining::badSettingsAreNamed() {
    QFETCH(QString, optimizer);
    QFETCH(QString, hyper);
    QFETCH(double, value);
    QFETCH(int, epochs);
    QFETCH(int, batch);
    QFETCH(int, features);
    QFETCH(QString, expected);
    Dataset data = synthetic(SyntheticKind::Blobs, 50, 3, 0.1, 1);
    data.features.conservativeResize(features, Eigen::NoChange);
    data.features.bottomRows(features - 2).setZero();
    const Network net(softmaxRegression(2, 3));
    TrainSettings s;
    s.optimizer = optimizer.toStdString();
    if (!hyper.isEmpty()) s.hyperParams = {{hyper.toStdString(), value}};
    s.epochs = epochs;
    s.batchSize = batch;
    const TrainResult r = train(net, data, nullptr, s);
    QCOMPARE(int(r.status), int(TrainStatus::Invalid));
    QCOMPARE(r.iterations, 0);
    QVERIFY2(r.error.rfind(expected.toStdString(), 0) == 0, r.error.c_str());
    QVERIFY(describe(r).find(r.error) != std::string::npos);
}

QTEST_APPLESS_MAIN(TestLearnTraining)
#include "test_learn_training.moc"

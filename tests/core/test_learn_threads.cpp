// One pass of a network, and the optimizer's step after it, shared among threads
// (network_kernel_pass.inc, kernel::shareWork, Optimizer::stepFloatRange): whatever the number
// of threads, even or odd, and more than the CPU has, the loss, the predictions, the gradient
// and the parameters a training run reaches are those of one thread, to float rounding.

#include "learn/cross_entropy_objective.h"
#include "learn/network.h"
#include "learn/network_kernel.h"
#include "learn/random.h"
#include "learn/synthetic.h"
#include "learn/trainer.h"
#include "optim/registry.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace gs;
using namespace gs::learn;

namespace {

template <class V> double relativeGap(const V& a, const V& b) {
    const double scale = std::max(1e-30, static_cast<double>(b.cwiseAbs().maxCoeff()));
    return static_cast<double>((a - b).cwiseAbs().maxCoeff()) / scale;
}

template <class T> struct Batch {
    Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> x;
    Eigen::VectorXi y;
};

template <class T> Batch<T> randomBatch(const NetworkSpec& spec, int batch) {
    Rng rng(11);
    Batch<T> b{decltype(Batch<T>::x)(spec.inputs, batch), Eigen::VectorXi(batch)};
    for (int j = 0; j < batch; ++j) {
        for (int i = 0; i < spec.inputs; ++i)
            b.x(i, j) = static_cast<T>(rng.normal());
        b.y[j] = (j * 7) % spec.classes;
    }
    return b;
}

Dataset moons(int samples) {
    SyntheticParams p;
    p.kind = SyntheticKind::Moons;
    p.samples = samples;
    p.classes = 2;
    p.noise = 0.1;
    p.seed = 5;
    DataResult r = makeSynthetic(p);
    if (!r.ok()) qFatal("%s", r.error.c_str());
    return std::move(r.data);
}

} // namespace

class TestLearnThreads : public QObject {
    Q_OBJECT
private slots:
    void passAgreesWithOneThread_data();
    void passAgreesWithOneThread();
    void copiedBatchIsTheBatch();
    void sharesCoverTheRange();
    void rangedStepsAreTheStep_data();
    void rangedStepsAreTheStep();
    void trainingAgreesWithOneThread_data();
    void trainingAgreesWithOneThread();
    void threadSettings();
};

void TestLearnThreads::passAgreesWithOneThread_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("float32");
    QTest::addColumn<int>("activation");
    QTest::addColumn<int>("batch");
    for (int threads : {2, 3, 5})
        for (bool f32 : {true, false})
            for (Activation a : {Activation::ReLU, Activation::Tanh}) {
                const QString tag = QString("%1 threads %2 %3")
                                        .arg(threads)
                                        .arg(f32 ? "float" : "double")
                                        .arg(a == Activation::ReLU ? "relu" : "tanh");
                QTest::newRow(qPrintable(tag)) << threads << f32 << int(a) << 37;
            }
    // Fewer examples than threads: some parts get none, and still share the weight gradients.
    QTest::newRow("5 threads, batch 3") << 5 << true << int(Activation::ReLU) << 3;
    QTest::newRow("2 threads, batch 1") << 2 << false << int(Activation::Tanh) << 1;
}

template <class T> void comparePass(int threads, Activation activation, int batch) {
    const NetworkSpec spec =
        mlp(19, {23, 9}, 4, activation,
            std::is_same_v<T, float> ? Precision::Float32 : Precision::Float64);
    const Network net(spec);
    const Batch<T> b = randomBatch<T>(spec, batch);
    using Kernel = NetworkKernel<T>;
    const typename Kernel::Vector p = net.initialParameters(3).template cast<T>();
    typename Kernel::Vector gOne(p.size()), gShared(p.size());
    gShared.setConstant(T(12345)); // every element must be written
    Kernel one(net, batch), shared(net, batch);
    shared.setThreads(threads);
    QCOMPARE(shared.threads(), threads);
    const auto a = one.run(p.data(), b.x, b.y.data(), gOne.data());
    const auto s = shared.run(p.data(), b.x, b.y.data(), gShared.data());
    const double tol = std::is_same_v<T, float> ? 1e-5 : 1e-13;
    QVERIFY2(std::abs(a.lossSum - s.lossSum) <= tol * std::max(1.0, std::abs(a.lossSum)),
             qPrintable(QString("%1 vs %2").arg(a.lossSum, 0, 'g', 17).arg(s.lossSum, 0, 'g', 17)));
    QCOMPARE(s.correct, a.correct);
    QCOMPARE(shared.predictions().head(batch), one.predictions().head(batch));
    QVERIFY(gOne.cwiseAbs().maxCoeff() > 0);
    const double gap = relativeGap(gShared, gOne);
    QVERIFY2(gap <= tol, qPrintable(QString::number(gap)));
    // The loss alone takes the same shares.
    const auto c = shared.run(p.data(), b.x, b.y.data(), nullptr);
    QCOMPARE(c.lossSum, s.lossSum);
    QCOMPARE(c.correct, s.correct);
}

void TestLearnThreads::passAgreesWithOneThread() {
    QFETCH(int, threads);
    QFETCH(bool, float32);
    QFETCH(int, activation);
    QFETCH(int, batch);
    if (float32)
        comparePass<float>(threads, Activation(activation), batch);
    else
        comparePass<double>(threads, Activation(activation), batch);
}

// The batch copied by the pass itself (each thread its own examples) is the batch: the same
// result as the pass over the columns copied beforehand, and the buffer holds them afterwards.
void TestLearnThreads::copiedBatchIsTheBatch() {
    const NetworkSpec spec = mlp(6, {8}, 3, Activation::ReLU, Precision::Float32);
    const Network net(spec);
    Rng rng(2);
    Eigen::MatrixXf source(6, 50);
    for (Eigen::Index i = 0; i < source.size(); ++i)
        source.data()[i] = static_cast<float>(rng.normal());
    const std::vector<int> columns = {41, 3, 3, 17, 0, 49, 22};
    const int batch = static_cast<int>(columns.size());
    Eigen::MatrixXf copied(6, batch), buffer = Eigen::MatrixXf::Zero(6, batch);
    Eigen::VectorXi y(batch);
    for (int j = 0; j < batch; ++j) {
        copied.col(j) = source.col(columns[static_cast<std::size_t>(j)]);
        y[j] = j % 3;
    }
    const Eigen::VectorXf p = net.initialParameters(4).cast<float>();
    Eigen::VectorXf g1(p.size()), g2(p.size());
    NetworkKernel<float> a(net, batch), b(net, batch);
    b.setThreads(3);
    const auto ra = a.run(p.data(), copied, y.data(), g1.data());
    const auto rb = b.run(p.data(), source, columns.data(), buffer, y.data(), g2.data());
    QCOMPARE(buffer, copied);
    QCOMPARE(rb.correct, ra.correct);
    QVERIFY(std::abs(rb.lossSum - ra.lossSum) <= 1e-5 * std::abs(ra.lossSum));
    QVERIFY(relativeGap(g2, g1) <= 1e-5);

    // Through the objective: a chosen batch evaluated twice (copied once) gives the same value.
    Dataset data;
    data.features = source;
    data.labels = Eigen::VectorXi::LinSpaced(50, 0, 49).unaryExpr([](int i) { return i % 3; });
    data.classes = 3;
    CrossEntropyObjective f(net, data, 16);
    f.setThreads(2);
    QCOMPARE(f.threads(), 2);
    f.setBatch(columns);
    const Vec pd = p.cast<double>();
    const double first = f.value(pd), again = f.value(pd);
    QCOMPARE(again, first);
}

void TestLearnThreads::sharesCoverTheRange() {
    for (int threads : {1, 2, 3, 4, 7})
        for (int n : {0, 1, 15, 16, 17, 100, 101'770}) {
            std::vector<int> hits(static_cast<std::size_t>(n), 0);
            std::vector<int> parts(static_cast<std::size_t>(threads), 0);
            kernel::shareWork(threads, n, [&](int part, int begin, int end) {
                QVERIFY(begin < end);
                QVERIFY(begin % 16 == 0); // a cache line of floats: no two threads share one
                ++parts[static_cast<std::size_t>(part)];
                for (int i = begin; i < end; ++i)
                    ++hits[static_cast<std::size_t>(i)];
            });
            QVERIFY2(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }),
                     qPrintable(QString("threads %1, n %2").arg(threads).arg(n)));
            QVERIFY(std::all_of(parts.begin(), parts.end(), [](int c) { return c <= 1; }));
        }
}

void TestLearnThreads::rangedStepsAreTheStep_data() {
    QTest::addColumn<QString>("key");
    int withFloat = 0;
    for (const auto& key : optimizerKeys())
        if (createOptimizer(key)->hasFloatStep()) {
            QTest::newRow(key.c_str()) << QString::fromStdString(key);
            ++withFloat;
        }
    QCOMPARE(withFloat, 2); // gd and momentum
}

// Three steps in two uneven ranges leave the parameters and the state exactly where three
// whole steps leave them.
void TestLearnThreads::rangedStepsAreTheStep() {
    QFETCH(QString, key);
    auto whole = createOptimizer(key.toStdString()), ranged = createOptimizer(key.toStdString());
    const int n = 41;
    whole->reset(n);
    ranged->reset(n);
    Rng rng(9);
    Eigen::VectorXf x1(n), g(n);
    for (int i = 0; i < n; ++i)
        x1[i] = static_cast<float>(rng.normal());
    Eigen::VectorXf x2 = x1;
    for (int k = 0; k < 3; ++k) {
        for (int i = 0; i < n; ++i)
            g[i] = static_cast<float>(rng.normal());
        whole->stepFloat(x1.data(), g.data(), n);
        ranged->beginFloatStep(n);
        ranged->stepFloatRange(x2.data(), g.data(), 16, n);
        ranged->stepFloatRange(x2.data(), g.data(), 0, 16);
    }
    QCOMPARE(x2, x1);
    for (int i = 0; i < int(whole->stateNames().size()); ++i)
        QCOMPARE(ranged->state(i), whole->state(i));
}

void TestLearnThreads::trainingAgreesWithOneThread_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<bool>("float32");
    QTest::addColumn<int>("threads");
    for (const char* opt : {"gd", "momentum", "adam"})
        for (bool f32 : {true, false})
            QTest::newRow(qPrintable(QString("%1 %2").arg(opt, f32 ? "float" : "double")))
                << QString(opt) << f32 << 2;
    QTest::newRow("gd float, 3 threads") << "gd" << true << 3;
}

// Two epochs on the moons: the run with its passes and steps shared ends where the
// one-threaded run ends, to float rounding carried over 60 steps.
void TestLearnThreads::trainingAgreesWithOneThread() {
    QFETCH(QString, optimizer);
    QFETCH(bool, float32);
    QFETCH(int, threads);
    const Dataset data = moons(480);
    const Network net(
        mlp(2, {32, 32}, 2, Activation::Tanh, float32 ? Precision::Float32 : Precision::Float64));
    TrainSettings s;
    s.optimizer = optimizer.toStdString();
    s.hyperParams = {{"lr", optimizer == "adam" ? 0.01 : 0.1}};
    s.epochs = 2;
    s.batchSize = 16;
    s.threads = 1;
    const TrainResult one = train(net, data, nullptr, s);
    s.threads = threads;
    const TrainResult shared = train(net, data, nullptr, s);
    QCOMPARE(int(one.status), int(TrainStatus::Finished));
    QCOMPARE(int(shared.status), int(TrainStatus::Finished));
    QCOMPARE(shared.iterations, one.iterations);
    QVERIFY((one.params - net.initialParameters(s.seed)).norm() > 0.1); // it trained
    const double gap = relativeGap(shared.params, one.params);
    QVERIFY2(gap <= (float32 ? 1e-4 : 1e-10), qPrintable(QString::number(gap)));
}

void TestLearnThreads::threadSettings() {
    TrainSettings s;
    s.threads = -1;
    const auto bad = s.validate();
    QVERIFY(bad.has_value());
    QVERIFY2(bad->find("threads") != std::string::npos, bad->c_str());
    s.threads = 0;
    QVERIFY(!s.validate());

    QVERIFY(kernel::threadsAvailable() >= 1);
    // By the work: a small network on a small batch stays on one thread; the benchmark's
    // 784–128–10 on 64 images (39 MFLOP: 9 threads by the work, 128 units: 8 by the width) is
    // shared among as many as the CPU has, up to 8.
    const Network small(mlp(2, {32, 32}, 2, Activation::Tanh, Precision::Float32));
    QCOMPARE(passThreadsFor(small, 16), 1);
    const Network big(mlp(784, {128}, 10, Activation::ReLU, Precision::Float32));
    QCOMPARE(passThreadsFor(big, 64), std::min(kernel::threadsAvailable(), 8));
    QVERIFY(passThreadsFor(big, 64) <= kernel::threadsAvailable());
    NetworkKernel<float> k(small, 4);
    k.setThreads(0);
    QCOMPARE(k.threads(), 1);
    k.setThreads(1000);
    QCOMPARE(k.threads(), kernel::maxThreads);
}

QTEST_APPLESS_MAIN(TestLearnThreads)
#include "test_learn_threads.moc"

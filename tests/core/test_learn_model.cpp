// Models: softmax regression and MLPs. Backpropagation against central differences, the stable
// log-sum-exp, float against double, seeded initialisation, validation that names the field.

#include "check.h"
#include "learn/cross_entropy_objective.h"
#include "learn/evaluation.h"
#include "learn/network.h"
#include "learn/random.h"

#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::learn;

namespace {

/// n examples of d features, normal, labels cycling through the classes.
Dataset randomData(int n, int d, int classes, std::uint64_t seed) {
    Rng rng(seed);
    Dataset data;
    data.classes = classes;
    data.features.resize(d, n);
    data.labels.resize(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j)
            data.features(j, i) = static_cast<float>(rng.normal());
        data.labels[i] = i % classes;
    }
    return data;
}

/// Cross-entropy of one example computed the textbook way (in long double, no shortcuts).
double referenceLoss(const Network& net, const Vec& p, const Eigen::VectorXf& x, int y) {
    Eigen::Matrix<long double, Eigen::Dynamic, 1> a = x.cast<long double>();
    for (int l = 0; l < net.layerCount(); ++l) {
        const LayerSlice& s = net.layer(l);
        Eigen::Matrix<long double, Eigen::Dynamic, 1> z(s.out);
        for (int o = 0; o < s.out; ++o) {
            long double sum = p[s.bias + o];
            for (int i = 0; i < s.in; ++i)
                sum += p[s.weights + i * s.out + o] * a[i];
            z[o] = sum;
        }
        if (l + 1 < net.layerCount())
            for (auto& v : z)
                v = net.spec().activation == Activation::ReLU ? std::max(v, 0.0L) : std::tanh(v);
        a = z;
    }
    long double total = 0;
    for (auto v : a)
        total += std::exp(v);
    return static_cast<double>(std::log(total) - a[y]);
}

} // namespace

class TestLearnModel : public QObject {
    Q_OBJECT
private slots:
    void backpropMatchesCentralDifferences_data();
    void backpropMatchesCentralDifferences();
    void lossMatchesTextbookFormula();
    void logSumExpIsStable();
    void float32AgreesWithFloat64();
    void initialisationIsSeeded();
    void parameterLayout();
    void badSpecsAreNamed_data();
    void badSpecsAreNamed();
    void batchSelectionAndRegrowth();
    void evaluationCountsAndConfusion();
};

void TestLearnModel::backpropMatchesCentralDifferences_data() {
    QTest::addColumn<int>("inputs");
    QTest::addColumn<QList<int>>("hidden");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("activation");
    QTest::newRow("softmax regression 5 → 4") << 5 << QList<int>{} << 4 << int(Activation::Tanh);
    QTest::newRow("softmax regression, 2 classes") << 3 << QList<int>{} << 2 << 0;
    QTest::newRow("MLP 4-7-3 tanh") << 4 << QList<int>{7} << 3 << int(Activation::Tanh);
    QTest::newRow("MLP 4-7-3 ReLU") << 4 << QList<int>{7} << 3 << int(Activation::ReLU);
    QTest::newRow("MLP 3-6-5-4 tanh") << 3 << QList<int>{6, 5} << 4 << int(Activation::Tanh);
    QTest::newRow("MLP 3-6-5-4 ReLU") << 3 << QList<int>{6, 5} << 4 << int(Activation::ReLU);
}

void TestLearnModel::backpropMatchesCentralDifferences() {
    QFETCH(int, inputs);
    QFETCH(QList<int>, hidden);
    QFETCH(int, classes);
    QFETCH(int, activation);
    const Network net(mlp(inputs, std::vector<int>(hidden.begin(), hidden.end()), classes,
                          Activation(activation), Precision::Float64));
    const Dataset data = randomData(13, inputs, classes, 7);
    CrossEntropyObjective f(net, data, 64);
    QCOMPARE(f.batchSize(), 13);
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        Vec p = net.initialParameters(seed);
        // Non-zero biases too, so their gradients are exercised away from the symmetric start.
        Rng rng(seed + 100);
        for (int i = 0; i < p.size(); ++i)
            p[i] += 0.3 * rng.normal();
        Vec g;
        const double value = f.valueAndGradient(p, g);
        QCOMPARE(value, f.value(p));
        const Vec numeric = test::centralGradient(f, p);
        const double rel = (g - numeric).norm() / std::max(g.norm(), numeric.norm());
        QVERIFY2(rel < 1e-6, qPrintable(QStringLiteral("relative error %1").arg(rel)));
        QVERIFY(g.norm() > 1e-3); // a real gradient, not two zeros agreeing
    }
}

void TestLearnModel::lossMatchesTextbookFormula() {
    const Network net(mlp(3, {4}, 3, Activation::Tanh));
    const Dataset data = randomData(6, 3, 3, 11);
    CrossEntropyObjective f(net, data);
    const Vec p = net.initialParameters(5);
    double mean = 0;
    for (int i = 0; i < data.size(); ++i)
        mean += referenceLoss(net, p, data.features.col(i), data.labels[i]) / data.size();
    GS_COMPARE_NEAR(f.value(p), mean, 1e-13);
}

void TestLearnModel::logSumExpIsStable() {
    // Logits of ±1000 overflow a naive exp; the loss must still be exact: one example right by a
    // margin of 2000 costs ≈ 0, one wrong by 2000 costs 2000.
    const Network net(softmaxRegression(1, 2));
    Dataset data;
    data.classes = 2;
    data.features = Eigen::MatrixXf::Ones(1, 2);
    data.labels.resize(2);
    data.labels << 0, 1;
    CrossEntropyObjective f(net, data);
    Vec p(4); // W = (1000, −1000)ᵀ, b = 0: logits (1000, −1000) for both examples
    p << 1000, -1000, 0, 0;
    Vec g;
    const double loss = f.valueAndGradient(p, g);
    GS_COMPARE_NEAR(loss, 2000.0 / 2, 1e-12);
    QVERIFY(g.allFinite());
    QCOMPARE(f.correct(), 1);
    const Network net32(softmaxRegression(1, 2, Precision::Float32));
    CrossEntropyObjective f32(net32, data);
    GS_COMPARE_NEAR(f32.valueAndGradient(p, g), 1000.0, 1e-6);
    QVERIFY(g.allFinite());
}

void TestLearnModel::float32AgreesWithFloat64() {
    const Dataset data = randomData(50, 20, 5, 3);
    for (Activation a : {Activation::Tanh, Activation::ReLU}) {
        const Network n64(mlp(20, {16, 8}, 5, a, Precision::Float64));
        const Network n32(mlp(20, {16, 8}, 5, a, Precision::Float32));
        CrossEntropyObjective f64(n64, data), f32(n32, data);
        const Vec p = n64.initialParameters(9);
        Vec g64, g32;
        GS_COMPARE_NEAR(f32.valueAndGradient(p, g32), f64.valueAndGradient(p, g64), 1e-5);
        QVERIFY((g32 - g64).norm() < 1e-5 * g64.norm());
    }
}

void TestLearnModel::initialisationIsSeeded() {
    const Network net(mlp(10, {20}, 3, Activation::ReLU));
    const Vec a = net.initialParameters(4), b = net.initialParameters(4);
    QVERIFY(a == b);
    QVERIFY(a != net.initialParameters(5));
    // He bound √(6/10) for the ReLU layer, Glorot √(6/23) for the output; biases zero.
    const LayerSlice& l0 = net.layer(0);
    const LayerSlice& l1 = net.layer(1);
    QVERIFY(a.segment(l0.weights, 200).cwiseAbs().maxCoeff() <= std::sqrt(0.6));
    QVERIFY(a.segment(l0.weights, 200).cwiseAbs().maxCoeff() > 0.9 * std::sqrt(0.6));
    QVERIFY(a.segment(l1.weights, 60).cwiseAbs().maxCoeff() <= std::sqrt(6.0 / 23));
    QVERIFY(a.segment(l0.bias, 20).isZero());
    QVERIFY(a.segment(l1.bias, 3).isZero());
}

void TestLearnModel::parameterLayout() {
    const Network net(mlp(784, {128}, 10, Activation::ReLU, Precision::Float32));
    QCOMPARE(net.parameterCount(), 784 * 128 + 128 + 128 * 10 + 10);
    QCOMPARE(net.layerCount(), 2);
    QCOMPARE(net.layer(1).weights, 784 * 128 + 128);
    QCOMPARE(net.forwardMultiplyAdds(), 784.0 * 128 + 128 * 10);
    QCOMPARE(Network(softmaxRegression(784, 10)).parameterCount(), 7850);
}

void TestLearnModel::badSpecsAreNamed_data() {
    QTest::addColumn<int>("inputs");
    QTest::addColumn<QList<int>>("hidden");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("field");
    QTest::newRow("no inputs") << 0 << QList<int>{} << 3 << "inputs";
    QTest::newRow("three hidden layers") << 2 << QList<int>{4, 4, 4} << 3 << "hidden";
    QTest::newRow("empty hidden layer") << 2 << QList<int>{4, 0} << 3 << "hidden[1]";
    QTest::newRow("one class") << 2 << QList<int>{4} << 1 << "classes";
    QTest::newRow("too many parameters") << 100000 << QList<int>{10000} << 3 << "hidden";
}

void TestLearnModel::badSpecsAreNamed() {
    QFETCH(int, inputs);
    QFETCH(QList<int>, hidden);
    QFETCH(int, classes);
    QFETCH(QString, field);
    const NetworkSpec spec =
        mlp(inputs, std::vector<int>(hidden.begin(), hidden.end()), classes, Activation::Tanh);
    const auto bad = spec.validate();
    QVERIFY(bad);
    QVERIFY2(bad->rfind(field.toStdString() + " ", 0) == 0, bad->c_str());
    QVERIFY(!mlp(2, {3, 3}, 2, Activation::ReLU).validate());
}

void TestLearnModel::batchSelectionAndRegrowth() {
    // A batch equals the same examples as a data set of their own, also when it is larger than
    // the buffers were sized for.
    const Dataset data = randomData(40, 3, 3, 2);
    const Network net(mlp(3, {5}, 3, Activation::Tanh));
    const Vec p = net.initialParameters(1);
    CrossEntropyObjective f(net, data, 4);
    QCOMPARE(f.batchSize(), 0);
    QCOMPARE(f.value(p), 0.0);
    const std::vector<int> pick = {5, 1, 33, 1, 20, 7, 8, 9, 39, 0};
    f.setBatch(pick);
    QCOMPARE(f.batchSize(), 10);
    const Dataset subset = data.select(pick);
    CrossEntropyObjective g(net, subset, 16);
    Vec ga, gb;
    GS_COMPARE_NEAR(f.valueAndGradient(p, ga), g.valueAndGradient(p, gb), 1e-14);
    QVERIFY((ga - gb).norm() <= 1e-14 * gb.norm());
    f.setRange(30, 10);
    CrossEntropyObjective h(net,
                            data.select(std::vector<int>{30, 31, 32, 33, 34, 35, 36, 37, 38, 39}));
    GS_COMPARE_NEAR(f.value(p), h.value(p), 1e-14);
}

void TestLearnModel::evaluationCountsAndConfusion() {
    const Dataset data = randomData(2500, 4, 3, 8); // more than one chunk of 1024
    const Network net(softmaxRegression(4, 3));
    const Vec p = net.initialParameters(3);
    const Evaluation e = evaluate(net, p, data);
    QCOMPARE(int(e.predicted.size()), 2500);
    const Eigen::MatrixXi confusion = confusionMatrix(data, e.predicted);
    QCOMPARE(confusion.sum(), 2500);
    GS_COMPARE_NEAR(e.accuracy, confusion.trace() / 2500.0, 1e-15);
    CrossEntropyObjective whole(net, data, 4096);
    GS_COMPARE_NEAR(e.loss, whole.value(p), 1e-12);
}

QTEST_APPLESS_MAIN(TestLearnModel)
#include "test_learn_model.moc"

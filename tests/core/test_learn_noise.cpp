// Mini-batch gradients and what a network predicts over the plane: logistic regression on a line
// against finite differences, the measured variance of batch gradients against
// σ²/B · (N − B)/(N − 1), class-sorted batches pointing elsewhere than the full gradient, the
// covariance ellipse, the whole-set loss curve of a training run, and decision-region grids that
// agree with per-point predictions.

#include "check.h"
#include "learn/decision_grid.h"
#include "learn/evaluation.h"
#include "learn/gradient_noise.h"
#include "learn/logistic_1d.h"
#include "learn/loss_curve.h"
#include "learn/synthetic.h"
#include "learn/trainer.h"

#include <Eigen/LU>

#include <QTest>

#include <cmath>
#include <numbers>

using namespace gs;
using namespace gs::learn;

namespace {

Dataset lineData(int samples, std::uint64_t seed) {
    LineDataParams p;
    p.samples = samples;
    p.seed = seed;
    DataResult r = makeLineData(p);
    if (!r.ok()) qFatal("%s", r.error.c_str());
    return std::move(r.data);
}

Dataset moons(int samples) {
    SyntheticParams p;
    p.kind = SyntheticKind::Moons;
    p.samples = samples;
    p.noise = 0.15;
    DataResult r = makeSynthetic(p);
    if (!r.ok()) qFatal("%s", r.error.c_str());
    return std::move(r.data);
}

Vec theta(double w, double b) {
    return (Vec(2) << w, b).finished();
}

} // namespace

class TestLearnNoise : public QObject {
    Q_OBJECT
private slots:
    void logisticGradientMatchesCentralDifferences_data();
    void logisticGradientMatchesCentralDifferences();
    void lineDataIsSeededAndChecked();
    void varianceFollowsFinitePopulationFormula_data();
    void varianceFollowsFinitePopulationFormula();
    void classSortedBatchesPointElsewhere();
    void samplerGradientsAverageToTheFullGradient();
    void ellipseIsTheTwoSigmaContour();
    void logBatchSizesSpanOneToN();
    void angleIsAccurate();
    void lossCurveRecordsEqualExamples();
    void decisionGridLabelsEqualPredictions_data();
    void decisionGridLabelsEqualPredictions();
    void badGridBoxesAreNamed();
};

void TestLearnNoise::logisticGradientMatchesCentralDifferences_data() {
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("b");
    QTest::newRow("origin") << 0.0 << 0.0;
    QTest::newRow("near the optimum") << 1.5 << -0.8;
    QTest::newRow("far out, saturated") << 40.0 << -30.0;
}

void TestLearnNoise::logisticGradientMatchesCentralDifferences() {
    QFETCH(double, w);
    QFETCH(double, b);
    const Dataset data = lineData(60, 3);
    Logistic1D f(data);
    const Vec t = theta(w, b);
    Vec g;
    f.valueAndGradient(t, g);
    const Vec fd = test::centralGradient(f, t);
    for (int i = 0; i < 2; ++i)
        GS_COMPARE_NEAR(g[i], fd[i], 1e-6);
    // The per-example gradients average to the full one.
    const Vec mean = f.exampleGradients(t).rowwise().mean();
    for (int i = 0; i < 2; ++i)
        GS_COMPARE_NEAR(mean[i], g[i], 1e-12);
    // The Hessian against differences of the gradient.
    Mat h;
    f.hessian(t, h);
    for (int j = 0; j < 2; ++j) {
        Vec tp = t, tm = t, gp, gm;
        tp[j] += 1e-6;
        tm[j] -= 1e-6;
        f.valueAndGradient(tp, gp);
        f.valueAndGradient(tm, gm);
        for (int i = 0; i < 2; ++i)
            GS_COMPARE_NEAR(h(i, j), (gp[i] - gm[i]) / 2e-6, 1e-5);
    }
    // A batch averages over its own examples only.
    const std::vector<int> batch{0, 59};
    f.setBatch(batch);
    Vec gb;
    f.valueAndGradient(t, gb);
    const auto eg = f.exampleGradients(t);
    GS_COMPARE_NEAR(gb[0], 0.5 * (eg(0, 0) + eg(0, 59)), 1e-12);
    QVERIFY(std::isfinite(f.value(t)));
}

void TestLearnNoise::lineDataIsSeededAndChecked() {
    const Dataset a = lineData(101, 7), b = lineData(101, 7), c = lineData(101, 8);
    QVERIFY(a.features == b.features);
    QVERIFY(a.features != c.features);
    QCOMPARE(a.classCounts(), (std::vector<int>{50, 51}));
    QVERIFY(!Logistic1D::check(a));
    LineDataParams bad;
    bad.spread = 0;
    QVERIFY(makeLineData(bad).error.rfind("spread", 0) == 0);
    bad = {};
    bad.samples = 1;
    QVERIFY(makeLineData(bad).error.rfind("samples", 0) == 0);
    SyntheticParams two;
    QVERIFY(Logistic1D::check(makeSynthetic(two).data)->find("features") != std::string::npos);
}

void TestLearnNoise::varianceFollowsFinitePopulationFormula_data() {
    QTest::addColumn<int>("batch");
    for (int b : {1, 2, 5, 20, 60, 100, 150, 199, 200})
        QTest::addRow("B = %d of 200", b) << b;
}

void TestLearnNoise::varianceFollowsFinitePopulationFormula() {
    QFETCH(int, batch);
    const int n = 200;
    const Dataset data = lineData(n, 11);
    const Logistic1D f(data);
    const Mat g = f.exampleGradients(theta(0.3, 0.4));
    const GradientPopulation pop = gradientPopulation(g);
    QVERIFY(pop.variance > 0);
    const auto curve = varianceCurve(g, {batch}, 6000, 5);
    QCOMPARE(int(curve.size()), 1);
    const VariancePoint& p = curve.front();
    const double theory = pop.variance / batch * (n - batch) / (n - 1.0);
    GS_COMPARE_NEAR(p.theory, theory, 1e-12);
    GS_COMPARE_NEAR(p.withReplacement, pop.variance / batch, 1e-12);
    if (batch == n) { // the whole set: every batch gradient is the full one
        QVERIFY(p.measured <= 1e-24 * std::max(1.0, pop.variance));
        return;
    }
    qInfo("B %3d: measured %.5g, σ²/B·(N−B)/(N−1) %.5g, σ²/B %.5g", batch, p.measured, p.theory,
          p.withReplacement);
    // 6000 batches: the estimate's relative standard error is about √(2/6000) ≈ 2%.
    QVERIFY2(std::abs(p.measured / p.theory - 1) < 0.08,
             qPrintable(QStringLiteral("%1 vs %2").arg(p.measured).arg(p.theory)));
    // Where the factor matters, the measurement tells it from plain σ²/B.
    if (batch >= 60)
        QVERIFY(std::abs(p.measured - p.theory) < std::abs(p.measured - p.withReplacement) / 4);
}

void TestLearnNoise::classSortedBatchesPointElsewhere() {
    // The article: batches of one class give an estimate "off by a mile". On a line with two
    // classes, a class-0 batch only pushes w and b down and a class-1 batch only up.
    const Dataset data = lineData(200, 2);
    const Logistic1D f(data);
    const Vec t = theta(0.2, 0.1);
    const Mat g = f.exampleGradients(t);
    const Vec full = g.rowwise().mean();
    GradientStats s[2];
    for (BatchOrder order : {BatchOrder::Shuffled, BatchOrder::ClassSorted})
        s[int(order)] =
            gradientStats(samplerBatchGradients(g, f.labels(), 20, order, 4, 1000), full);
    const GradientStats& shuffled = s[int(BatchOrder::Shuffled)];
    const GradientStats& sorted = s[int(BatchOrder::ClassSorted)];
    qInfo("mean angle to ∇J: shuffled %.1f°, class-sorted %.1f°; mean distance %.4f vs %.4f",
          shuffled.meanAngle * 180 / std::numbers::pi, sorted.meanAngle * 180 / std::numbers::pi,
          shuffled.meanDistance, sorted.meanDistance);
    QVERIFY(sorted.meanAngle > 3 * shuffled.meanAngle);
    QVERIFY(sorted.meanAngle > std::numbers::pi / 4);
    QVERIFY(sorted.meanDistance > 3 * shuffled.meanDistance);
}

void TestLearnNoise::samplerGradientsAverageToTheFullGradient() {
    // Over one whole epoch of equal batches both orders average to ∇J exactly: the bias of a
    // class-sorted batch is in each batch, not in the epoch.
    const Dataset data = lineData(120, 9);
    const Logistic1D f(data);
    const Mat g = f.exampleGradients(theta(1, -1));
    const Vec full = g.rowwise().mean();
    for (BatchOrder order : {BatchOrder::Shuffled, BatchOrder::ClassSorted}) {
        const Mat batches = samplerBatchGradients(g, f.labels(), 12, order, 1, 1000);
        QCOMPARE(int(batches.cols()), 10);
        const Vec mean = batches.rowwise().mean();
        for (int i = 0; i < 2; ++i)
            GS_COMPARE_NEAR(mean[i], full[i], 1e-12);
    }
    QCOMPARE(int(samplerBatchGradients(g, f.labels(), 12, BatchOrder::Shuffled, 1, 4).cols()), 4);
}

void TestLearnNoise::ellipseIsTheTwoSigmaContour() {
    Eigen::Matrix2d c;
    c << 4, 1.5, 1.5, 1;
    const Eigen::Vector2d centre(1, -2);
    const auto e = covarianceEllipse(centre, c, 2, 40);
    QCOMPARE(int(e.size()), 41);
    QVERIFY(e.front().isApprox(e.back()));
    for (const auto& p : e) {
        const Eigen::Vector2d d = p - centre;
        GS_COMPARE_NEAR(d.dot(c.inverse() * d), 4.0, 1e-9);
    }
    // Degenerate: a segment along the one direction of spread, never NaN.
    Eigen::Matrix2d flat;
    flat << 1, 1, 1, 1;
    for (const auto& p : covarianceEllipse(centre, flat, 2))
        QVERIFY(p.allFinite() && std::abs((p - centre).x() - (p - centre).y()) < 1e-9);
}

void TestLearnNoise::logBatchSizesSpanOneToN() {
    const auto b = logBatchSizes(200, 16);
    QCOMPARE(b.front(), 1);
    QCOMPARE(b.back(), 200);
    QVERIFY(b.size() >= 12 && b.size() <= 16);
    QVERIFY(std::is_sorted(b.begin(), b.end()) &&
            std::adjacent_find(b.begin(), b.end()) == b.end());
    QCOMPARE(logBatchSizes(1, 10), (std::vector<int>{1}));
    QCOMPARE(logBatchSizes(3, 10), (std::vector<int>{1, 2, 3}));
}

void TestLearnNoise::angleIsAccurate() {
    GS_COMPARE_NEAR(angleBetween(theta(1, 0), theta(0, 2)), std::numbers::pi / 2, 1e-15);
    GS_COMPARE_NEAR(angleBetween(theta(1, 0), theta(-3, 0)), std::numbers::pi, 1e-15);
    GS_COMPARE_NEAR(angleBetween(theta(1, 0), theta(1, 1e-9)), 1e-9, 1e-12);
    QCOMPARE(angleBetween(theta(0, 0), theta(1, 1)), 0.0);
}

void TestLearnNoise::lossCurveRecordsEqualExamples() {
    // Full batch and batch 10 over the same epochs end at the same number of examples, and the
    // whole-set loss they record is what evaluate() says of the final parameters.
    const Dataset data = moons(200);
    const Network net(mlp(2, {16}, 2, Activation::Tanh));
    for (int batch : {200, 10, 7}) {
        LossCurve curve(net, data, 50);
        curve.start(net.initialParameters(1));
        TrainSettings s;
        s.hyperParams = {{"lr", 0.2}};
        s.epochs = 5;
        s.batchSize = batch;
        s.evaluateTrainSet = false;
        TrainHooks hooks;
        hooks.observers = {&curve};
        const TrainResult r = train(net, data, nullptr, s, hooks);
        QCOMPARE(int(r.status), int(TrainStatus::Finished));
        QCOMPARE(curve.examples.front(), 0LL);
        QCOMPARE(curve.examples.back(), 1000LL);
        QVERIFY(std::is_sorted(curve.examples.begin(), curve.examples.end()));
        QVERIFY(int(curve.examples.size()) >= 1000 / std::max(50, batch) + 1);
        QCOMPARE(curve.loss.size(), curve.examples.size());
        GS_COMPARE_NEAR(curve.loss.back(), evaluate(net, r.params, data).loss, 1e-12);
        QVERIFY(curve.loss.back() < curve.loss.front());
    }
}

void TestLearnNoise::decisionGridLabelsEqualPredictions_data() {
    QTest::addColumn<int>("activation");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("classes");
    QTest::newRow("tanh, float") << int(Activation::Tanh) << int(Precision::Float32) << 2;
    QTest::newRow("ReLU, float, 3 classes")
        << int(Activation::ReLU) << int(Precision::Float32) << 3;
    QTest::newRow("tanh, double") << int(Activation::Tanh) << int(Precision::Float64) << 2;
}

void TestLearnNoise::decisionGridLabelsEqualPredictions() {
    QFETCH(int, activation);
    QFETCH(int, precision);
    QFETCH(int, classes);
    const Network net(mlp(2, {32, 32}, classes, Activation(activation), Precision(precision)));
    const Vec params = net.initialParameters(5) * 3; // sharp, bent boundaries
    const GridBox box{-2.5, 3.5, -1.5, 2.0, 60, 45};
    const DecisionGrid grid = decisionGrid(net, params, box);
    QCOMPARE(int(grid.label.size()), 60 * 45);
    QCOMPARE(grid.classes, classes);
    // The same points one by one as a data set, through the training code's own evaluation.
    Dataset points;
    points.features = gridPoints(box);
    points.labels = Eigen::VectorXi::Zero(points.features.cols());
    points.classes = classes;
    QCOMPARE(double(points.features(0, 61)), double(float(box.x(1))));
    QCOMPARE(double(points.features(1, 61)), double(float(box.y(1))));
    const Evaluation e = evaluate(net, params, points);
    int mismatched = 0, seen[3] = {0, 0, 0};
    for (int j = 0; j < box.ny; ++j)
        for (int i = 0; i < box.nx; ++i) {
            const int c = j * box.nx + i;
            QCOMPARE(grid.at(i, j), grid.label[c]);
            ++seen[grid.label[c]];
            const float p = grid.confidence[c];
            QVERIFY(p >= 1.0f / classes - 1e-6f && p <= 1.0f + 1e-6f);
            // Float and double may disagree only on a tie, where two classes are equally likely.
            if (grid.label[c] != e.predicted[c]) {
                ++mismatched;
                QVERIFY2(p < 0.5f + 1e-3f,
                         qPrintable(QStringLiteral("cell %1: p %2").arg(c).arg(p)));
            }
        }
    QVERIFY(mismatched <= (precision == int(Precision::Float32) ? 0 : 3));
    for (int k = 0; k < classes; ++k) // the regions bend through the box: every class shows
        QVERIFY(seen[k] > 0);
    // The evaluator gives the same again, and follows new parameters.
    DecisionGridEvaluator evaluator(net, box);
    QVERIFY(evaluator.evaluate(params).label == grid.label);
    QVERIFY(evaluator.evaluate(-params).label != grid.label);
}

void TestLearnNoise::badGridBoxesAreNamed() {
    QVERIFY(!GridBox{}.validate());
    auto firstBad = [](GridBox b) { return b.validate().value_or(std::string()); };
    QVERIFY(firstBad({1, 0, 0, 1, 10, 10}).rfind("x0", 0) == 0);
    QVERIFY(firstBad({0, 1, 0, NAN, 10, 10}).rfind("y0", 0) == 0);
    QVERIFY(firstBad({0, 1, 0, 1, 0, 10}).rfind("nx", 0) == 0);
    QVERIFY(firstBad({0, 1, 0, 1, 10, 5000}).rfind("ny", 0) == 0);
}

QTEST_APPLESS_MAIN(TestLearnNoise)
#include "test_learn_noise.moc"

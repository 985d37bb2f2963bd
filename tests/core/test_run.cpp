// Runs: ascent on the article's 1D function, stopping rules, divergence detection.

#include "check.h"
#include "objective/catalog.h"
#include "optim/gradient_descent.h"
#include "optim/registry.h"
#include "oracles/article_functions.h"
#include "run/optimum_distance.h"
#include "run/run.h"

#include <QTest>

#include <limits>

using namespace gs;

class TestRun : public QObject {
    Q_OBJECT
private slots:
    void ascentFromMinusTwoStopsAtLocalPeak();
    void gradientDescentStepMatchesFormula();
    void divergenceIsDetected_data();
    void divergenceIsDetected();
    void stepLimitIsReported();
    void stepAndValueTolerancesStop();
    void badHyperparameterIsNamed();
    void badStopRulesAreNamed();
    void registryCreatesByKey();
    void distanceToNearestOptimum_data();
    void distanceToNearestOptimum();
    void distanceFallsBackToAllOptima();
};

void TestRun::ascentFromMinusTwoStopsAtLocalPeak() {
    // The article's climber: x_{n+1} = x_n + λ f'(x_n) from x0 = −2 with λ = 0.01.
    const NegatedObjective climb(article::sineParabola());
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.01));
    const Trajectory t = run(climb, gd, Vec::Constant(1, -2.0));
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    const double xEnd = t.x(t.size() - 1)[0];
    QVERIFY2(std::abs(xEnd - -4.3564) < 1e-3, qPrintable(QString::number(xEnd, 'g', 10)));
    // Every recorded value is the negated f at the recorded x.
    for (int k = 0; k < t.size(); ++k)
        GS_COMPARE_NEAR(t.f(k), -article::sineParabola()->value(t.x(k)), 1e-14);
}

void TestRun::gradientDescentStepMatchesFormula() {
    const ObjectivePtr f = article::linearPlusSine();
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.1));
    StopRules rules;
    rules.maxSteps = 3;
    const Trajectory t = run(*f, gd, Vec::Constant(1, 2.5), rules);
    QCOMPARE(t.size(), 4);
    double x = 2.5;
    for (int k = 1; k <= 3; ++k) {
        x = x - 0.1 * (1 + std::cos(x)); // x_{k+1} = x_k − λ (1 + cos x_k)
        GS_COMPARE_NEAR(t.x(k)[0], x, 1e-15);
    }
    QCOMPARE(int(t.status()), int(RunStatus::StepLimit));
    QCOMPARE(t.stopStep(), 3);
}

void TestRun::divergenceIsDetected_data() {
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("bound");
    QTest::addColumn<int>("cause");
    // On −(25 sin x − x²), whose curvature is at least 2 − 25 far out, λ = 5 overshoots further
    // every step: |x| grows geometrically and leaves any box.
    QTest::newRow("leaves the box") << 5.0 << 1e6 << int(DivergenceCause::OutOfBounds);
    QTest::newRow("overflows to infinity") << 10.0 << 1e308 << int(DivergenceCause::Infinite);
}

void TestRun::divergenceIsDetected() {
    QFETCH(double, lr);
    QFETCH(double, bound);
    QFETCH(int, cause);
    const NegatedObjective f(article::sineParabola());
    GradientDescent gd;
    QVERIFY(!gd.set("lr", lr));
    StopRules rules;
    rules.bound = bound;
    rules.maxSteps = 100000;
    const Trajectory t = run(f, gd, Vec::Constant(1, -2.0), rules);
    QCOMPARE(int(t.status()), int(RunStatus::Diverged));
    QCOMPARE(int(t.divergenceCause()), cause);
    QVERIFY(t.stopStep() > 0);
    QCOMPARE(t.size(), t.stopStep()); // the bad point is not recorded
    for (int k = 0; k < t.size(); ++k) {
        QVERIFY(std::isfinite(t.x(k)[0]));
        QVERIFY(std::isfinite(t.f(k)));
    }
    QVERIFY(describeStatus(t).starts_with("diverged at step " + std::to_string(t.stopStep())));
}

void TestRun::stepLimitIsReported() {
    const ObjectivePtr f = article::linearPlusSine();
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.01));
    StopRules rules;
    rules.maxSteps = 50;
    const Trajectory t = run(*f, gd, Vec::Constant(1, 2.5), rules);
    QCOMPARE(int(t.status()), int(RunStatus::StepLimit));
    QCOMPARE(t.size(), 51);
    QCOMPARE(describeStatus(t), std::string("step limit 50"));
}

void TestRun::stepAndValueTolerancesStop() {
    const NegatedObjective f(article::sineParabola());
    GradientDescent gd;
    StopRules rules;
    rules.gradientTol = 0;
    rules.stepTol = 1e-6;
    const Trajectory a = run(f, gd, Vec::Constant(1, -2.0), rules);
    QCOMPARE(int(a.status()), int(RunStatus::Converged));
    QVERIFY((a.x(a.size() - 1) - a.x(a.size() - 2)).norm() < 1e-6);
    rules.stepTol = 0;
    rules.valueTol = 1e-9;
    const Trajectory b = run(f, gd, Vec::Constant(1, -2.0), rules);
    QCOMPARE(int(b.status()), int(RunStatus::Converged));
    QVERIFY(std::abs(b.f(b.size() - 1) - b.f(b.size() - 2)) < 1e-9);
}

void TestRun::badHyperparameterIsNamed() {
    GradientDescent gd;
    const auto negative = gd.set("lr", -1.0);
    QVERIFY(negative.has_value());
    QVERIFY(negative->starts_with("lr "));
    const auto nan = gd.set("lr", std::numeric_limits<double>::quiet_NaN());
    QVERIFY(nan.has_value());
    const auto unknown = gd.set("momentum", 0.9);
    QVERIFY(unknown && unknown->find("momentum") != std::string::npos);
    QCOMPARE(gd.get("lr"), 1e-2); // unchanged by the rejected values
    QVERIFY(!gd.validate());
}

void TestRun::badStopRulesAreNamed() {
    StopRules rules;
    QVERIFY(!rules.validate());
    rules.bound = -1;
    QVERIFY(rules.validate()->starts_with("bound"));
}

void TestRun::registryCreatesByKey() {
    for (const std::string& key : optimizerKeys()) {
        auto opt = createOptimizer(key);
        QVERIFY(opt);
        QCOMPARE(opt->key(), key);
        QVERIFY(!opt->validate());
    }
    QVERIFY(!createOptimizer("no-such-method"));
}

void TestRun::distanceToNearestOptimum_data() {
    QTest::addColumn<QString>("function");
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("y0");
    QTest::newRow("booth: one minimum") << "booth" << 0.05 << -6.0 << -6.0;
    QTest::newRow("himmelblau: the nearest of four") << "himmelblau" << 0.01 << -1.0 << 1.0;
}

void TestRun::distanceToNearestOptimum() {
    QFETCH(QString, function);
    QFETCH(double, lr);
    QFETCH(double, x0);
    QFETCH(double, y0);
    const auto f = makeCatalogObjective(function.toStdString());
    QVERIFY(f);
    GradientDescent gd;
    QVERIFY(!gd.set("lr", lr));
    const Vec start = (Vec(2) << x0, y0).finished();
    const Trajectory t = run(*f, gd, start);
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    const std::vector<double> d = gs::distanceToNearestOptimum(t, f->info().optima);
    QCOMPARE(int(d.size()), t.size());
    // Step 0: the distance from the start to the nearest minimum, by brute force.
    double nearest = INFINITY;
    for (const Optimum& o : f->info().optima)
        if (o.kind == Optimum::Kind::Minimum) nearest = std::min(nearest, (start - o.x).norm());
    GS_COMPARE_NEAR(d.front(), nearest, 1e-12);
    QVERIFY2(d.back() < 1e-6, qPrintable(QString::number(d.back())));
}

void TestRun::distanceFallsBackToAllOptima() {
    // Without minima (a maximized function's view), the saddles and maxima count.
    Trajectory t(2, {});
    const Vec x = (Vec(2) << 3.0, 4.0).finished(), g = Vec::Zero(2);
    t.append(x, 0.0, g, {});
    std::vector<Optimum> optima{
        {Vec::Zero(2), 0.0, Optimum::Kind::Maximum, true},
        {(Vec(2) << 3.0, 0.0).finished(), 0.0, Optimum::Kind::Saddle, true}};
    GS_COMPARE_NEAR(gs::distanceToNearestOptimum(t, optima).front(), 4.0, 1e-15);
    optima.push_back({(Vec(2) << 30.0, 40.0).finished(), 0.0, Optimum::Kind::Minimum, true});
    GS_COMPARE_NEAR(gs::distanceToNearestOptimum(t, optima).front(), 45.0, 1e-12);
    QVERIFY(gs::distanceToNearestOptimum(t, {}).empty());
}

QTEST_APPLESS_MAIN(TestRun)
#include "test_run.moc"

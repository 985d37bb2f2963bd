// Learning-rate sweep: on the bowl 0.5x² + 12.5y² gradient descent diverges past 2/25 = 0.08, the
// sweep finds that onset, the Hessian gives the same limit, and threads or cancelling change
// nothing but the time taken.

#include "analysis/lr_sweep.h"
#include "check.h"
#include "objective/catalog.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <variant>

using namespace gs;

class TestLrSweep : public QObject {
    Q_OBJECT
private slots:
    void ratesAreLogSpaced();
    void divergenceOnsetIsTwoOverLambdaMax_data();
    void divergenceOnsetIsTwoOverLambdaMax();
    void stabilityLimitIsTwoOverLargestEigenvalue_data();
    void stabilityLimitIsTwoOverLargestEigenvalue();
    void resultsDoNotDependOnThreads();
    void cancelStopsEarly();
    void badSettingsAreNamed_data();
    void badSettingsAreNamed();
};

namespace {

ObjectivePtr bowl() {
    return makeIllConditionedQuadratic(25);
} // 0.5(x² + 25y²)

LrSweepSettings bowlSweep(int threads) {
    LrSweepSettings s;
    s.start = Vec::Ones(2);
    s.lo = 1e-3;
    s.hi = 1.0;
    s.points = 400;
    s.rules.maxSteps = 500;
    s.lossTarget = 1e-10;
    s.threads = threads;
    return s;
}

} // namespace

void TestLrSweep::ratesAreLogSpaced() {
    QCOMPARE(sweepRate(1e-3, 1.0, 4, 0), 1e-3);
    GS_COMPARE_NEAR(sweepRate(1e-3, 1.0, 4, 1), 1e-2, 1e-14);
    GS_COMPARE_NEAR(sweepRate(1e-3, 1.0, 4, 2), 1e-1, 1e-14);
    QCOMPARE(sweepRate(1e-3, 1.0, 4, 3), 1.0);
    QCOMPARE(sweepRate(0.5, 2.0, 1, 0), 0.5);
}

void TestLrSweep::divergenceOnsetIsTwoOverLambdaMax_data() {
    QTest::addColumn<bool>("typed");
    QTest::newRow("catalog bowl") << false;
    QTest::newRow("typed 0.5x^2 + 12.5y^2") << true;
}

void TestLrSweep::divergenceOnsetIsTwoOverLambdaMax() {
    QFETCH(bool, typed);
    const ObjectivePtr f =
        typed ? ObjectivePtr(
                    std::get<0>(ExpressionObjective::compile("0.5x^2 + 12.5y^2", {"x", "y"})))
              : bowl();
    const LrSweepSettings s = bowlSweep(0);
    const LrSweepResult r = sweepLearningRate(*f, s);
    QCOMPARE(int(r.status), int(LrSweepStatus::Complete));
    QCOMPARE(r.completed, 400);
    const double startLoss = f->value(s.start); // 13
    // The onset: the smallest rate whose run diverges or ends above where it started.
    double onset = NAN;
    for (const LrSweepPoint& p : r.points) {
        QVERIFY(p.done);
        if (p.status == RunStatus::Diverged || p.finalLoss > startLoss) {
            onset = p.lr;
            break;
        }
    }
    QVERIFY2(std::abs(onset - 0.08) <= 0.02 * 0.08, qPrintable(QString::number(onset)));
    qInfo("divergence onset %.6g (2/25 = 0.08)", onset);
    // Every rate past the onset fails too; rates large enough for x, (1 − λ)^500 < 1e-8, and
    // small enough for y, |1 − 25λ| < 1, converge to the target.
    bool sawConverged = false;
    for (const LrSweepPoint& p : r.points) {
        if (p.lr >= onset) QVERIFY(p.status == RunStatus::Diverged || p.finalLoss > startLoss);
        if (p.lr > 0.04 && p.lr < 0.07) {
            QCOMPARE(int(p.status), int(RunStatus::Converged));
            QVERIFY(p.stepsToTarget > 0 && p.stepsToTarget <= p.stopStep + 1);
            sawConverged = true;
        }
        if (p.lr < 2e-3) QCOMPARE(p.stepsToTarget, -1); // too slow to get there in 500 steps
    }
    QVERIFY(sawConverged);
}

void TestLrSweep::stabilityLimitIsTwoOverLargestEigenvalue_data() {
    QTest::addColumn<double>("kappa");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    for (double kappa : {25.0, 4.0, 100.0})
        for (auto [x, y] : {std::pair{0.0, 0.0}, {1.0, 1.0}, {-3.0, 2.5}})
            QTest::addRow("kappa %g at (%g, %g)", kappa, x, y) << kappa << x << y;
}

void TestLrSweep::stabilityLimitIsTwoOverLargestEigenvalue() {
    QFETCH(double, kappa);
    QFETCH(double, x);
    QFETCH(double, y);
    Vec p(2);
    p << x, y;
    GS_COMPARE_NEAR(gdStabilityLimit(*makeIllConditionedQuadratic(kappa), p), 2 / kappa, 1e-12);
}

void TestLrSweep::resultsDoNotDependOnThreads() {
    const ObjectivePtr f = bowl();
    const LrSweepResult one = sweepLearningRate(*f, bowlSweep(1));
    const LrSweepResult four = sweepLearningRate(*f, bowlSweep(4));
    QCOMPARE(one.points.size(), four.points.size());
    for (size_t i = 0; i < one.points.size(); ++i) {
        const LrSweepPoint &a = one.points[i], &b = four.points[i];
        QCOMPARE(a.lr, b.lr);
        QCOMPARE(a.finalLoss, b.finalLoss); // bit for bit
        QCOMPARE(a.stepsToTarget, b.stepsToTarget);
        QCOMPARE(int(a.status), int(b.status));
        QCOMPARE(a.stopStep, b.stopStep);
    }
}

void TestLrSweep::cancelStopsEarly() {
    const ObjectivePtr f = bowl();
    for (int threads : {1, 4}) {
        std::atomic<bool> cancel = false;
        int calls = 0, last = 0;
        bool inOrder = true; // QTest checks belong on the test thread, so only record here
        const auto progress = [&](int done, int total) {
            inOrder = inOrder && total == 400 && done == last + 1; // serialized, counting up
            last = done;
            if (++calls == 10) cancel = true;
        };
        const LrSweepResult r = sweepLearningRate(*f, bowlSweep(threads), progress, &cancel);
        QVERIFY(inOrder);
        QCOMPARE(int(r.status), int(LrSweepStatus::Cancelled));
        QVERIFY(r.completed >= 10 && r.completed < 10 + threads + 1);
        QCOMPARE(r.completed, calls);
        int done = 0;
        for (const LrSweepPoint& p : r.points)
            done += p.done;
        QCOMPARE(done, r.completed);
    }
    // Cancelled before it starts: nothing runs.
    std::atomic<bool> cancel = true;
    const LrSweepResult r = sweepLearningRate(*f, bowlSweep(2), {}, &cancel);
    QCOMPARE(int(r.status), int(LrSweepStatus::Cancelled));
    QCOMPARE(r.completed, 0);
}

void TestLrSweep::badSettingsAreNamed_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("dimension");
    QTest::addColumn<double>("momentum");
    QTest::newRow("lo 0") << "lo"
                          << "gd" << 0.0 << 1.0 << 10 << 2 << 0.5;
    QTest::newRow("lo below gd's range") << "lo"
                                         << "gd" << 1e-7 << 1.0 << 10 << 2 << 0.5;
    QTest::newRow("hi < lo") << "hi"
                             << "gd" << 0.5 << 0.1 << 10 << 2 << 0.5;
    QTest::newRow("hi above gd's range") << "hi"
                                         << "gd" << 0.5 << 100.0 << 10 << 2 << 0.5;
    QTest::newRow("points 0") << "points"
                              << "gd" << 0.01 << 1.0 << 0 << 2 << 0.5;
    QTest::newRow("start 3D") << "start"
                              << "gd" << 0.01 << 1.0 << 10 << 3 << 0.5;
    QTest::newRow("unknown optimizer") << "optimizer"
                                       << "sgdx" << 0.01 << 1.0 << 10 << 2 << 0.5;
    QTest::newRow("momentum 2") << "hyperParams"
                                << "momentum" << 0.01 << 1.0 << 10 << 2 << 2.0;
}

void TestLrSweep::badSettingsAreNamed() {
    QFETCH(QString, field);
    QFETCH(QString, optimizer);
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(int, points);
    QFETCH(int, dimension);
    QFETCH(double, momentum);
    LrSweepSettings s;
    s.optimizer = optimizer.toStdString();
    s.lo = lo;
    s.hi = hi;
    s.points = points;
    s.start = Vec::Ones(dimension);
    if (optimizer == "momentum") s.hyperParams = {{"momentum", momentum}};
    const LrSweepResult r = sweepLearningRate(*bowl(), s);
    QCOMPARE(int(r.status), int(LrSweepStatus::Invalid));
    QVERIFY2(QString::fromStdString(r.error).startsWith(field), r.error.c_str());
    QVERIFY(r.points.empty());
}

QTEST_GUILESS_MAIN(TestLrSweep)
#include "test_lr_sweep.moc"

// Basin maps: on Himmelblau, gradient descent from near each of the four minima ends in that
// minimum's basin; too large a rate, or a function unbounded below, diverges; the map is the
// same on any number of threads, with blocks in lock-step or one trajectory per start; a
// function without known optima gets its attractors from clustered end points.

#include "analysis/basin_map.h"
#include "check.h"
#include "objective/catalog.h"
#include "objective/expression_objective.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <random>
#include <variant>

using namespace gs;

class TestBasinMap : public QObject {
    Q_OBJECT
private slots:
    void startsNearAMinimumReachIt_data();
    void startsNearAMinimumReachIt();
    void largeRateDiverges();
    void unboundedBelowDiverges();
    void resultsDoNotDependOnThreads_data();
    void resultsDoNotDependOnThreads();
    void blocksEqualTrajectories_data();
    void blocksEqualTrajectories();
    void skippingTheValueChangesNothing_data();
    void skippingTheValueChangesNothing();
    void valueKeptWhereItCanDecide();
    void endPointsAreClusteredWithoutKnownOptima();
    void cancelStopsEarly();
    void badSettingsAreNamed_data();
    void badSettingsAreNamed();
};

namespace {

ObjectivePtr himmelblau() {
    static const ObjectivePtr f = makeCatalogObjective("himmelblau");
    return f;
}

ObjectivePtr formula(const char* text) {
    return std::get<std::shared_ptr<ExpressionObjective>>(
        ExpressionObjective::compile(text, {"x", "y"}));
}

BasinMapSettings gdSettings(int n, double lr) {
    BasinMapSettings s;
    s.box = himmelblau()->info().viewBox; // [−5, 5]²
    s.nx = s.ny = n;
    s.hyperParams = {{"lr", lr}};
    s.rules.maxSteps = 2000;
    s.rules.gradientTol = 1e-8;
    return s;
}

void compareMaps(const BasinMap& a, const BasinMap& b, double endTol) {
    QCOMPARE(a.labels.size(), b.labels.size());
    QCOMPARE(a.attractors.size(), b.attractors.size());
    for (size_t c = 0; c < a.labels.size(); ++c) {
        if (a.labels[c] != b.labels[c] || a.steps[c] != b.steps[c] ||
            a.runStatus[c] != b.runStatus[c] || std::abs(a.endX[c] - b.endX[c]) > endTol ||
            std::abs(a.endY[c] - b.endY[c]) > endTol)
            QFAIL(qPrintable(
                QStringLiteral("cell %1: label %2/%3, steps %4/%5, end (%6, %7)/(%8, %9)")
                    .arg(c)
                    .arg(a.labels[c])
                    .arg(b.labels[c])
                    .arg(a.steps[c])
                    .arg(b.steps[c])
                    .arg(a.endX[c], 0, 'g', 17)
                    .arg(a.endY[c], 0, 'g', 17)
                    .arg(b.endX[c], 0, 'g', 17)
                    .arg(b.endY[c], 0, 'g', 17)));
    }
    for (size_t k = 0; k < a.attractors.size(); ++k)
        QCOMPARE(a.attractors[k].cells, b.attractors[k].cells);
}

} // namespace

void TestBasinMap::startsNearAMinimumReachIt_data() {
    QTest::addColumn<int>("minimum"); // index into Himmelblau's optima
    for (int k = 0; k < 4; ++k)
        QTest::addRow("minimum %d", k) << k;
}

void TestBasinMap::startsNearAMinimumReachIt() {
    QFETCH(int, minimum);
    const Optimum& m = himmelblau()->info().optima[size_t(minimum)];
    QCOMPARE(m.kind, Optimum::Kind::Minimum);
    const BasinMap map = computeBasinMap(*himmelblau(), gdSettings(101, 0.005));
    QCOMPARE(map.status, BasinMapStatus::Complete);
    QVERIFY(map.usedBlocks);
    // 20 cells at random within 0.6 of the minimum (grid spacing 0.1).
    std::mt19937 rng(unsigned(17 + minimum));
    std::uniform_int_distribution<int> offset(-6, 6);
    const int ci = int(std::lround((m.x[0] + 5) / 0.1)), cj = int(std::lround((m.x[1] + 5) / 0.1));
    for (int checked = 0; checked < 20;) {
        const int i = ci + offset(rng), j = cj + offset(rng);
        if (i < 0 || j < 0 || i >= map.nx || j >= map.ny) continue;
        if (std::hypot(map.x(i) - m.x[0], map.y(j) - m.x[1]) > 0.6) continue;
        ++checked;
        const int label = map.label(i, j);
        QVERIFY2(label >= 0,
                 qPrintable(QStringLiteral("cell (%1, %2) label %3").arg(i).arg(j).arg(label)));
        QCOMPARE(map.attractors[size_t(label)].optimumIndex, minimum);
        const int c = map.index(i, j);
        QCOMPARE(map.runStatus[size_t(c)], RunStatus::Converged);
        QVERIFY(map.steps[size_t(c)] > 0 && map.steps[size_t(c)] < 2000);
        QVERIFY(std::hypot(map.endX[size_t(c)] - m.x[0], map.endY[size_t(c)] - m.x[1]) < 1e-6);
    }
    // The four minima share the map, none is empty, and the counts add up.
    int counted = 0;
    for (const Attractor& a : map.attractors)
        counted += a.cells;
    for (int k = 0; k < 4; ++k)
        QVERIFY(map.attractors[size_t(k)].cells > 1000);
    int diverged = 0, undecided = 0;
    for (int l : map.labels)
        diverged += l == BasinMap::kDiverged, undecided += l == BasinMap::kUndecided;
    QCOMPARE(counted + diverged + undecided, map.nx * map.ny);
    QCOMPARE(map.completed, map.nx * map.ny);
}

void TestBasinMap::largeRateDiverges() {
    // λ = 0.05 is far beyond 2/λmax at every minimum (λmax ≥ 60 there): nothing settles, and
    // the corners, where ∇f is in the hundreds, blow up within a few steps.
    const BasinMap map = computeBasinMap(*himmelblau(), gdSettings(21, 0.05));
    QCOMPARE(map.status, BasinMapStatus::Complete);
    int diverged = 0;
    for (size_t c = 0; c < map.labels.size(); ++c) {
        if (map.labels[c] != BasinMap::kDiverged) continue;
        ++diverged;
        QCOMPARE(map.runStatus[c], RunStatus::Diverged);
        QVERIFY(std::isfinite(map.endX[c]) && std::isfinite(map.endY[c]));
    }
    QVERIFY2(diverged > int(map.labels.size()) * 9 / 10, qPrintable(QString::number(diverged)));
    for (int i : {0, map.nx - 1})
        for (int j : {0, map.ny - 1}) {
            QCOMPARE(map.label(i, j), BasinMap::kDiverged);
            QVERIFY(map.stepsAt(i, j) < 10);
        }
}

void TestBasinMap::unboundedBelowDiverges() {
    // f = x + 2y − x²: every run slides off to x → ±∞ or y → −∞, past the bound 1e3.
    BasinMapSettings s = gdSettings(16, 0.1);
    s.rules.bound = 1e3;
    const BasinMap map = computeBasinMap(*formula("x + 2y - x^2"), s);
    QVERIFY(map.attractors.empty()); // nothing converged, so nothing to cluster
    for (size_t c = 0; c < map.labels.size(); ++c) {
        QCOMPARE(map.labels[c], BasinMap::kDiverged);
        QVERIFY(map.steps[c] > 0 && map.steps[c] < 5000);
    }
}

void TestBasinMap::resultsDoNotDependOnThreads_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("lr");
    QTest::newRow("gradient descent, blocks") << "gd" << 0.01;
    QTest::newRow("adam, trajectories") << "adam" << 0.1;
    QTest::newRow("momentum, trajectories") << "momentum" << 0.002;
}

void TestBasinMap::resultsDoNotDependOnThreads() {
    QFETCH(QString, optimizer);
    QFETCH(double, lr);
    BasinMapSettings s = gdSettings(37, lr); // 37 × 29: the last block is partly empty
    s.ny = 29;
    s.optimizer = optimizer.toStdString();
    s.rules.maxSteps = 400;
    s.threads = 1;
    const BasinMap one = computeBasinMap(*himmelblau(), s);
    QCOMPARE(one.status, BasinMapStatus::Complete);
    QCOMPARE(one.usedBlocks, optimizer == "gd");
    for (int threads : {2, 3, 7}) {
        s.threads = threads;
        const BasinMap many = computeBasinMap(*himmelblau(), s);
        compareMaps(one, many, 0.0);
    }
}

void TestBasinMap::blocksEqualTrajectories_data() {
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("gradientTol");
    QTest::addColumn<double>("stepTol");
    QTest::addColumn<double>("valueTol");
    QTest::addColumn<int>("maxSteps");
    QTest::newRow("gradient rule") << 0.01 << 1e-8 << 0.0 << 0.0 << 2000;
    QTest::newRow("step rule") << 0.01 << 0.0 << 1e-6 << 0.0 << 2000;
    QTest::newRow("value rule") << 0.005 << 0.0 << 0.0 << 1e-9 << 2000;
    QTest::newRow("step limit") << 0.002 << 1e-12 << 0.0 << 0.0 << 50;
    QTest::newRow("diverging") << 0.03 << 1e-8 << 0.0 << 0.0 << 500;
    QTest::newRow("no steps") << 0.01 << 1e-8 << 0.0 << 0.0 << 0;
}

void TestBasinMap::blocksEqualTrajectories() {
    QFETCH(double, lr);
    QFETCH(double, gradientTol);
    QFETCH(double, stepTol);
    QFETCH(double, valueTol);
    QFETCH(int, maxSteps);
    BasinMapSettings s = gdSettings(41, lr);
    s.rules = {maxSteps, gradientTol, stepTol, valueTol, 1e8};
    const BasinMap blocks = computeBasinMap(*himmelblau(), s);
    s.allowBlocks = false;
    const BasinMap runs = computeBasinMap(*himmelblau(), s);
    QVERIFY(blocks.usedBlocks);
    QVERIFY(!runs.usedBlocks);
    compareMaps(blocks, runs, 1e-12);
}

// A formula whose values are provably finite and within half the bound wherever x is (the
// article's, sines and cosines) is stepped with ∇f alone; the map is the one computed with f
// at every step (the same labels, steps and statuses; end points to rounding, as the gradient
// alone takes SLEEF's sin where f and ∇f share its sincos) and the one from one trajectory per
// start: converging, diverging past a small bound, and stopping at the step limit.
void TestBasinMap::skippingTheValueChangesNothing_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("bound");
    QTest::addColumn<double>("gradientTol");
    QTest::addColumn<int>("maxSteps");
    QTest::addColumn<double>("endTol");
    const char* article = "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)";
    QTest::newRow("article, converging") << article << 0.01 << 1e8 << 1e-8 << 3000 << 1e-12;
    QTest::newRow("article, step limit") << article << 0.01 << 1e8 << 0.0 << 40 << 1e-12;
    // From around (−3, −3), steps of ∇f = (cos(x + y), cos(x + y)) ≈ (0.96, 0.96) at a rate of 0.25
    // carry the starts past a bound of 3.5 (f stays within [−1, 1], half the bound and less).
    QTest::newRow("sin(x + y), diverging") << "sin(x + y)" << 0.25 << 3.5 << 1e-8 << 300 << 1e-12;
}

void TestBasinMap::skippingTheValueChangesNothing() {
    QFETCH(QString, formula);
    QFETCH(double, lr);
    QFETCH(double, bound);
    QFETCH(double, gradientTol);
    QFETCH(int, maxSteps);
    QFETCH(double, endTol);
    const ObjectivePtr f = ::formula(qPrintable(formula));
    BasinMapSettings s = gdSettings(33, lr);
    s.box.lo = Vec::Constant(2, -3.0);
    s.box.hi = Vec::Constant(2, 3.0);
    s.rules = {maxSteps, gradientTol, 0.0, 0.0, bound};
    const BasinMap skipped = computeBasinMap(*f, s);
    QVERIFY(skipped.usedBlocks);
    QVERIFY(skipped.skippedValue);
    s.allowValueSkip = false;
    const BasinMap withValue = computeBasinMap(*f, s);
    QVERIFY(withValue.usedBlocks);
    QVERIFY(!withValue.skippedValue);
    compareMaps(skipped, withValue, endTol);
    s.allowBlocks = false;
    const BasinMap runs = computeBasinMap(*f, s);
    compareMaps(skipped, runs, endTol);
    // The rows do reach what they are named for.
    auto count = [&](RunStatus status) {
        return std::count(skipped.runStatus.begin(), skipped.runStatus.end(), status);
    };
    if (QString(QTest::currentDataTag()).contains("converging"))
        QVERIFY(count(RunStatus::Converged) > 1000);
    else if (QString(QTest::currentDataTag()).contains("limit"))
        QCOMPARE(count(RunStatus::StepLimit), 33 * 33);
    else
        QVERIFY2(count(RunStatus::Diverged) > 20 && count(RunStatus::Converged) > 500,
                 qPrintable(QString("%1 diverged, %2 converged")
                                .arg(count(RunStatus::Diverged))
                                .arg(count(RunStatus::Converged))));
}

// f is kept when it can decide: Himmelblau's values grow past any bound, and the value rule
// reads f itself.
void TestBasinMap::valueKeptWhereItCanDecide() {
    BasinMapSettings s = gdSettings(9, 0.01);
    s.rules.maxSteps = 20;
    QVERIFY(!computeBasinMap(*himmelblau(), s).skippedValue);
    const ObjectivePtr bounded = formula("sin(x) cos(y)");
    QVERIFY(computeBasinMap(*bounded, s).skippedValue);
    s.rules.valueTol = 1e-9;
    QVERIFY(!computeBasinMap(*bounded, s).skippedValue);
}

void TestBasinMap::endPointsAreClusteredWithoutKnownOptima() {
    // (x² − 1)² + y²: two wells at (±1, 0). An even grid has no start on x = 0, where descent
    // would stop on the saddle. The left well is met first in cell order, so it comes first.
    BasinMapSettings s = gdSettings(30, 0.05);
    s.box.lo << -2, -1.5;
    s.box.hi << 2, 1.5;
    const BasinMap map = computeBasinMap(*formula("(x^2 - 1)^2 + y^2"), s);
    QCOMPARE(map.attractors.size(), size_t(2));
    GS_COMPARE_NEAR(map.attractors[0].x, -1.0, 1e-6);
    GS_COMPARE_NEAR(map.attractors[1].x, 1.0, 1e-6);
    for (const Attractor& a : map.attractors) {
        GS_COMPARE_NEAR(a.y, 0.0, 1e-6);
        GS_COMPARE_NEAR(a.value, 0.0, 1e-10);
        QCOMPARE(a.optimumIndex, -1);
        QCOMPARE(a.cells, 30 * 15);
    }
    for (int j = 0; j < map.ny; ++j)
        for (int i = 0; i < map.nx; ++i)
            QCOMPARE(map.label(i, j), map.x(i) < 0 ? 0 : 1);
}

void TestBasinMap::cancelStopsEarly() {
    BasinMapSettings s = gdSettings(64, 0.005);
    s.threads = 2;
    const BasinMap full = computeBasinMap(*himmelblau(), s);
    std::atomic<bool> cancel{false};
    int reports = 0, last = 0;
    bool increasing = true;
    const BasinMap part = computeBasinMap(
        *himmelblau(), s,
        [&](int done, int total) {
            increasing = increasing && done > last && total == 64 * 64;
            last = done;
            if (++reports == 3) cancel = true;
        },
        &cancel);
    QVERIFY(increasing);
    QCOMPARE(part.status, BasinMapStatus::Cancelled);
    QVERIFY(part.completed > 0 && part.completed < 64 * 64);
    int notRun = 0;
    for (size_t c = 0; c < part.labels.size(); ++c) {
        if (part.labels[c] == BasinMap::kNotRun) {
            ++notRun;
            continue;
        }
        QCOMPARE(part.labels[c], full.labels[c]); // what ran, ran as in the full map
        QCOMPARE(part.steps[c], full.steps[c]);
    }
    QCOMPARE(notRun, 64 * 64 - part.completed);

    cancel = true; // cancelled before starting: nothing runs
    const BasinMap none = computeBasinMap(*himmelblau(), s, {}, &cancel);
    QCOMPARE(none.status, BasinMapStatus::Cancelled);
    QCOMPARE(none.completed, 0);
}

void TestBasinMap::badSettingsAreNamed_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("nx") << "nx"
                        << "1";
    QTest::newRow("ny") << "ny"
                        << "0";
    QTest::newRow("box") << "box"
                         << "";
    QTest::newRow("tolerance") << "attractorTolerance"
                               << "0";
    QTest::newRow("threads") << "threads"
                             << "-1";
    QTest::newRow("rules") << "rules"
                           << "-1";
    QTest::newRow("optimizer") << "optimizer"
                               << "sgdd";
    QTest::newRow("hyperparameter") << "hyperParams"
                                    << "-1";
    QTest::newRow("dimension") << "2 variables"
                               << "";
}

void TestBasinMap::badSettingsAreNamed() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    BasinMapSettings s = gdSettings(8, 0.01);
    ObjectivePtr f = himmelblau();
    if (field == "nx") s.nx = value.toInt();
    if (field == "ny") s.ny = value.toInt();
    if (field == "box") s.box.hi[0] = s.box.lo[0];
    if (field == "attractorTolerance") s.attractorTolerance = value.toDouble();
    if (field == "threads") s.threads = value.toInt();
    if (field == "rules") s.rules.maxSteps = value.toInt();
    if (field == "optimizer") s.optimizer = value.toStdString();
    if (field == "hyperParams") s.hyperParams = {{"lr", value.toDouble()}};
    if (field == "2 variables") f = makeCatalogObjective("quadratic");
    const BasinMap map = computeBasinMap(*f, s);
    QCOMPARE(map.status, BasinMapStatus::Invalid);
    QVERIFY2(QString::fromStdString(map.error).contains(field), map.error.c_str());
    QVERIFY(map.labels.empty());
}

QTEST_GUILESS_MAIN(TestBasinMap)
#include "test_basin_map.moc"

// Steps must not allocate: the 2D view reruns every path on each slider move. This executable
// compiles the core's objective, optimizer and run sources itself with Eigen's malloc guard
// (EIGEN_RUNTIME_NO_MALLOC, assertions on), so any heap allocation by Eigen inside step() aborts.

#include "objective/closed_form_objective.h"
#include "optim/registry.h"

#include <QTest>

using namespace gs;

class TestStepAllocation : public QObject {
    Q_OBJECT
private slots:
    void stepDoesNotAllocate_data();
    void stepDoesNotAllocate();
    void newtonInThreeDimensionsDoesNotAllocate();
};

void TestStepAllocation::stepDoesNotAllocate_data() {
    QTest::addColumn<QString>("key");
    for (const std::string& key : optimizerKeys())
        QTest::newRow(key.c_str()) << QString::fromStdString(key);
}

void TestStepAllocation::stepDoesNotAllocate() {
    QFETCH(QString, key);
    // Rosenbrock with exact derivatives; its Hessian is indefinite at the start (Newton's shift).
    const ClosedFormObjective f(
        2,
        [](const Vec& v) {
            return (1 - v[0]) * (1 - v[0]) + 100 * (v[1] - v[0] * v[0]) * (v[1] - v[0] * v[0]);
        },
        [](const Vec& v, Vec& g) {
            g[0] = -2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] * v[0]);
            g[1] = 200 * (v[1] - v[0] * v[0]);
        },
        [](const Vec& v, Mat& h) {
            h(0, 0) = 2 - 400 * (v[1] - 3 * v[0] * v[0]);
            h(0, 1) = h(1, 0) = -400 * v[0];
            h(1, 1) = 200;
        });
    auto opt = createOptimizer(key.toStdString());
    QVERIFY(opt);
    QVERIFY(!opt->set("lr", key == "newton" ? 1.0 : 1e-4));
    opt->reset(2);
    Vec x{{0.0, 1.0}}, g(2);
    Eigen::internal::set_is_malloc_allowed(false);
    for (int k = 0; k < 100; ++k) {
        f.valueAndGradient(x, g);
        opt->step(f, x, g);
    }
    Eigen::internal::set_is_malloc_allowed(true);
    QVERIFY(x.allFinite());
}

void TestStepAllocation::newtonInThreeDimensionsDoesNotAllocate() {
    // Past 2D Newton's method finds the smallest curvature with Eigen's eigen solver.
    const ClosedFormObjective f(
        3, [](const Vec& v) { return v[0] * v[0] - v[1] * v[1] + v[0] * v[2] + v[2] * v[2]; },
        [](const Vec& v, Vec& g) {
            g[0] = 2 * v[0] + v[2];
            g[1] = -2 * v[1];
            g[2] = v[0] + 2 * v[2];
        },
        [](const Vec&, Mat& h) { h << 2, 0, 1, 0, -2, 0, 1, 0, 2; });
    auto newton = createOptimizer("newton");
    newton->reset(3);
    Vec x{{1.0, 0.1, -1.0}}, g(3);
    Eigen::internal::set_is_malloc_allowed(false);
    for (int k = 0; k < 10; ++k) {
        f.valueAndGradient(x, g);
        newton->step(f, x, g);
    }
    Eigen::internal::set_is_malloc_allowed(true);
    QVERIFY(x.allFinite());
}

QTEST_APPLESS_MAIN(TestStepAllocation)
#include "test_step_allocation.moc"

// Optimizers: first steps against hand computation, convergence, divergence, Newton's fallback,
// registry descriptors, and multi-path runs.

#include "check.h"
#include "objective/closed_form_objective.h"
#include "optim/registry.h"
#include "run/run_all.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <stdexcept>

using namespace gs;

namespace {

/// f(x, y) = x² + c y²: a bowl stretched along y by c.
ClosedFormObjective bowl(double c) {
    return ClosedFormObjective(
        2, [c](const Vec& x) { return x[0] * x[0] + c * x[1] * x[1]; },
        [c](const Vec& x, Vec& g) { g << 2 * x[0], 2 * c * x[1]; },
        [c](const Vec&, Mat& h) { h << 2, 0, 0, 2 * c; });
}

/// One coordinate of a hand-computed step: given x_i, g_i and the step number t (1, 2, 3),
/// updates `s` (this coordinate's state, in stateNames() order) and returns the new x_i.
using HandStep = std::function<double(double x, double g, int t, std::vector<double>& s)>;

struct HandCase {
    std::string key;
    std::vector<std::pair<std::string, double>> settings;
    HandStep step;
};

} // namespace

Q_DECLARE_METATYPE(HandCase)

class TestOptimizers : public QObject {
    Q_OBJECT
private slots:
    void firstThreeStepsMatchHand_data();
    void firstThreeStepsMatchHand();
    void gradientDescentConvergesOnConvexBowl();
    void momentumBeatsGradientDescentOnStretchedBowl();
    void tooLargeStepIsDivergence_data();
    void tooLargeStepIsDivergence();
    void newtonSolvesQuadraticInOneStep();
    void newtonAtSaddleStepsDownhill_data();
    void newtonAtSaddleStepsDownhill();
    void registryListsMenuOrder();
    void registryEntryIsConsistent_data();
    void registryEntryIsConsistent();
    void runAllMatchesSeparateRuns();
    void adamBetaChangedMidRunTakesEffect();
    void floatStepsMatchDoubleSteps();
};

void TestOptimizers::firstThreeStepsMatchHand_data() {
    QTest::addColumn<HandCase>("hand");
    // Each oracle is the method's formula for one coordinate, written out with plain doubles.
    QTest::newRow("gd") << HandCase{"gd", {{"lr", 0.05}}, [](double x, double g, int, auto&) {
                                        return x - 0.05 * g; // x ← x − λ g
                                    }};
    QTest::newRow("momentum") << HandCase{
        "momentum", {{"lr", 0.05}, {"momentum", 0.9}}, [](double x, double g, int, auto& s) {
            s[0] = 0.9 * s[0] + g; // b ← μ b + g
            return x - 0.05 * s[0];
        }};
    QTest::newRow("nesterov") << HandCase{
        "nesterov", {{"lr", 0.05}, {"momentum", 0.9}}, [](double x, double g, int, auto& s) {
            s[0] = 0.9 * s[0] + g; // b ← μ b + g
            return x - 0.05 * (g + 0.9 * s[0]);
        }};
    QTest::newRow("adagrad (article form)")
        << HandCase{"adagrad", {{"lr", 0.5}, {"eps", 1e-10}}, [](double x, double g, int, auto& s) {
                        s[0] = s[0] + g * g;                    // r ← r + g ⊙ g
                        s[1] = 0.5 / (1e-10 + std::sqrt(s[0])); // λ / (δ + √r)
                        return x - s[1] * g;
                    }};
    QTest::newRow("rmsprop") << HandCase{"rmsprop",
                                         {{"lr", 0.01}, {"alpha", 0.99}, {"eps", 1e-8}},
                                         [](double x, double g, int, auto& s) {
                                             s[0] =
                                                 0.99 * s[0] + 0.01 * g * g; // v ← α v + (1 − α) g²
                                             s[1] = 0.01 / (std::sqrt(s[0]) + 1e-8);
                                             return x - s[1] * g;
                                         }};
    QTest::newRow("adadelta") << HandCase{"adadelta",
                                          {{"lr", 1.0}, {"rho", 0.9}, {"eps", 1e-6}},
                                          [](double x, double g, int, auto& s) {
                                              double& v = s[0];
                                              double& u = s[1];
                                              v = 0.9 * v + 0.1 * g * g;
                                              const double ratio =
                                                  std::sqrt(u + 1e-6) / std::sqrt(v + 1e-6);
                                              s[2] = ratio * g; // Δ
                                              s[3] = 1.0 * ratio;
                                              u = 0.9 * u + 0.1 * s[2] * s[2];
                                              return x - 1.0 * s[2];
                                          }};
    // Adam state: m, v, m̂, v̂, λ/(√v̂ + ε)
    auto adam = [](double lr, double b1, double b2, bool correct, double decay) {
        return [=](double x, double g, int t, std::vector<double>& s) {
            x = x - lr * decay * x; // AdamW's decoupled decay (0 for Adam)
            s[0] = b1 * s[0] + (1 - b1) * g;
            s[1] = b2 * s[1] + (1 - b2) * g * g;
            s[2] = correct ? s[0] / (1 - std::pow(b1, t)) : s[0];
            s[3] = correct ? s[1] / (1 - std::pow(b2, t)) : s[1];
            s[4] = lr / (std::sqrt(s[3]) + 1e-8);
            return x - s[4] * s[2];
        };
    };
    QTest::newRow("adam, bias-corrected")
        << HandCase{"adam", {{"lr", 0.1}}, adam(0.1, 0.9, 0.999, true, 0.0)};
    QTest::newRow("adam, no bias correction")
        << HandCase{"adam", {{"lr", 0.1}, {"bias_correction", 0}}, adam(0.1, 0.9, 0.999, false, 0)};
    QTest::newRow("adamw") << HandCase{
        "adamw", {{"lr", 0.1}, {"weight_decay", 0.5}}, adam(0.1, 0.9, 0.999, true, 0.5)};
    // β₂ = 0.1 makes v shrink on the second step, so v_max has to hold the first value.
    QTest::newRow("amsgrad") << HandCase{
        "amsgrad", {{"lr", 0.1}, {"beta2", 0.1}}, [](double x, double g, int t, auto& s) {
            s[0] = 0.9 * s[0] + 0.1 * g;
            s[1] = 0.1 * s[1] + 0.9 * g * g;
            s[5] = std::max(s[5], s[1]); // v_max
            s[2] = s[0] / (1 - std::pow(0.9, t));
            s[3] = s[5] / (1 - std::pow(0.1, t));
            s[4] = 0.1 / (std::sqrt(s[3]) + 1e-8);
            return x - s[4] * s[2];
        }};
}

void TestOptimizers::firstThreeStepsMatchHand() {
    QFETCH(HandCase, hand);
    const double c = 10; // f = x² + 10 y², ∇f = (2x, 20y)
    const ClosedFormObjective f = bowl(c);
    auto opt = createOptimizer(hand.key);
    QVERIFY(opt);
    for (const auto& [k, v] : hand.settings)
        QVERIFY2(!opt->set(k, v), k.c_str());
    StopRules rules;
    rules.maxSteps = 3;
    rules.gradientTol = 0;
    const Trajectory t = run(f, *opt, Vec::Constant(2, 1.0), rules);
    QCOMPARE(t.size(), 4);

    const int nStates = int(opt->stateNames().size());
    QCOMPARE(int(t.stateNames().size()), nStates);
    double x[2] = {1.0, 1.0};
    std::vector<double> s[2] = {std::vector<double>(size_t(nStates), 0.0),
                                std::vector<double>(size_t(nStates), 0.0)};
    for (int k = 0; k <= 3; ++k) {
        if (k > 0)
            for (int i = 0; i < 2; ++i)
                x[i] = hand.step(x[i], 2 * (i == 0 ? 1 : c) * x[i], k, s[i]);
        for (int i = 0; i < 2; ++i) {
            GS_COMPARE_NEAR(t.x(k)[i], x[i], 1e-13);
            GS_COMPARE_NEAR(t.gradient(k)[i], 2 * (i == 0 ? 1 : c) * x[i], 1e-13);
            for (int j = 0; j < nStates; ++j)
                GS_COMPARE_NEAR(t.state(k, j)[i], s[i][size_t(j)], 1e-13); // zeros at k = 0
        }
        GS_COMPARE_NEAR(t.f(k), x[0] * x[0] + c * x[1] * x[1], 1e-13);
    }
}

void TestOptimizers::gradientDescentConvergesOnConvexBowl() {
    const ClosedFormObjective f = bowl(10);
    auto gd = createOptimizer("gd");
    QVERIFY(!gd->set("lr", 0.01));
    StopRules rules;
    rules.maxSteps = 10000;
    rules.gradientTol = 1e-6;
    const Trajectory t = run(f, *gd, Vec{{3.0, -2.0}}, rules);
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    QVERIFY(t.x(t.size() - 1).norm() < 1e-6);
    for (int k = 1; k < t.size(); ++k)
        QVERIFY(t.f(k) < t.f(k - 1)); // a small step always goes downhill on a bowl
}

void TestOptimizers::momentumBeatsGradientDescentOnStretchedBowl() {
    const ClosedFormObjective f = bowl(50); // condition number 50
    StopRules rules;
    rules.maxSteps = 100000;
    rules.gradientTol = 1e-6;
    auto gd = createOptimizer("gd");
    auto heavyBall = createOptimizer("momentum");
    QVERIFY(!gd->set("lr", 0.01));
    QVERIFY(!heavyBall->set("lr", 0.01));
    const Trajectory a = run(f, *gd, Vec{{1.0, 1.0}}, rules);
    const Trajectory b = run(f, *heavyBall, Vec{{1.0, 1.0}}, rules);
    QCOMPARE(int(a.status()), int(RunStatus::Converged));
    QCOMPARE(int(b.status()), int(RunStatus::Converged));
    QVERIFY2(
        b.stopStep() < a.stopStep(),
        qPrintable(
            QStringLiteral("momentum %1 steps, gd %2 steps").arg(b.stopStep()).arg(a.stopStep())));
}

void TestOptimizers::tooLargeStepIsDivergence_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("mu"); // momentum, unused by gd
    // Along y (curvature 2c = 20) gd is stable for λ·20 < 2, heavy ball for λ·20 < 2(1 + μ).
    QTest::newRow("gd") << "gd" << 0.15 << 0.0;
    QTest::newRow("momentum") << "momentum" << 0.25 << 0.9;
}

void TestOptimizers::tooLargeStepIsDivergence() {
    QFETCH(QString, key);
    QFETCH(double, lr);
    QFETCH(double, mu);
    const double c = 10, bound = 1e8;
    const ClosedFormObjective f = bowl(c);
    auto opt = createOptimizer(key.toStdString());
    QVERIFY(!opt->set("lr", lr));
    if (key == "momentum") QVERIFY(!opt->set("momentum", mu));
    StopRules rules;
    rules.maxSteps = 1000;
    rules.bound = bound;
    const Trajectory t = run(f, *opt, Vec{{1.0, 1.0}}, rules);

    // The step at which |x| or |f| first exceeds the bound, by hand.
    double x = 1, y = 1, bx = 0, by = 0;
    int expected = 0;
    for (int k = 1; k <= 1000 && !expected; ++k) {
        bx = mu * bx + 2 * x;
        by = mu * by + 2 * c * y;
        x -= lr * bx;
        y -= lr * by;
        if (std::abs(x) > bound || std::abs(y) > bound || x * x + c * y * y > bound) expected = k;
    }
    QVERIFY(expected > 1);
    QCOMPARE(int(t.status()), int(RunStatus::Diverged));
    QCOMPARE(int(t.divergenceCause()), int(DivergenceCause::OutOfBounds));
    QCOMPARE(t.stopStep(), expected);
    QCOMPARE(t.size(), expected); // points 0 … expected − 1
}

void TestOptimizers::newtonSolvesQuadraticInOneStep() {
    // f = x² + x y + 3 y² − 4x + 2y: Hessian [[2, 1], [1, 6]] is positive definite; the minimum
    // solves 2x + y = 4, x + 6y = −2, i.e. (26/11, −8/11).
    const ClosedFormObjective f(
        2,
        [](const Vec& v) {
            return v[0] * v[0] + v[0] * v[1] + 3 * v[1] * v[1] - 4 * v[0] + 2 * v[1];
        },
        [](const Vec& v, Vec& g) { g << 2 * v[0] + v[1] - 4, v[0] + 6 * v[1] + 2; },
        [](const Vec&, Mat& h) { h << 2, 1, 1, 6; });
    auto newton = createOptimizer("newton");
    StopRules rules;
    rules.gradientTol = 1e-10;
    const Trajectory t = run(f, *newton, Vec{{5.0, 5.0}}, rules);
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    QCOMPARE(t.stopStep(), 1);
    GS_COMPARE_NEAR(t.x(1)[0], 26.0 / 11, 1e-14);
    GS_COMPARE_NEAR(t.x(1)[1], -8.0 / 11, 1e-14);
    GS_COMPARE_NEAR(t.state(1, 0)[0], 26.0 / 11 - 5, 1e-14); // Newton step Δx
    GS_COMPARE_NEAR(t.state(1, 0)[1], -8.0 / 11 - 5, 1e-14);
    QCOMPARE(t.state(1, 1)[0], 0.0); // no Levenberg shift where H is positive definite
}

void TestOptimizers::newtonAtSaddleStepsDownhill_data() {
    QTest::addColumn<int>("n");
    QTest::newRow("2D (closed-form eigenvalue)") << 2;
    QTest::newRow("3D (eigen solver)") << 3;
}

void TestOptimizers::newtonAtSaddleStepsDownhill() {
    // f = x² − y² (+ z²): H = diag(2, −2, 2). The plain Newton step from anywhere lands on the
    // saddle at 0. With λ_min = −2 < ε the shift is μ = ε + 2·2, so H + μI = diag(6 + ε, 2 + ε, …):
    // x and z still move toward 0, y moves away from it, downhill.
    QFETCH(int, n);
    const ClosedFormObjective f(
        n, [](const Vec& v) { return v.squaredNorm() - 2 * v[1] * v[1]; },
        [](const Vec& v, Vec& g) {
            g = 2 * v;
            g[1] = -2 * v[1];
        },
        [](const Vec&, Mat& h) {
            h = 2 * Mat::Identity(h.rows(), h.cols());
            h(1, 1) = -2;
        });
    auto newton = createOptimizer("newton");
    const double eps = newton->get("min_curvature");
    StopRules rules;
    rules.maxSteps = 1;
    Vec start = Vec::Ones(n); // (1, 0.5) or (1, 0.5, 1)
    start[1] = 0.5;
    const Trajectory t = run(f, *newton, start, rules);
    QCOMPARE(t.size(), 2);
    const double mu = eps + 4;
    GS_COMPARE_NEAR(t.state(1, 1)[0], mu, 1e-15);
    for (int i = 0; i < n; ++i) {
        const double curvature = i == 1 ? -2 : 2;
        // x_i ← x_i − (curvature x_i) / (curvature + μ)
        GS_COMPARE_NEAR(t.x(1)[i], start[i] - curvature * start[i] / (curvature + mu), 1e-14);
    }
    QVERIFY(t.f(1) < t.f(0));
    QVERIFY(std::abs(t.x(1)[1]) > 0.5); // away from the saddle along the falling direction
    QVERIFY(t.x(1).norm() > 0.5);       // nowhere near 0
}

void TestOptimizers::registryListsMenuOrder() {
    const std::vector<std::string> expected = {"gd",      "momentum", "nesterov", "adagrad",
                                               "rmsprop", "adadelta", "adam",     "adamw",
                                               "amsgrad", "newton"};
    QCOMPARE(optimizerKeys(), expected);
}

void TestOptimizers::registryEntryIsConsistent_data() {
    QTest::addColumn<QString>("key");
    for (const std::string& key : optimizerKeys())
        QTest::newRow(key.c_str()) << QString::fromStdString(key);
}

void TestOptimizers::registryEntryIsConsistent() {
    QFETCH(QString, key);
    auto opt = createOptimizer(key.toStdString());
    QVERIFY(opt);
    QCOMPARE(QString::fromStdString(opt->key()), key);
    QVERIFY(!opt->displayName().empty());
    QVERIFY(opt->updateRule().find("←") != std::string::npos);
    QVERIFY(!opt->validate());
    for (const HyperParam& p : opt->hyperParams()) {
        const QByteArray name = QByteArray::fromStdString(p.key);
        QVERIFY2(p.min <= p.defaultValue && p.defaultValue <= p.max, name);
        QVERIFY2(!p.logScale || p.min > 0, name);
        QVERIFY2(!p.label.empty() && !p.help.empty(), name);
        QCOMPARE(opt->get(p.key), p.defaultValue);
        for (double bad : {p.max + 1 + std::abs(p.max), p.min - 1 - std::abs(p.min)}) {
            const auto message = opt->set(p.key, bad);
            QVERIFY2(message && message->starts_with(p.key + " "), name);
            QCOMPARE(opt->get(p.key), p.defaultValue); // a rejected value changes nothing
        }
        QVERIFY2(!opt->set(p.key, p.max), name);
        QVERIFY2(!opt->set(p.key, p.defaultValue), name);
    }
    for (int n : {1, 2, 5}) {
        opt->reset(n);
        const int count = int(opt->stateNames().size());
        for (int i = 0; i < count; ++i) {
            QCOMPARE(int(opt->state(i).size()), n);
            QVERIFY(opt->state(i).isZero());
        }
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, opt->state(count));
    }
}

void TestOptimizers::runAllMatchesSeparateRuns() {
    const ClosedFormObjective f = bowl(10);
    auto adam = createOptimizer("adam");
    auto heavyBall = createOptimizer("momentum");
    QVERIFY(!adam->set("lr", 0.1));
    const std::vector<RunRequest> requests = {
        {adam.get(), Vec{{1.0, 1.0}}},
        {heavyBall.get(), Vec{{-2.0, 0.5}}},
        {adam.get(), Vec{{3.0, -1.0}}}}; // one optimizer may serve several paths
    StopRules rules;
    rules.maxSteps = 200;
    std::vector<Trajectory> all;
    for (int pass = 0; pass < 2; ++pass) { // the second pass reuses the buffers
        runAll(f, requests, rules, all);
        QCOMPARE(all.size(), requests.size());
        for (size_t i = 0; i < requests.size(); ++i) {
            const Trajectory alone = run(f, *requests[i].optimizer, requests[i].start, rules);
            QCOMPARE(all[i].size(), alone.size());
            QCOMPARE(int(all[i].status()), int(alone.status()));
            QCOMPARE(all[i].stateNames(), alone.stateNames());
            for (int k = 0; k < alone.size(); ++k) {
                QCOMPARE(all[i].x(k), alone.x(k));
                QCOMPARE(all[i].state(k, 0), alone.state(k, 0));
            }
        }
    }
}

void TestOptimizers::adamBetaChangedMidRunTakesEffect() {
    // Adam keeps β₁ᵗ, β₂ᵗ as running products; a β set between steps must restart them.
    const ClosedFormObjective f = bowl(10);
    auto adam = createOptimizer("adam");
    QVERIFY(!adam->set("lr", 0.1));
    adam->reset(2);
    Vec x{{1.0, 1.0}}, g(2);
    double hx = 1, m = 0, v = 0; // x coordinate by hand, g = 2x
    for (int t = 1; t <= 4; ++t) {
        const double b1 = t <= 2 ? 0.9 : 0.5, b2 = t <= 2 ? 0.999 : 0.9;
        if (t == 3) {
            QVERIFY(!adam->set("beta1", 0.5));
            QVERIFY(!adam->set("beta2", 0.9));
        }
        f.valueAndGradient(x, g);
        adam->step(f, x, g);
        const double hg = 2 * hx;
        m = b1 * m + (1 - b1) * hg;
        v = b2 * v + (1 - b2) * hg * hg;
        hx -= 0.1 * (m / (1 - std::pow(b1, t))) / (std::sqrt(v / (1 - std::pow(b2, t))) + 1e-8);
        GS_COMPARE_NEAR(x[0], hx, 1e-13);
    }
    QVERIFY(!adam->set("bias_correction", 0.4)); // an integer switch: rounds to 0
    QCOMPARE(adam->get("bias_correction"), 0.0);
}

// Methods with a float32 step (for networks trained in float) take the same steps as in double,
// to float rounding, and say so; the others refuse it.
void TestOptimizers::floatStepsMatchDoubleSteps() {
    const ClosedFormObjective f = bowl(3);
    int withFloat = 0;
    for (const auto& key : optimizerKeys()) {
        auto a = createOptimizer(key), b = createOptimizer(key);
        if (!a->hasFloatStep()) {
            Eigen::VectorXf x(2), g(2);
            QVERIFY_THROWS_EXCEPTION(std::logic_error, b->stepFloat(x.data(), g.data(), 2));
            continue;
        }
        ++withFloat;
        a->reset(2);
        b->reset(2);
        Vec x(2), g(2);
        x << 1.5, -0.75;
        const Vec start = x;
        Eigen::VectorXf xf = x.cast<float>(), gf(2);
        for (int k = 0; k < 5; ++k) {
            f.valueAndGradient(x, g);
            a->step(f, x, g);
            gf = g.cast<float>(); // the same gradients, so only the update's rounding differs
            b->stepFloat(xf.data(), gf.data(), 2);
        }
        QVERIFY2((xf.cast<double>() - x).cwiseAbs().maxCoeff() < 1e-5, key.c_str());
        for (int i = 0; i < int(a->stateNames().size()); ++i)
            QVERIFY2((b->state(i) - a->state(i)).cwiseAbs().maxCoeff() < 1e-5, key.c_str());
        QVERIFY2((x - start).norm() > 1e-2, key.c_str()); // the steps moved x
    }
    QCOMPARE(withFloat, 2); // gd and momentum
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"

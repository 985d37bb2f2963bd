// Learning-rate schedules: each kind matches its formula, bad fields are named, and a scheduled
// run applies λ_k before step k without disturbing anything else.

#include "check.h"
#include "objective/expression_objective.h"
#include "optim/gradient_descent.h"
#include "optim/registry.h"
#include "optim/schedule.h"
#include "run/run.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <variant>

using namespace gs;

Q_DECLARE_METATYPE(gs::Schedule)

class TestSchedule : public QObject {
    Q_OBJECT
private slots:
    void rateMatchesFormula_data();
    void rateMatchesFormula();
    void badFieldsAreNamed_data();
    void badFieldsAreNamed();
    void kindKeysRoundTrip();
    void constantScheduleEqualsPlainRun_data();
    void constantScheduleEqualsPlainRun();
    void exponentialScheduleStepsByHand();
    void scheduleRestoresTheBaseRate();
    void rateIsClampedToTheHyperparameterRange();
    void paramsDescribeEachKind_data();
    void paramsDescribeEachKind();
};

namespace {

// A formula compiled over x (and y when it names y); the tests' formulas are all valid.
ObjectivePtr formula(const char* text, std::vector<std::string> vars) {
    return std::get<0>(ExpressionObjective::compile(text, std::move(vars)));
}

Schedule make(ScheduleKind kind) {
    Schedule s;
    s.kind = kind;
    return s;
}

} // namespace

void TestSchedule::rateMatchesFormula_data() {
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<double>("base");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("expected");
    const double pi = std::numbers::pi;
    const double base = 0.3;
    for (int k : {0, 1, 7, 50, 1000})
        QTest::addRow("constant k=%d", k) << make(ScheduleKind::Constant) << base << k << base;

    Schedule step = make(ScheduleKind::StepDecay);
    step.gamma = 0.5;
    step.stepSize = 10;
    for (auto [k, e] : {std::pair{0, 0.3}, {9, 0.3}, {10, 0.15}, {19, 0.15}, {25, 0.075}})
        QTest::addRow("step k=%d", k) << step << base << k << e;

    Schedule exp = make(ScheduleKind::Exponential);
    exp.gamma = 0.9;
    for (int k : {0, 1, 2, 13, 100})
        QTest::addRow("exponential k=%d", k) << exp << base << k << base * std::pow(0.9, k);

    Schedule cosine = make(ScheduleKind::Cosine);
    cosine.minRate = 0.01;
    cosine.period = 40;
    for (int k : {0, 10, 20, 30, 39})
        QTest::addRow("cosine k=%d", k)
            << cosine << base << k << 0.01 + (base - 0.01) * (1 + std::cos(pi * k / 40)) / 2;
    QTest::addRow("cosine k=20 is the midpoint") << cosine << base << 20 << (base + 0.01) / 2;
    for (int k : {40, 41, 500})
        QTest::addRow("cosine k=%d holds the minimum", k) << cosine << base << k << 0.01;

    Schedule inv = make(ScheduleKind::InverseTime);
    inv.decay = 0.25;
    for (int k : {0, 1, 4, 12, 999})
        QTest::addRow("inverse time k=%d", k) << inv << base << k << base / (1 + 0.25 * k);

    Schedule warm = make(ScheduleKind::Warmup);
    warm.warmupSteps = 8;
    for (auto [k, e] : {std::pair{0, 0.0}, {2, 0.075}, {4, 0.15}, {7, 0.2625}, {8, 0.3}, {90, 0.3}})
        QTest::addRow("warm-up from 0 k=%d", k) << warm << base << k << e;
    warm.startRate = 0.1;
    for (auto [k, e] : {std::pair{0, 0.1}, {4, 0.2}, {6, 0.25}, {8, 0.3}, {9, 0.3}})
        QTest::addRow("warm-up from 0.1 k=%d", k) << warm << base << k << e;
}

void TestSchedule::rateMatchesFormula() {
    QFETCH(Schedule, schedule);
    QFETCH(double, base);
    QFETCH(int, k);
    QFETCH(double, expected);
    QVERIFY(!schedule.validate());
    GS_COMPARE_NEAR(schedule.rate(base, k), expected, 1e-12);
}

void TestSchedule::badFieldsAreNamed_data() {
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QString>("field");
    const double nan = std::nan("");
    auto row = [](const char* name, Schedule s, const char* field) {
        QTest::newRow(name) << s << QString::fromUtf8(field);
    };
    Schedule s = make(ScheduleKind::StepDecay);
    s.gamma = 0;
    row("step: gamma 0", s, "gamma");
    s.gamma = 0.5;
    s.stepSize = 0;
    row("step: stepSize 0", s, "stepSize");
    s = make(ScheduleKind::Exponential);
    s.gamma = 1.5;
    row("exponential: gamma 1.5", s, "gamma");
    s.gamma = nan;
    row("exponential: gamma NaN", s, "gamma");
    s = make(ScheduleKind::Cosine);
    s.minRate = -1;
    row("cosine: minRate −1", s, "minRate");
    s.minRate = 0;
    s.period = -3;
    row("cosine: period −3", s, "period");
    s = make(ScheduleKind::InverseTime);
    s.decay = -0.1;
    row("inverse time: decay −0.1", s, "decay");
    s.decay = INFINITY;
    row("inverse time: decay ∞", s, "decay");
    s = make(ScheduleKind::Warmup);
    s.startRate = nan;
    row("warm-up: startRate NaN", s, "startRate");
    s.startRate = 0;
    s.warmupSteps = 0;
    row("warm-up: warmupSteps 0", s, "warmupSteps");
}

void TestSchedule::badFieldsAreNamed() {
    QFETCH(Schedule, schedule);
    QFETCH(QString, field);
    const auto error = schedule.validate();
    QVERIFY(error);
    QVERIFY2(QString::fromStdString(*error).startsWith(field + " "), error->c_str());
}

void TestSchedule::kindKeysRoundTrip() {
    for (ScheduleKind k :
         {ScheduleKind::Constant, ScheduleKind::StepDecay, ScheduleKind::Exponential,
          ScheduleKind::Cosine, ScheduleKind::InverseTime, ScheduleKind::Warmup})
        QCOMPARE(scheduleKindFromKey(scheduleKindKey(k)), std::optional<ScheduleKind>(k));
    QVERIFY(!scheduleKindFromKey("linear"));
}

void TestSchedule::constantScheduleEqualsPlainRun_data() {
    QTest::addColumn<QString>("optimizer");
    for (const std::string& key : optimizerKeys())
        QTest::newRow(key.c_str()) << QString::fromStdString(key);
}

void TestSchedule::constantScheduleEqualsPlainRun() {
    QFETCH(QString, optimizer);
    const ObjectivePtr fp = formula("x^2 + 3y^2 + x*y + sin(x)", {"x", "y"});
    const Objective& f = *fp;
    Vec start(2);
    start << 1.5, -0.7;
    StopRules rules;
    rules.maxSteps = 300;
    auto plainOpt = createOptimizer(optimizer.toStdString());
    auto schedOpt = createOptimizer(optimizer.toStdString());
    QVERIFY(!plainOpt->set("lr", 0.05) && !schedOpt->set("lr", 0.05));
    const Trajectory plain = run(f, *plainOpt, start, rules);
    const Trajectory sched = run(f, *schedOpt, start, rules, Schedule{});
    QCOMPARE(sched.size(), plain.size());
    QCOMPARE(int(sched.status()), int(plain.status()));
    QCOMPARE(sched.stopStep(), plain.stopStep());
    for (int k = 0; k < plain.size(); ++k) {
        QCOMPARE(sched.f(k), plain.f(k)); // bit for bit
        QVERIFY(sched.x(k) == plain.x(k));
        for (int s = 0; s < int(plain.stateNames().size()); ++s)
            QVERIFY(sched.state(k, s) == plain.state(k, s));
    }
}

void TestSchedule::exponentialScheduleStepsByHand() {
    // f(x) = 2x², f′(x) = 4x; x_{k+1} = x_k − λ_k f′(x_k) with λ_k = 0.2 · 0.95^k.
    const ObjectivePtr fp = formula("2x^2", {"x"});
    const Objective& f = *fp;
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.2));
    Schedule exp = make(ScheduleKind::Exponential);
    exp.gamma = 0.95;
    StopRules rules;
    rules.maxSteps = 60;
    rules.gradientTol = 0;
    const Trajectory t = run(f, gd, Vec::Constant(1, 3.0), rules, exp);
    QCOMPARE(t.size(), 61);
    double x = 3.0;
    for (int k = 0; k < 60; ++k) {
        x -= 0.2 * std::pow(0.95, k) * 4 * x;
        GS_COMPARE_NEAR(t.x(k + 1)[0], x, 1e-12);
    }
    // The plain run differs: the schedule really changed the steps.
    GradientDescent plain;
    QVERIFY(!plain.set("lr", 0.2));
    QVERIFY(std::abs(run(f, plain, Vec::Constant(1, 3.0), rules).x(5)[0] - t.x(5)[0]) > 1e-6);
}

void TestSchedule::scheduleRestoresTheBaseRate() {
    const ObjectivePtr fp = formula("x^2", {"x"});
    const Objective& f = *fp;
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.1));
    Schedule cosine = make(ScheduleKind::Cosine);
    cosine.period = 10;
    run(f, gd, Vec::Constant(1, 1.0), StopRules{}, cosine);
    QCOMPARE(gd.get("lr"), 0.1);
    Schedule bad = make(ScheduleKind::Exponential);
    bad.gamma = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             run(f, gd, Vec::Constant(1, 1.0), StopRules{}, bad));
}

void TestSchedule::rateIsClampedToTheHyperparameterRange() {
    // Warm-up from 0: step 0 uses gd's smallest rate 1e-5 (x₁ = 1 − 1e-5 · 2), not 0.
    const ObjectivePtr fp = formula("x^2", {"x"});
    const Objective& f = *fp;
    GradientDescent gd;
    QVERIFY(!gd.set("lr", 0.1));
    Schedule warm = make(ScheduleKind::Warmup);
    warm.warmupSteps = 4;
    StopRules rules;
    rules.maxSteps = 6;
    const Trajectory t = run(f, gd, Vec::Constant(1, 1.0), rules, warm);
    QCOMPARE(t.size(), 7);
    double x = 1.0;
    int k = 0;
    for (double lr : {1e-5, 0.025, 0.05, 0.075, 0.1, 0.1}) {
        x -= lr * 2 * x;
        GS_COMPARE_NEAR(t.x(++k)[0], x, 1e-12);
    }
}

void TestSchedule::paramsDescribeEachKind_data() {
    QTest::addColumn<int>("kind");
    for (ScheduleKind k : scheduleKinds())
        QTest::newRow(std::string(scheduleKindKey(k)).c_str()) << int(k);
}

void TestSchedule::paramsDescribeEachKind() {
    // Every descriptor reads and writes its own field, its default is Schedule's, its range
    // passes validate() at both ends, and a value outside it is refused with the key named.
    QFETCH(int, kind);
    const Schedule defaults = make(ScheduleKind(kind));
    QVERIFY(!scheduleKindName(ScheduleKind(kind)).empty());
    QVERIFY(scheduleFormula(ScheduleKind(kind)).starts_with("λₖ"));
    for (const HyperParam& p : scheduleParams(ScheduleKind(kind))) {
        QCOMPARE(scheduleParam(defaults, p.key), p.defaultValue);
        for (double v :
             {p.min, p.max, p.integer ? std::round((p.min + p.max) / 2) : 0.37 * p.max}) {
            Schedule s = defaults;
            QVERIFY(!setScheduleParam(s, p.key, v));
            QCOMPARE(scheduleParam(s, p.key), v);
            QVERIFY2(!s.validate(), p.key.c_str());
            Schedule other = defaults; // only that field changed
            QVERIFY(!setScheduleParam(other, p.key, scheduleParam(s, p.key)));
            QVERIFY(other == s);
        }
        Schedule s = defaults;
        const auto error = setScheduleParam(s, p.key, p.max + 1);
        QVERIFY(error && error->find(p.key) != std::string::npos);
        QVERIFY(s == defaults);
        if (p.integer) QVERIFY(setScheduleParam(s, p.key, p.min + 0.5));
    }
    Schedule s = defaults;
    QVERIFY(setScheduleParam(s, "nope", 1)->find("nope") != std::string::npos);
    QVERIFY(std::isnan(scheduleParam(s, "nope")));
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "test_schedule.moc"

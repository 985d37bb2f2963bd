// Running several optimizers at once gives exactly what running them one by one gives.

#include "optim/registry.h"
#include "oracles/article_functions.h"
#include "run/run_all.h"
#include "run/run_set.h"

#include <QTest>

using namespace gs;

class TestRunAll : public QObject {
    Q_OBJECT
private slots:
    void sameAsOneByOne_data();
    void sameAsOneByOne();
    void runSetRunsEachFromItsStart();
    void runSetAppliesEachRunsSchedule();
};

void TestRunAll::sameAsOneByOne_data() {
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("threads");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one run") << 1 << 0;
    QTest::newRow("seven runs, all cores") << 7 << 0;
    QTest::newRow("seven runs, three threads") << 7 << 3;
}

void TestRunAll::sameAsOneByOne() {
    QFETCH(int, runs);
    QFETCH(int, threads);
    const auto f = article::cosineLandscape();
    std::vector<std::unique_ptr<Optimizer>> owned;
    std::vector<RunRequest> requests;
    const Vec start = (Vec(2) << 0.3, -0.2).finished();
    for (int i = 0; i < runs; ++i) {
        owned.push_back(createOptimizer("gd"));
        QVERIFY(!owned.back()->set("lr", 0.005 * (i + 1))); // different lengths and end points
        requests.push_back({owned.back().get(), start});
    }
    StopRules rules;
    rules.maxSteps = 500;
    rules.gradientTol = 1e-6;
    const auto all = runAll(*f, requests, rules, threads);
    QCOMPARE(int(all.size()), runs);
    for (int i = 0; i < runs; ++i) {
        const Trajectory one = run(*f, *requests[size_t(i)].optimizer, start, rules);
        QCOMPARE(all[size_t(i)].size(), one.size());
        QCOMPARE(int(all[size_t(i)].status()), int(one.status()));
        QVERIFY(all[size_t(i)].x(one.size() - 1) == one.x(one.size() - 1)); // bit for bit
    }
}

void TestRunAll::runSetRunsEachFromItsStart() {
    const auto f = article::cosineLandscape();
    RunSet set;
    for (const char* key : {"gd", "adam", "momentum"})
        set.add(createOptimizer(key));
    const Vec shared = (Vec(2) << 0.3, -0.2).finished();
    const Vec own = (Vec(2) << -1.0, 1.0).finished();
    set[1].start = own;
    StopRules rules;
    rules.maxSteps = 300;
    const int last = set.recompute(*f, shared, rules);
    int longest = 0;
    for (int i = 0; i < set.size(); ++i) {
        const Vec& start = i == 1 ? own : shared;
        const Trajectory one = run(*f, *set[i].optimizer, start, rules);
        QCOMPARE(set[i].trajectory.size(), one.size());
        QVERIFY(set[i].trajectory.x(0) == start);
        QVERIFY(set[i].trajectory.x(one.size() - 1) == one.x(one.size() - 1));
        longest = std::max(longest, one.size() - 1);
    }
    QCOMPARE(last, longest);
    // Removing a run keeps the others, in order, with their starts.
    set.remove(0);
    QCOMPARE(set.size(), 2);
    QCOMPARE(set[0].optimizer->key(), std::string("adam"));
    QVERIFY(set[0].start && *set[0].start == own);
    set.recompute(*f, shared, rules);
    QVERIFY(set[0].trajectory.x(0) == own);
    QVERIFY(set[1].trajectory.x(0) == shared);
}

void TestRunAll::runSetAppliesEachRunsSchedule() {
    // A run with a schedule in the set equals run() with that schedule; the others stay constant.
    const auto f = article::cosineLandscape();
    RunSet set;
    for (const char* key : {"gd", "momentum", "gd"})
        set.add(createOptimizer(key));
    Schedule decay;
    decay.kind = ScheduleKind::StepDecay;
    decay.gamma = 0.5;
    decay.stepSize = 7;
    set[0].schedule = decay;
    Schedule cosine;
    cosine.kind = ScheduleKind::Cosine;
    cosine.period = 40;
    set[1].schedule = cosine;
    QVERIFY(!set[0].optimizer->set("lr", 0.05) && !set[2].optimizer->set("lr", 0.05));
    const Vec start = (Vec(2) << 0.3, -0.2).finished();
    StopRules rules;
    rules.maxSteps = 120;
    set.recompute(*f, start, rules);
    for (int i = 0; i < set.size(); ++i) {
        const Trajectory one = set[i].schedule
                                   ? run(*f, *set[i].optimizer, start, rules, *set[i].schedule)
                                   : run(*f, *set[i].optimizer, start, rules);
        QCOMPARE(set[i].trajectory.size(), one.size());
        for (int k = 0; k < one.size(); ++k)
            QVERIFY(set[i].trajectory.x(k) == one.x(k)); // bit for bit
    }
    // The schedule changed the path: run 0 and the constant-rate run 2 part after step 7.
    QVERIFY((set[0].trajectory.x(20) - set[2].trajectory.x(20)).norm() > 1e-6);
    QVERIFY(set[0].trajectory.x(7) == set[2].trajectory.x(7));
}

QTEST_APPLESS_MAIN(TestRunAll)
#include "test_run_all.moc"

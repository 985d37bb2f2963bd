// Running several optimizers at once gives exactly what running them one by one gives.

#include "optim/registry.h"
#include "oracles/article_functions.h"
#include "run/run_all.h"

#include <QTest>

using namespace gs;

class TestRunAll : public QObject {
    Q_OBJECT
private slots:
    void sameAsOneByOne_data();
    void sameAsOneByOne();
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

QTEST_APPLESS_MAIN(TestRunAll)
#include "test_run_all.moc"

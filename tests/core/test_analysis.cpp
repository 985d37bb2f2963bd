// Analysis: grid search picks the best grid point and prices grids in d dimensions; the secant
// slope tends to the derivative with an error of order h; curves are sampled end to end.

#include "analysis/grid_search.h"
#include "analysis/secant.h"
#include "check.h"
#include "field/curve.h"
#include "objective/expression_objective.h"
#include "oracles/article_functions.h"

#include <QTest>

#include <cmath>

using namespace gs;

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void gridSearchFindsTheBestGridPoint_data();
    void gridSearchFindsTheBestGridPoint();
    void gridSearchApproachesTheTrueMaximum();
    void gridCostIsNToTheD_data();
    void gridCostIsNToTheD();
    void secantErrorIsFirstOrder_data();
    void secantErrorIsFirstOrder();
    void secantErrorTableIsLogSpaced();
    void curveSamplesSpanTheInterval();
};

void TestAnalysis::gridSearchFindsTheBestGridPoint_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("maximize");
    for (int n : {1, 2, 3, 12, 57, 400})
        for (bool maximize : {true, false})
            QTest::addRow("%d samples, %s", n, maximize ? "max" : "min") << n << maximize;
}

void TestAnalysis::gridSearchFindsTheBestGridPoint() {
    QFETCH(int, n);
    QFETCH(bool, maximize);
    const ObjectivePtr f = article::sineParabola();
    const GridSearchResult r = gridSearch(*f, -10, 10, n, maximize);
    QCOMPARE(r.evaluations(), n);
    QVERIFY(r.best >= 0 && r.best < n);
    // Evenly spaced from end to end (one sample: the middle), each value f's own.
    for (int i = 0; i < n; ++i) {
        const double x = n == 1 ? 0.0 : -10 + 20.0 * i / (n - 1);
        GS_COMPARE_NEAR(r.x[size_t(i)], x, 1e-15);
        QCOMPARE(r.f[size_t(i)], f->value(Vec::Constant(1, x)));
    }
    // No sample beats the one picked.
    for (int i = 0; i < n; ++i)
        QVERIFY(maximize ? r.f[size_t(i)] <= r.f[size_t(r.best)]
                         : r.f[size_t(i)] >= r.f[size_t(r.best)]);
}

void TestAnalysis::gridSearchApproachesTheTrueMaximum() {
    // With spacing s the best sample lies within s of the global maximum at 1.4542 (the runner-up
    // peak near −4.36 is 18 lower, so no coarse grid prefers it once s ≤ 1).
    const ObjectivePtr f = article::sineParabola();
    for (int n : {21, 101, 401}) {
        const GridSearchResult r = gridSearch(*f, -10, 10, n, true);
        const double spacing = 20.0 / (n - 1);
        QVERIFY2(std::abs(r.x[size_t(r.best)] - 1.4541965749766173) <= spacing,
                 qPrintable(QString::number(n)));
    }
    // And never above the true maximum.
    QVERIFY(gridSearch(*f, -10, 10, 400, true).f[0] <= 22.715560996788732);
}

void TestAnalysis::gridCostIsNToTheD_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("d");
    QTest::addColumn<double>("log10Cost");
    QTest::newRow("12 on a line") << 12 << 1.0 << std::log10(12.0);
    QTest::newRow("12 squared") << 12 << 2.0 << std::log10(144.0);
    QTest::newRow("10 in ten dimensions") << 10 << 10.0 << 10.0;
    QTest::newRow("ResNet18") << 12 << 11689512.0 << 11689512.0 * std::log10(12.0);
    QTest::newRow("one sample") << 1 << 11689512.0 << 0.0;
}

void TestAnalysis::gridCostIsNToTheD() {
    QFETCH(int, n);
    QFETCH(double, d);
    QFETCH(double, log10Cost);
    GS_COMPARE_NEAR(gridCostLog10(n, d), log10Cost, 1e-12);
}

void TestAnalysis::secantErrorIsFirstOrder_data() {
    QTest::addColumn<double>("x");
    QTest::newRow("x = -2 (the article's climber)") << -2.0;
    QTest::newRow("x = 0.7") << 0.7;
    QTest::newRow("x = 4") << 4.0;
}

void TestAnalysis::secantErrorIsFirstOrder() {
    // s(h) − f′(x) = f″(x) h / 2 + O(h²): error / h tends to |f″(x)| / 2, and each decade of h
    // takes one decade off the error.
    QFETCH(double, x);
    const ObjectivePtr f = article::sineParabola();
    const double second = -25 * std::sin(x) - 2; // f″ of 25 sin x − x²
    Vec g(1);
    f->valueAndGradient(Vec::Constant(1, x), g);
    double previous = 0;
    for (double h : {1e-2, 1e-3, 1e-4, 1e-5}) {
        const double error = std::abs(secantSlope(*f, x, h) - g[0]);
        QVERIFY2(std::abs(error / h - std::abs(second) / 2) <= 0.01 * std::abs(second) + 1e-3,
                 qPrintable(QStringLiteral("h = %1: error/h = %2, |f″|/2 = %3")
                                .arg(h)
                                .arg(error / h)
                                .arg(std::abs(second) / 2)));
        if (previous > 0) QVERIFY(error / previous > 0.08 && error / previous < 0.12);
        previous = error;
    }
    // From the left the error has the other sign but the same size.
    const double left = secantSlope(*f, x, -1e-4) - g[0];
    const double right = secantSlope(*f, x, 1e-4) - g[0];
    QVERIFY(left * right < 0);
    GS_COMPARE_NEAR(std::abs(left), std::abs(right), 1e-3);
}

void TestAnalysis::secantErrorTableIsLogSpaced() {
    const ObjectivePtr f = article::sineParabola();
    const auto table = secantErrors(*f, -2, 1e-8, 1, 9);
    QCOMPARE(int(table.size()), 9);
    Vec g(1);
    f->valueAndGradient(Vec::Constant(1, -2.0), g);
    for (size_t i = 0; i < table.size(); ++i) {
        GS_COMPARE_NEAR(table[i].h, std::pow(10.0, -double(i)), 1e-12);
        QCOMPARE(table[i].slope, secantSlope(*f, -2, table[i].h));
        QCOMPARE(table[i].error, std::abs(table[i].slope - g[0]));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, secantErrors(*f, -2, 1, 1e-8, 9));
}

void TestAnalysis::curveSamplesSpanTheInterval() {
    const ObjectivePtr f = article::sineParabola();
    const Curve c = sampleCurve(*f, -10, 10, 1201);
    QCOMPARE(int(c.x.size()), 1201);
    QCOMPARE(c.x.front(), -10.0);
    QCOMPARE(c.x.back(), 10.0);
    QCOMPARE(c.y[600], f->value(Vec::Constant(1, 0.0)));
    // The sampled range brackets the true maximum from below, within the spacing's reach.
    QVERIFY(c.yMax <= 22.715560996788732 && c.yMax > 22.70);
    QVERIFY(c.yMin < -100);
    // Where f is not finite the sample is NaN and the range ignores it.
    auto compiled = ExpressionObjective::compile("log(x)", {"x"});
    QVERIFY(std::holds_alternative<std::shared_ptr<ExpressionObjective>>(compiled));
    const Curve logCurve =
        sampleCurve(*std::get<std::shared_ptr<ExpressionObjective>>(compiled), -1, 1, 5);
    QVERIFY(std::isnan(logCurve.y[0]) && std::isnan(logCurve.y[1]));
    QCOMPARE(logCurve.yMax, 0.0); // log 1
    GS_COMPARE_NEAR(logCurve.yMin, std::log(0.5), 1e-15);
    QVERIFY(std::isnan(logCurve.y[2])); // log 0 = −∞ is not finite either
}

QTEST_MAIN(TestAnalysis)
#include "test_analysis.moc"

// Hand-derived gradients and Hessians of the article's functions against finite differences.

#include "check.h"
#include "oracles/article_functions.h"

#include <QTest>

#include <random>

using namespace gs;

Q_DECLARE_METATYPE(gs::ObjectivePtr)

class TestObjective : public QObject {
    Q_OBJECT
private slots:
    void gradientMatchesCentralDifferences_data();
    void gradientMatchesCentralDifferences();
    void hessianMatchesGradientDifferences_data() { gradientMatchesCentralDifferences_data(); }
    void hessianMatchesGradientDifferences();
    void knownOptimaAreStationary();
    void negationFlipsValueGradientAndKind();
};

void TestObjective::gradientMatchesCentralDifferences_data() {
    QTest::addColumn<ObjectivePtr>("f");
    QTest::newRow("25 sin x - x^2") << article::sineParabola();
    QTest::newRow("x + sin x") << article::linearPlusSine();
    QTest::newRow("cos(3x+2y) + cos(2x+4y) - 2 sin(x+y)") << article::cosineLandscape();
}

void TestObjective::gradientMatchesCentralDifferences() {
    QFETCH(ObjectivePtr, f);
    std::mt19937 rng(7);
    const Box& box = f->info().viewBox;
    for (int trial = 0; trial < 200; ++trial) {
        Vec x(f->dimension());
        for (int i = 0; i < x.size(); ++i)
            x[i] = std::uniform_real_distribution<double>(box.lo[i], box.hi[i])(rng);
        Vec g;
        const double v = f->valueAndGradient(x, g);
        GS_COMPARE_NEAR(v, f->value(x), 1e-15);
        const Vec fd = test::centralGradient(*f, x);
        for (int i = 0; i < x.size(); ++i)
            GS_COMPARE_NEAR(g[i], fd[i], 1e-6);
    }
}

void TestObjective::hessianMatchesGradientDifferences() {
    QFETCH(ObjectivePtr, f);
    QVERIFY(f->hasExactHessian());
    std::mt19937 rng(11);
    const Box& box = f->info().viewBox;
    for (int trial = 0; trial < 100; ++trial) {
        Vec x(f->dimension());
        for (int i = 0; i < x.size(); ++i)
            x[i] = std::uniform_real_distribution<double>(box.lo[i], box.hi[i])(rng);
        Mat exact, estimate;
        f->hessian(x, exact);
        f->Objective::hessian(x, estimate); // the finite-difference default
        for (int i = 0; i < x.size(); ++i)
            for (int j = 0; j < x.size(); ++j)
                GS_COMPARE_NEAR(exact(i, j), estimate(i, j), 1e-5);
    }
}

void TestObjective::knownOptimaAreStationary() {
    for (const ObjectivePtr& f : {article::sineParabola(), article::linearPlusSine()}) {
        for (const Optimum& o : f->info().optima) {
            Vec g;
            const double v = f->valueAndGradient(o.x, g);
            GS_COMPARE_NEAR(v, o.value, 1e-12);
            GS_COMPARE_NEAR(g.norm(), 0.0, 1e-12);
        }
    }
}

void TestObjective::negationFlipsValueGradientAndKind() {
    const ObjectivePtr f = article::sineParabola();
    const NegatedObjective neg(f);
    const Vec x = Vec::Constant(1, 0.7);
    Vec g, gn;
    const double v = f->valueAndGradient(x, g);
    QCOMPARE(neg.valueAndGradient(x, gn), -v);
    QCOMPARE(gn[0], -g[0]);
    QCOMPARE(int(neg.info().optima.front().kind), int(Optimum::Kind::Minimum));
}

QTEST_APPLESS_MAIN(TestObjective)
#include "test_objective.moc"

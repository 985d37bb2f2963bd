// The built-in catalog: every formula compiles, its symbolic gradient matches finite differences,
// its listed optima are stationary points of the right kind, and the table is well formed.

#include "check.h"
#include "objective/catalog.h"
#include "optim/gradient_descent.h"
#include "oracles/article_functions.h"
#include "run/run.h"

#include <QTest>

#include <Eigen/Eigenvalues>
#include <Eigen/LU>

#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <string>

using namespace gs;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(gs::ObjectivePtr)

namespace {

Vec randomPoint(const Box& box, std::mt19937& rng) {
    Vec x(box.dimension());
    for (int i = 0; i < x.size(); ++i)
        x[i] = std::uniform_real_distribution<double>(box.lo[i], box.hi[i])(rng);
    return x;
}

/// Points at distance r around x: 8 directions in 2D, both sides in 1D.
std::vector<Vec> ring(const Vec& x, double r) {
    std::vector<Vec> out;
    if (x.size() == 1) return {x.array() - r, x.array() + r};
    for (int k = 0; k < 8; ++k) {
        const double a = k * std::numbers::pi / 4;
        out.push_back(x + r * (Vec(2) << std::cos(a), std::sin(a)).finished());
    }
    return out;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void eachEntry_data();
    void compiles_data() { eachEntry_data(); }
    void compiles();
    void gradientMatchesCentralDifferences_data() { eachEntry_data(); }
    void gradientMatchesCentralDifferences();
    void optimaAreStationaryOfTheirKind_data() { eachEntry_data(); }
    void optimaAreStationaryOfTheirKind();
    void startAndOptimaInsideViewBox_data() { eachEntry_data(); }
    void startAndOptimaInsideViewBox();
    void globalOptimaAreGlobalInViewBox_data() { eachEntry_data(); }
    void globalOptimaAreGlobalInViewBox();

    void keysAreUniqueAndPartitionedByDimension();
    void lookupByKey();
    void articleEntriesMatchHandCodedTwins_data();
    void articleEntriesMatchHandCodedTwins();
    void illConditionedQuadraticHasConditionNumberKappa();
    void gradientDescentConvergesOnConvexEntries_data();
    void gradientDescentConvergesOnConvexEntries();
};

void TestCatalog::eachEntry_data() {
    QTest::addColumn<std::string>("key");
    for (const CatalogEntry& e : catalog())
        QTest::newRow(e.key.c_str()) << e.key;
}

void TestCatalog::compiles() {
    QFETCH(std::string, key);
    const CatalogEntry* e = findCatalogEntry(key);
    QVERIFY(e);
    const ObjectivePtr f = makeCatalogObjective(*e);
    QVERIFY2(f, e->formula.c_str());
    QCOMPARE(f->dimension(), e->dimension());
    QVERIFY(e->dimension() == 1 || e->dimension() == 2);
    QCOMPARE(f->info().name, e->name);
    QCOMPARE(f->info().formula, e->formula);
    QCOMPARE(f->info().optima.size(), e->optima.size());
    QVERIFY(f->info().viewBox.lo == e->viewBox.lo && f->info().viewBox.hi == e->viewBox.hi);
    QVERIFY(f->info().defaultStart == e->defaultStart);
    QVERIFY(!e->name.empty() && !e->description.empty());
}

void TestCatalog::gradientMatchesCentralDifferences() {
    QFETCH(std::string, key);
    const ObjectivePtr f = makeCatalogObjective(key);
    QVERIFY(f);
    // No entry is non-smooth except Ackley exactly at the origin, which a random point never hits.
    std::mt19937 rng(2024);
    for (int trial = 0; trial < 100; ++trial) {
        const Vec x = randomPoint(f->info().viewBox, rng);
        Vec g;
        const double v = f->valueAndGradient(x, g);
        GS_COMPARE_NEAR(v, f->value(x), 1e-14);
        const Vec fd = test::centralGradient(*f, x);
        // Rounding in the difference quotient grows with |f| / h (Goldstein–Price reaches 1e6).
        const double slack = 1e-9 * std::abs(v);
        for (int i = 0; i < x.size(); ++i)
            if (std::abs(g[i] - fd[i]) > slack) GS_COMPARE_NEAR(g[i], fd[i], 1e-6);
    }
}

void TestCatalog::optimaAreStationaryOfTheirKind() {
    QFETCH(std::string, key);
    const ObjectivePtr f = makeCatalogObjective(key);
    QVERIFY(f);
    QVERIFY(!f->info().optima.empty());
    int globals = 0;
    for (const Optimum& o : f->info().optima) {
        QCOMPARE(o.x.size(), f->dimension());
        Vec g;
        const double v = f->valueAndGradient(o.x, g);
        GS_COMPARE_NEAR(v, o.value, 1e-9);
        if (key == "ackley") {
            // A cone tip: √(x² + y²) has no gradient at 0 (the engine gives NaN). Check the
            // symmetry that makes the origin the minimum instead.
            const double r = 1e-3;
            GS_COMPARE_NEAR(f->value(ring(o.x, r)[0]), f->value(ring(o.x, r)[4]), 1e-15);
            GS_COMPARE_NEAR(f->value(ring(o.x, r)[2]), f->value(ring(o.x, r)[6]), 1e-15);
        } else {
            QVERIFY2(g.norm() < 1e-6, qPrintable(QString::number(g.norm())));
        }
        const double tol = 1e-12 * std::max(1.0, std::abs(v));
        int above = 0, below = 0;
        for (const Vec& p : ring(o.x, 1e-3)) {
            const double fp = f->value(p);
            if (o.kind == Optimum::Kind::Minimum) QVERIFY(fp >= v - tol);
            if (o.kind == Optimum::Kind::Maximum) QVERIFY(fp <= v + tol);
            above += fp > v;
            below += fp < v;
        }
        // Full precision: where the Hessian is invertible, a Newton step barely moves the point.
        Mat h;
        f->hessian(o.x, h);
        if (key != "ackley" && std::abs(h.determinant()) > 1e-6) {
            const Vec s = h.fullPivLu().solve(g);
            QVERIFY2(s.norm() < 1e-12 * std::max(1.0, o.x.norm()),
                     qPrintable(QString::number(s.norm())));
        }
        if (o.kind == Optimum::Kind::Saddle) {
            // Rising and falling directions: an indefinite Hessian, or (where the Hessian
            // vanishes, as at the monkey saddle) neighbours on both sides of f.
            const Vec ev = Eigen::SelfAdjointEigenSolver<Mat>(h).eigenvalues();
            QVERIFY((ev.minCoeff() < 0 && ev.maxCoeff() > 0) || (above > 0 && below > 0));
        }
        if (o.global) {
            ++globals;
            QVERIFY(o.kind != Optimum::Kind::Saddle);
        }
    }
    // Global optima of one kind share one value.
    for (const Optimum& a : f->info().optima)
        for (const Optimum& b : f->info().optima)
            if (a.global && b.global && a.kind == b.kind) GS_COMPARE_NEAR(a.value, b.value, 1e-12);
    if (key != "linear-plus-sine" && key != "saddle" && key != "monkey-saddle")
        QVERIFY(globals > 0);
}

void TestCatalog::startAndOptimaInsideViewBox() {
    QFETCH(std::string, key);
    const CatalogEntry* e = findCatalogEntry(key);
    QVERIFY(e);
    QCOMPARE(e->viewBox.dimension(), e->dimension());
    QVERIFY((e->viewBox.lo.array() < e->viewBox.hi.array()).all());
    QCOMPARE(e->defaultStart.size(), e->dimension());
    QVERIFY(e->viewBox.contains(e->defaultStart));
    for (const Optimum& o : e->optima)
        QVERIFY(e->viewBox.contains(o.x));
}

void TestCatalog::globalOptimaAreGlobalInViewBox() {
    QFETCH(std::string, key);
    const ObjectivePtr f = makeCatalogObjective(key);
    QVERIFY(f);
    const std::vector<Optimum>& optima = f->info().optima;
    // A global optimum beats every listed local one of its kind, and every sampled point.
    for (const Optimum& g : optima) {
        if (!g.global) continue;
        const double sign = g.kind == Optimum::Kind::Minimum ? 1.0 : -1.0;
        for (const Optimum& o : optima)
            if (!o.global && o.kind == g.kind) QVERIFY(sign * o.value > sign * g.value);
        std::mt19937 rng(99);
        for (int trial = 0; trial < 20000; ++trial)
            QVERIFY(sign * f->value(randomPoint(f->info().viewBox, rng)) >= sign * g.value);
    }
}

void TestCatalog::keysAreUniqueAndPartitionedByDimension() {
    std::set<std::string> keys;
    for (const CatalogEntry& e : catalog()) {
        QVERIFY2(keys.insert(e.key).second, e.key.c_str());
        for (char ch : e.key)
            QVERIFY2((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-',
                     e.key.c_str());
    }
    const std::vector<std::string> one = catalogKeys(1), two = catalogKeys(2);
    QCOMPARE(one.size() + two.size(), catalog().size());
    for (const std::string& k : one)
        QCOMPARE(findCatalogEntry(k)->dimension(), 1);
    for (const std::string& k : two)
        QCOMPARE(findCatalogEntry(k)->dimension(), 2);
    QVERIFY(catalogKeys(3).empty());
}

void TestCatalog::lookupByKey() {
    QVERIFY(findCatalogEntry("rosenbrock"));
    QCOMPARE(findCatalogEntry("rosenbrock")->name, std::string("Rosenbrock"));
    QVERIFY(!findCatalogEntry("no-such-function"));
    QVERIFY(!makeCatalogObjective(std::string_view("no-such-function")));
    QVERIFY(findCatalogEntry("rosenbrock")->logLevels);
    QVERIFY(!findCatalogEntry("quadratic")->logLevels);
}

void TestCatalog::articleEntriesMatchHandCodedTwins_data() {
    QTest::addColumn<std::string>("key");
    QTest::addColumn<ObjectivePtr>("twin");
    QTest::newRow("sine-parabola") << std::string("sine-parabola") << article::sineParabola();
    QTest::newRow("linear-plus-sine")
        << std::string("linear-plus-sine") << article::linearPlusSine();
    QTest::newRow("cosine-landscape")
        << std::string("cosine-landscape") << article::cosineLandscape();
}

void TestCatalog::articleEntriesMatchHandCodedTwins() {
    QFETCH(std::string, key);
    QFETCH(ObjectivePtr, twin);
    const ObjectivePtr f = makeCatalogObjective(key);
    QVERIFY(f);
    QCOMPARE(f->dimension(), twin->dimension());
    std::mt19937 rng(5);
    for (int trial = 0; trial < 200; ++trial) {
        const Vec x = randomPoint(f->info().viewBox, rng);
        Vec g, gt;
        GS_COMPARE_NEAR(f->valueAndGradient(x, g), twin->valueAndGradient(x, gt), 1e-12);
        for (int i = 0; i < x.size(); ++i)
            GS_COMPARE_NEAR(g[i], gt[i], 1e-12);
    }
    // The twin's optima agree with the catalog's where it lists them.
    for (const Optimum& o : twin->info().optima) {
        bool found = false;
        for (const Optimum& c : f->info().optima)
            found = found || ((c.x - o.x).norm() < 1e-12 && c.kind == o.kind);
        QVERIFY(found);
    }
}

void TestCatalog::illConditionedQuadraticHasConditionNumberKappa() {
    for (double kappa : {1.0, 25.0, 0.1, 1000.0, 12.5}) {
        const ObjectivePtr f = makeIllConditionedQuadratic(kappa);
        QVERIFY(f);
        Mat h;
        f->hessian(Vec::Zero(2), h);
        GS_COMPARE_NEAR(h(0, 0), 1.0, 1e-15);
        GS_COMPARE_NEAR(h(1, 1), kappa, 1e-15);
        GS_COMPARE_NEAR(h(0, 1), 0.0, 1e-15);
        GS_COMPARE_NEAR(f->value((Vec(2) << 2, 3).finished()), 0.5 * (4 + 9 * kappa), 1e-15);
    }
    QCOMPARE(makeIllConditionedQuadratic(25)->info().formula,
             findCatalogEntry("ill-conditioned")->formula);
    QVERIFY(!makeIllConditionedQuadratic(0));
    QVERIFY(!makeIllConditionedQuadratic(-3));
    QVERIFY(!makeIllConditionedQuadratic(std::nan("")));
    QVERIFY(!makeIllConditionedQuadratic(INFINITY));
}

void TestCatalog::gradientDescentConvergesOnConvexEntries_data() {
    QTest::addColumn<ObjectivePtr>("f");
    QTest::addColumn<double>("lr");
    // Stable when lr < 2 / (largest Hessian eigenvalue).
    QTest::newRow("quadratic") << ObjectivePtr(makeCatalogObjective("quadratic")) << 0.1;
    QTest::newRow("booth") << ObjectivePtr(makeCatalogObjective("booth"))
                           << 0.05; // eigenvalues 2, 18
    QTest::newRow("matyas") << ObjectivePtr(makeCatalogObjective("matyas"))
                            << 1.5; // eigenvalues 0.04, 1
    QTest::newRow("ill-conditioned")
        << ObjectivePtr(makeCatalogObjective("ill-conditioned")) << 0.05;
    QTest::newRow("kappa 100") << makeIllConditionedQuadratic(100) << 0.015;
}

void TestCatalog::gradientDescentConvergesOnConvexEntries() {
    QFETCH(ObjectivePtr, f);
    QFETCH(double, lr);
    QVERIFY(f);
    GradientDescent gd;
    QVERIFY(!gd.set("lr", lr));
    StopRules rules;
    rules.maxSteps = 20000;
    const Trajectory t = run(*f, gd, f->info().defaultStart, rules);
    QCOMPARE(t.status(), RunStatus::Converged);
    const Vec last = t.x(t.size() - 1);
    QVERIFY((last - f->info().optima.front().x).norm() < 1e-6);
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "test_catalog.moc"

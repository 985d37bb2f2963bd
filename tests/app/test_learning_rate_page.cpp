// The learning-rate lesson and its page: the lesson's runs are xₙ₊₁ = xₙ − α(1 + cos xₙ) from
// x₀ = 2.5 to 1e-12, they end where the lesson says, every path is in frame, and on x² the rate
// α = 1 jumps between ±x₀ while α < 2/L = 1 converges.

#include "controls/param_slider.h"
#include "lessons/lesson_library.h"
#include "pages/learning_rate/learning_rate_page.h"
#include "scene/builtin_scenes.h"
#include "views/curve_view.h"

#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace gs;
using namespace gs::app;

class TestLearningRatePage : public QObject {
    Q_OBJECT
private slots:
    void lessonRunsFollowTheRecurrence();
    void everyPathIsInFrame();
    void quadraticShowsTheStabilityRule();
    void startWhereTheFunctionIsUndefined();
};

// A typed function not finite at the start gives runs of no point: each says why, and nothing
// reads past their end (found by the monkey test under AddressSanitizer).
void TestLearningRatePage::startWhereTheFunctionIsUndefined() {
    const auto lesson = loadLesson(QStringLiteral("learning-rate"));
    QVERIFY(std::holds_alternative<Lesson>(lesson));
    Scene s = std::get<Lesson>(lesson).scene;
    s.catalog.clear();
    s.formula = QStringLiteral("log(x)");
    s.start = {-1.0};
    LearningRatePage page;
    QCOMPARE(page.applyScene(s), QString());
    QCOMPARE(page.runCount(), 4);
    for (int i = 0; i < page.runCount(); ++i)
        QCOMPARE(page.trajectory(i).size(), 0);
    const QString text = page.readout()->text();
    QCOMPARE(text.count(QStringLiteral("α = ")), 4);
    QVERIFY2(!text.contains(QStringLiteral("x<sub>-1</sub>")), qPrintable(text));
}

void TestLearningRatePage::lessonRunsFollowTheRecurrence() {
    const auto lesson = loadLesson(QStringLiteral("learning-rate"));
    QVERIFY(std::holds_alternative<Lesson>(lesson));
    LearningRatePage page;
    QCOMPARE(page.applyScene(std::get<Lesson>(lesson).scene), QString());
    QCOMPARE(page.runCount(), 4);
    const double rates[] = {1.0, 0.1, 0.01};
    const double ends[] = {-3.1218, -2.8608, 2.2195}; // the lesson's text, to its 4 decimals
    for (int i = 0; i < 3; ++i) {
        const Trajectory& t = page.trajectory(i);
        QCOMPARE(t.size(), 101);
        double x = 2.5;
        for (int n = 0; n <= 100; ++n) {
            QVERIFY2(std::abs(t.x(n)[0] - x) <= 1e-12,
                     qPrintable(QStringLiteral("α = %1, n = %2").arg(rates[i]).arg(n)));
            x -= rates[i] * (1 + std::cos(x)); // xₙ₊₁ = xₙ − α f′(xₙ), f′ = 1 + cos x
        }
        QVERIFY(std::abs(t.x(100)[0] - ends[i]) < 5e-5);
        // The runs drift left towards the flat point at −π and never pass it.
        QVERIFY(t.x(100)[0] > -M_PI);
    }
}

void TestLearningRatePage::everyPathIsInFrame() {
    LearningRatePage page;
    const auto lesson = loadLesson(QStringLiteral("learning-rate"));
    QCOMPARE(page.applyScene(std::get<Lesson>(lesson).scene), QString());
    const QCPRange x = page.view()->plot()->xAxis->range();
    const QCPRange n = page.iteratePanel()->axis(QCPAxis::atBottom)->range();
    const QCPRange xn = page.iteratePanel()->axis(QCPAxis::atLeft)->range();
    for (int i = 0; i < page.runCount(); ++i) {
        const Trajectory& t = page.trajectory(i);
        for (int k = 0; k < t.size(); ++k) {
            QVERIFY(x.contains(t.x(k)[0]));
            QVERIFY(xn.contains(t.x(k)[0]));
            QVERIFY(n.contains(k));
        }
    }
    QVERIFY(x.lower < -3.12); // past the function's own box [−1, 7]
}

void TestLearningRatePage::quadraticShowsTheStabilityRule() {
    const SceneResult scene = builtinScene(QStringLiteral("learning-rate-quadratic"));
    QVERIFY(std::holds_alternative<Scene>(scene));
    LearningRatePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(scene)), QString());
    // α = 1 on x²: xₙ₊₁ = xₙ − 2xₙ = −xₙ, forever ±2.5.
    const Trajectory& jump = page.trajectory(0);
    for (int n = 0; n < jump.size(); ++n)
        QCOMPARE(jump.x(n)[0], n % 2 ? -2.5 : 2.5);
    // α = 0.1 and 0.9 (below 2/L = 1) converge, α = 0.01 crawls: xₙ = 2.5 (1 − 2α)ⁿ.
    for (int i : {1, 2, 3}) {
        const double alpha = std::get<Scene>(scene).runs[i].params.value(QStringLiteral("lr"));
        const Trajectory& t = page.trajectory(i);
        QVERIFY(std::abs(t.x(100)[0] - 2.5 * std::pow(1 - 2 * alpha, 100)) < 1e-12);
    }
    QVERIFY(std::abs(page.trajectory(1).x(100)[0]) < 1e-8);
    QVERIFY(page.trajectory(2).x(100)[0] > 0.3);
    // Above 2/L the steps grow.
    page.rateSlider(3)->setValue(1.05);
    QVERIFY(std::abs(page.trajectory(3).x(50)[0]) > 2.5 * 10);
}

QTEST_MAIN(TestLearningRatePage)
#include "test_learning_rate_page.moc"

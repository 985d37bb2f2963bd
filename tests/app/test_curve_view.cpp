// The one-variable page, driven as a user would: sliders move, the run is recomputed, the readout
// follows, playback steps through, a divergent run is reported in words.

#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "objective/closed_form_objective.h"
#include "plot/path_plottable.h"
#include "views/curve_view.h"
#include "window/curve_page.h"
#include "window/main_window.h"

#include <QLabel>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace gs;
using namespace gs::app;

class TestCurveView : public QObject {
    Q_OBJECT
private slots:
    // Settings (recent files, theme) go to a test location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void defaultRunClimbsToLocalPeak();
    void slidersRecomputeThePath_data();
    void slidersRecomputeThePath();
    void logSliderCoversItsRange();
    void stepBackAfterStepForwardRestores();
    void divergenceIsShownInWordsAndAxesStaySane();
    void keyboardDrivesPlayback();
};

void TestCurveView::defaultRunClimbsToLocalPeak() {
    CurvePage page;
    QCOMPARE(page.startSlider()->value(), -2.0);
    QCOMPARE(page.learningRateSlider()->value(), 0.01);
    const Trajectory& t = page.trajectory();
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    QVERIFY(std::abs(t.x(t.size() - 1)[0] - -4.3564) < 1e-3);
    QVERIFY(page.readout()->text().contains(QStringLiteral("converged")));
    QCOMPARE(page.view()->path()->points().size(), t.size());
}

void TestCurveView::slidersRecomputeThePath_data() {
    QTest::addColumn<bool>("moveStart");
    QTest::newRow("start slider") << true;
    QTest::newRow("learning-rate slider") << false;
}

void TestCurveView::slidersRecomputeThePath() {
    QFETCH(bool, moveStart);
    CurvePage page;
    page.resize(900, 600);
    page.show();
    const int before = page.recomputeCount();
    const QVector<QPointF> oldPath = page.view()->path()->points();
    const QString oldReadout = page.readout()->text();

    ParamSlider* control = moveStart ? page.startSlider() : page.learningRateSlider();
    QSlider* slider = control->slider();
    // Drag as a user would: several positions in a row, each one recomputing the whole run.
    const int from = slider->value();
    const int to = moveStart ? slider->maximum() * 3 / 4 : slider->maximum() * 4 / 5;
    for (int i = 1; i <= 5; ++i)
        slider->setValue(from + (to - from) * i / 5);

    QCOMPARE(page.recomputeCount(), before + 5);
    QVERIFY(page.view()->path()->points() != oldPath);
    QVERIFY(page.readout()->text() != oldReadout);
    if (moveStart)
        QCOMPARE(page.trajectory().x(0)[0], control->value());
    else
        QVERIFY(control->value() > 0.01);
    QCOMPARE(control->spinBox()->value(), control->value());
}

void TestCurveView::logSliderCoversItsRange() {
    ParamSlider s(QStringLiteral("lr"), {1e-4, 1.0, true}, 0.01);
    s.slider()->setValue(0);
    QCOMPARE(s.value(), 1e-4);
    s.slider()->setValue(s.slider()->maximum());
    QCOMPARE(s.value(), 1.0);
    s.slider()->setValue(s.slider()->maximum() / 2); // the geometric middle of 1e-4 and 1
    QVERIFY(std::abs(s.value() - 0.01) < 1e-4);
    s.setValue(50.0); // typed values are clamped
    QCOMPARE(s.value(), 1.0);
}

void TestCurveView::stepBackAfterStepForwardRestores() {
    CurvePage page;
    PlaybackBar* bar = page.playback();
    bar->reset();
    QCOMPARE(bar->index(), 0);
    const QString atZero = page.readout()->text();
    bar->stepForward();
    QCOMPARE(bar->index(), 1);
    QCOMPARE(page.view()->path()->current(), 1);
    QVERIFY(page.readout()->text() != atZero);
    bar->stepBack();
    QCOMPARE(page.readout()->text(), atZero);
    QCOMPARE(page.view()->path()->current(), 0);
}

void TestCurveView::divergenceIsShownInWordsAndAxesStaySane() {
    // f(x) = −3x²: ascent with λ = 1 maps x to −5x, so |x| grows fivefold each step.
    auto f = std::make_shared<ClosedFormObjective>(
        1, [](const Vec& x) { return -3 * x[0] * x[0]; },
        [](const Vec& x, Vec& g) { g[0] = -6 * x[0]; });
    f->info().name = "−3x²";
    f->info().viewBox = {Vec::Constant(1, -5), Vec::Constant(1, 5)};
    CurvePage page;
    page.setObjective(f);
    page.learningRateSlider()->setValue(1.0);
    QCOMPARE(int(page.trajectory().status()), int(RunStatus::Diverged));
    QVERIFY(page.readout()->text().contains(QStringLiteral("diverged at step")));
    QVERIFY(!page.readout()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    const QCPRange x = page.view()->plot()->xAxis->range(), y = page.view()->plot()->yAxis->range();
    QVERIFY(std::isfinite(x.lower) && std::isfinite(x.upper) && x.size() < 100);
    QVERIFY(std::isfinite(y.lower) && std::isfinite(y.upper) && y.size() < 1000);
}

void TestCurveView::keyboardDrivesPlayback() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PlaybackBar* bar = window.curvePage()->playback();
    QTest::keyClick(&window, Qt::Key_Home);
    QCOMPARE(bar->index(), 0);
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(bar->index(), 2);
    QTest::keyClick(&window, Qt::Key_Left);
    QCOMPARE(bar->index(), 1);
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(bar->playing());
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(!bar->playing());
    QTest::keyClick(&window, Qt::Key_R);
    QCOMPARE(bar->index(), 0);
}

QTEST_MAIN(TestCurveView)
#include "test_curve_view.moc"

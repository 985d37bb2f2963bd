// The one-variable page, driven as a user would: sliders move, the run is recomputed, the readout
// follows, playback steps through, a divergent run is reported in words.

#include "controls/formula_field.h"
#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "math/math_label.h"
#include "objective/closed_form_objective.h"
#include "pages/curve/curve_page.h"
#include "plot/path_plottable.h"
#include "scene/builtin_scenes.h"
#include "views/curve_view.h"
#include "window/main_window.h"

#include <QComboBox>
#include <QLabel>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
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
    void typedFormulaReplacesTheFunction();
    void badFormulaKeepsTheLastGoodFunction_data();
    void badFormulaKeepsTheLastGoodFunction();
    void pickerSwitchesCatalogFunctions();
    void everyPlaybackButtonHasAnIcon();
    void fittedViewContainsEveryRun_data();
    void fittedViewContainsEveryRun();
    void clickOnTheCurveMovesTheStart();
    void zoomingOutResamplesTheCurve();
    void typedFormulaKeepsTheStartInside();
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

void TestCurveView::typedFormulaReplacesTheFunction() {
    CurvePage page;
    page.setDirection(CurvePage::Direction::Descent);
    page.startSlider()->setValue(-3.0);
    page.learningRateSlider()->setValue(0.1);
    FormulaField* field = page.functionPicker()->formulaField();
    field->edit()->selectAll();
    QTest::keyClicks(field->edit(), QStringLiteral("x^2 - 4x"));
    QCOMPARE(field->errorMessage(), QString());
    // Descent on x² − 4x from −3 ends at the minimum x = 2.
    const Trajectory& t = page.trajectory();
    QCOMPARE(int(t.status()), int(RunStatus::Converged));
    QVERIFY(std::abs(t.x(t.size() - 1)[0] - 2.0) < 1e-5);
    QVERIFY2(field->derivativeText().contains(QStringLiteral("f′(x) = 2x − 4")),
             qPrintable(field->derivativeText()));
    // Shown typeset, from the printer's TeX; the plain text is its accessible name.
    QCOMPARE(field->derivativeLabel()->formulas(), QStringList{"f'(x) = 2x - 4"});
    QCOMPARE(field->derivativeLabel()->accessibleName(), field->derivativeText());
    QCOMPARE(page.scene().formula, QStringLiteral("x^2 - 4x"));
    QVERIFY(page.scene().catalog.isEmpty());
    QCOMPARE(page.functionPicker()->box()->currentData().toString(), QString());
}

void TestCurveView::badFormulaKeepsTheLastGoodFunction_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("misspelled function") << "sinn(x)"
                                         << "did you mean 'sin'";
    QTest::newRow("unbalanced") << "(x + 1"
                                << ")";
    QTest::newRow("second variable") << "x + y"
                                     << "'y'";
    QTest::newRow("empty") << ""
                           << "";
}

void TestCurveView::badFormulaKeepsTheLastGoodFunction() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    CurvePage page;
    const QVector<QPointF> before = page.view()->path()->points();
    const int recomputes = page.recomputeCount();
    FormulaField* field = page.functionPicker()->formulaField();
    // Pasted whole, so no valid prefix ("x" of "x + y") is accepted on the way.
    field->edit()->setText(text);
    Q_EMIT field->edit()->textEdited(text);
    QVERIFY(!field->errorMessage().isEmpty());
    QVERIFY2(field->errorMessage().contains(message), qPrintable(field->errorMessage()));
    QCOMPARE(page.recomputeCount(), recomputes);
    QCOMPARE(page.view()->path()->points(), before);
    QCOMPARE(page.scene().catalog, QStringLiteral("sine-parabola"));
}

void TestCurveView::pickerSwitchesCatalogFunctions() {
    CurvePage page;
    QComboBox* picker = page.functionPicker()->box();
    const int i = picker->findData(QStringLiteral("linear-plus-sine"));
    QVERIFY(i >= 0);
    picker->setCurrentIndex(i);
    Q_EMIT picker->activated(i);
    QCOMPARE(page.scene().catalog, QStringLiteral("linear-plus-sine"));
    QCOMPARE(page.trajectory().x(0)[0], 2.5); // that function's own default start
    QCOMPARE(page.functionPicker()->formulaField()->formula(), QStringLiteral("x + sin(x)"));
}

void TestCurveView::everyPlaybackButtonHasAnIcon() {
    PlaybackBar bar;
    bar.setLast(5);
    const auto buttons = bar.findChildren<QToolButton*>();
    QCOMPARE(buttons.size(), 5);
    for (QToolButton* b : buttons)
        QVERIFY2(!b->icon().isNull(), qPrintable(b->toolTip()));
    const qint64 playIcon = buttons[2]->icon().cacheKey();
    bar.play();
    QVERIFY(buttons[2]->icon().cacheKey() != playIcon); // play turned into pause
}

void TestCurveView::fittedViewContainsEveryRun_data() {
    QTest::addColumn<QString>("scene");
    for (const QString& name : builtinSceneNames())
        if (std::get<Scene>(builtinScene(name)).page == QLatin1String("curve"))
            QTest::newRow(qPrintable(name)) << name;
}

// Fit to the Runs zooms so every step of every run is in the picture; and the built-in scenes
// already show their runs whole.
void TestCurveView::fittedViewContainsEveryRun() {
    QFETCH(QString, scene);
    CurvePage page;
    QCOMPARE(page.applyScene(std::get<Scene>(builtinScene(scene))), QString());
    auto inView = [&page] {
        const QCPRange x = page.view()->plot()->xAxis->range();
        const QCPRange y = page.view()->plot()->yAxis->range();
        for (int r = 0; r < page.view()->pathCount(); ++r)
            for (const QPointF& p : page.view()->path(r)->points())
                if (!x.contains(p.x()) || !y.contains(p.y())) return false;
        return true;
    };
    QVERIFY2(inView(), "the built-in scene's box holds its runs");
    page.view()->setXRange(5, 6); // a view that holds none of them
    QVERIFY(!inView());
    QVERIFY(page.fitToRuns());
    QVERIFY(inView());
}

void TestCurveView::clickOnTheCurveMovesTheStart() {
    CurvePage page;
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCustomPlot* plot = page.view()->plot();
    const QPoint at(int(plot->xAxis->coordToPixel(1.0)), int(plot->yAxis->coordToPixel(0.0)));
    QTest::mouseClick(plot, Qt::LeftButton, {}, at);
    QVERIFY(std::abs(page.startSlider()->value() - 1.0) < 0.05);
    QVERIFY(std::abs(page.trajectory().x(0)[0] - page.startSlider()->value()) < 1e-12);
    // A drag pans; it does not move the start.
    const double start = page.startSlider()->value();
    QTest::mousePress(plot, Qt::LeftButton, {}, at);
    QMouseEvent move(QEvent::MouseMove, QPointF(at + QPoint(80, 0)), plot->mapToGlobal(at),
                     Qt::LeftButton, Qt::LeftButton, {});
    QApplication::sendEvent(plot, &move);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, at + QPoint(80, 0));
    QCOMPARE(page.startSlider()->value(), start);
}

void TestCurveView::zoomingOutResamplesTheCurve() {
    CurvePage page;
    page.view()->setXRange(-40, 40);
    const QCPGraph* curve = page.view()->plot()->graph(0);
    QVERIFY(curve->dataCount() > 100);
    QVERIFY(curve->data()->constBegin()->key <= -39.9);
    QVERIFY((curve->data()->constEnd() - 1)->key >= 39.9);
    // The range fields follow what is on view.
    QCOMPARE(page.scene().xRange, (QVector<double>{-40, 40}));
}

void TestCurveView::typedFormulaKeepsTheStartInside() {
    CurvePage page;
    page.startSlider()->setValue(1.5);
    FormulaField* field = page.functionPicker()->formulaField();
    field->edit()->setText(QStringLiteral("x^4 - 3x^2 + x"));
    Q_EMIT field->edit()->textEdited(field->edit()->text());
    QCOMPARE(page.startSlider()->value(), 1.5); // [−10, 10] still holds it
    QCOMPARE(page.trajectory().x(0)[0], 1.5);
}

QTEST_MAIN(TestCurveView)
#include "test_curve_view.moc"

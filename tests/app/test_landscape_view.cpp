// The two-variable page, driven as a user would: clicks and drags on the map move the start,
// sliders change one optimizer's path, optimizers come and go, a divergent run is reported in
// words with sane axes, and playback steps back to exactly where it was.

#include "controls/function_picker.h"
#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "pages/curve/curve_page.h"
#include "pages/landscape/landscape_page.h"
#include "plot/isoline_plottable.h"
#include "plot/math_axis.h"
#include "plot/path_plottable.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "views/number_format.h"
#include "views/step_inspector.h"
#include "window/main_window.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QTest>
#include <QWheelEvent>
#include <qcustomplot.h>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

/// A shown page with two gradient-descent runs of different learning rates.
struct Fixture {
    LandscapePage page;
    Fixture() {
        page.resize(1400, 900);
        page.show();
        if (page.optimizerCount() < 2) page.addOptimizer("gd");
        page.panel(1)->slider(QStringLiteral("lr"))->setValue(0.03);
        if (!QTest::qWaitForWindowExposed(&page)) qWarning("page not exposed");
        page.view()->plot()->replot(); // lay the axis rect out so pixel ↔ coordinate is defined
    }
    QPoint pixelOf(QPointF p) const {
        const QCustomPlot* plot = page.view()->plot();
        return QPoint(int(std::lround(plot->xAxis->coordToPixel(p.x()))),
                      int(std::lround(plot->yAxis->coordToPixel(p.y()))));
    }
    double unitsPerPixel() const {
        const QCustomPlot* plot = page.view()->plot();
        return plot->xAxis->range().size() / plot->axisRect()->width();
    }
};

QVector<QVector<QPointF>> allPaths(const LandscapePage& page) {
    QVector<QVector<QPointF>> out;
    for (int i = 0; i < page.optimizerCount(); ++i)
        out << page.path(i)->points();
    return out;
}

/// Legend rows of plottables (the step inspector's arrows have rows of their own).
int plottableRows(const QCPLegend& legend) {
    int n = 0;
    for (int i = 0; i < legend.itemCount(); ++i)
        n += qobject_cast<QCPPlottableLegendItem*>(legend.item(i)) != nullptr;
    return n;
}

bool finiteAndSane(const QCPRange& r, double maxSize) {
    return std::isfinite(r.lower) && std::isfinite(r.upper) && r.size() > 0 && r.size() < maxSize;
}

} // namespace

class TestLandscapeView : public QObject {
    Q_OBJECT
private slots:
    void removedRunIgnoresItsHeldSlider();
    void draggingDrawsInDraftQuality();
    void fieldAndPathsHaveTheirOwnBufferedLayers();
    void overlayOptions();
    void mapMovesTheStart_data();
    void mapMovesTheStart();
    void shiftClickGivesTheChosenRunItsOwnStart();
    void lossPanelShowsDistanceToNearestMinimum_data();
    void lossPanelShowsDistanceToNearestMinimum();
    void sliderChangesOnlyItsOptimizer();
    void addAndRemoveOptimizers();
    void divergenceIsShownWithSaneAxes_data();
    void divergenceIsShownWithSaneAxes();
    void stepBackAfterStepForwardRestores();
    void inspectorFillsTheNumbersIntoTheStep();
    void keyboardDrivesThePageOnShow_data();
    void keyboardDrivesThePageOnShow();
    void presentationModeScalesPaths();
    void wheelOverAControlScrollsThePanel();
};

void TestLandscapeView::fieldAndPathsHaveTheirOwnBufferedLayers() {
    Fixture fx;
    LandscapeView* v = fx.page.view();
    QCOMPARE(v->colorMap()->layer(), v->fieldLayer());
    QCOMPARE(v->isolines()->layer(), v->fieldLayer());
    QCOMPARE(fx.page.path(0)->layer(), v->pathsLayer());
    QCOMPARE(v->fieldLayer()->mode(), QCPLayer::lmBuffered);
    QCOMPARE(v->pathsLayer()->mode(), QCPLayer::lmBuffered);
    QVERIFY(v->isolines()->polylineCount() > 5);
    QVERIFY(!v->field()->arrows().empty());
}

void TestLandscapeView::overlayOptions() {
    Fixture fx;
    LandscapeView* v = fx.page.view();
    QCustomPlot* plot = v->plot();
    const int legend = plot->legend->itemCount();
    v->setArrowMode(LandscapeView::ArrowMode::Off);
    QVERIFY(!v->field()->visible());
    QCOMPARE(plot->legend->itemCount(), legend - 1);
    v->setArrowMode(LandscapeView::ArrowMode::Scaled);
    QVERIFY(v->field()->visible());
    QCOMPARE(v->field()->mode(), VectorFieldPlottable::Mode::Scaled);
    QCOMPARE(plot->legend->itemCount(), legend);

    // Log levels crowd towards the minimum: the lowest level sits closer to it than linear's.
    const auto lowest = [v] { return v->isolines()->isolines().front().level; };
    const double linear = lowest();
    v->setLevelSpacing(LevelSpacing::Log);
    QVERIFY(lowest() < linear);
    // A log color scale shows f − min: positive everywhere.
    v->setColorScale(LandscapeView::ColorScale::Log);
    QCOMPARE(v->colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
    QVERIFY(v->colorMap()->dataRange().lower > 0);

    // Equal aspect: one unit of x as many pixels as one unit of y.
    v->setEqualAspect(true);
    const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
    const QRect r = plot->axisRect()->rect();
    QVERIFY(std::abs(x.size() / r.width() - y.size() / r.height()) < 1e-9 * x.size());
    v->resetView();
    QVERIFY(plot->xAxis->range().contains(-3) && plot->xAxis->range().contains(3));
}

void TestLandscapeView::mapMovesTheStart_data() {
    QTest::addColumn<bool>("drag");
    QTest::newRow("click") << false;
    QTest::newRow("drag the start point") << true;
}

void TestLandscapeView::mapMovesTheStart() {
    QFETCH(bool, drag);
    Fixture fx;
    const auto before = allPaths(fx.page);
    const int recomputes = fx.page.recomputeCount();
    const QPointF target(1.2, -1.4);
    QWidget* plot = fx.page.view()->plot();
    if (drag) {
        QTest::mousePress(plot, Qt::LeftButton, {}, fx.pixelOf(fx.page.start()));
        QTest::mouseMove(plot, fx.pixelOf((fx.page.start() + target) / 2));
        QTest::mouseMove(plot, fx.pixelOf(target));
        QTest::mouseRelease(plot, Qt::LeftButton, {}, fx.pixelOf(target));
    } else {
        QTest::mouseClick(plot, Qt::LeftButton, {}, fx.pixelOf(target));
    }
    const double tol = 2 * fx.unitsPerPixel();
    QVERIFY(std::abs(fx.page.start().x() - target.x()) < tol);
    QVERIFY(std::abs(fx.page.start().y() - target.y()) < tol);
    QVERIFY(fx.page.recomputeCount() > recomputes);
    const auto after = allPaths(fx.page);
    for (int i = 0; i < after.size(); ++i) {
        QVERIFY(after[i] != before[i]);
        QCOMPARE(after[i].front(), fx.page.start()); // every path begins at the new start
    }
    // The view did not pan: the box is still where it was.
    QVERIFY(fx.page.view()->plot()->xAxis->range().contains(0.0));
}

void TestLandscapeView::shiftClickGivesTheChosenRunItsOwnStart() {
    Fixture fx;
    fx.page.inspector()->chooser()->setCurrentIndex(1);
    const auto before = allPaths(fx.page);
    const QPointF shared = fx.page.start(), target(1.2, -1.4);
    QWidget* plot = fx.page.view()->plot();
    QTest::mouseClick(plot, Qt::LeftButton, Qt::ShiftModifier, fx.pixelOf(target));
    const double tol = 2 * fx.unitsPerPixel();
    QCOMPARE(fx.page.start(), shared); // the shared start stays
    QVERIFY(fx.page.runStart(1).has_value());
    const auto x0 = fx.page.trajectory(1).x(0);
    QVERIFY(std::abs(x0[0] - target.x()) < tol && std::abs(x0[1] - target.y()) < tol);
    const auto after = allPaths(fx.page);
    for (int i = 0; i < after.size(); ++i)
        if (i != 1) QCOMPARE(after[i], before[i]);
    OptimizerPanel* panel = fx.page.panel(1);
    QVERIFY(panel->ownStartLabel()->isVisible());
    QVERIFY(panel->ownStartLabel()->text().contains(QStringLiteral("own start")));
    QVERIFY(!fx.page.panel(0)->ownStartLabel()->isVisible());

    // The scene carries the own start, and only that one.
    const Scene s = fx.page.scene();
    QVERIFY(s.runs[1].start.has_value());
    QVERIFY(std::abs((*s.runs[1].start)[0] - x0[0]) < 1e-12);
    QVERIFY(!s.runs[0].start.has_value());

    // A plain click moves the shared start; the run with its own start keeps it.
    const QPointF elsewhere(-1.0, 0.8);
    QTest::mouseClick(plot, Qt::LeftButton, {}, fx.pixelOf(elsewhere));
    QVERIFY(std::abs(fx.page.start().x() - elsewhere.x()) < tol);
    QCOMPARE(fx.page.trajectory(1).x(0)[0], x0[0]);
    QCOMPARE(fx.page.path(0)->points().front(), fx.page.start());

    // A drag that begins on the run's own start moves that start only.
    const QPointF own = *fx.page.runStart(1), moved(0.4, -2.0), shared2 = fx.page.start();
    QTest::mousePress(plot, Qt::LeftButton, {}, fx.pixelOf(own));
    QTest::mouseMove(plot, fx.pixelOf((own + moved) / 2));
    QTest::mouseMove(plot, fx.pixelOf(moved));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, fx.pixelOf(moved));
    QVERIFY(std::abs(fx.page.runStart(1)->x() - moved.x()) < tol);
    QVERIFY(std::abs(fx.page.runStart(1)->y() - moved.y()) < tol);
    QCOMPARE(fx.page.start(), shared2);

    // The panel's button goes back to the shared start.
    QTest::mouseClick(panel->sharedStartButton(), Qt::LeftButton);
    QVERIFY(!fx.page.runStart(1).has_value());
    QVERIFY(!panel->ownStartLabel()->isVisible());
    QCOMPARE(fx.page.path(1)->points().front(), fx.page.start());
    QVERIFY(!fx.page.scene().runs[1].start.has_value());
}

void TestLandscapeView::lossPanelShowsDistanceToNearestMinimum_data() {
    QTest::addColumn<bool>("logLoss");
    QTest::newRow("linear") << false;
    QTest::newRow("log") << true;
}

void TestLandscapeView::lossPanelShowsDistanceToNearestMinimum() {
    QFETCH(bool, logLoss);
    LandscapePage page;
    Scene s;
    s.page = QStringLiteral("landscape");
    s.catalog = QStringLiteral("booth"); // one minimum, at (1, 3)
    s.start = {-6, -6};
    s.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.05}}, {}, true}};
    QCOMPARE(page.applyScene(s), QString());
    QCOMPARE(int(page.trajectory(0).status()), int(RunStatus::Converged));
    LossView* loss = page.lossView();
    QVERIFY(!loss->quantityBox()->isHidden());
    page.logLossBox()->setChecked(logLoss);
    loss->quantityBox()->setCurrentIndex(1);
    QCOMPARE(int(loss->quantity()), int(LossView::Quantity::Distance));
    QVERIFY(loss->plot()->yAxis->label().contains(QStringLiteral("x^*"))); // typeset: ‖xₖ − x*‖
    QVERIFY(qobject_cast<MathAxis*>(loss->plot()->yAxis));
    const QCPGraphDataContainer& d = *loss->plot()->graph(0)->data();
    QCOMPARE(d.size(), page.trajectory(0).size());
    const double d0 = std::hypot(-6.0 - 1.0, -6.0 - 3.0); // ‖x₀ − x*‖
    QVERIFY2(std::abs(d.at(0)->value - d0) < 1e-9, qPrintable(QString::number(d.at(0)->value)));
    QVERIFY(d.at(d.size() - 1)->value < 1e-6);
    QVERIFY(d.at(d.size() - 1)->value > 0); // on a log axis too: floored, never 0

    // A typed formula has no known optima: no choice, and f(x_k) again.
    s.catalog.clear();
    s.formula = QStringLiteral("x^2 + 3y^2 + sin(x y)");
    QCOMPARE(page.applyScene(s), QString());
    QVERIFY(loss->quantityBox()->isHidden());
    QCOMPARE(int(loss->quantity()), int(LossView::Quantity::Value));
}

void TestLandscapeView::sliderChangesOnlyItsOptimizer() {
    Fixture fx;
    const auto before = allPaths(fx.page);
    ParamSlider* lr = fx.page.panel(1)->slider(QStringLiteral("lr"));
    lr->slider()->setValue(lr->slider()->value() + 60);
    QVERIFY(std::abs(fx.page.optimizer(1).get("lr") - lr->value()) < 1e-15);
    QVERIFY(std::abs(fx.page.optimizer(0).get("lr") - 0.01) < 1e-15);
    const auto after = allPaths(fx.page);
    QCOMPARE(after[0], before[0]);
    QVERIFY(after[1] != before[1]);
}

void TestLandscapeView::addAndRemoveOptimizers() {
    Fixture fx;
    QCustomPlot* plot = fx.page.view()->plot();
    const int runs = fx.page.optimizerCount(), plottables = plot->plottableCount(),
              legend = plottableRows(*plot->legend);
    QCOMPARE(fx.page.addOptimizer("gd"), runs);
    QCOMPARE(fx.page.optimizerCount(), runs + 1);
    QCOMPARE(plot->plottableCount(), plottables + 1);
    QCOMPARE(plottableRows(*plot->legend), legend + 1);
    QCOMPARE(fx.page.addOptimizer("no-such-method"), -1);
    QCOMPARE(fx.page.optimizerCount(), runs + 1);
    // A second gradient-descent run gets a color and a name of its own.
    QCOMPARE(fx.page.path(runs)->name(), QStringLiteral("Gradient descent 2"));
    QVERIFY(fx.page.path(runs)->pen().color() != fx.page.path(0)->pen().color());
    QVERIFY(fx.page.path(runs)->pen().color() != fx.page.path(1)->pen().color());

    // Remove the first one with its own button: the others keep their paths.
    const QVector<QPointF> second = fx.page.path(1)->points();
    QTest::mouseClick(fx.page.panel(0)->removeButton(), Qt::LeftButton);
    QCOMPARE(fx.page.optimizerCount(), runs);
    QCOMPARE(plot->plottableCount(), plottables);
    QCOMPARE(plottableRows(*plot->legend), legend);
    QCOMPARE(fx.page.path(0)->points(), second);
    fx.page.removeOptimizer(0);
    fx.page.removeOptimizer(0);
    QCOMPARE(fx.page.optimizerCount(), runs - 2);
    QCOMPARE(plot->plottableCount(), plottables - 2);
}

void TestLandscapeView::divergenceIsShownWithSaneAxes_data() {
    QTest::addColumn<bool>("logLoss");
    QTest::newRow("linear loss") << false;
    QTest::newRow("log loss") << true;
}

void TestLandscapeView::divergenceIsShownWithSaneAxes() {
    QFETCH(bool, logLoss);
    Fixture fx;
    // The ill-conditioned bowl ½(x² + 25y²) with λ = 10: y ← (1 − 250) y, 249-fold growth per step.
    QComboBox* functions = fx.page.functionPicker()->box();
    const int bowl = functions->findData(QStringLiteral("ill-conditioned"));
    QVERIFY(bowl >= 0);
    functions->setCurrentIndex(bowl);
    Q_EMIT functions->activated(bowl);
    fx.page.logLossBox()->setChecked(logLoss);
    fx.page.panel(0)->slider(QStringLiteral("lr"))->setValue(10.0);
    QCOMPARE(int(fx.page.trajectory(0).status()), int(RunStatus::Diverged));
    QCOMPARE(int(fx.page.trajectory(1).status()), int(RunStatus::Converged));
    const QString status = fx.page.lossView()->statusLabel()->text();
    QVERIFY(status.contains(QStringLiteral("diverged at step")));
    QVERIFY(status.contains(QStringLiteral("converged at step")));
    QVERIFY(!status.contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    // A run's color marks its swatch only: light palette colors are unreadable as text.
    for (int i = 0; i < fx.page.optimizerCount(); ++i)
        QCOMPARE(status.count(fx.page.path(i)->pen().color().name()), 1);
    QCustomPlot* loss = fx.page.lossView()->plot();
    QVERIFY(finiteAndSane(loss->xAxis->range(), 1e5));
    QVERIFY(finiteAndSane(loss->yAxis->range(), 1e4)); // f ≤ 117 on the box
    if (logLoss) QVERIFY(loss->yAxis->range().lower > 0);
    QCustomPlot* map = fx.page.view()->plot();
    QVERIFY(finiteAndSane(map->xAxis->range(), 100));
    QVERIFY(finiteAndSane(map->yAxis->range(), 100));
    for (const QPointF& p : fx.page.path(0)->points())
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()) && std::abs(p.x()) < 1e4);
}

void TestLandscapeView::stepBackAfterStepForwardRestores() {
    Fixture fx;
    PlaybackBar* bar = fx.page.playback();
    bar->reset();
    bar->stepForward();
    bar->stepForward();
    const QString text = fx.page.inspector()->text()->text();
    const int current = fx.page.path(0)->current();
    QCOMPARE(current, 2);
    QVERIFY(text.contains(QStringLiteral("step <b>2</b>")));
    bar->stepForward();
    QVERIFY(fx.page.inspector()->text()->text() != text);
    QCOMPARE(fx.page.path(0)->current(), 3);
    bar->stepBack();
    QCOMPARE(fx.page.path(0)->current(), current);
    QCOMPARE(fx.page.path(1)->current(), current);
    QCOMPARE(fx.page.inspector()->text()->text(), text);
    QCOMPARE(fx.page.inspector()->arrows().size(), 2); // −∇f and the update (gd has no state)
}

void TestLandscapeView::inspectorFillsTheNumbersIntoTheStep() {
    Fixture fx;
    QCOMPARE(QString::fromStdString(fx.page.optimizer(0).key()), QStringLiteral("gd"));
    fx.page.inspector()->chooser()->setCurrentIndex(0);
    fx.page.playback()->setIndex(11);
    const Trajectory& t = fx.page.trajectory(0);
    QVERIFY(t.size() > 12);
    const auto vec = [](const Vec& v) {
        return QStringLiteral("(%1, %2)").arg(formatNumber(v[0], 4), formatNumber(v[1], 4));
    };
    const Vec x = t.x(11), next = t.x(12), delta = next - x;
    const QString text = fx.page.inspector()->text()->text();
    // x₁₂ = x₁₁ + Δ = (x) + (Δ) = (x₁₂), one "=" per line
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")))
        .replace(QStringLiteral("&nbsp;"), QString());
    const QString filled =
        QStringLiteral("x₁₂ = x₁₁ + Δ= %1 + %2= %3").arg(vec(x), vec(delta), vec(next));
    QVERIFY2(plain.contains(filled), qPrintable(plain));
    // Gradient descent: Δ = −λ ∇f with λ and ∇f filled in.
    const QString lr = formatNumber(-fx.page.optimizer(0).get("lr"), 4);
    const QString rule = QStringLiteral("−λ ∇f= %1 · %2").arg(lr, vec(t.gradient(11)));
    QVERIFY2(plain.contains(rule), qPrintable(plain));
    // Δ really is −λ ∇f.
    QVERIFY((delta + fx.page.optimizer(0).get("lr") * t.gradient(11)).norm() < 1e-12);
}

void TestLandscapeView::keyboardDrivesThePageOnShow_data() {
    QTest::addColumn<QString>("page");
    QTest::newRow("curve") << QStringLiteral("curve");
    QTest::newRow("landscape") << QStringLiteral("landscape");
}

void TestLandscapeView::keyboardDrivesThePageOnShow() {
    QFETCH(QString, page);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(page));
    const bool landscape = page == QLatin1String("landscape");
    PlaybackBar* bar = window.page(page)->playback();
    PlaybackBar* other =
        window.page(landscape ? QStringLiteral("curve") : QStringLiteral("landscape"))->playback();
    QCOMPARE(window.currentPage()->playback(), bar);
    const int otherIndex = other->index();
    // Keys go where a user's would: to the focus widget, which must not be a text field.
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY2(!qobject_cast<QLineEdit*>(focus) && !qobject_cast<QAbstractSpinBox*>(focus),
             focus->metaObject()->className());
    QTest::keyClick(focus, Qt::Key_Home);
    QCOMPARE(bar->index(), 0);
    QTest::keyClick(focus, Qt::Key_Right);
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(bar->index(), 2);
    QTest::keyClick(focus, Qt::Key_Left);
    QCOMPARE(bar->index(), 1);
    QTest::keyClick(focus, Qt::Key_Space);
    QVERIFY(bar->playing());
    QTest::keyClick(focus, Qt::Key_Space);
    QVERIFY(!bar->playing());
    QTest::keyClick(focus, Qt::Key_R);
    QCOMPARE(bar->index(), 0);
    QCOMPARE(other->index(), otherIndex); // the hidden page's bar did not move
}

// The wheel over a slider that was not clicked scrolls the panel and leaves the value alone; once
// clicked (focused), the wheel changes it.
void TestLandscapeView::wheelOverAControlScrollsThePanel() {
    MainWindow window;
    window.resize(1024, 600);
    QVERIFY(window.showPage(QStringLiteral("landscape")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* page = qobject_cast<LandscapePage*>(window.currentPage());
    QVERIFY(page && page->optimizerCount() >= 2);
    ParamSlider* lr = page->panel(1)->slider(QStringLiteral("lr"));
    QVERIFY(lr);
    QScrollArea* panel = nullptr;
    for (QWidget* p = lr->parentWidget(); p && !panel; p = p->parentWidget())
        panel = qobject_cast<QScrollArea*>(p);
    QVERIFY(panel);
    QVERIFY(panel->verticalScrollBar()->maximum() > 0); // the panel does scroll at this size
    const double before = lr->value();
    const int scrolled = panel->verticalScrollBar()->value();
    auto wheel = [](QWidget* target) {
        const QPointF at(target->width() / 2.0, target->height() / 2.0);
        QWheelEvent e(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &e);
    };
    for (QWidget* control :
         {static_cast<QWidget*>(lr->slider()), static_cast<QWidget*>(lr->spinBox())}) {
        QVERIFY(!control->hasFocus());
        wheel(control);
        QCOMPARE(lr->value(), before);
    }
    QVERIFY(panel->verticalScrollBar()->value() > scrolled);
    lr->slider()->setFocus();
    QVERIFY(lr->slider()->hasFocus());
    wheel(lr->slider());
    QVERIFY(lr->value() != before);
}

void TestLandscapeView::presentationModeScalesPaths() {
    MainWindow window;
    auto* landscape = qobject_cast<LandscapePage*>(window.page(QStringLiteral("landscape")));
    QVERIFY(landscape);
    const double normal = landscape->path(0)->pen().widthF();
    window.setPresentationMode(true);
    QVERIFY(landscape->path(0)->pen().widthF() > 1.5 * normal);
    window.setDarkTheme(true);
    QCOMPARE(landscape->view()->plot()->xAxis->tickLabelColor(), window.plotStyle().foreground());
    QCOMPARE(landscape->lossView()->plot()->xAxis->tickLabelColor(),
             window.plotStyle().foreground());
    window.setDarkTheme(false);
    window.setPresentationMode(false);
}

void TestLandscapeView::draggingDrawsInDraftQuality() {
    Fixture fx;
    LandscapeView* v = fx.page.view();
    QVERIFY(!v->draft());
    QVERIFY(fx.page.path(0)->antialiased());
    QSlider* slider = fx.page.startXSlider()->slider();
    Q_EMIT slider->sliderPressed();
    QVERIFY(v->draft());
    QVERIFY(fx.page.lossView()->plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    for (int i = 0; i < fx.page.optimizerCount(); ++i)
        QVERIFY(!fx.page.path(i)->antialiased());
    Q_EMIT slider->sliderReleased();
    QVERIFY(!v->draft());
    QVERIFY(!fx.page.lossView()->plot()->notAntialiasedElements().testFlag(QCP::aePlottables));
    for (int i = 0; i < fx.page.optimizerCount(); ++i)
        QVERIFY(fx.page.path(i)->antialiased());
    // A drag of the start point on the map does the same.
    const QPoint start = fx.pixelOf(fx.page.start());
    QTest::mousePress(v->plot(), Qt::LeftButton, {}, start);
    QVERIFY(v->draft());
    QTest::mouseRelease(v->plot(), Qt::LeftButton, {}, start + QPoint(30, 0));
    QVERIFY(!v->draft());
}

// A slider held down repeats its step on a timer: when its run is removed meanwhile (a click
// on its ×, a scene opened), the panel waiting for deletion must not set the run that is gone
// (found by the monkey test: a crash in Optimizer::set).
void TestLandscapeView::removedRunIgnoresItsHeldSlider() {
    LandscapePage page;
    page.resize(1400, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const int runs = page.optimizerCount();
    QPointer<QSlider> slider = page.panel(0)->slider(QStringLiteral("lr"))->slider();
    QVERIFY(slider && slider->isVisible());
    // Pressed on the groove away from the handle: the slider pages towards the press, again
    // and again while the button is held.
    const QPoint groove(
        slider->value() > (slider->minimum() + slider->maximum()) / 2 ? 2 : slider->width() - 3,
        slider->height() / 2);
    const int before = slider->value();
    QTest::mousePress(slider, Qt::LeftButton, {}, groove);
    QTest::qWait(700); // the repeat has begun: it would go on setting the run
    QVERIFY2(slider->value() != before, "holding the slider down does not repeat");
    page.removeOptimizer(0);
    QTest::qWait(900); // past the repeat's first delay and several repeats
    if (slider) QTest::mouseRelease(slider, Qt::LeftButton, {}, groove);
    QCOMPARE(page.optimizerCount(), runs - 1);
}

QTEST_MAIN(TestLandscapeView)
#include "test_landscape_view.moc"

#pragma once
// Lesson page: the derivative as a limit. The secant through (x, f(x)) and (y, f(y)), y = x + h,
// turns into the tangent t(y) = f′(x)(y − x) + f(x) as h shrinks: drag y (or the |h| slider) toward
// x, or press Play to watch h fall by four decades. Beside it, |secant slope − f′(x)| against |h|
// on log–log axes: a line of slope 1 (first order) until rounding takes over at tiny h.

#include "analysis/secant.h"
#include "objective/objective.h"
#include "pages/page.h"

class QCheckBox;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;
class QMouseEvent;

namespace gs::app {

class CurveView;
class FunctionPicker;
class ParamSlider;
class PlaybackBar;

class SecantPage : public Page {
    Q_OBJECT
public:
    explicit SecantPage(QWidget* parent = nullptr);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    PlaybackBar* playback() const override { return playback_; }
    /// h, secant slope, f′(x), error: the log–log plot's points.
    Table table() const override;

    double x() const;
    /// The signed step h = y − x.
    double h() const;
    void setPoint(double x);
    void setStep(double h);
    double secantSlope() const { return slope_; }
    double derivative() const { return derivative_; }
    /// The log–log panel of the error against |h|, beside the curve in the same plot (so an
    /// exported image holds both).
    QCPAxisRect* errorPanel() const { return errorRect_; }
    QLabel* readout() const { return readout_; }

    /// Frames of the animation: h falls from the scene's h by kDecades decades.
    static constexpr int kFrames = 60;
    static constexpr double kDecades = 4;

private:
    void showFunction(const ObjectivePtr& f);
    void update();
    void updateErrorCurve();
    void restyle();
    void showFrame(int k);
    void mousePress(QMouseEvent* event);
    void mouseMove(QMouseEvent* event);
    void mouseRelease(QMouseEvent* event);

    ObjectivePtr f_;
    Scene scene_;
    double startStep_ = 3.0; ///< the scene's h: frame 0 of the animation
    double slope_ = 0, derivative_ = 0, curvature_ = 0;
    std::vector<SecantErrorPoint> errors_;
    enum class Drag { None, Point, Step } drag_ = Drag::None;
    PlotStyle style_;

    CurveView* view_;
    QCPGraph* points_;
    QCPItemStraightLine* secant_;
    QCPItemStraightLine* tangent_;
    QCPItemText* secantLabel_;
    QCPItemText* tangentLabel_;
    QCPAxisRect* errorRect_;
    QCPItemText* firstOrderLabel_;
    QCPGraph* errorCurve_;
    QCPGraph* firstOrder_;
    QCPGraph* errorNow_;
    FunctionPicker* picker_;
    ParamSlider* x_;
    ParamSlider* step_;
    QCheckBox* fromLeft_;
    PlaybackBar* playback_;
    QLabel* readout_;
};

} // namespace gs::app

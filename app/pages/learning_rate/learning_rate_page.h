#pragma once
// Learning rates side by side: gradient descent on one curve from one start with several rates
// (one run per scene run, each with its own rate slider), all paths drawn on the curve, and below
// it, in the same plot (so an export shows both), xₙ against n for each rate, as the article's two
// figures. The view widens to keep every path in frame.

#include "objective/objective.h"
#include "pages/page.h"

#include <optional>
#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCustomPlot;
class QLabel;
class QVBoxLayout;

namespace gs::app {

class CurveView;
class FunctionPicker;
class ParamSlider;

class LearningRatePage : public Page {
    Q_OBJECT
public:
    explicit LearningRatePage(QWidget* parent = nullptr);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    QVector<RunView> runs() const override;
    bool fitToRuns() override;

    const Trajectory& trajectory(int i) const { return trajectories_[size_t(i)]; }
    int runCount() const { return static_cast<int>(trajectories_.size()); }
    CurveView* view() const { return view_; }
    /// The panel of xₙ against n, below the curve.
    QCPAxisRect* iteratePanel() const { return iterates_; }
    ParamSlider* rateSlider(int i) const { return rates_.value(i); }
    ParamSlider* startSlider() const { return start_; }
    QLabel* readout() const { return readout_; }

public Q_SLOTS:
    void recompute();

private:
    void showFunction(const ObjectivePtr& f, std::optional<double> start);
    void buildRateSliders();

    ObjectivePtr f_;
    Scene scene_;
    std::vector<Trajectory> trajectories_;
    PlotStyle style_;

    CurveView* view_;
    QCPAxisRect* iterates_;
    QVector<QCPGraph*> iterateGraphs_;
    QCPLegend* legend_;
    FunctionPicker* picker_;
    ParamSlider* start_;
    QVBoxLayout* rateBox_;
    QVector<ParamSlider*> rates_;
    QLabel* readout_;
};

} // namespace gs::app

#pragma once
// Lesson page: grid search. N evenly spaced samples of f, the best one marked against the true
// optimum, the number of evaluations, and what the same grid costs in d dimensions (N^d) up to the
// parameter count of a real network. No animation: every change redraws at once.

#include "analysis/grid_search.h"
#include "objective/objective.h"
#include "pages/page.h"

class QComboBox;
class QCPGraph;
class QCPItemText;
class QLabel;

namespace gs::app {

class CurveView;
class FunctionPicker;
class ParamSlider;

class GridSearchPage : public Page {
    Q_OBJECT
public:
    explicit GridSearchPage(QWidget* parent = nullptr);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    /// i, x, f(x), best (1 for the best sample).
    Table table() const override;

    void setSamples(int n);
    const GridSearchResult& result() const { return result_; }
    ParamSlider* samplesSlider() const { return samples_; }
    QLabel* readout() const { return readout_; }
    QLabel* costTable() const { return cost_; }

private:
    void showFunction(const ObjectivePtr& f);
    void recompute();
    void restyle();
    bool maximizing() const { return scene_.direction == Scene::Direction::Ascent; }

    ObjectivePtr f_;
    Scene scene_;
    GridSearchResult result_;
    PlotStyle style_;

    CurveView* view_;
    QCPGraph* samplesGraph_;
    QCPGraph* bestGraph_;
    QCPItemText* bestLabel_;
    FunctionPicker* picker_;
    QComboBox* goalBox_;
    ParamSlider* samples_;
    QLabel* readout_;
    QLabel* cost_;
};

} // namespace gs::app

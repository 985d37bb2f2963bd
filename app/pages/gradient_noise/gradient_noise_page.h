#pragma once
// Lesson page: how noisy is a mini-batch gradient? Logistic regression on a line has two
// parameters, so its loss J(w, b) = (1/N) Σ L_i is a map. At a point of the GD path (the playback
// walks along it) the page draws the full-gradient step −λ∇J and the steps −λg_B of 50 random
// batches of B examples with the 2σ ellipse of their tips, which shrinks as B grows; beside it the
// measured variance E‖g_B − ∇J‖² against B on log–log axes, on the exact σ²/B · (N − B)/(N − 1)
// of batches drawn without replacement, with the plain 1/B line σ²/B for comparison. Batches of
// one class point elsewhere: their steps, and their angle to ∇J, show how far.

#include "learn/dataset.h"
#include "learn/gradient_noise.h"
#include "learn/logistic_1d.h"
#include "pages/gradient_noise/gradient_noise_settings.h"
#include "pages/gradient_noise/gradient_noise_view.h"
#include "pages/page.h"

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;

namespace gs::app {

class ParamSlider;
class PlaybackBar;

class GradientNoisePage : public Page {
    Q_OBJECT
public:
    static constexpr int kArrows = 50;        ///< sampled batches drawn at the current point
    static constexpr int kCurveBatches = 300; ///< sampled batches per point of the variance curve

    explicit GradientNoisePage(QWidget* parent = nullptr);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    PlaybackBar* playback() const override { return playback_; }
    /// Rows of kind "variance" (batch, measured, σ²/B·(N−B)/(N−1), σ²/B), then the arrows at the
    /// current point: "full", "batch" (random batches), "class_sorted", with g_w, g_b and the
    /// angle to ∇J in degrees.
    Table table() const override;

    GradientNoiseSettings settings() const;
    GradientNoiseView* view() const { return view_; }
    QLabel* readout() const { return readout_; }
    const learn::GradientPopulation& population() const { return population_; }
    const learn::GradientStats& shuffledStats() const { return shuffledStats_; }
    const learn::GradientStats& sortedStats() const { return sortedStats_; }
    const std::vector<learn::VariancePoint>& varianceCurve() const { return curve_; }
    void setBatchSize(int b);

private:
    void rebuild(); ///< data, map and paths
    void showFrame(int k);
    void restyle();

    Scene scene_;
    GradientNoiseSettings settings_;
    learn::Dataset data_;
    std::unique_ptr<learn::Logistic1D> model_;
    std::vector<Vec> gd_, sgd_;
    Vec at_, full_;
    Mat shuffled_, sorted_;
    learn::GradientPopulation population_;
    learn::GradientStats shuffledStats_, sortedStats_;
    std::vector<learn::VariancePoint> curve_, formulas_;
    PlotStyle style_;

    GradientNoiseView* view_;
    PlaybackBar* playback_;
    ParamSlider* batch_;
    ParamSlider* lr_;
    QComboBox* order_;
    QCheckBox* sortedBox_;
    QLabel* readout_;
};

} // namespace gs::app

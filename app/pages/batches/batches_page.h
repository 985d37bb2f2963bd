#pragma once
// Lesson page: full batch or mini-batches. The whole-set loss J(w) = (1/N) Σ L_i is what training
// minimizes; gradient descent follows its exact gradient, one step per pass over all N examples,
// while SGD steps on the gradient of a batch of B examples, N / B steps per pass. Both runs train
// the same MLP from the same weights with the same learning rate; the loss is plotted against the
// number of examples processed, so a step of GD costs what N / B steps of SGD cost. The decision
// regions of both networks update live as they train (on worker threads: the window never waits;
// changing a setting cancels the runs and starts new ones).

#include "learn/dataset.h"
#include "learn/network.h"
#include "pages/batches/batches_settings.h"
#include "pages/batches/training_job.h"
#include "pages/page.h"

#include <array>
#include <memory>

class QComboBox;
class QCPAxisRect;
class QCPGraph;
class QCPItemText;
class QLabel;
class QPushButton;
class QTimer;

namespace gs::app {

class DecisionRegionsView;
class ParamSlider;

class BatchesPage : public Page {
    Q_OBJECT
public:
    /// The two runs, in panel order.
    enum Run { FullBatch = 0, MiniBatch = 1 };
    /// Seconds a run is spread over when watched live.
    static constexpr double kLiveSeconds = 4.0;

    explicit BatchesPage(QWidget* parent = nullptr);
    ~BatchesPage() override;

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    /// Trains both runs to the end at full speed and shows the final state.
    void finishWork() override;
    /// run, batch_size, order, examples, epochs, loss, accuracy: every point of both loss curves.
    Table table() const override;

    BatchesSettings settings() const { return settings_; }
    bool training() const;
    /// What is shown of a run (the last snapshot taken from its worker).
    const TrainingJob::Snapshot& shown(Run run) const { return shown_[run]; }
    DecisionRegionsView* regionsView() const { return view_; }
    QCPAxisRect* lossPanel() const { return lossRect_; }
    QLabel* statusLabel() const { return status_; }
    /// Cancels the runs (the Stop button).
    void stop();

private:
    void buildControls();
    void setControls(const BatchesSettings& s);
    BatchesSettings fromControls() const;
    void restart();
    void poll();
    void showRun(Run run, TrainingJob::Snapshot snapshot);
    void updateStatus();
    void fitLossAxes();
    void restyle();

    Scene scene_;
    BatchesSettings settings_;
    std::shared_ptr<const learn::Dataset> data_;
    std::shared_ptr<const learn::Network> net_;
    std::array<std::unique_ptr<TrainingJob>, 2> jobs_;
    std::array<TrainingJob::Snapshot, 2> shown_;
    PlotStyle style_;

    DecisionRegionsView* view_;
    QCPAxisRect* lossRect_;
    std::array<QCPGraph*, 2> loss_{};
    std::array<QCPItemText*, 2> curveLabels_{};
    QTimer* poll_;
    QTimer* debounce_;
    QComboBox* dataset_ = nullptr;
    QComboBox* order_ = nullptr;
    ParamSlider* batch_ = nullptr;
    ParamSlider* lr_ = nullptr;
    ParamSlider* epochs_ = nullptr;
    QPushButton* trainButton_ = nullptr;
    QLabel* status_;
};

} // namespace gs::app

#pragma once
// Lesson page: a classifier trained by stochastic gradient descent. Softmax regression on
// Fashion-MNIST (or a synthetic 2D set) learns on a worker thread while the page shows the loss of
// every step and of every epoch, train and test accuracy, test images with the predicted label,
// the confusion matrix and the ten learned weight images. Changing a setting retrains; Stop
// cancels. Headless renders call finishWork() and draw the finished run.

#include "pages/classifier/classifier_settings.h"
#include "pages/page.h"

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace gs {
class Optimizer;
namespace learn {
struct Dataset;
}
} // namespace gs

namespace gs::app {

class ClassifierPlots;
class ClassifierTraining;
class OptimizerPanel;
struct ClassifierProgress;

class ClassifierPage : public Page {
    Q_OBJECT
public:
    explicit ClassifierPage(QWidget* parent = nullptr);
    ~ClassifierPage() override;

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    /// Per step: the batch loss; on the steps ending an epoch (and step 0), the epoch's mean loss
    /// and the train and test accuracy.
    Table table() const override;
    void finishWork() override;

    /// Starts training again with the controls' settings (cancelling a run in flight).
    void retrain();
    void stop();
    bool training() const;
    ClassifierPlots& plots() const { return *plots_; }
    /// What the run came to: "finished …", "diverged at iteration k …", or why nothing ran.
    QString status() const { return status_; }
    bool diverged() const { return diverged_; }
    const ClassifierProgress& progress() const { return *progress_; }
    QLabel* statusLabel() const { return statusLabel_; }
    QComboBox* optimizerBox() const { return optimizerBox_; }
    OptimizerPanel* optimizerPanel() const { return panel_; }

private:
    /// The test set the plots show, and its image panels as pictures.
    void showData(const std::shared_ptr<const learn::Dataset>& test);
    void buildOptimizerPanel();
    void poll();
    void runFinished();
    void showStatus(const QString& text, bool bad);
    ClassifierSettings settingsFromControls() const;

    Scene scene_;
    ClassifierSettings settings_;
    std::unique_ptr<Optimizer> optimizer_;
    std::unique_ptr<ClassifierProgress> progress_;
    std::unique_ptr<ClassifierPlots> plots_;
    ClassifierTraining* training_;
    QTimer* pollTimer_;
    QTimer* restartTimer_;
    QString status_;
    bool diverged_ = false;
    bool statusBad_ = false;
    bool finishedShown_ = true;
    bool loading_ = false;
    PlotStyle style_;

    QComboBox* dataset_;
    QComboBox* optimizerBox_;
    QVBoxLayout* optimizerSlot_;
    OptimizerPanel* panel_ = nullptr;
    QSpinBox* epochs_;
    QSpinBox* batch_;
    QSpinBox* trainSize_;
    QPushButton* trainButton_;
    QPushButton* stopButton_;
    QLabel* statusLabel_;
};

} // namespace gs::app

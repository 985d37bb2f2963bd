#pragma once
// Softmax regression trained on a worker thread: the GUI thread starts a run, reads snapshots of
// its progress whenever it likes (a timer), and may cancel it; the run never blocks the GUI.
// wait() blocks until the run is over, for headless renders that must draw the final state.
//
// The worker records, under a mutex: every batch loss, and at epoch 0 (the initial weights) and
// after every epoch the mean loss, train and test accuracy, the weights and the test predictions.

#include "learn/network.h"
#include "learn/trainer.h"
#include "pages/classifier/classifier_data.h"

#include <Eigen/Core>

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QThread;

namespace gs::app {

/// What a run has produced so far; plain data, copied out for the GUI.
struct ClassifierProgress {
    std::shared_ptr<const learn::Dataset> test; ///< the test set, once loaded
    QString dataError;                          ///< why there is no data, if so
    QString dataAbout;                          ///< a data file as the page says it
    std::vector<double> iterationLoss;          ///< one per step
    std::vector<int> epochIteration;            ///< steps taken at the end of epoch 0, 1, 2, …
    std::vector<double> epochLoss; ///< mean batch loss of the epoch (epoch 0: test loss)
    std::vector<double> trainAccuracy, testAccuracy; ///< one per epoch, from epoch 0
    Vec params;                                      ///< weights of the last epoch recorded
    Eigen::VectorXi testPredicted;                   ///< predictions of those weights
    Eigen::MatrixXi confusion;                       ///< counts(true, predicted) on the test set
    std::optional<learn::TrainResult> result;        ///< set when the run is over
};

class ClassifierTraining : public QObject {
    Q_OBJECT
public:
    explicit ClassifierTraining(QObject* parent = nullptr);
    ~ClassifierTraining() override; ///< cancels and waits

    /// Cancels any run in flight (waiting for it), then loads the data `data` asks for and trains
    /// on it with `settings`, both on the worker thread.
    void start(ClassifierSettings data, learn::TrainSettings settings);
    void cancel();
    /// Blocks until the current run (if any) is over.
    void wait();
    bool running() const;
    ClassifierProgress snapshot() const;

Q_SIGNALS:
    /// Emitted on the GUI thread when a run ends (finished, diverged, cancelled or invalid).
    void finished();

private:
    void run(const ClassifierSettings& which, const learn::TrainSettings& settings);

    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_ = false;
    mutable std::mutex mutex_;
    ClassifierProgress progress_;
};

} // namespace gs::app

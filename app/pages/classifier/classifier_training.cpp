#include "pages/classifier/classifier_training.h"

#include "learn/evaluation.h"

#include <QThread>

namespace gs::app {

using namespace gs::learn;

namespace {

// Records batch losses and, at each epoch's end, the scores the trainer computed plus the test
// predictions of the current weights (for the confusion matrix and the labelled images).
class Recorder final : public TrainObserver {
public:
    Recorder(const Network& net, const Dataset& test, std::mutex& mutex, ClassifierProgress& out)
        : net_(net), test_(test), mutex_(mutex), out_(out) {}

    void iteration(const IterationRecord& r) override {
        const std::lock_guard lock(mutex_);
        out_.iterationLoss.push_back(r.loss);
    }
    bool wantsIterationParams() const override { return false; }

    void epoch(const EpochRecord& r) override {
        const Evaluation e = evaluate(net_, *r.params, test_);
        const Eigen::MatrixXi counts = confusionMatrix(test_, e.predicted);
        const std::lock_guard lock(mutex_);
        out_.epochIteration.push_back(r.iterations);
        out_.epochLoss.push_back(r.meanBatchLoss);
        out_.trainAccuracy.push_back(r.train ? r.train->accuracy : 0.0);
        out_.testAccuracy.push_back(e.accuracy);
        out_.params = *r.params;
        out_.testPredicted = e.predicted;
        out_.confusion = counts;
    }

private:
    const Network& net_;
    const Dataset& test_;
    std::mutex& mutex_;
    ClassifierProgress& out_;
};

} // namespace

ClassifierTraining::ClassifierTraining(QObject* parent) : QObject(parent) {}

ClassifierTraining::~ClassifierTraining() {
    cancel();
    wait();
    delete thread_;
}

void ClassifierTraining::start(ClassifierSettings data, TrainSettings settings) {
    cancel();
    wait();
    delete thread_;
    cancel_ = false;
    {
        const std::lock_guard lock(mutex_);
        progress_ = {};
    }
    thread_ = QThread::create(
        [this, data = std::move(data), settings = std::move(settings)] { run(data, settings); });
    connect(thread_, &QThread::finished, this, &ClassifierTraining::finished);
    thread_->start();
}

void ClassifierTraining::cancel() {
    cancel_ = true;
}

void ClassifierTraining::wait() {
    if (thread_) thread_->wait();
}

bool ClassifierTraining::running() const {
    return thread_ && thread_->isRunning();
}

ClassifierProgress ClassifierTraining::snapshot() const {
    const std::lock_guard lock(mutex_);
    return progress_;
}

void ClassifierTraining::run(const ClassifierSettings& which, const TrainSettings& settings) {
    auto finish = [this](TrainResult r) {
        const std::lock_guard lock(mutex_);
        progress_.result = std::move(r);
    };
    const ClassifierData data = loadClassifierData(which, &cancel_);
    if (!data.ok()) {
        TrainResult r;
        const std::lock_guard lock(mutex_);
        if (cancel_) {
            // Stopped while the images were being read: not a data problem.
            r.status = TrainStatus::Cancelled;
            progress_.result = std::move(r);
            return;
        }
        r.error = data.error.toStdString();
        progress_.dataError = data.error;
        progress_.result = std::move(r);
        return;
    }
    {
        const std::lock_guard lock(mutex_);
        progress_.test = data.test;
        progress_.dataAbout = data.about;
    }
    const Dataset& train = *data.train;
    const Dataset& test = *data.test;
    // Float32 arithmetic: the images are 8-bit, and it is twice as fast as double.
    const Network net(softmaxRegression(train.dimension(), train.classes, Precision::Float32));
    const Vec start = net.initialParameters(settings.seed);
    Recorder recorder(net, test, mutex_, progress_);
    {
        // Epoch 0: the untrained weights, so the accuracy curve starts at chance.
        const Evaluation onTest = evaluate(net, start, test);
        const Evaluation onTrain = evaluate(net, start, train);
        const std::lock_guard lock(mutex_);
        progress_.epochIteration.push_back(0);
        progress_.epochLoss.push_back(onTrain.loss);
        progress_.trainAccuracy.push_back(onTrain.accuracy);
        progress_.testAccuracy.push_back(onTest.accuracy);
        progress_.params = start;
        progress_.testPredicted = onTest.predicted;
        progress_.confusion = confusionMatrix(test, onTest.predicted);
    }
    TrainHooks hooks;
    hooks.observers = {&recorder};
    hooks.cancel = &cancel_;
    TrainResult r = learn::train(net, train, &test, settings, hooks, &start);
    if (r.status == TrainStatus::Diverged || r.status == TrainStatus::Cancelled) {
        // The last finite weights, mid-epoch: show what they do.
        const Evaluation e = evaluate(net, r.params, test);
        const Eigen::MatrixXi counts = confusionMatrix(test, e.predicted);
        const std::lock_guard lock(mutex_);
        progress_.params = r.params;
        progress_.testPredicted = e.predicted;
        progress_.confusion = counts;
    }
    finish(std::move(r));
}

} // namespace gs::app

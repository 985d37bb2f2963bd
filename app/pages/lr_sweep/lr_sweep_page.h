#pragma once
// The learning-rate sweep: for each optimizer of the scene, its run from the scene's start
// repeated at every rate of a log grid, and the final loss (or the steps to reach a tolerance)
// plotted against the rate, with gradient descent's stability limit 2/λmax at the minimum. The
// sweep runs in a worker thread with a progress bar and Cancel (without a display, for headless
// renders and tests, in the calling thread). Clicking a point sets that optimizer's learning rate
// to the point's, and offers to show the run on the page the sweep came from.

#include "analysis/lr_sweep.h"
#include "objective/objective.h"
#include "pages/lr_sweep/lr_sweep_settings.h"
#include "pages/page.h"

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace gs::app {

class LrSweepView;
class ParamSlider;

class LrSweepPage : public Page {
    Q_OBJECT
public:
    /// `dimension`: the variables of the functions this page sweeps (1 or 2).
    explicit LrSweepPage(int dimension, QWidget* parent = nullptr);
    ~LrSweepPage() override;

    /// The registry key of the sweep page of that dimension.
    static QString pageKey(int dimension);
    /// The scene that sweeps `from` (a one- or two-variable page's scene) on the sweep page of
    /// its dimension: same function, start, step limit and shown optimizers.
    static Scene sweepSceneFor(const Scene& from, int dimension);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override;
    /// One row per optimizer and rate: optimizer, run, lr, final_loss, steps_to_tolerance,
    /// status, stop_step.
    Table table() const override;

    /// Runs sweeps in the calling thread (the default without a display) or in a worker thread.
    void setSynchronous(bool on) { synchronous_ = on; }
    /// Starts the sweep again with the current settings (cancelling one under way).
    void sweep();
    void cancel();
    bool running() const;
    /// Waits for a sweep under way to end (tests).
    void waitForSweep();
    /// One result per scene run, in run order (empty until a sweep ends).
    const QVector<LrSweepResult>& results() const { return results_; }
    /// 2/λmax of the Hessian at the minimum when a run is gradient descent; nothing otherwise.
    std::optional<double> stabilityLimit() const { return limit_; }
    /// What a click on run r's point i does: that run's learning rate becomes the point's.
    void selectPoint(int r, int i);

    LrSweepView* view() const { return view_; }
    QProgressBar* progressBar() const { return progress_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* openButton() const { return open_; }
    QComboBox* quantityBox() const { return quantity_; }
    QLabel* statusLabel() const { return status_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    /// A sweep ended (complete or cancelled); results() holds it.
    void sweepFinished();

private:
    struct Job;
    void startJob();
    void finishJob();
    void showResults();
    void computeLimit();
    LrSweepPageSettings settingsShown() const;
    void showSettings(const LrSweepPageSettings& s);
    Vec startOf(int run) const;

    int dimension_;
    ObjectivePtr f_;       // the function the runs minimize (−f for a climb)
    double reference_ = 0; // f* of the minimized function, when known
    bool knownReference_ = false;
    Scene scene_;
    std::optional<double> limit_;
    QVector<LrSweepResult> results_;
    std::unique_ptr<Job> job_;
    int jobId_ = 0; // tells a finished worker's job from a newer one
    bool synchronous_;
    int selectedRun_ = -1;
    PlotStyle style_;

    LrSweepView* view_;
    ParamSlider* lo_;
    ParamSlider* hi_;
    QSpinBox* points_;
    QComboBox* quantity_;
    ParamSlider* tolerance_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QPushButton* open_;
    QLabel* status_;
    QWidget* side_;
};

} // namespace gs::app

#pragma once
// The landscape page's basin-of-attraction block: a switch, the run whose optimizer maps the
// basins, a progress bar with Cancel while a map is computed, and a line of figures. It owns
// what it draws on the map (the basins layer and their own legend) and the worker thread: a map
// is computed off the GUI thread, a newer request cancels an older one, and a request equal to
// the map shown (or being made) is free. On the offscreen platform (headless rendering, tests)
// the map is computed at once, so a screenshot shows it.

#include "analysis/basin_map.h"
#include "objective/objective.h"
#include "pages/landscape/basin_settings.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPLegend;
class QLabel;
class QProgressBar;
class QPushButton;
class QThread;

namespace gs::app {

class BasinPlottable;

class BasinPanel : public QWidget {
    Q_OBJECT
public:
    BasinPanel(QCustomPlot* plot, QWidget* parent = nullptr);
    ~BasinPanel() override;

    BasinSettings settings() const;
    /// Shows the settings in the controls (no settingsChanged).
    void setSettings(const BasinSettings& settings);
    /// Names of the page's runs, for the "of" choice.
    void setRunNames(const QStringList& names);

    /// Maps the basins of `s.optimizer` on `f` (the grid size is the panel's: its preview while
    /// `preview`, else its resolution), unless that map is already shown or being made.
    void request(const ObjectivePtr& f, BasinMapSettings s, bool preview, const QString& runName);
    /// Removes the map (and says why in the figures line, when given).
    void clear(const QString& why = {});
    bool busy() const { return worker_ != nullptr; }
    /// Waits for the map being made, if any, and shows it (for tests).
    void wait();
    /// Maps are computed in a worker thread, except on the offscreen platform (headless
    /// rendering), where a request returns with its map shown. Tests may choose.
    void setComputeInWorker(bool on) { inWorker_ = on; }

    BasinPlottable* plottable() const { return plottable_; }
    QCPLegend* legend() const { return legend_; }
    QCheckBox* showBox() const { return show_; }
    QProgressBar* progressBar() const { return progress_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* figures() const { return figures_; }

Q_SIGNALS:
    /// The switch or the run choice changed: the page sends a new request (or clears).
    void settingsChanged();

private:
    /// What a map depends on; equal jobs give equal maps.
    struct Job {
        ObjectivePtr f;
        BasinMapSettings settings;
        QString runName;
        bool sameMap(const Job& o) const;
    };
    void start(Job job);
    void finished(BasinMap map, quint64 generation, double seconds);
    void show(const BasinMap& map, const Job& job, double seconds);
    void rebuildLegend(const BasinMap& map, const QString& runName);
    void fitLegend();
    void setBusy(bool on);

    QCustomPlot* plot_;
    BasinPlottable* plottable_;
    QCPLegend* legend_;
    QCheckBox* show_;
    QComboBox* run_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* figures_;
    BasinSettings settings_;
    bool inWorker_;

    QPointer<QThread> worker_;
    std::shared_ptr<std::atomic<bool>> cancelFlag_;
    quint64 generation_ = 0;
    std::optional<Job> running_, pending_, shown_;
};

} // namespace gs::app

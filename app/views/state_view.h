#pragma once
// State over time: one run's named optimizer state (a velocity, accumulated squares, moments, an
// effective rate) against the step, one coordinate or all of them as several lines, with the
// playback step marked. Every value is read from the recorded trajectory, never recomputed.
// Hovering a step reports it (the page highlights that point on its map or curve); pressing or
// dragging asks playback to go there.

#include "plot/plot_style.h"
#include "run/trajectory.h"
#include "views/state_selection.h"

#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;
class QMouseEvent;

namespace gs::app {

class StateView : public QWidget {
    Q_OBJECT
public:
    /// One run as recorded (a copy: the page may recompute its own at any time).
    struct Run {
        QString name;
        QColor color;
        Trajectory trajectory;
    };

    explicit StateView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// New runs (after every recompute). The chosen run, state name and coordinate stay chosen
    /// while they exist.
    void setRuns(QVector<Run> runs);
    /// Chooses what is shown; an unknown state name picks the run's first, a bad index clamps.
    /// The choice is kept as given (run −1 stays "the first run with state" as runs change).
    void select(const StateSelection& selection);
    /// What was chosen (by select() or by the user), as given: what a scene stores.
    StateSelection selection() const { return chosen_; }
    /// What that choice resolves to with the current runs.
    StateSelection shown() const;
    /// The first run that has any state (0 when none has): the default choice of a page.
    int firstRunWithState() const;
    /// Marks playback step k.
    void setCurrent(int k);
    int current() const { return current_; }

    /// The plotted lines: one per coordinate shown, value at step k in element k (NaN where
    /// nothing is drawn: step 0, before any update, and non-positive values on a log axis).
    QVector<QVector<double>> series() const { return series_; }
    QCustomPlot* plot() const { return plot_; }
    QCPItemStraightLine* cursor() const { return cursor_; }
    /// The hovered step's values ("step 12: x = 0.2634, y = 0.05398"); hidden when none.
    QCPItemText* readout() const { return readout_; }
    QComboBox* runBox() const { return runBox_; }
    QComboBox* stateBox() const { return stateBox_; }
    QComboBox* coordinateBox() const { return coordinateBox_; }
    QCheckBox* logBox() const { return logBox_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    /// The pointer is over step k of run `run` (k = −1: it left the plot).
    void stepHovered(int run, int k);
    /// A press or a drag on the plot asks playback to show step k.
    void stepPicked(int k);
    /// The user chose another run, state, coordinate or scale.
    void selectionChanged();

private:
    void display(const StateSelection& s);
    void fillStateBox();
    void rebuild();
    void restyle();
    int stepAt(QMouseEvent* e) const;
    void hover(int k);
    void showReadout();

    QCustomPlot* plot_;
    QCPItemStraightLine* cursor_;
    QCPItemText* empty_;
    QCPItemText* readout_; // the hovered step's values
    QComboBox* runBox_;
    QComboBox* stateBox_;
    QComboBox* coordinateBox_;
    QCheckBox* logBox_;
    QVector<Run> runs_;
    StateSelection chosen_;
    QVector<QVector<double>> series_;
    PlotStyle style_;
    int current_ = 0;
    int hovered_ = -1;
};

} // namespace gs::app

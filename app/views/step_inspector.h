#pragma once
// The step inspector: for one chosen optimizer at the current step, the gradient, the update
// actually taken (x_{k+1} − x_k) and the optimizer's state, as text with the update rule and as
// arrows for the map. Only directions become arrows (the steepest direction, the update, a
// velocity or first moment); per-coordinate scales (accumulated squares, effective rates) are
// numbers with a small bar per coordinate, since as arrows they would always point up-right.

#include "optim/optimizer.h"
#include "plot/plot_style.h"
#include "run/trajectory.h"
#include "views/landscape_view.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace gs::app {

class StepInspector : public QWidget {
    Q_OBJECT
public:
    explicit StepInspector(QWidget* parent = nullptr);

    /// Refills the optimizer chooser, keeping `selected` (clamped) chosen, without signalling.
    void setNames(const QStringList& names, int selected);
    int selected() const;
    /// Shows step k of `t`, run by `opt`; `viewSpan` (plot units) sizes the direction arrows.
    /// `sign` is −1 when the run climbed f (it descended −f): values are shown for f itself.
    void show(const Optimizer& opt, const Trajectory& t, int k, const QColor& color,
              double viewSpan, const PlotStyle& style, double sign = 1.0);
    void clear();
    /// The arrows for the map from the last show(): the steepest direction, the update, then one
    /// per direction-like state vector; each with its legend label.
    const QVector<LandscapeView::StepArrow>& arrows() const { return arrows_; }
    QLabel* text() const { return text_; }
    QComboBox* chooser() const { return chooser_; }

Q_SIGNALS:
    void selectionChanged(int index);

private:
    QComboBox* chooser_;
    QLabel* text_;
    QVector<LandscapeView::StepArrow> arrows_;
};

} // namespace gs::app

#pragma once
// The step inspector: for one chosen optimizer at the current step, the gradient, the update
// actually taken (x_{k+1} − x_k) and the optimizer's state vectors, as text with the update rule
// and as arrows for the map.

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
    void show(const Optimizer& opt, const Trajectory& t, int k, const QColor& color,
              double viewSpan, const PlotStyle& style);
    void clear();
    /// The arrows for the map from the last show(): −∇f, the update, then one per state vector.
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

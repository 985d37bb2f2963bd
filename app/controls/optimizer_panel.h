#pragma once
// The controls of one optimizer, built from its hyperparameter descriptors: a header with its
// color, name, a visibility check box and a remove button, then one ParamSlider per
// hyperparameter (log scale where the descriptor says so), and a learning-rate schedule editor
// for a method with a learning rate "lr".

#include "optim/optimizer.h"

#include <QColor>
#include <QFrame>
#include <QMap>
#include <QPointF>

#include <optional>

class QCheckBox;
class QLabel;
class QToolButton;

namespace gs::app {

class ParamSlider;
class ScheduleEditor;

class OptimizerPanel : public QFrame {
    Q_OBJECT
public:
    /// Reads descriptors and current values from `opt`; never changes it (the page does).
    OptimizerPanel(const Optimizer& opt, const QString& title, const QColor& color,
                   QWidget* parent = nullptr);

    ParamSlider* slider(const QString& key) const { return sliders_.value(key); }
    /// Renames the run the panel belongs to (its heading and the remove button's text).
    void setTitle(const QString& title);
    QCheckBox* visibleBox() const { return visible_; }
    QToolButton* removeButton() const { return remove_; }
    /// Shows "own start (x, y)" with a button back to the shared start, or hides both.
    void setOwnStart(std::optional<QPointF> start);
    QLabel* ownStartLabel() const { return ownStart_; }
    QToolButton* sharedStartButton() const { return shared_; }
    /// The schedule of "lr" (it follows the lr slider); null for a method without "lr".
    ScheduleEditor* scheduleEditor() const { return schedule_; }

Q_SIGNALS:
    void paramChanged(const QString& key, double value);
    void visibilityChanged(bool visible);
    void removeRequested();
    void sharedStartRequested();
    void scheduleChanged();

private:
    QMap<QString, ParamSlider*> sliders_;
    QLabel* heading_;
    QCheckBox* visible_;
    QToolButton* remove_;
    QLabel* ownStart_;
    QToolButton* shared_;
    ScheduleEditor* schedule_ = nullptr;
};

} // namespace gs::app

#pragma once
// Choosing a page's function: the catalog in a combo box, or a formula typed into the field below
// it. One control for every page that shows a function, so picking works the same everywhere.

#include "objective/expression_objective.h"

#include <QWidget>

#include <memory>

class QComboBox;

namespace gs::app {

class FormulaField;

class FunctionPicker : public QWidget {
    Q_OBJECT
public:
    /// `dimension`: 1 (f(x)) or 2 (f(x, y)). Horizontal puts the box and the field on one row.
    FunctionPicker(int dimension, Qt::Orientation orientation, QWidget* parent = nullptr);

    /// Shows the scene's function without emitting: its catalog entry selected (or "Typed
    /// formula"), and the formula it is made of in the field.
    void showFunction(const QString& catalog, const QString& formula, const Objective& f);

    QComboBox* box() const { return box_; }
    FormulaField* formulaField() const { return field_; }

Q_SIGNALS:
    /// A catalog function was chosen.
    void catalogPicked(const QString& key);
    /// A new valid formula was typed; `f` has the typed-function defaults (box, start).
    void formulaAccepted(const QString& text, std::shared_ptr<gs::ExpressionObjective> f);

private:
    QComboBox* box_;
    FormulaField* field_;
};

} // namespace gs::app

#pragma once
// A field for typing a function. Every edit is parsed at once: an error is underlined at its
// position with its message below, while the last good function stays on screen; a good formula
// shows its derivatives and is emitted.

#include "objective/expression_objective.h"

#include <QLineEdit>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace gs::app::math {
class MathLabel;
}

namespace gs::app {

/// A line edit that can underline a span of its text with a red wave.
class UnderlineEdit : public QLineEdit {
    Q_OBJECT
public:
    using QLineEdit::QLineEdit;
    /// Underlines [start, start + length) in QString indices; length 0 removes it.
    void setUnderline(int start, int length);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int start_ = 0;
    int length_ = 0;
};

class FormulaField : public QWidget {
    Q_OBJECT
public:
    /// `variables`: {"x"} for curves, {"x", "y"} for landscapes.
    explicit FormulaField(std::vector<std::string> variables, QWidget* parent = nullptr);

    /// Shows `text` without emitting (e.g. the formula of a catalog function).
    void setFormula(const QString& text);
    QString formula() const;
    /// The message of the current parse error; empty when the text is a valid function.
    QString errorMessage() const { return error_; }
    UnderlineEdit* edit() const { return edit_; }
    /// What the line under the field says, as plain text: the derivatives of the last good
    /// formula ("f′(x) = 25 cos(x) − 2x"), or the current error in their place.
    QString derivativeText() const;
    /// The derivatives, typeset (fractions as fractions, powers raised).
    math::MathLabel* derivativeLabel() const { return derivatives_; }

Q_SIGNALS:
    /// A new valid function was typed.
    void formulaAccepted(const QString& text, std::shared_ptr<gs::ExpressionObjective> objective);

private:
    void parse(bool emitAccepted);
    void showDerivatives(const ExpressionObjective& f);

    std::vector<std::string> variables_;
    UnderlineEdit* edit_;
    QStackedWidget* below_; // the derivatives, or the error in their place
    math::MathLabel* derivatives_;
    QLabel* errorLabel_;
    QString error_;
};

} // namespace gs::app

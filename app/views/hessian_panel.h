#pragma once
// The numbers behind the Hessian overlay: H at the inspected point, its eigenvalues and
// eigenvectors, the condition number, what kind of point the curvature describes, Newton's step
// and the gradient step, and one sentence on why they differ.

#include "analysis/local_quadratic.h"
#include "plot/plot_style.h"

#include <QWidget>

class QLabel;

namespace gs::app {

class HessianPanel : public QWidget {
    Q_OBJECT
public:
    explicit HessianPanel(QWidget* parent = nullptr);

    /// Shows the model `q`; `newtonColor` and `gradientColor` match the arrows on the map, and
    /// `ofNegated` says H is that of −f (the runs climb f by descending −f).
    void show(const LocalQuadratic& q, const QColor& newtonColor, const QColor& gradientColor,
              bool ofNegated);
    /// No model to show, and why.
    void showMessage(const QString& message);
    QLabel* text() const { return text_; }

private:
    QLabel* text_;
};

} // namespace gs::app

#pragma once
// Lesson page: a surface and its slices. The vertical planes x = x₀ and y = y₀ cut the surface
// z = f(x, y) along two curves, f(x, y₀) and f(x₀, y): functions of one variable, drawn beside
// the map with their tangents at the point. The tangents' slopes are the partial derivatives
// ∂f/∂x(x₀, y₀) and ∂f/∂y(x₀, y₀), shown as numbers beside their formulas.

#include "pages/point/point_page.h"
#include "pages/slices/slices_settings.h"

#include <memory>

class QCheckBox;
class QCPItemLine;

namespace gs::app {

class SlicePanel;

class SlicesPage : public PointPage {
    Q_OBJECT
public:
    explicit SlicesPage(QWidget* parent = nullptr);
    ~SlicesPage() override;

    /// x, f(x, y₀), y, f(x₀, y) along both slices, with ∂f/∂x and ∂f/∂y at the point.
    Table table() const override;

    /// The slopes of the two slices' tangents at the point: ∂f/∂x and ∂f/∂y.
    double slopeX() const { return slopeX_; }
    double slopeY() const { return slopeY_; }
    /// The slice f(x, y₀) (axis 0) or f(x₀, y) (axis 1) as a formula, plain text; empty when f
    /// is not a formula.
    QString sliceFormula(int axis) const;
    /// ∂f/∂x (axis 0) or ∂f/∂y (axis 1) as a formula, plain text.
    QString partialFormula(int axis) const;
    SlicePanel* panel(int axis) const { return axis == 0 ? panelX_.get() : panelY_.get(); }

private:
    void readSettings(const QJsonObject& section) override;
    QJsonObject settings() const override;
    void update() override;
    void restyle() override;

    SlicesSettings settings_;
    double slopeX_ = 0, slopeY_ = 0;
    QVector<double> xs_, fxs_, ys_, fys_;
    std::unique_ptr<SlicePanel> panelX_, panelY_;
    QCPItemLine* planeX_; ///< the trace of the plane x = x₀ on the map
    QCPItemLine* planeY_; ///< the trace of the plane y = y₀
    QCheckBox* tangents_;
};

} // namespace gs::app

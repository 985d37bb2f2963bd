#pragma once
// Lesson page: the tangent plane z = f(p) + ∇f(p)·(q − p). On the map, the gradient field and
// the gradient at p; around p the plane's contour lines (dashed, straight, perpendicular to ∇f)
// beside f's own (solid), touching along the level line through p. Beside the map, the cut along
// the gradient, where the plane rises fastest (slope |∇f|), and the gap |f(q) − T(q)| against
// r = |q − p| on log–log axes: parallel to r², the plane is a second-order approximation.

#include "analysis/tangent_plane.h"
#include "pages/point/point_page.h"
#include "pages/tangent_plane/tangent_plane_settings.h"

#include <memory>

class QCheckBox;
class QCPGraph;
class QCPItemLine;
class QCPItemText;

namespace gs::app {

class IsolinePlottable;
class ParamSlider;
class SlicePanel;

class TangentPlanePage : public PointPage {
    Q_OBJECT
public:
    explicit TangentPlanePage(QWidget* parent = nullptr);
    ~TangentPlanePage() override;

    /// r, the largest gap |f − T| on the circle of radius r, and gap / r².
    Table table() const override;

    const TangentPlane& plane() const { return plane_; }
    const std::vector<PlaneGap>& gaps() const { return gaps_; }
    /// The plane's contour lines and f's own near p, as drawn.
    IsolinePlottable* planeContours() const { return planeLines_; }
    IsolinePlottable* surfaceContours() const { return surfaceLines_; }

private:
    void readSettings(const QJsonObject& section) override;
    QJsonObject settings() const override;
    void update() override;
    void restyle() override;

    TangentPlaneSettings settings_;
    TangentPlane plane_;
    std::vector<PlaneGap> gaps_;
    std::unique_ptr<SlicePanel> cut_, gap_;
    QCPGraph* secondOrder_; ///< ½‖∇²f‖ r², the bound the gap follows
    IsolinePlottable* planeLines_;
    IsolinePlottable* surfaceLines_;
    QCPItemLine* gradient_;
    QCPItemText* gradientLabel_;
    QCPGraph* planeCut_; ///< the plane along the cut: T(p + t ĝ) = f(p) + t |∇f|
    ParamSlider* patch_;
    QCheckBox* field_;
};

} // namespace gs::app

#pragma once
// Lesson page: directional derivatives. A unit direction e = (cos θ, sin θ) at p (drag its arrow
// on the map, or the angle slider); the cut of the surface along e, whose tangent has the slope
// e·∇f(p); and e·∇f over every angle: a cosine of amplitude |∇f|, largest along ∇f (steepest
// ascent), smallest against it (steepest descent), zero along the level line. Both steepest
// directions and the level line are drawn on the map.

#include "analysis/directional.h"
#include "pages/directional/directional_settings.h"
#include "pages/point/point_page.h"

#include <memory>

class QCPGraph;
class QCPItemLine;
class QCPItemStraightLine;
class QCPItemText;

namespace gs::app {

class ParamSlider;
class SlicePanel;

class DirectionalPage : public PointPage {
    Q_OBJECT
public:
    explicit DirectionalPage(QWidget* parent = nullptr);
    ~DirectionalPage() override;

    /// For every whole degree: the angle, the slope of the cut by a central difference along e,
    /// and e·∇f.
    Table table() const override;

    /// θ in degrees.
    double angle() const;
    void setAngle(double degrees);
    /// e·∇f(p) for the current e.
    double derivative() const { return derivative_; }
    const DirectionalProfile& profile() const { return profile_; }

private:
    void readSettings(const QJsonObject& section) override;
    QJsonObject settings() const override;
    void update() override;
    void restyle() override;
    bool grab(QPointF pixel) override;
    void dragTo(QPointF coords) override;
    double arrowLength() const;

    DirectionalSettings settings_;
    DirectionalProfile profile_;
    double derivative_ = 0;
    std::unique_ptr<SlicePanel> cut_, profilePanel_;
    QCPItemLine* direction_;
    QCPItemLine* ascent_;
    QCPItemLine* descent_;
    QCPItemLine* levelLine_;
    QCPItemLine* cutLine_;           ///< the line p + t e across the map
    QCPItemStraightLine* angleMark_; ///< the current angle in the profile panel
    QCPItemText* directionLabel_;
    QCPItemText* ascentLabel_;
    QCPItemText* descentLabel_;
    ParamSlider* angle_;
};

} // namespace gs::app

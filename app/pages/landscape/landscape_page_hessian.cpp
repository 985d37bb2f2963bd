// LandscapePage's Hessian overlay: the quadratic model of f at the inspected point (the chosen
// run's point at the current step, so it follows playback; the shared start when there is no
// run), drawn on the map and spelled out in a panel under the step inspector.

#include "pages/landscape/landscape_page.h"

#include "analysis/local_quadratic.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "plot/hessian_plottable.h"
#include "views/hessian_panel.h"
#include "views/landscape_view.h"
#include "views/number_format.h"
#include "views/step_inspector.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
// Sizes as shares of the visible span (the shorter side), so the picture reads at any zoom.
constexpr double kModelRadius = 0.2; // the level curves fill a disc this big around the point
constexpr double kAxisLength = 0.8;  // the stronger eigen-axis's half-length, in model radii
constexpr double kAxisFloor = 0.3;   // the weaker one is never shorter than this share of it
constexpr double kStepCap = 1.6;     // steps longer than this many model radii are drawn shortened
constexpr int kLevels = 6;

QColor newtonColor() {
    return QColor(0xff, 0x6e, 0xc7);
}
QColor gradientStepColor() {
    return QColor(0x00, 0xe5, 0xff);
}

// A step from p drawn to scale, or shortened to `cap` (and said so in its label).
LandscapeView::StepArrow stepArrow(const Eigen::Vector2d& p, const Eigen::Vector2d& step,
                                   double cap, const QColor& color, const QString& label) {
    const double n = step.norm();
    const bool shortened = n > cap;
    const Eigen::Vector2d end = p + (shortened ? Eigen::Vector2d(step * (cap / n)) : step);
    return {QPointF(p.x(), p.y()), QPointF(end.x(), end.y()), color, false,
            shortened ? label + LandscapePage::tr(" (shortened)") : label};
}
} // namespace

QWidget* LandscapePage::createHessianPanel(QWidget* box) {
    hessianSection_ = new QWidget(box);
    auto* layout = new QVBoxLayout(hessianSection_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        new QLabel(tr("<b>Hessian</b> (quadratic model at the inspected point)"), hessianSection_));
    hessianPanel_ = new HessianPanel(hessianSection_);
    layout->addWidget(hessianPanel_);
    hessianSection_->setVisible(false);

    hessianPlot_ = new HessianPlottable(view_->plot()->xAxis, view_->plot()->yAxis);
    hessianPlot_->setLayer(view_->pathsLayer()); // it moves with playback, as the paths do
    hessianPlot_->setVisible(false);
    hessianPlot_->removeFromLegend();
    connect(hessianBox_, &QCheckBox::toggled, this, [this](bool on) {
        hessianSection_->setVisible(on);
        hessianPlot_->setVisible(on);
        if (on)
            hessianPlot_->addToLegend();
        else
            hessianPlot_->removeFromLegend();
        showStep(playback_->index());
        view_->plot()->replot(QCustomPlot::rpQueuedReplot); // the legend changed
    });
    return hessianSection_;
}

void LandscapePage::showHessian(int k) {
    QVector<LandscapeView::StepArrow> arrows = inspector_->arrows();
    if (!hessianBox_->isChecked() || !f_) {
        hessianPlot_->clearPicture();
        view_->setStepArrows(arrows);
        return;
    }
    // The inspected point: the chosen run at step k, else the shared start.
    Vec p = (Vec(2) << x0_->value(), y0_->value()).finished();
    const int sel = inspector_->selected();
    if (sel >= 0 && sel < optimizerCount() && !trajectory(sel).empty())
        p = trajectory(sel).x(std::clamp(k, 0, trajectory(sel).size() - 1));
    // The runs descend s·f; the model is of what they descend.
    const bool ascent = direction_ == Scene::Direction::Ascent;
    const ObjectivePtr f = ascent ? std::make_shared<NegatedObjective>(f_) : f_;
    const LocalQuadratic q = analyzeLocalQuadratic(*f, p);
    // The map's light colors, darkened for text on a light panel.
    const auto text = [this](QColor c) { return style_.dark ? c : c.darker(170); };
    hessianPanel_->show(q, text(newtonColor()), text(gradientStepColor()), ascent);
    if (!q.ok()) {
        hessianPlot_->clearPicture();
        view_->setStepArrows(arrows);
        return;
    }

    const QCPRange xr = view_->plot()->xAxis->range(), yr = view_->plot()->yAxis->range();
    const double span = std::min(xr.size(), yr.size()), radius = kModelRadius * span;
    // A point far off the map (a run that flew off) is described in the panel, not drawn: its
    // pixel coordinates could overflow the painter.
    if (q.point.x() < xr.lower - span || q.point.x() > xr.upper + span ||
        q.point.y() < yr.lower - span || q.point.y() > yr.upper + span) {
        hessianPlot_->clearPicture();
        view_->setStepArrows(arrows);
        return;
    }
    HessianPlottable::Picture pic;
    pic.point = QPointF(q.point.x(), q.point.y());
    pic.curves = modelLevelCurves(q, modelLevelsNear(q, radius, kLevels), radius);
    if (auto c = q.center(); c && (*c - q.point).norm() <= radius)
        pic.center = QPointF(c->x(), c->y());
    // Axis lengths ∝ √|λ| (the rate the slope grows along it), the weaker never below a floor:
    // with κ = 2,500 a true-to-scale pair would show one arrow only. The labels carry the values.
    const double top = std::abs(q.eigenvalues[0]);
    for (int i = 0; i < 2; ++i) {
        const double l = q.eigenvalues[i];
        const double share = top > 0 ? std::max(kAxisFloor, std::sqrt(std::abs(l) / top)) : 1;
        HessianPlottable::Axis& a = pic.axes[i];
        a.direction = QPointF(q.eigenvector(i).x(), q.eigenvector(i).y());
        a.halfLength = kAxisLength * radius * share;
        a.label = QStringLiteral("λ%1 = %2")
                      .arg(i == 0 ? QStringLiteral("₁") : QStringLiteral("₂"), formatNumber(l, 4));
        a.negative = l < 0;
    }
    hessianPlot_->setColors(Qt::white, QColor(235, 235, 235), style_.scale);
    hessianPlot_->setLabelFont(style_.font(font(), 1.0));
    hessianPlot_->setPicture(std::move(pic));

    const double cap = kStepCap * radius;
    if (q.newtonStep)
        arrows << stepArrow(q.point, *q.newtonStep, cap, newtonColor(), tr("Newton −H⁻¹∇f"));
    arrows << stepArrow(
        q.point, q.gradientStep, cap, gradientStepColor(),
        // On −f (a climb) the step −λ∇(−f) is +λ∇f.
        ascent ? (q.eigenvalues[0] != 0 ? tr("gradient +∇f/|λ₁|") : tr("gradient +∇f"))
               : (q.eigenvalues[0] != 0 ? tr("gradient −∇f/|λ₁|") : tr("gradient −∇f")));
    view_->setStepArrows(arrows);
}

} // namespace gs::app

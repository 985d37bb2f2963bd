// LandscapePage and its basin map: what the basin panel maps is the page's own state (function,
// direction, steps, the chosen run's optimizer and hyperparameters), sent on every recompute;
// the panel skips requests that would not change the map.

#include "pages/landscape/landscape_page.h"

#include "controls/param_slider.h"
#include "pages/landscape/basin_panel.h"
#include "views/landscape_view.h"

#include <qcustomplot.h>

#include <cmath>

namespace gs::app {

void LandscapePage::updateBasins() {
    if (!basins_ || !f_ || holdRecompute_) return;
    QStringList names;
    for (const auto& r : runs_)
        names << r->name;
    basins_->setRunNames(names);
    const BasinSettings s = basins_->settings();
    if (!s.show) {
        basins_->clear();
        return;
    }
    if (s.run >= optimizerCount()) {
        basins_->clear(tr("No basin map: there is no run %1.").arg(s.run + 1));
        return;
    }
    const Run& r = *runs_[size_t(s.run)];
    BasinMapSettings m;
    m.optimizer = r.run->optimizer->key();
    for (const HyperParam& p : r.run->optimizer->hyperParams())
        m.hyperParams.emplace_back(p.key, r.run->optimizer->get(p.key));
    // Every start on view: the visible region (zoomed, panned, or widened to the map's aspect).
    const QCPRange xr = view_->plot()->xAxis->range(), yr = view_->plot()->yAxis->range();
    m.box =
        Box{(Vec(2) << xr.lower, yr.lower).finished(), (Vec(2) << xr.upper, yr.upper).finished()};
    m.rules.maxSteps = static_cast<int>(std::lround(steps_->value()));
    m.rules.gradientTol = 1e-8; // as the page's own runs
    // Ascent is descent on −f, as for the runs; its maxima are then the attractors.
    const ObjectivePtr objective = direction_ == Scene::Direction::Ascent
                                       ? std::make_shared<NegatedObjective>(f_)
                                       : ObjectivePtr(f_);
    basins_->request(objective, m, view_->draft(), r.name);
}

} // namespace gs::app

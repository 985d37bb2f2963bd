// LandscapePage's lower tabs: the loss panel and the state over time, both linked to playback; a
// step hovered in the state panel is ringed on the map.

#include "pages/landscape/landscape_page.h"

#include "controls/playback_bar.h"
#include "plot/path_plottable.h"
#include "views/landscape_view.h"
#include "views/loss_view.h"
#include "views/state_view.h"

#include <QTabWidget>

namespace gs::app {

QWidget* LandscapePage::createLowerTabs() {
    // Tabs, not a third stacked panel: at 1024 × 768 on a projector the map needs the height.
    state_ = new StateView(this);
    lowerTabs_ = new QTabWidget(this);
    lowerTabs_->setDocumentMode(true);
    // Tabs on the side: the map is short of height on a projector, not of width.
    lowerTabs_->setTabPosition(QTabWidget::West);
    lowerTabs_->setFocusPolicy(Qt::NoFocus);
    lowerTabs_->addTab(loss_, tr("Loss"));
    lowerTabs_->addTab(state_, tr("State"));
    lowerTabs_->setTabToolTip(1, tr("An optimizer's inner state (velocity, accumulated squares, "
                                    "moments, effective rate) over the steps"));
    connect(state_, &StateView::stepPicked, playback_, &PlaybackBar::setIndex);
    connect(state_, &StateView::stepHovered, this, [this](int run, int k) {
        for (int i = 0; i < optimizerCount(); ++i)
            path(i)->setHighlight(i == run ? k : -1);
        view_->replotPaths();
    });
    return lowerTabs_;
}

void LandscapePage::updateStatePanel() {
    QVector<StateView::Run> runs;
    for (const auto& r : runs_)
        runs << StateView::Run{r->name, style_.pathColor(r->colorIndex), r->run->trajectory};
    state_->setRuns(std::move(runs));
}

} // namespace gs::app

#include "pages/landscape/landscape_surface.h"

#include "plot/plot_paint.h"
#include "views/landscape_view.h"
#include "views/surface_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QSignalBlocker>
#include <QSplitter>

#include <algorithm>

namespace gs::app {

LandscapeSurface::LandscapeSurface(LandscapeView* map, QWidget* parent)
    : QObject(parent), map_(map) {
    splitter_ = new QSplitter(Qt::Horizontal, parent);
    splitter_->setChildrenCollapsible(false);
    surface_ = new SurfaceView(splitter_);
    splitter_->addWidget(map_);
    splitter_->addWidget(surface_);
    surface_->hide();
    modeBox_ = new QComboBox(parent);
    modeBox_->addItems({tr("map"), tr("surface (3D)"), tr("map and surface")});
    modeBox_->setToolTip(tr("The map, the function as a 3D surface (drag to orbit, wheel to "
                            "zoom), or both side by side"));
    modeBox_->setFocusPolicy(Qt::NoFocus);
    connect(modeBox_, &QComboBox::currentIndexChanged, this,
            [this](int i) { setMode(Mode(std::clamp(i, 0, 2))); });
    // A drag on the map (a start, a slider) is a drag on the surface too: both draw in draft.
    connect(map_, &LandscapeView::draftChanged, surface_, &SurfaceView::setDraft);
}

QWidget* LandscapeSurface::widget() const {
    return splitter_;
}

void LandscapeSurface::setMode(Mode mode) {
    mode_ = mode;
    {
        const QSignalBlocker block(modeBox_);
        modeBox_->setCurrentIndex(int(mode));
    }
    map_->setVisible(mode != Mode::Surface);
    surface_->setVisible(mode != Mode::Map);
    if (mode == Mode::Both) {
        const int w = std::max(2, splitter_->width());
        splitter_->setSizes({w / 2, w - w / 2});
    }
}

void LandscapeSurface::setObjective(const ObjectivePtr& f) {
    surface_->setObjective(f);
}

void LandscapeSurface::setStyle(const PlotStyle& style) {
    surface_->setStyle(style);
}

void LandscapeSurface::setTitle(const QString& title) {
    surface_->setTitle(title);
}

void LandscapeSurface::setPaths(const QVector<SurfacePath>& paths) {
    surface_->setPaths(paths);
}

void LandscapeSurface::setStep(int step) {
    surface_->setCurrentStep(step);
}

void LandscapeSurface::setDraft(bool on) {
    surface_->setDraft(on);
}

void LandscapeSurface::paintPicture(QCPPainter& painter, const QRect& rect) {
    if (mode_ != Mode::Both) {
        surface_->render(painter, rect);
        return;
    }
    // Side by side, as on screen: the map through QCustomPlot's own painter path (vector in SVG
    // and PDF), the surface beside it.
    const QRect left(rect.topLeft(), QSize(rect.width() / 2, rect.height()));
    const QRect right(QPoint(left.right() + 1, rect.top()),
                      QSize(rect.width() - left.width(), rect.height()));
    paintPlot(*map_->plot(), painter, left);
    surface_->render(painter, right);
}

} // namespace gs::app

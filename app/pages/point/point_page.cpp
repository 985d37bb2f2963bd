#include "pages/point/point_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "plot/field_map.h"
#include "plot/plot_fit.h"
#include "plot/plot_title.h"
#include "plot/surface_element.h"
#include "scene/function_source.h"

#include <qcustomplot.h>

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>
#include <numbers>

namespace gs::app {

namespace {
constexpr double kTopShare = 0.58; // of the body's height: the surface and the map
} // namespace

PointPage::PointPage(QString key, QWidget* parent) : Page(parent), key_(std::move(key)) {
    plot_ = new QCustomPlot(this);
    plot_->setMinimumSize(300, 200);
    plot_->legend->setVisible(false);
    plot_->setAntialiasedElements(QCP::aeAll);
    // The body below the title: the surface and the map on top, the lesson's panels under them.
    QCPAxisRect* mapRect = plot_->axisRect();
    plot_->plotLayout()->take(mapRect);
    plot_->plotLayout()->simplify();
    body_ = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, 0, body_);
    top_ = new QCPLayoutGrid;
    body_->addElement(0, 0, top_);
    surface_ = new SurfaceElement(plot_);
    top_->addElement(0, 0, surface_);
    top_->addElement(0, 1, mapRect);
    top_->setColumnSpacing(8);
    side_ = new QCPLayoutGrid;
    body_->addElement(1, 0, side_);
    side_->setColumnSpacing(16);
    body_->setRowStretchFactors({kTopShare, 1 - kTopShare});
    body_->setRowSpacing(4);
    map_ = new FieldMap(plot_, mapRect);
    marker_ = plot_->addGraph(map_->xAxis(), map_->yAxis());
    marker_->setLineStyle(QCPGraph::lsNone);
    marker_->removeFromLegend();
    fitBeforeReplot(*plot_, &style_, this);

    picker_ = new FunctionPicker(2, Qt::Horizontal, this);
    x0_ = new ParamSlider(tr("Point x₀"), {-3, 3, false, 3}, 0, this);
    y0_ = new ParamSlider(tr("Point y₀"), {-3, 3, false, 3}, 0, this);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controlsBox_ = new QWidget(this);
    controls_ = new QGridLayout(controlsBox_);
    controls_->setContentsMargins(0, 0, 0, 0);
    controls_->addWidget(picker_, 0, 0, 1, -1); // across every column a page adds
    controls_->addWidget(x0_, 1, 0);
    controls_->addWidget(y0_, 1, 1);
    controls_->setColumnStretch(0, 1);
    controls_->setColumnStretch(1, 1);
    controls_->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(plot_, 1);
    layout->addWidget(readout_);
    layout->addWidget(controlsBox_);
    addPicture(QStringLiteral("surface"), tr("3D surface"), plot_, surface_, body_);
    addPicture(QStringLiteral("map"), tr("Map"), plot_, mapRect, body_);
    keepWithFocus(readout_);
    // Where the grid of four would give the panels' row less than a picture's minimum (on a
    // projector), two pictures at a time: the surface and the map, or the panels.
    addPictureGroups(
        plot_,
        [this] {
            QStringList top, rest;
            const QVector<PictureInfo> shown = pictures();
            for (int i = 0; i < shown.size(); ++i)
                (i < 2 ? top : rest) << shown[i].title;
            return QVector<PictureGroup>{{top.join(QStringLiteral(" · ")), top_},
                                         {rest.join(QStringLiteral(" · ")), side_}};
        },
        [this](QSize size) {
            const int title = title_ ? title_->outerRect().height() : 0;
            // The bottom row's plots lose their own title line and an axis (ticks and label) of
            // their allotment: what is left is the picture kMinPicture is about.
            const int overhead = 3 * QFontMetrics(style_.font(font(), 1.0)).height();
            return style_.scale > 1 &&
                   (size.height() - title) * (1 - kTopShare) - overhead < PlotStyle::kMinPicture;
        });
    // The map wants a square: its column gets about the top row's height, the surface the rest.
    connect(plot_, &QCustomPlot::beforeReplot, this, [this] {
        if (top_->columnCount() != 2) return; // one of them focused
        // Before the layout, so estimated: the title and the axes take about a tenth. The
        // widget's size, not the viewport's: a hidden plot resized for an export has its old
        // viewport until it is drawn.
        // The top row's share of the body: all of it while the panels are out of the layout
        // (two pictures at a time on a narrow screen), less the title and the map's axes.
        const double w = plot_->width();
        const double h =
            side_->layout() ? 0.9 * kTopShare * plot_->height() : 0.78 * plot_->height();
        if (w > 0 && h > 0) top_->setColumnStretchFactors({std::max(w - h, 0.8 * h), h});
    });

    connect(x0_, &ParamSlider::valueChanged, this, [this] { update(); });
    connect(y0_, &ParamSlider::valueChanged, this, [this] { update(); });
    connect(plot_, &QCustomPlot::mousePress, this, &PointPage::mousePress);
    connect(plot_, &QCustomPlot::mouseMove, this, &PointPage::mouseMove);
    connect(plot_, &QCustomPlot::mouseRelease, this, &PointPage::mouseRelease);
    connect(picker_, &FunctionPicker::catalogPicked, this,
            [this](const QString& k) { applyScene(withCatalogFunction(scene(), k)); });
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                scene_.start.clear();
                showFunction(f);
            });
}

void PointPage::addPanelPicture(const QString& key, const QString& title, QCPLayoutElement* panel) {
    addPicture(key, title, plot_, panel, body_);
}

void PointPage::setSidePanelVisible(bool visible) {
    controlsBox_->setVisible(visible); // the point still follows a click or a drag on the map
}

void PointPage::showInitialScene(const Scene& scene) {
    setStyle(style_);
    applyScene(scene);
}

QString PointPage::applyScene(const Scene& s) {
    if (s.page != key_) return tr("this scene is not for the %1 page").arg(key_);
    const ResolvedFunction fn = resolveSceneFunction(s, 2);
    if (!fn.objective) return fn.error;
    scene_ = s;
    readSettings(s.settings);
    title_ = updatePlotTitle(*plot_, title_, s.title, style_, font());
    showFunction(fn.objective);
    return {};
}

void PointPage::showFunction(const ObjectivePtr& f) {
    f_ = f;
    const Box box = sceneViewBox(scene_, *f);
    map_->setObjective(f, box);
    surface_->setObjective(*f, box);
    const Vec& fallback = f->info().defaultStart;
    const Vec at = scene_.start.size() == 2
                       ? (Vec(2) << scene_.start[0], scene_.start[1]).finished()
                   : fallback.size() == 2 ? fallback
                                          : box.center();
    {
        const QSignalBlocker bx(x0_), by(y0_);
        x0_->setRangeAndValue({box.lo[0], box.hi[0], false, 3}, at[0]);
        y0_->setRangeAndValue({box.lo[1], box.hi[1], false, 3}, at[1]);
    }
    picker_->showFunction(scene_.catalog, scene_.formula, *f);
    // Look at the surface from p's side, so what is drawn at p is in front of the hills (a point
    // near the middle keeps the usual view).
    const Vec c = box.center(), d = at - c;
    const double extent = (box.hi - box.lo).norm();
    SurfaceCamera camera;
    if (d.norm() > 0.1 * extent) camera.azimuth = std::atan2(d[1], d[0]) * 180 / std::numbers::pi;
    surface_->renderer().setCamera(camera);
    functionChanged();
    update();
}

Scene PointPage::scene() const {
    Scene s = scene_;
    const QPointF at = point();
    s.page = key_;
    s.start = {at.x(), at.y()};
    s.settings = settings();
    s.step = -1;
    return s;
}

void PointPage::setStyle(const PlotStyle& style) {
    style_ = style;
    style_.apply(*plot_, font());
    map_->setStyle(style_, font());
    surface_->renderer().setStyle(style_);
    surface_->renderer().setFont(font());
    marker_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 2.2 * style_.scale),
                        QBrush(QColor(0, 0, 0, 150)), style_.markerSize() * 1.9));
    if (title_) title_ = updatePlotTitle(*plot_, title_, plotTitleText(*title_), style_, font());
    restyle();
    if (f_) update();
}

QPointF PointPage::point() const {
    return {x0_->value(), y0_->value()};
}

Vec PointPage::p() const {
    return (Vec(2) << x0_->value(), y0_->value()).finished();
}

void PointPage::setPoint(QPointF at) {
    {
        const QSignalBlocker bx(x0_), by(y0_); // one update for both
        x0_->setValue(at.x());
        y0_->setValue(at.y());
    }
    update();
}

void PointPage::mousePress(QMouseEvent* event) {
    const QPointF pixel = event->position();
    if (!f_ || !map_->contains(pixel)) return;
    drag_ = grab(pixel) ? Drag::Own : Drag::Point;
    if (drag_ == Drag::Point) setPoint(map_->toCoords(pixel));
}

void PointPage::mouseMove(QMouseEvent* event) {
    if (drag_ == Drag::None) return;
    const QPointF at = map_->toCoords(event->position());
    if (drag_ == Drag::Own)
        dragTo(at);
    else
        setPoint(at);
}

void PointPage::mouseRelease(QMouseEvent*) {
    drag_ = Drag::None;
}

} // namespace gs::app

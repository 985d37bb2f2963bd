#include "views/decision_regions_view.h"

#include "plot/fresh_layout.h"
#include "plot/plot_fit.h"
#include "plot/plot_title.h"
#include "plot/regions_plottable.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace gs::app {

namespace {
const char* kRegionsLayer = "regions";
}

DecisionRegionsView::DecisionRegionsView(int panels, QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setAntialiasedElements(QCP::aeAll);
    plot_->setNoAntialiasingOnDrag(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    // The regions sit on their own buffered layer under the grid and points.
    plot_->addLayer(QString::fromLatin1(kRegionsLayer), plot_->layer(QStringLiteral("grid")),
                    QCustomPlot::limBelow);
    plot_->layer(QString::fromLatin1(kRegionsLayer))->setMode(QCPLayer::lmBuffered);

    // The plot's own axis rect (which holds the legend) becomes the first panel.
    QCPAxisRect* first = plot_->axisRect();
    plot_->plotLayout()->take(first);
    plot_->plotLayout()->simplify();
    row_ = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, 0, row_);
    for (int p = 0; p < std::max(1, panels); ++p) {
        Panel panel;
        panel.rect = p == 0 ? first : new QCPAxisRect(plot_);
        auto* column = new QCPLayoutGrid;
        row_->addElement(0, p, column);
        panel.title = new QCPTextElement(plot_, QString());
        column->addElement(0, 0, panel.title);
        column->addElement(1, 0, panel.rect);
        column->setRowSpacing(0);
        panel.regions = new RegionsPlottable(panel.rect->axis(QCPAxis::atBottom),
                                             panel.rect->axis(QCPAxis::atLeft));
        panel.regions->setLayer(QString::fromLatin1(kRegionsLayer));
        panel.regions->removeFromLegend();
        for (QCPAxis* axis : panel.rect->axes())
            axis->grid()->setVisible(false);
        panels_ << panel;
        grids_ << learn::DecisionGrid{};
    }
    layOutFreshBeforeReplot(*plot_);
    fitBeforeReplot(*plot_, &style_, this);
    restyle();
}

QCPAxisRect* DecisionRegionsView::panel(int i) const {
    return panels_[i].rect;
}

const QImage& DecisionRegionsView::regionsImage(int panel) const {
    return panels_[panel].regions->image();
}

QColor DecisionRegionsView::classColor(int k) const {
    static constexpr std::array<QRgb, 6> colors = {0x0072B2, 0xE69F00, 0x009E73,
                                                   0xCC79A7, 0xD55E00, 0x56B4E9};
    return QColor::fromRgb(colors[static_cast<std::size_t>(k) % colors.size()]);
}

QImage DecisionRegionsView::regionsImage(const learn::DecisionGrid& grid,
                                         const QVector<QColor>& classColors,
                                         const QColor& background) {
    const int nx = grid.box.nx, ny = grid.box.ny;
    QImage image(nx, ny, QImage::Format_RGB32);
    if (grid.label.size() != static_cast<Eigen::Index>(nx) * ny || classColors.isEmpty()) {
        image.fill(background);
        return image;
    }
    // A lookup of 64 shades per class: the class colour mixed into the background with weight
    // 0.15 (a tie) to 0.6 (certain), so the boundary reads as a soft pale seam.
    constexpr int kShades = 64;
    const int classes = std::max(2, grid.classes);
    QVector<QRgb> lut(classColors.size() * kShades);
    for (int k = 0; k < classColors.size(); ++k)
        for (int s = 0; s < kShades; ++s) {
            const double a = 0.15 + 0.45 * s / (kShades - 1.0);
            const QColor c = classColors[k];
            lut[k * kShades + s] = qRgb(int(background.red() * (1 - a) + c.red() * a),
                                        int(background.green() * (1 - a) + c.green() * a),
                                        int(background.blue() * (1 - a) + c.blue() * a));
        }
    const float tie = 1.0f / classes, span = 1.0f - tie;
    for (int j = 0; j < ny; ++j) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(ny - 1 - j)); // top row: largest y
        for (int i = 0; i < nx; ++i) {
            const int c = j * nx + i;
            const int k = std::clamp(grid.label[c], 0, int(classColors.size()) - 1);
            const float t = std::clamp((grid.confidence[c] - tie) / span, 0.0f, 1.0f);
            line[i] = lut[k * kShades + int(t * (kShades - 1) + 0.5f)];
        }
    }
    return image;
}

void DecisionRegionsView::setData(const learn::Dataset& data) {
    data_ = data;
    showPoints();
}

void DecisionRegionsView::showPoints() {
    for (Panel& p : panels_) {
        while (p.points.size() < data_.classes) {
            QCPGraph* g =
                plot_->addGraph(p.rect->axis(QCPAxis::atBottom), p.rect->axis(QCPAxis::atLeft));
            g->setLineStyle(QCPGraph::lsNone);
            g->removeFromLegend(); // the colours speak for the classes
            p.points << g;
        }
        for (int k = 0; k < p.points.size(); ++k) {
            QVector<double> xs, ys;
            for (int i = 0; i < data_.size(); ++i)
                if (data_.labels[i] == k && data_.dimension() >= 2) {
                    xs << data_.features(0, i);
                    ys << data_.features(1, i);
                }
            p.points[k]->setData(xs, ys);
            p.points[k]->setVisible(k < data_.classes);
        }
    }
    restyle();
}

void DecisionRegionsView::setBox(const learn::GridBox& box) {
    box_ = box;
    for (Panel& p : panels_) {
        p.rect->axis(QCPAxis::atBottom)->setRange(box.x0, box.x1);
        p.rect->axis(QCPAxis::atLeft)->setRange(box.y0, box.y1);
    }
}

void DecisionRegionsView::setRegions(int panel, const learn::DecisionGrid& grid) {
    grids_[panel] = grid;
    QVector<QColor> colors;
    for (int k = 0; k < std::max(grid.classes, 1); ++k)
        colors << classColor(k);
    panels_[panel].regions->setImage(
        regionsImage(grid, colors, style_.background()),
        QRectF(grid.box.x0, grid.box.y0, grid.box.x1 - grid.box.x0, grid.box.y1 - grid.box.y0));
    plot_->layer(QString::fromLatin1(kRegionsLayer))->replot();
}

void DecisionRegionsView::clearRegions(int panel) {
    grids_[panel] = {};
    panels_[panel].regions->clear();
}

void DecisionRegionsView::setPanelTitle(int panel, const QString& title) {
    panels_[panel].title->setText(title);
}

void DecisionRegionsView::setTitle(const QString& title) {
    title_ = updatePlotTitle(*plot_, title_, title, style_, font());
}

void DecisionRegionsView::replot() {
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionRegionsView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    for (int p = 0; p < panelCount(); ++p)
        if (grids_[p].classes > 0) setRegions(p, grids_[p]);
    if (title_) setTitle(plotTitleText(*title_));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionRegionsView::restyle() {
    style_.apply(*plot_, font());
    for (Panel& p : panels_) {
        p.title->setFont(style_.font(font(), 1.0));
        p.title->setTextColor(style_.foreground());
        for (int k = 0; k < p.points.size(); ++k) {
            // A dark casing (light on the dark theme) keeps each point readable on the pale
            // region of its own class.
            const QColor casing = style_.dark ? QColor(235, 235, 235) : QColor(30, 30, 30);
            p.points[k]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                         QPen(casing, 0.9 * style_.scale),
                                                         classColor(k), style_.markerSize()));
        }
    }
}

} // namespace gs::app

#pragma once
// The picture of a function of two variables: a viridis heat map with a color scale, isolines,
// the gradient field, known optima as stars, any number of descent paths and the step
// inspector's arrows with their key in the legend. The field sits on its own buffered layer and
// the paths on another, so a moving path replots one layer only. The field is sampled over what
// is visible: after a zoom, a pan or a resize it is sampled again (once a drag is released, and
// once a burst of wheel steps is over, so panning stays as fast as before).

#include "field/levels.h"
#include "objective/objective.h"
#include "plot/plot_style.h"
#include "plot/vector_field_plottable.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPAbstractLegendItem;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemLine;
class QCPLayer;
class QCPTextElement;
class QTimer;

namespace gs::app {

class IsolinePlottable;
class PathPlottable;

class LandscapeView : public QWidget {
    Q_OBJECT
public:
    enum class ArrowMode { Off, Scaled, Normalized };
    /// How values map to colors: linearly, or f − min on a log scale (valleys like Rosenbrock's).
    enum class ColorScale { Linear, Log };
    /// An arrow of the step inspector, in plot coordinates, with its name for the legend.
    struct StepArrow {
        QPointF from, to;
        QColor color;
        bool dashed = false;
        QString label;
    };

    explicit LandscapeView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// Shows f over its view box: heat map, isolines, arrows and optima.
    void setObjective(const ObjectivePtr& f);
    /// Isoline levels, linear or log-spaced; the colors do not change.
    void setLevelSpacing(LevelSpacing spacing);
    LevelSpacing levelSpacing() const { return spacing_; }
    /// Color scale of the heat map; the isolines do not change.
    void setColorScale(ColorScale scale);
    ColorScale colorScaleType() const { return colorScaleType_; }
    void setArrowMode(ArrowMode mode);
    /// Field arrows along ∇f (uphill) or −∇f (downhill).
    void setFieldUphill(bool on);
    /// Which known optima are starred: the minima (descent) or the maxima (ascent).
    void setOptimumKind(Optimum::Kind kind);
    void setEqualAspect(bool on);
    void setIsolinesVisible(bool on);
    /// A title above the map; empty removes it.
    void setTitle(const QString& title);
    /// Back to the objective's view box.
    void resetView();
    /// Shows `region` with a margin around it (and the equal aspect, when on, by widening).
    void fitTo(const QRectF& region);
    /// The region the field was last sampled over (the view then, and a small margin), in plot
    /// coordinates.
    QRectF sampledRegion() const { return sampled_; }
    /// Resolution of the heat map and isolines (samples per side).
    void setResolution(int n) { resolution_ = n; }

    PathPlottable* addPath(const QColor& color, const QString& name);
    void removePath(PathPlottable* path);
    int pathCount() const { return static_cast<int>(paths_.size()); }
    /// Where the start point is, so a drag that begins on it moves it instead of panning.
    void setStart(QPointF start) { start_ = start; }
    /// The own start of the run the inspector shows, if it has one: a drag that begins on it
    /// moves that run's start only.
    void setOwnStart(std::optional<QPointF> start) { ownStart_ = start; }
    void setStepArrows(const QVector<StepArrow>& arrows);
    /// Draft quality while the user drags (a start point or a slider): paths are drawn without
    /// antialiasing, which halves their cost; leaving draft redraws them at full quality.
    void setDraft(bool on);
    bool draft() const { return draft_; }
    /// Redraws the paths layer only (paths, inspector arrows): the cheap update while dragging.
    void replotPaths();

    QCustomPlot* plot() const { return plot_; }
    QCPColorMap* colorMap() const { return colorMap_; }
    IsolinePlottable* isolines() const { return isolines_; }
    VectorFieldPlottable* field() const { return field_; }
    QCPLayer* fieldLayer() const;
    QCPLayer* pathsLayer() const;

Q_SIGNALS:
    /// A click on the map, or a drag that began on the start point, asks to move the start here.
    void startPicked(QPointF at);
    /// A Shift+click, or a drag that began on the chosen run's own start, asks to give that run
    /// its own start here.
    void ownStartPicked(QPointF at);
    /// Draft quality began or ended (a drag started or finished).
    void draftChanged(bool on);
    /// The field was sampled again over a new region on view (never while the mouse is down).
    void viewResampled();

private:
    void sampleField();
    /// Samples the field again when the axes moved and the user is not in the middle of a drag
    /// or a burst of wheel steps; called before every full replot.
    void followView();
    bool viewSampled() const;
    void showOptima();
    void showView(const QRectF& region);
    QRectF visibleRegion() const;
    void updateArrowKey(const QVector<StepArrow>& arrows);
    void restyle();
    void applyAspect();
    void onPress(QMouseEvent* e);
    void onMove(QMouseEvent* e);
    void onRelease(QMouseEvent* e);
    QPointF toCoords(QPointF pixel) const;

    QCustomPlot* plot_;
    QCPColorMap* colorMap_;
    QCPColorScale* colorScale_;
    IsolinePlottable* isolines_;
    VectorFieldPlottable* field_;
    QCPGraph* optima_;
    QVector<PathPlottable*> paths_;
    QVector<QCPItemLine*> stepArrows_;
    QVector<QCPAbstractLegendItem*> arrowKey_;
    QStringList arrowKeyText_; // what arrowKey_ shows, to rebuild it only when it changes
    QVector<StepArrow> arrowKeyShown_;
    QTimer* wheelPause_; // runs while wheel steps come in: the field waits for the last
    QCPTextElement* title_ = nullptr;
    ObjectivePtr f_;
    PlotStyle style_;
    LevelSpacing spacing_ = LevelSpacing::Linear;
    ColorScale colorScaleType_ = ColorScale::Linear;
    Optimum::Kind optimumKind_ = Optimum::Kind::Minimum;
    QRectF sampled_;   // where the field was sampled
    QRectF wanted_;    // what the view was asked to show (the box, a fit, a pan); a resize keeps it
    QSize aspectSize_; // the plot's size when the equal aspect was last applied
    ArrowMode arrowMode_ = ArrowMode::Normalized;
    bool equalAspect_ = false;
    bool draft_ = false;
    int resolution_ = 240;
    QPointF start_;
    std::optional<QPointF> ownStart_;
    QPointF pressPos_;
    bool pressed_ = false;
    bool draggingStart_ = false;
    bool draggingOwn_ = false; ///< the drag (or Shift+click) moves the chosen run's own start
};

} // namespace gs::app

#pragma once
// The picture of a function of two variables: a viridis heat map with a color scale, isolines,
// the downhill field, known optima as stars, any number of descent paths and the step
// inspector's arrows. The field sits on its own buffered layer and the paths on another, so a
// moving path replots one layer only.

#include "field/levels.h"
#include "objective/objective.h"
#include "plot/plot_style.h"
#include "plot/vector_field_plottable.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemLine;
class QCPLayer;
class QCPTextElement;

namespace gs::app {

class IsolinePlottable;
class PathPlottable;

class LandscapeView : public QWidget {
    Q_OBJECT
public:
    enum class ArrowMode { Off, Scaled, Normalized };
    /// An arrow of the step inspector, in plot coordinates.
    struct StepArrow {
        QPointF from, to;
        QColor color;
        bool dashed = false;
    };

    explicit LandscapeView(QWidget* parent = nullptr);

    void setStyle(const PlotStyle& style);
    /// Samples f over its view box; redraws heat map, isolines, arrows and optima; resets the view.
    void setObjective(const ObjectivePtr& f);
    void setLevelSpacing(LevelSpacing spacing);
    LevelSpacing levelSpacing() const { return spacing_; }
    void setArrowMode(ArrowMode mode);
    void setEqualAspect(bool on);
    void setIsolinesVisible(bool on);
    /// A title above the map; empty removes it.
    void setTitle(const QString& title);
    /// Back to the objective's view box.
    void resetView();
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

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildField();
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
    QCPTextElement* title_ = nullptr;
    ObjectivePtr f_;
    PlotStyle style_;
    LevelSpacing spacing_ = LevelSpacing::Linear;
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

#pragma once
// The common frame of the lessons on functions of two variables that stand at one point
// p = (x₀, y₀): the surface z = f(x, y) in 3D (drag to orbit) and a map of f (drag p on it, or use
// the two sliders) above the lesson's panels, all in one plot (so an exported image holds the
// whole lesson); a line of numbers and the function picker under it. Each lesson page derives
// from it and draws what it teaches at p, on the surface, the map and its panels.

#include "objective/objective.h"
#include "pages/page.h"

#include <QJsonObject>
#include <QPointF>

class QCPGraph;
class QCPLayoutElement;
class QCPLayoutGrid;
class QCPTextElement;
class QGridLayout;
class QLabel;
class QMouseEvent;

namespace gs::app {

class FieldMap;
class SurfaceElement;
class FunctionPicker;
class ParamSlider;

class PointPage : public Page {
    Q_OBJECT
public:
    /// `key` is the page's registry key; scenes for other pages are refused.
    PointPage(QString key, QWidget* parent = nullptr);

    QString applyScene(const Scene& scene) override;
    Scene scene() const override;
    void setStyle(const PlotStyle& style) override;
    QCustomPlot* plot() const override { return plot_; }
    /// The function, the point's sliders and the page's own switches, under the pictures.
    bool hasSidePanel() const override { return true; }
    void setSidePanelVisible(bool visible) override;

    /// The point p the lesson stands at.
    QPointF point() const;
    void setPoint(QPointF p);
    const ObjectivePtr& objective() const { return f_; }
    FieldMap* map() const { return map_; }
    /// The 3D surface beside the map (part of the plot, so exports hold it).
    SurfaceElement* surface() const { return surface_; }
    QLabel* readout() const { return readout_; }

protected:
    /// Calls the derived page's first applyScene (the constructor cannot: it is virtual).
    void showInitialScene(const Scene& scene);
    /// The page's own section of the scene: read (bad values fall back to defaults) and written.
    virtual void readSettings(const QJsonObject& section) = 0;
    virtual QJsonObject settings() const = 0;
    /// A new function is shown (f_ and the map are set): resample what depends on f only.
    virtual void functionChanged() {}
    /// Redraw everything that depends on p (and the page's own controls), then replot.
    virtual void update() = 0;
    /// Colors and sizes after a style change.
    virtual void restyle() {}
    /// A press on the map at `pixel`: true when the page takes the drag itself (an arrow's tip);
    /// otherwise p follows the mouse.
    virtual bool grab(QPointF pixel) {
        (void)pixel;
        return false;
    }
    virtual void dragTo(QPointF coords) { (void)coords; }

    /// The grid under the surface and the map where the panels go (one row, a column each).
    QCPLayoutGrid* side() const { return side_; }
    /// A panel of side() as a picture that focus can enlarge to the whole plot.
    void addPanelPicture(const QString& key, const QString& title, QCPLayoutElement* panel);
    /// The controls grid under the plot: row 0 holds the picker, row 1 the point's sliders.
    QGridLayout* controls() const { return controls_; }
    /// The point's marker on the map.
    QCPGraph* marker() const { return marker_; }
    const PlotStyle& style() const { return style_; }
    /// A surface overlay's entry in the surface's key: `text` on a desk, none on a projector,
    /// where the surface's cell is too small to spare the room (the lesson text names the colors).
    QString key(const QString& text) const { return style_.scale > 1 ? QString() : text; }
    Vec p() const;

private:
    void showFunction(const ObjectivePtr& f);
    void mousePress(QMouseEvent* event);
    void mouseMove(QMouseEvent* event);
    void mouseRelease(QMouseEvent* event);

    QString key_;
    ObjectivePtr f_;
    Scene scene_;
    PlotStyle style_;
    QCustomPlot* plot_;
    FieldMap* map_;
    SurfaceElement* surface_;
    QCPLayoutGrid* body_; // under the title: the surface and the map, the panels under them
    QCPLayoutGrid* top_;  // the surface and the map
    QCPLayoutGrid* side_;
    QCPGraph* marker_;
    QCPTextElement* title_ = nullptr;
    FunctionPicker* picker_;
    ParamSlider* x0_;
    ParamSlider* y0_;
    QLabel* readout_;
    QWidget* controlsBox_; // holds controls_, hidden by setSidePanelVisible()
    QGridLayout* controls_;
    enum class Drag { None, Point, Own } drag_ = Drag::None;
};

} // namespace gs::app

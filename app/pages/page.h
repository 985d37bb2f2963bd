#pragma once
// The page interface: what every page offers the window, the renderer and the command line. A page
// shows a scene and describes its state as a scene; it has a main plot (exported as an image).
// Playback, runs and a table of its own numbers are optional: a page without animation returns no
// playback bar, and the window and the exporter make do without.

#include "pages/picture_focus.h"
#include "plot/plot_style.h"
#include "run/trajectory.h"
#include "scene/scene.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPLayoutElement;
class QCPLayoutGrid;
class QCPPainter;
class QCustomPlot;

namespace gs::app {

class PlaybackBar;

/// A run as recorded, with what is needed to report it in the function's own terms.
struct RunView {
    QString optimizer; ///< registry key
    const Trajectory* trajectory;
    double sign = 1.0; ///< −1 when the run climbed (ascent is descent on −f)
};

/// Numbers behind a picture, for CSV: a header and rows of already formatted cells.
struct Table {
    QStringList header;
    QVector<QStringList> rows;
    bool empty() const { return header.isEmpty(); }
};

class Page : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows `scene`; on error returns a one-line reason and leaves the page as it was.
    virtual QString applyScene(const Scene& scene) = 0;
    /// The page's current state as a scene (sliders, runs, step, settings).
    virtual Scene scene() const = 0;
    virtual void setStyle(const PlotStyle& style) = 0;
    /// The main plot, for image export.
    virtual QCustomPlot* plot() const = 0;
    /// The playback bar; null for a page without animation.
    virtual PlaybackBar* playback() const { return nullptr; }
    /// The recorded runs (for the step CSV); none for a page without runs.
    virtual QVector<RunView> runs() const { return {}; }
    /// The numbers behind the picture when they are not runs (a lesson's samples, say); empty
    /// means the CSV lists the runs.
    virtual Table table() const { return {}; }
    /// True when the page's picture is not plot() alone (a 3D surface, or a map and a surface side
    /// by side): image export then draws it with paintPicture.
    virtual bool paintsPicture() const { return false; }
    /// The size of the picture as shown, what an image export proposes: the main plot's, or the
    /// whole picture's for a page that paints one.
    virtual QSize pictureSize() const;
    /// Paints the picture into `rect`; a QCPPainter, so a QCustomPlot can draw into it too.
    virtual void paintPicture(QCPPainter& painter, const QRect& rect) {
        Q_UNUSED(painter);
        Q_UNUSED(rect);
    }
    /// Finishes any background work (a training run) at full speed and shows where it ends, so a
    /// headless render draws the final state; pages without background work do nothing.
    virtual void finishWork() {}
    /// Zooms the view out (or in) so every point of every visible run is in the picture; false
    /// for a page without runs.
    virtual bool fitToRuns() { return false; }
    /// True for a page whose settings sit in a panel beside its pictures, which it can hide to
    /// give them the room (View > Controls Panel, for a projector).
    virtual bool hasSidePanel() const { return false; }
    virtual void setSidePanelVisible(bool visible) { Q_UNUSED(visible); }

    /// The pictures a page shows side by side, any of which focus can enlarge to the whole page
    /// (View > Focus, keys 1–4, a double click); none for a page of one picture.
    QVector<PictureInfo> pictures() const;
    /// The focused picture's key; empty when every picture shows.
    QString focusedPicture() const;
    /// Focuses picture `key`, or shows every picture for an empty key; false for another key.
    bool focusPicture(const QString& key);
    /// Shows `scene` (applyScene) and focuses the picture it names for a projector or a desk
    /// (setPresentation); on error returns a one-line reason.
    QString showScene(const Scene& scene);
    /// The page's scene() with its focus: the one shown for the current kind of screen, and the
    /// scene's own for the other.
    Scene sceneShown() const;
    /// Presentation mode on or off: the focus follows the scene's for that kind of screen (what
    /// was focused on the other is kept for when it comes back).
    void setPresentation(bool on);

Q_SIGNALS:
    /// After the focused picture changed (`key` is empty when every picture shows).
    void focusChanged(const QString& key);

    /// The page asks the window to show `scene` (on the page the scene names), e.g. a run picked
    /// in a sweep shown on the page it came from.
    void openSceneRequested(const gs::app::Scene& scene);

protected:
    /// Registers a picture: a widget of the page, or an element of a plot's layout focused
    /// within `root` (see PictureFocus).
    void addPicture(const QString& key, const QString& title, QWidget* picture);
    void addPicture(const QString& key, const QString& title, QCustomPlot* plot,
                    QCPLayoutElement* element, QCPLayoutGrid* root);
    /// A widget that stays while a picture is focused (the playback bar, the numbers line).
    void keepWithFocus(QWidget* widget);
    /// Pictures the page adds later (with its data): a scene may focus them already.
    void expectPictures(const QStringList& keys);
    /// On a narrow projector, `plot`'s pictures in groups shown one at a time (see
    /// PictureFocus::addGroups).
    void addPictureGroups(QCustomPlot* plot, std::function<QVector<PictureGroup>()> groups,
                          std::function<bool(QSize)> tooSmall);

private:
    PictureFocus* focus();

    PictureFocus* focus_ = nullptr;
    SceneFocus sceneFocus_;
    bool presentation_ = false;
};

} // namespace gs::app

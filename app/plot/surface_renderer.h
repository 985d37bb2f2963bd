#pragma once
// Draws a sampled function of two variables as a shaded 3D surface with QPainter (no OpenGL, so
// it renders offscreen and exports vector SVG/PDF): the mesh is projected once per camera, its
// faces and every overlay piece are sorted back to front (the painter's algorithm, as mplot3d),
// each face is filled with its viridis color shaded by Lambert's law from a fixed light. Around
// it: the box's back panes with grid lines, ticks and labels (x, y, f), a color bar, optional
// isolines on the floor, descent paths lifted a little above the surface, overlays.

#include "field/grid.h"
#include "plot/plot_style.h"
#include "plot/surface_overlay.h"
#include "plot/surface_projection.h"

#include <QBrush>
#include <QFont>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>
#include <vector>

class QPainter;

namespace gs::app {

class SurfaceRenderer {
public:
    /// The mesh: f sampled on a grid (core's sampleGrid); the box's z range follows its values.
    void setMesh(const Grid& grid);
    const Grid& mesh() const { return grid_; }
    void setCamera(const SurfaceCamera& camera) { camera_ = camera.normalized(); }
    const SurfaceCamera& camera() const { return camera_; }
    void setStyle(const PlotStyle& style) { style_ = style; }
    void setFont(const QFont& font) { font_ = font; }
    /// Paths are drawn up to step `current` (all of them when negative).
    void setPaths(const QVector<SurfacePath>& paths) { paths_ = paths; }
    void setCurrentStep(int current) { current_ = current; }
    void setOverlays(const QVector<SurfaceOverlay>& overlays) { overlays_ = overlays; }
    void setFloorIsolines(bool on) { floorIsolines_ = on; }
    /// Colors by f − min on a log scale (as the map's log colors), or linearly in f.
    void setLogColors(bool on);
    bool logColors() const { return logColors_; }
    void setTitle(const QString& title) { title_ = title; }
    /// Draft quality (while the user orbits): every second sample of the mesh, no antialiasing,
    /// no face outlines.
    void setDraft(bool on) { draft_ = on; }
    bool draft() const { return draft_; }

    /// The data box: the mesh's x, y range and its finite value range (never flat).
    SurfaceBox box() const { return box_; }
    /// Where the box is drawn inside `rect` (room left for the title, the color bar and labels).
    QRectF plotArea(const QRectF& rect) const;
    /// The projection used for `rect`.
    SurfaceProjection projection(const QRectF& rect) const;
    const PlotStyle& style() const { return style_; }
    /// The labels' font for a picture drawn in `rect` (`relative` to the tick labels'): the
    /// style's size, less in a small picture on a desk.
    QFont labelFont(const QRectF& rect, double relative = 1.0) const;
    /// Draws everything into `rect` of `painter`.
    void render(QPainter& painter, const QRectF& rect);
    /// Indices of the faces (j·(nx−1) + i for the cell at sample (i, j)) in the order the last
    /// render() drew them, back to front; for tests.
    const std::vector<int>& lastFaceOrder() const { return drawnFaces_; }

private:
    /// One depth-sorted piece: a face or a piece of an overlay or a path.
    struct Item {
        float depth;
        int index; ///< ≥ 0: a face; < 0: −1 − index into pieces_
    };
    /// How a piece is drawn: an overlay's or a path's pen, brush and marker size.
    struct PieceStyle {
        QPen pen;
        QBrush brush;
        double size = 0;
    };
    /// A piece of an overlay or a path, in pixels: its points are points_[first, first + count).
    struct Piece {
        enum Kind : unsigned char { Segment, Polygon, Marker, ArrowHead } kind;
        int style;
        int first, count;
    };
    /// One level of detail of the mesh: every `stride`-th sample (the last one always kept).
    struct MeshLevel {
        int stride = 1;
        std::vector<int> is, js;     // sample indices along x and y
        std::vector<QRgb> faceColor; // shaded color per face, (is.size()−1)·(js.size()−1)
        std::vector<char> faceValid; // false when a corner is not finite
        int facesX() const { return int(is.size()) - 1; }
    };

    void buildLevel(MeshLevel& level, int stride) const;
    void projectMesh(const SurfaceProjection& p, const MeshLevel& level);
    /// The largest depth of the drawn mesh's vertices within a cell of (x, y): what a path on the
    /// surface there must be drawn after.
    double surfaceDepthNear(const MeshLevel& level, double x, double y) const;
    void addPiece(Piece::Kind kind, int style, const QPointF* pts, int count, double depth);
    void collectPieces(const SurfaceProjection& p, const MeshLevel& level);
    void drawPiece(QPainter& painter, const Piece& piece) const;
    void drawPanes(QPainter& painter, const SurfaceProjection& p) const;
    void drawFloorIsolines(QPainter& painter, const SurfaceProjection& p) const;
    void drawAxisLabels(QPainter& painter, const SurfaceProjection& p) const;
    void drawColorBar(QPainter& painter, const QRectF& rect, const SurfaceProjection& p) const;
    void drawKey(QPainter& painter, const QRectF& area) const;
    double floorZ(const SurfaceProjection& p) const;
    /// Where value v sits on the color scale, in [0, 1].
    double colorPosition(double v) const;
    /// How much the labels shrink in a small `rect` (1 in a large one, and on a projector).
    double fontScale(const QRectF& rect) const;
    /// The title in the lines it takes over `rect` (one or two).
    QStringList titleLines(const QRectF& rect) const;

    Grid grid_;
    SurfaceBox box_;
    SurfaceCamera camera_;
    PlotStyle style_;
    QFont font_;
    QVector<SurfacePath> paths_;
    QVector<SurfaceOverlay> overlays_;
    QString title_;
    QRectF rect_; // where the current render() draws
    int current_ = -1;
    bool floorIsolines_ = true;
    bool logColors_ = false;
    bool draft_ = false;

    // Per mesh: the full and the draft level, the floor's isolines (level, polylines).
    MeshLevel full_, coarse_;
    std::vector<std::pair<double, std::vector<std::vector<QPointF>>>> floorLines_;
    // Per frame, reused: projected vertices, depths, the sort list, overlay pieces.
    std::vector<QPointF> px_;
    std::vector<float> depth_;
    std::vector<Item> items_;
    std::vector<Piece> pieces_;
    std::vector<PieceStyle> styles_;
    std::vector<QPointF> points_;
    std::vector<int> drawnFaces_;
};

} // namespace gs::app

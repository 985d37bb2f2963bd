#pragma once
// Focus inside one QCustomPlot: one element of its layout (an axis rect, the 3D surface, a grid of
// panels) takes the room of a whole subtree of the layout, and back. The other elements are taken
// out of their grids and hidden with what they draw (their axes, grids, legends and titles), so the
// plot's plottables and items stay where they are and keep working when the layout comes back.
// Text rows of the root (a title, a status line) stay: they name what is shown.

#include <QPointer>
#include <QRect>
#include <QVector>

#include <qcustomplot.h>

class QCustomPlot;

namespace gs::app {

class LayoutFocus {
public:
    /// Focus works within `root` (a grid of a plot's layout, such as the body under the title).
    explicit LayoutFocus(QCPLayoutGrid* root) : root_(root) {}
    ~LayoutFocus() { restore(); }
    LayoutFocus(const LayoutFocus&) = delete;
    LayoutFocus& operator=(const LayoutFocus&) = delete;

    /// Gives `element` (root or inside it) the room of root; nullptr brings the layout back.
    void focus(QCPLayoutElement* element);
    QCPLayoutElement* focused() const { return focused_; }

private:
    /// A grid on the way from the focused element up to root, as it was.
    struct SavedGrid {
        QPointer<QCPLayoutGrid> grid;
        int rows, columns;
        QVector<QPointer<QCPLayoutElement>> cells; // row-major, null where empty (or deleted)
        QList<double> rowStretch, columnStretch;
    };
    void restore();
    void hide(QCPLayoutElement* element);

    QCPLayoutGrid* root_;
    QCPLayoutElement* focused_ = nullptr;
    QVector<SavedGrid> saved_;
    QVector<QPointer<QCPLayerable>> hidden_; // what hide() made invisible, to show again
};

} // namespace gs::app

#include "plot/layout_focus.h"

namespace gs::app {

void LayoutFocus::focus(QCPLayoutElement* element) {
    if (element == focused_) return;
    restore();
    if (!element || element == root_) return;
    // Check the way up first: every step a grid, ending at root (an inset layout cannot focus).
    for (QCPLayoutElement* e = element; e != root_; e = e->layout()) {
        if (!qobject_cast<QCPLayoutGrid*>(e->layout())) return;
    }
    for (QCPLayoutElement* child = element; child != root_; child = child->layout()) {
        auto* grid = static_cast<QCPLayoutGrid*>(child->layout());
        SavedGrid saved{grid, grid->rowCount(),          grid->columnCount(),
                        {},   grid->rowStretchFactors(), grid->columnStretchFactors()};
        for (int r = 0; r < saved.rows; ++r)
            for (int c = 0; c < saved.columns; ++c)
                saved.cells.push_back(grid->element(r, c));
        for (const QPointer<QCPLayoutElement>& other : saved.cells)
            // A text row of the root (a title, a status line) names what is shown: it stays.
            if (other && other != child &&
                !(grid == root_ && qobject_cast<QCPTextElement*>(other.data()))) {
                grid->take(other);
                hide(other);
            }
        grid->simplify(); // the child's cell (and the root's text rows)
        saved_.push_back(std::move(saved));
    }
    focused_ = element;
}

void LayoutFocus::hide(QCPLayoutElement* element) {
    // Out of the layout it keeps its last rect: an empty one draws nothing there, and what draws
    // outside its rect (axes, tick labels) or in an inset (a legend) is hidden as well.
    QList<QCPLayoutElement*> all = element->elements(true);
    all.prepend(element);
    auto hideOne = [this](QCPLayerable* l) {
        if (l && l->visible()) {
            l->setVisible(false);
            hidden_.push_back(l);
        }
    };
    for (QCPLayoutElement* e : all) {
        if (!e) continue;
        e->setOuterRect(QRect());
        hideOne(e);
        if (auto* rect = qobject_cast<QCPAxisRect*>(e)) {
            for (QCPAxis* axis : rect->axes()) {
                hideOne(axis);
                hideOne(axis->grid());
            }
            for (QCPLayoutElement* inset : rect->insetLayout()->elements(true))
                hideOne(inset);
            // What is placed by its axes: an empty rect maps them anywhere.
            for (QCPAbstractItem* item : rect->items())
                hideOne(item);
            for (QCPAbstractPlottable* plottable : rect->plottables())
                hideOne(plottable);
        }
    }
}

void LayoutFocus::restore() {
    // Innermost grid first: each one gets back every cell it had, the focused way included.
    for (const SavedGrid& s : saved_) {
        if (!s.grid) continue;
        for (QCPLayoutElement* e : s.grid->elements(false))
            if (e) s.grid->take(e);
        s.grid->expandTo(s.rows, s.columns);
        for (int r = 0; r < s.rows; ++r)
            for (int c = 0; c < s.columns; ++c)
                if (QCPLayoutElement* e = s.cells[r * s.columns + c]) s.grid->addElement(r, c, e);
        s.grid->setRowStretchFactors(s.rowStretch);
        s.grid->setColumnStretchFactors(s.columnStretch);
    }
    saved_.clear();
    for (const QPointer<QCPLayerable>& l : hidden_)
        if (l) l->setVisible(true);
    hidden_.clear();
    focused_ = nullptr;
}

} // namespace gs::app

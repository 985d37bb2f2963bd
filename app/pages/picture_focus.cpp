#include "pages/picture_focus.h"

#include "plot/layout_focus.h"

#include <qcustomplot.h>

#include <QBoxLayout>
#include <QCoreApplication>
#include <QEvent>
#include <QMouseEvent>
#include <QSignalBlocker>
#include <QSplitterHandle>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>

#include <algorithm>

namespace gs::app {

PictureFocus::PictureFocus(QWidget* page) : QObject(page), page_(page) {}

PictureFocus::~PictureFocus() = default;

void PictureFocus::addWidget(const QString& key, const QString& title, QWidget* picture) {
    pictures_.push_back({{key, title}, picture, nullptr, false, nullptr});
    watch(picture);
}

void PictureFocus::addElement(const QString& key, const QString& title, QCustomPlot* plot,
                              QCPLayoutElement* element, QCPLayoutGrid* root) {
    std::unique_ptr<LayoutFocus>& layout = layouts_[plot];
    if (!layout) {
        layout = std::make_unique<LayoutFocus>(root);
        watch(plot);
    }
    // A page that builds a panel again (new data) registers it again under its key.
    for (Picture& p : pictures_)
        if (p.info.key == key) {
            const QString keep = focused_;
            focus({}); // the layout as it was, before the old panel goes
            p = {{key, title}, plot, element, true, layout.get()};
            if (!keep.isEmpty()) focus(keep);
            return;
        }
    pictures_.push_back({{key, title}, plot, element, true, layout.get()});
    if (pending_ == key) focus(key); // a scene asked for it before it was built
}

QStringList PictureFocus::names() const {
    QStringList keys;
    for (const PictureInfo& p : pictures())
        keys << p.key;
    for (const QString& k : expected_)
        if (!keys.contains(k)) keys << k;
    return keys;
}

void PictureFocus::addGroups(QCustomPlot* plot, std::function<QVector<PictureGroup>()> groups,
                             std::function<bool(QSize)> tooSmall) {
    // The tabs go over the plot, in the layout that holds it.
    auto* tabs = new QTabBar(plot->parentWidget());
    tabs->setDocumentMode(true);
    tabs->setExpanding(false);
    tabs->setFocusPolicy(Qt::NoFocus);
    tabs->hide();
    if (auto* box = qobject_cast<QBoxLayout*>(plot->parentWidget()->layout()))
        box->insertWidget(std::max(0, box->indexOf(plot)), tabs);
    groups_[plot] = {std::move(groups), std::move(tooSmall), tabs};
    connect(plot, &QCustomPlot::beforeReplot, this, [this, plot] { fitGroups(plot); });
    connect(tabs, &QTabBar::currentChanged, this, [this, plot] {
        fitGroups(plot);
        plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

void PictureFocus::fitGroups(QCustomPlot* plot) {
    // A focused picture has the plot (and the tabs' room) to itself: the choice waits for Esc.
    if (!focused_.isEmpty()) return;
    const Groups& g = groups_[plot];
    const QVector<PictureGroup> groups = g.groups();
    // The plot's size as if the tabs were hidden, so showing them does not undo the choice.
    const QSize size = plot->size() + QSize(0, g.tabs->isVisible() ? g.tabs->height() : 0);
    const bool narrow = groups.size() >= 2 && g.tooSmall(size);
    if (narrow && g.tabs->count() != groups.size()) {
        const QSignalBlocker block(g.tabs);
        while (g.tabs->count() > 0)
            g.tabs->removeTab(0);
        for (const PictureGroup& group : groups)
            g.tabs->addTab(group.title);
    }
    g.tabs->setVisible(narrow && !page_->isHidden());
    const int current = std::clamp(g.tabs->currentIndex(), 0, int(groups.size()) - 1);
    setBase(plot, narrow ? groups[current].element : nullptr);
}

void PictureFocus::setBase(QCustomPlot* plot, QCPLayoutElement* base) {
    QCPLayoutElement*& current = bases_[plot];
    if (current == base) return;
    current = base;
    const auto it = layouts_.find(plot);
    if (it == layouts_.end()) return;
    const bool focusedHere = std::any_of(pictures_.begin(), pictures_.end(), [&](const Picture& p) {
        return p.info.key == focused_ && p.layout == it->second.get();
    });
    if (!focusedHere) it->second->focus(base);
}

void PictureFocus::watch(QWidget* widget) {
    // The event goes to the innermost widget under the mouse: a view's plot, say.
    widget->installEventFilter(this);
    for (QWidget* child : widget->findChildren<QWidget*>())
        child->installEventFilter(this);
}

QVector<PictureInfo> PictureFocus::pictures() const {
    QVector<PictureInfo> list;
    for (const Picture& p : pictures_)
        if (!p.isElement || p.element) list.push_back(p.info); // a panel taken away is not
    return list;
}

bool PictureFocus::focus(const QString& key) {
    const auto it = std::find_if(pictures_.begin(), pictures_.end(), [&](const Picture& p) {
        return p.info.key == key && (!p.isElement || p.element);
    });
    pending_.clear();
    if (!key.isEmpty() && it == pictures_.end()) {
        if (!expected_.contains(key)) return false;
        pending_ = key; // it comes with the data
        return true;
    }
    if (key == focused_) return true;
    // Back to the page as built, then hide around the new picture.
    restoreWidgets();
    focused_ = key;
    const Picture* picture = it != pictures_.end() && it->widget ? &*it : nullptr;
    for (auto& [plot, layout] : layouts_)
        layout->focus(picture && picture->layout == layout.get() ? picture->element.data()
                                                                 : bases_[plot]);
    if (picture) hideAround(picture->widget);
    // Lay the page out now: a plot shown again must have its size (and paint buffers of that
    // size) before the replot queued for it draws.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // Every plot of the page that shows, drawn twice at once: a map's equal aspect and a plot's
    // tick count follow the size of the previous layout, so they settle on the second, and a
    // focus change (a rare event) should not show the first. A hidden plot is drawn when it
    // shows again, or by an export (which lays it out at its own size).
    for (QCustomPlot* plot : page_->findChildren<QCustomPlot*>())
        if (plot->isVisible())
            for (int i = 0; i < 2; ++i)
                plot->replot(QCustomPlot::rpImmediateRefresh);
    Q_EMIT changed(focused_);
    return true;
}

void PictureFocus::hideAround(QWidget* picture) {
    for (QWidget* w = picture; w && w != page_; w = w->parentWidget()) {
        QWidget* parent = w->parentWidget();
        if (!parent) break;
        if (!w->isVisibleTo(parent) && !qobject_cast<QStackedWidget*>(parent)) {
            w->show(); // a picture the page hides now (the surface while only the map shows)
            shown_.push_back(w);
        }
        if (auto* stack = qobject_cast<QStackedWidget*>(parent)) {
            // A tab: make it the current one; its siblings are the other tabs.
            if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
                tabs->setCurrentWidget(w);
            else
                stack->setCurrentWidget(w);
            continue;
        }
        for (QObject* o : parent->children()) {
            auto* sibling = qobject_cast<QWidget*>(o);
            if (sibling && sibling != w && !sibling->isWindow()) hideUnlessKept(sibling);
        }
    }
}

void PictureFocus::hideUnlessKept(QWidget* widget) {
    if (!widget->isVisibleTo(widget->parentWidget())) return;
    if (qobject_cast<QSplitterHandle*>(widget)) return; // its splitter hides it with its widget
    for (const QPointer<QWidget>& k : kept_) {
        if (k == widget) return;
        if (k && widget->isAncestorOf(k)) {
            // A panel holding what stays: hide the rest of it.
            for (QObject* o : widget->children())
                if (auto* child = qobject_cast<QWidget*>(o); child && !child->isWindow())
                    hideUnlessKept(child);
            return;
        }
    }
    widget->hide();
    hidden_.push_back(widget);
}

void PictureFocus::restoreWidgets() {
    for (const QPointer<QWidget>& w : std::as_const(shown_))
        if (w) w->hide();
    for (const QPointer<QWidget>& w : std::as_const(hidden_))
        if (w) w->show();
    shown_.clear();
    hidden_.clear();
}

const PictureFocus::Picture* PictureFocus::pictureAt(QObject* watched, QPointF position) const {
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget) return nullptr;
    for (const Picture& p : pictures_) {
        if (!p.widget || (p.widget != widget && !p.widget->isAncestorOf(widget))) continue;
        if (!p.isElement) return &p;
        if (!p.element) continue;
        const QPoint at = widget->mapTo(p.widget.data(), position.toPoint());
        if (p.element->outerRect().contains(at)) return &p;
    }
    return nullptr;
}

bool PictureFocus::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::MouseButtonDblClick || pictures_.size() < 2)
        return QObject::eventFilter(watched, event);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    if (mouse->button() != Qt::LeftButton) return QObject::eventFilter(watched, event);
    const Picture* p = pictureAt(watched, mouse->position());
    if (!p) return QObject::eventFilter(watched, event);
    focus(focused_ == p->info.key ? QString() : p->info.key);
    return true;
}

} // namespace gs::app

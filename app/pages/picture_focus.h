#pragma once
// The pictures of a page and which one is focused. A picture is a widget of the page (in its
// layouts, splitters or tabs) or an element of a plot's layout (the surface, the map and the panels
// that share one QCustomPlot). Focus gives one picture the page's whole area: everything else on
// the page is hidden (the settings too) except what must stay, such as the playback bar and the
// line of numbers, and comes back as it was. A double click on a picture focuses it, and a double
// click on the focused picture brings the others back.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>

class QCPLayoutElement;
class QCPLayoutGrid;
class QCustomPlot;
class QTabBar;

namespace gs::app {

class LayoutFocus;

/// A picture as the View menu and the scene name it.
struct PictureInfo {
    QString key;   ///< the scene's name for it ("surface", "map", "loss")
    QString title; ///< for people ("3D surface")
};

/// Pictures shown together on a narrow screen (a row of a plot's layout), named on their tab.
struct PictureGroup {
    QString title;
    QCPLayoutElement* element;
};

class PictureFocus : public QObject {
    Q_OBJECT
public:
    /// Focus within `page` (the picture takes the room of the page's whole layout).
    explicit PictureFocus(QWidget* page);
    ~PictureFocus() override;

    void addWidget(const QString& key, const QString& title, QWidget* picture);
    /// A picture that is `element` of `plot`'s layout, focused within `root` (a grid of that
    /// layout: the body under the title, say); the plot widget takes the page's area meanwhile.
    /// A page changes the layout only with every picture shown (focus({}) first).
    void addElement(const QString& key, const QString& title, QCustomPlot* plot,
                    QCPLayoutElement* element, QCPLayoutGrid* root);
    /// A widget that stays visible while a picture is focused (a playback bar, a status line).
    void keep(QWidget* widget) { kept_.push_back(widget); }
    /// What `plot` shows while no picture is focused: `base` (a group of its pictures, for a
    /// narrow screen), or its whole layout for nullptr.
    void setBase(QCustomPlot* plot, QCPLayoutElement* base);
    /// Groups of `plot`'s pictures (a row of its layout each, inside the root of addElement)
    /// shown one at a time, with tabs over the plot, while `tooSmall` says the whole layout at
    /// the plot's size would leave a picture under PlotStyle::kMinPicture (on a projector). The
    /// groups are asked for each time (a page may build a row later); fewer than two: no tabs.
    void addGroups(QCustomPlot* plot, std::function<QVector<PictureGroup>()> groups,
                   std::function<bool(QSize)> tooSmall);

    QVector<PictureInfo> pictures() const;
    /// Names of pictures a page builds later (panels made when data arrives): focusing one
    /// waits until it is added.
    void expect(const QStringList& keys) { expected_ = keys; }
    /// Every name focus takes: the pictures' and the expected ones.
    QStringList names() const;
    QString focused() const { return focused_; }
    /// Focuses picture `key`, or shows every picture again for an empty key; false, with nothing
    /// changed, for a key that is not one of the pictures.
    bool focus(const QString& key);

Q_SIGNALS:
    /// After every change of focus; `key` is empty when every picture shows.
    void changed(const QString& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Picture {
        PictureInfo info;
        QPointer<QWidget> widget; // the picture, or the plot an element belongs to
        QPointer<QCPLayoutElement> element;
        bool isElement = false;
        LayoutFocus* layout = nullptr; // the plot's, for an element
    };
    void watch(QWidget* widget);
    void hideAround(QWidget* picture);
    void hideUnlessKept(QWidget* widget);
    void restoreWidgets();
    void fitGroups(QCustomPlot* plot);
    const Picture* pictureAt(QObject* watched, QPointF position) const;

    QWidget* page_;
    QVector<Picture> pictures_;
    std::map<QCustomPlot*, std::unique_ptr<LayoutFocus>> layouts_;
    std::map<QCustomPlot*, QCPLayoutElement*> bases_;
    struct Groups {
        std::function<QVector<PictureGroup>()> groups;
        std::function<bool(QSize)> tooSmall;
        QTabBar* tabs;
    };
    std::map<QCustomPlot*, Groups> groups_;
    QVector<QPointer<QWidget>> kept_;
    QVector<QPointer<QWidget>> hidden_, shown_; // what focus hid, and what it had to show
    QString focused_;
    QStringList expected_;
    QString pending_; // an expected picture to focus once it is added
};

} // namespace gs::app

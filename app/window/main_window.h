#pragma once
// The main window only wires things together: actions, menus, pages, settings.

#include "files/autosave.h"
#include "plot/plot_style.h"
#include "scene/scene.h"

#include <QHash>
#include <QMainWindow>

#include <functional>
#include <memory>

class QDockWidget;
class QMenu;
class QStackedWidget;
class QTimer;

namespace gs::app {

class LessonNavigator;
class Page;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// The page registered under `key`, made on first use; null for an unknown key.
    Page* page(const QString& key);
    /// Shows the page registered under `key`; false for an unknown key.
    bool showPage(const QString& key);
    const PlotStyle& plotStyle() const { return style_; }
    Page* currentPage() const;
    /// Shows the scene on its page; on error returns the reason and changes nothing.
    QString openScene(const Scene& scene);
    /// Opens a built-in lesson; on error returns the reason (an unknown name lists the lessons).
    QString openLesson(const QString& name);
    LessonNavigator* navigator() const { return navigator_; }
    /// Loads a scene file; on error shows the reason and keeps the current scene.
    bool openFile(const QString& path);
    /// The scene file that Save writes (empty: Save asks for a name).
    QString currentFile() const { return currentFile_; }
    /// Saves the page's scene to `path`; on failure says why (and offers Save As) and returns
    /// false, the file on disk as it was.
    bool saveTo(const QString& path);

    /// From now on, every `intervalMs` an unsaved change of the page on show is kept in `folder`
    /// (see Autosave); a clean close removes it. The GUI turns it on; headless renders do not.
    void startAutosave(int intervalMs, const QString& folder = Autosave::defaultFolder());
    /// Keeps the page's scene in the autosave now when it has unsaved changes; true if it wrote.
    bool autosaveNow();
    /// True when the page on show differs from what was last opened or saved on it.
    bool isModified() const;
    /// Offers the newest snapshot left by a session that ended without saving (a crash, a kill):
    /// Restore opens it, Discard deletes it. Returns true if a scene was restored.
    bool offerRecovery();
    /// Opens a snapshot left by an earlier session as unsaved changes (of the file it came from,
    /// if any) and deletes it; on error returns the reason.
    QString restoreSnapshot(const Autosave::Entry& entry);
    const Autosave* autosave() const { return autosave_.get(); }

public Q_SLOTS:
    void setPresentationMode(bool on);
    void setDarkTheme(bool on);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createNavigator();
    void createActions();
    void createGoMenu();
    void createExamplesMenu(QMenu* menu);
    /// View > Focus: a picture of the page on show enlarged to the whole page (keys 1–4, Esc).
    void createFocusMenu(QMenu* view);
    /// The Focus menu for the page on show: its pictures' names, which one is focused.
    void updateFocusMenu();
    /// After the page on show changed: keyboard focus, actions that need playback, navigator.
    void pageShown();
    void stepLesson(int delta);
    void fitNavigator();
    /// Shows the page's controls panel as F8 last chose, or (until it does) unless narrow().
    void fitControls();
    /// Presentation mode on a screen too narrow for pictures and panels side by side.
    bool narrow() const;
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                       const QString& tip, std::function<void(bool)> slot);
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                       const QString& tip, std::function<void()> slot);
    void showShortcuts();
    void showAbout();
    void saveScreenshot();
    void open();
    bool save();
    bool saveAs();
    void exportImageDialog();
    void exportGifDialog();
    void exportPageDialog();
    void exportCsvDialog();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void showError(const QString& title, const QString& message);
    /// After a failed save: says why and offers Save As; returns its result.
    bool offerSaveAs(const QString& message);
    /// The page's scene as the file would hold it, to tell unsaved changes.
    QByteArray sceneBytes(const Page* page) const;
    /// What was last opened or saved on `page` is what it shows now.
    void markSaved(const Page* page);
    void setCurrentFile(const QString& path);
    void applyStyle();
    void readSettings();
    void writeSettings() const;

    PlotStyle style_;
    QFont baseFont_;
    QStackedWidget* stack_ = nullptr;
    QHash<QString, Page*> pages_; // by registry key, made on first use
    LessonNavigator* navigator_ = nullptr;
    QDockWidget* navigatorDock_ = nullptr;
    QList<QAction*> playbackActions_; // enabled only on pages that animate
    /// The lessons panel: shown, hidden, or (until F9 says otherwise) shown except in
    /// presentation mode on a narrow window, where the picture needs the room.
    enum class PanelChoice { Auto, Shown, Hidden } navigatorChoice_ = PanelChoice::Auto;
    QAction* presentationAction_ = nullptr;
    QAction* darkAction_ = nullptr;
    QAction* controlsAction_ = nullptr; // pages with a side panel show it while checked
    PanelChoice controlsChoice_ = PanelChoice::Auto; // as the lessons panel, for the controls
    QList<QAction*> focusActions_;                   // the page's first pictures, keys 1–4
    QAction* unfocusAction_ = nullptr;               // every picture again, Esc
    QMenu* recentMenu_ = nullptr;
    QString currentFile_;
    QString filePage_;                       ///< the page the current file was opened or saved on
    QHash<QString, QByteArray> savedScenes_; ///< per page key: its scene when last opened or saved
    std::unique_ptr<Autosave> autosave_;
    QTimer* autosaveTimer_ = nullptr;
    QByteArray autosaved_; ///< what the snapshot holds now
};

} // namespace gs::app

#pragma once
// The main window only wires things together: actions, menus, pages, settings.

#include "files/autosave.h"
#include "lessons/beat_place.h"
#include "lessons/lesson.h"
#include "plot/plot_style.h"
#include "scene/scene.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <functional>
#include <memory>

class QDockWidget;
class QMenu;
class QStackedWidget;
class QTimer;

namespace gs::app {

class LessonLibrary;
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
    /// Opens beat `beat` of a lesson of the library (a question unanswered); on error returns
    /// the reason (an unknown name lists the lessons).
    QString openLesson(const QString& name, int beat = 0);
    /// Shows a place in the lectures: a lesson (by its index in the library), a beat, answered
    /// or not. On error returns the reason.
    QString showBeat(const BeatPlace& place);
    BeatPlace beatPlace() const { return place_; }
    /// PageDown (+1) and PageUp (−1): the next or previous beat, then lesson.
    void stepBeat(int delta);
    /// The next or previous lesson's first beat (Ctrl+PageDown, Ctrl+PageUp).
    void stepLesson(int delta);
    /// The first or last beat of the lesson on show (Ctrl+Home, Ctrl+End).
    void lessonEnd(bool last);
    /// Adds a folder of lessons (--lessons DIR) after the others; false if it is not a folder.
    bool addLessonFolder(const QString& folder);
    /// Adds one lesson file and opens it (File > Open Lesson); on error shows and returns why.
    QString openLessonFile(const QString& path);
    /// Writes the page's scene as a new lesson file with no beats yet, to edit.
    QString saveAsLesson(const QString& path, const QString& title);
    /// The lessons of the set the lesson on show belongs to (the built-in ones otherwise).
    QVector<Lesson> handoutLessons(QString* title = nullptr, QString* folder = nullptr) const;
    LessonLibrary* lessonLibrary() const { return library_; }
    LessonNavigator* navigator() const { return navigator_; }
    /// Loads a scene file; on error shows the reason and keeps the current scene.
    bool openFile(const QString& path);
    /// Trains on the data set at `path` (a CSV file or an IDX folder) on the page that takes one
    /// (the page on show when it does); on error returns the reason.
    QString openDataSet(const QString& path);
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
    void createLessonFileActions(QMenu* file);
    /// Per lesson of the library, per beat: whether it is a question (empty: does not load).
    QVector<QVector<bool>> lessonShape() const;
    void updateLessonTitle();
    void lessonsChanged();
    /// Broken lessons on stderr, each once.
    void reportLessonErrors() const;
    void saveAsLessonDialog();
    void exportHandoutDialog();
    void createExamplesMenu(QMenu* menu);
    /// View > Focus: a picture of the page on show enlarged to the whole page (keys 1–4, Esc).
    void createFocusMenu(QMenu* view);
    /// The Focus menu for the page on show: its pictures' names, which one is focused.
    void updateFocusMenu();
    /// After the page on show changed: keyboard focus, actions that need playback, navigator.
    void pageShown();
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
    LessonLibrary* library_ = nullptr;
    LessonNavigator* navigator_ = nullptr;
    BeatPlace place_;                      ///< the lesson and beat on show (lesson −1: none)
    mutable QSet<QString> reportedErrors_; ///< broken lessons already said on stderr
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

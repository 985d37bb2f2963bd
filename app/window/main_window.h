#pragma once
// The main window only wires things together: actions, menus, pages, settings.

#include "plot/plot_style.h"
#include "scene/scene.h"

#include <QMainWindow>

class QTabWidget;

namespace gs::app {

class CurvePage;
class ScenePage;
class LandscapePage;
class PlaybackBar;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    CurvePage* curvePage() const { return curvePage_; }
    LandscapePage* landscapePage() const { return landscapePage_; }
    /// Shows a page by name ("curve" or "landscape"); false for an unknown name.
    bool showPage(const QString& name);
    const PlotStyle& plotStyle() const { return style_; }
    ScenePage* currentPage() const;
    /// Shows the scene on the page for its view; on error returns the reason and changes nothing.
    QString openScene(const Scene& scene);
    /// Loads a scene file; on error shows the reason and keeps the current scene.
    bool openFile(const QString& path);

public Q_SLOTS:
    void setPresentationMode(bool on);
    void setDarkTheme(bool on);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    void createActions();
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                       const QString& tip, auto slot);
    void showShortcuts();
    void showAbout();
    void saveScreenshot();
    void open();
    bool save();
    bool saveAs();
    void exportImageDialog();
    void exportGifDialog();
    void exportCsvDialog();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void showError(const QString& title, const QString& message);
    void applyStyle();
    void readSettings();
    void writeSettings() const;

    PlotStyle style_;
    QFont baseFont_;
    QTabWidget* pages_ = nullptr;
    CurvePage* curvePage_ = nullptr;
    LandscapePage* landscapePage_ = nullptr;
    QAction* presentationAction_ = nullptr;
    QAction* darkAction_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QString currentFile_;
};

} // namespace gs::app

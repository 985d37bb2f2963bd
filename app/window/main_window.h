#pragma once
// The main window only wires things together: actions, menus, pages, settings.

#include "plot/plot_style.h"

#include <QMainWindow>

class QTabWidget;

namespace gs::app {

class CurvePage;
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
    /// The playback bar of the page on show: the keyboard's playback shortcuts act on it.
    PlaybackBar* currentPlayback() const;
    const PlotStyle& plotStyle() const { return style_; }

public Q_SLOTS:
    void setPresentationMode(bool on);
    void setDarkTheme(bool on);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createActions();
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                       const QString& tip, auto slot);
    void showShortcuts();
    void showAbout();
    void saveScreenshot();
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
};

} // namespace gs::app

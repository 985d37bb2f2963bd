#pragma once
// The main window only wires things together: actions, menus, pages, settings.

#include "plot/plot_style.h"

#include <QMainWindow>

class QTabWidget;

namespace gs::app {

class CurvePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    CurvePage* curvePage() const { return curvePage_; }
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
    QAction* presentationAction_ = nullptr;
    QAction* darkAction_ = nullptr;
};

} // namespace gs::app

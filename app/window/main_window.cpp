#include "window/main_window.h"

#include "controls/playback_bar.h"
#include "render/screenshot.h"
#include "window/curve_page.h"
#include "window/landscape_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyleHints>
#include <QTabWidget>

namespace gs::app {

namespace {
constexpr double kPresentationScale = 1.6;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), baseFont_(QApplication::font()) {
    setWindowTitle(tr("Gradscape"));
    createPages();
    createActions();
    readSettings();
    statusBar()->showMessage(tr("Space plays, Left/Right step, R resets, F5 presentation mode"),
                             8000);
}

void MainWindow::createPages() {
    pages_ = new QTabWidget(this);
    pages_->setDocumentMode(true);
    curvePage_ = new CurvePage(pages_);
    pages_->addTab(curvePage_, tr("One variable"));
    landscapePage_ = new LandscapePage(pages_);
    pages_->addTab(landscapePage_, tr("Two variables"));
    setCentralWidget(pages_);
}

// Every action is built by one recipe: text, shortcut, status tip, slot, menu.
QAction* MainWindow::addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                               const QString& tip, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    menu->addAction(action);
    QMainWindow::addAction(action); // shortcuts work in full screen too, with the menu bar hidden
    return action;
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addAction(file, tr("Save &Screenshot…"), QKeySequence(tr("Ctrl+Shift+S")),
              tr("Save the window as a PNG image"), [this] { saveScreenshot(); });
    file->addSeparator();
    addAction(file, tr("&Quit"), QKeySequence::Quit, tr("Quit Gradscape"), [this] { close(); });

    QMenu* play = menuBar()->addMenu(tr("&Playback"));
    auto bar = [this] { return currentPlayback(); };
    addAction(play, tr("&Play / Pause"), Qt::Key_Space, tr("Play or pause the run"),
              [bar] { bar()->togglePlay(); });
    addAction(play, tr("Step &Forward"), Qt::Key_Right, tr("Show the next step"),
              [bar] { bar()->stepForward(); });
    addAction(play, tr("Step &Back"), Qt::Key_Left, tr("Show the previous step"),
              [bar] { bar()->stepBack(); });
    addAction(play, tr("&Reset"), Qt::Key_R, tr("Back to the start point"),
              [bar] { bar()->reset(); });
    addAction(play, tr("Go to &Start"), Qt::Key_Home, tr("Show step 0"), [bar] { bar()->reset(); });
    addAction(play, tr("Go to &End"), Qt::Key_End, tr("Show the last step"),
              [bar] { bar()->toEnd(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    presentationAction_ = addAction(view, tr("&Presentation Mode"), Qt::Key_F5,
                                    tr("Large fonts, lines and markers for a projector"),
                                    [this](bool on) { setPresentationMode(on); });
    presentationAction_->setCheckable(true);
    darkAction_ =
        addAction(view, tr("&Dark Theme"), QKeySequence(tr("Ctrl+Shift+D")),
                  tr("Light text on a dark background"), [this](bool on) { setDarkTheme(on); });
    darkAction_->setCheckable(true);
    QAction* full = addAction(view, tr("&Full Screen"), Qt::Key_F11, tr("Fill the screen"),
                              [this](bool on) { on ? showFullScreen() : showNormal(); });
    full->setCheckable(true);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    addAction(help, tr("&Keyboard Shortcuts"), QKeySequence::HelpContents,
              tr("List the keyboard shortcuts"), [this] { showShortcuts(); });
    addAction(help, tr("&About Gradscape"), QKeySequence(), tr("About this program"),
              [this] { showAbout(); });
}

bool MainWindow::showPage(const QString& name) {
    QWidget* page = name == QLatin1String("curve")       ? static_cast<QWidget*>(curvePage_)
                    : name == QLatin1String("landscape") ? static_cast<QWidget*>(landscapePage_)
                                                         : nullptr;
    if (page) pages_->setCurrentWidget(page);
    return page != nullptr;
}

PlaybackBar* MainWindow::currentPlayback() const {
    if (pages_->currentWidget() == landscapePage_) return landscapePage_->playback();
    return curvePage_->playback();
}

void MainWindow::setPresentationMode(bool on) {
    style_.scale = on ? kPresentationScale : 1.0;
    presentationAction_->setChecked(on);
    applyStyle();
}

void MainWindow::setDarkTheme(bool on) {
    style_.dark = on;
    darkAction_->setChecked(on);
    applyStyle();
}

void MainWindow::applyStyle() {
    QFont f = baseFont_;
    f.setPointSizeF(baseFont_.pointSizeF() * style_.scale);
    setFont(f);
    curvePage_->setStyle(style_);
    landscapePage_->setStyle(style_);
}

void MainWindow::showShortcuts() {
    QString rows;
    for (QAction* a : actions())
        if (!a->shortcut().isEmpty())
            rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                             a->text().remove(QLatin1Char('&')).toHtmlEscaped());
    QMessageBox::information(this, tr("Keyboard shortcuts"),
                             QStringLiteral("<table cellspacing=6>%1</table>").arg(rows));
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Gradscape"),
                       tr("<h3>Gradscape %1</h3><p>See how optimization for deep learning works: "
                          "derivatives, gradients and the optimizers that follow them.</p>")
                           .arg(QStringLiteral(GRADSCAPE_VERSION)));
}

void MainWindow::saveScreenshot() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Screenshot"), QStringLiteral("gradscape.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (const QString error = saveWidgetPng(*this, path, 1.0); !error.isEmpty())
        QMessageBox::warning(this, tr("Screenshot not saved"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::readSettings() {
    QSettings settings;
    if (const QByteArray geometry = settings.value("window/geometry").toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    else
        resize(1280, 820);
    style_.dark = settings.value("view/dark", false).toBool();
    darkAction_->setChecked(style_.dark);
    applyStyle();
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("view/dark", style_.dark);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    event->accept();
}

} // namespace gs::app

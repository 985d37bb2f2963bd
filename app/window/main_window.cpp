#include "window/main_window.h"

#include "controls/playback_bar.h"
#include "controls/wheel_guard.h"
#include "lessons/lesson.h"
#include "lessons/lesson_navigator.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "render/exporter.h"
#include "render/screenshot.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "window/export_dialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleHints>
#include <qcustomplot.h>

namespace gs::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), baseFont_(QApplication::font()) {
    setWindowTitle(tr("Gradscape"));
    setAcceptDrops(true);
    installWheelGuard();
    stack_ = new QStackedWidget(this);
    setCentralWidget(stack_);
    createNavigator();
    createActions();
    readSettings();
    showPage(PageRegistry::instance().pages().front().key);
    statusBar()->showMessage(tr("Space plays, Left/Right step, R resets, F5 presentation mode"),
                             8000);
}

void MainWindow::createNavigator() {
    navigator_ = new LessonNavigator(this);
    navigatorDock_ = new QDockWidget(tr("Lessons"), this);
    navigatorDock_->setObjectName(QStringLiteral("lessons"));
    navigatorDock_->setWidget(navigator_);
    navigatorDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, navigatorDock_);
    connect(navigator_, &LessonNavigator::lessonChosen, this, [this](const QString& name) {
        if (const QString e = openLesson(name); !e.isEmpty())
            showError(tr("Cannot open the lesson"), e);
    });
    connect(navigator_, &LessonNavigator::pageChosen, this,
            [this](const QString& key) { showPage(key); });
}

Page* MainWindow::page(const QString& key) {
    if (Page* p = pages_.value(key)) return p;
    std::unique_ptr<Page> made = PageRegistry::instance().create(key);
    if (!made) return nullptr;
    Page* p = made.release();
    p->setStyle(style_);
    stack_->addWidget(p); // the stack owns it
    pages_.insert(key, p);
    return p;
}

bool MainWindow::showPage(const QString& key) {
    Page* p = page(key);
    if (!p) return false;
    stack_->setCurrentWidget(p);
    navigator_->showCurrent({}, key);
    pageShown();
    return true;
}

void MainWindow::pageShown() {
    Page* p = currentPage();
    // The page on show takes the keyboard, so Space and the arrows drive its playback; a text
    // field takes them only when clicked.
    p->plot()->setFocus();
    for (QAction* a : playbackActions_)
        a->setEnabled(p->playback() != nullptr);
}

void MainWindow::stepLesson(int delta) {
    const QString name = navigator_->lessonAt(delta);
    if (name.isEmpty()) {
        statusBar()->showMessage(
            delta > 0 ? tr("This is the last lesson") : tr("This is the first lesson"), 4000);
        return;
    }
    if (const QString e = openLesson(name); !e.isEmpty())
        showError(tr("Cannot open the lesson"), e);
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
    addAction(file, tr("&Open Scene…"), QKeySequence::Open, tr("Open a scene file"),
              [this] { open(); });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    createExamplesMenu(file->addMenu(tr("&Examples")));
    addAction(file, tr("&Save Scene"), QKeySequence::Save, tr("Save the scene"),
              [this] { save(); });
    addAction(file, tr("Save Scene &As…"), QKeySequence::SaveAs,
              tr("Save the scene under a new name"), [this] { saveAs(); });
    file->addSeparator();
    addAction(file, tr("Export &Image…"), QKeySequence(tr("Ctrl+E")),
              tr("Export the plot as PNG, SVG or PDF"), [this] { exportImageDialog(); });
    addAction(file, tr("Export Whole &Page…"), QKeySequence(tr("Ctrl+Shift+E")),
              tr("Export the whole page (plots, panels, controls) as PNG, SVG or PDF"),
              [this] { exportPageDialog(); });
    addAction(file, tr("Export Animated &GIF…"), QKeySequence(tr("Ctrl+G")),
              tr("Export the run as an animated GIF"), [this] { exportGifDialog(); });
    addAction(file, tr("Export Runs as &CSV…"), QKeySequence(),
              tr("Every step of every run as CSV"), [this] { exportCsvDialog(); });
    addAction(file, tr("Save Window Screens&hot…"), QKeySequence(tr("Ctrl+Alt+S")),
              tr("Save the whole window as a PNG image"), [this] { saveScreenshot(); });
    updateRecentMenu();
    file->addSeparator();
    addAction(file, tr("&Quit"), QKeySequence::Quit, tr("Quit Gradscape"), [this] { close(); });

    QMenu* play = menuBar()->addMenu(tr("&Playback"));
    // Enabled only on a page that animates (pageShown), so the bar is there when they fire.
    auto onBar = [this](void (PlaybackBar::*slot)()) {
        return [this, slot] {
            if (PlaybackBar* bar = currentPage()->playback()) (bar->*slot)();
        };
    };
    playbackActions_ = {addAction(play, tr("&Play / Pause"), Qt::Key_Space,
                                  tr("Play or pause the run"), onBar(&PlaybackBar::togglePlay)),
                        addAction(play, tr("Step &Forward"), Qt::Key_Right,
                                  tr("Show the next step"), onBar(&PlaybackBar::stepForward)),
                        addAction(play, tr("Step &Back"), Qt::Key_Left,
                                  tr("Show the previous step"), onBar(&PlaybackBar::stepBack)),
                        addAction(play, tr("&Reset"), Qt::Key_R, tr("Back to the start point"),
                                  onBar(&PlaybackBar::reset)),
                        addAction(play, tr("Go to &Start"), Qt::Key_Home, tr("Show step 0"),
                                  onBar(&PlaybackBar::reset)),
                        addAction(play, tr("Go to &End"), Qt::Key_End, tr("Show the last step"),
                                  onBar(&PlaybackBar::toEnd))};

    createGoMenu();

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
    addAction(view, tr("Fit to the &Runs"), QKeySequence(tr("Ctrl+0")),
              tr("Zoom so that every step of every run is in the picture"), [this] {
                  if (!currentPage()->fitToRuns())
                      statusBar()->showMessage(tr("This page has no runs to fit"), 4000);
              });
    QAction* lessons = navigatorDock_->toggleViewAction();
    lessons->setText(tr("&Lessons Panel"));
    lessons->setShortcut(Qt::Key_F9);
    lessons->setStatusTip(tr("Show or hide the lessons and their text"));
    connect(lessons, &QAction::triggered, this, [this](bool on) {
        navigatorChoice_ = on ? PanelChoice::Shown : PanelChoice::Hidden;
        fitNavigator();
    });
    view->addAction(lessons);
    QMainWindow::addAction(lessons);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    addAction(help, tr("&Keyboard Shortcuts"), QKeySequence::HelpContents,
              tr("List the keyboard shortcuts"), [this] { showShortcuts(); });
    addAction(help, tr("&About Gradscape"), QKeySequence(), tr("About this program"),
              [this] { showAbout(); });
}

void MainWindow::createExamplesMenu(QMenu* menu) {
    // The built-in scenes by title; the lessons are in the Go menu and the lessons panel.
    for (const QString& name : builtinSceneNames()) {
        const SceneResult scene = builtinScene(name);
        const auto* s = std::get_if<Scene>(&scene);
        if (!s) continue;
        QAction* a = menu->addAction(s->title.isEmpty() ? name : s->title, this, [this, name] {
            const SceneResult again = builtinScene(name);
            const QString e = std::holds_alternative<Scene>(again)
                                  ? openScene(std::get<Scene>(again))
                                  : std::get<SceneError>(again).text();
            if (!e.isEmpty()) showError(tr("Cannot open the example"), e);
        });
        a->setStatusTip(tr("Open the built-in scene %1").arg(name));
    }
}

void MainWindow::createGoMenu() {
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    addAction(go, tr("&Next Lesson"), Qt::Key_PageDown, tr("Open the next lesson"),
              [this] { stepLesson(+1); });
    addAction(go, tr("&Previous Lesson"), Qt::Key_PageUp, tr("Open the previous lesson"),
              [this] { stepLesson(-1); });
    go->addSeparator();
    const QVector<PageInfo>& pages = PageRegistry::instance().pages();
    for (int i = 0; i < pages.size(); ++i) {
        const QString key = pages[i].key;
        addAction(go, pages[i].title,
                  i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence(),
                  pages[i].description, [this, key] { showPage(key); });
    }
}

void MainWindow::setPresentationMode(bool on) {
    style_.scale = on ? PlotStyle::kPresentationScale : 1.0;
    presentationAction_->setChecked(on);
    applyStyle();
}

void MainWindow::setDarkTheme(bool on) {
    style_.dark = on;
    darkAction_->setChecked(on);
    applyStyle();
}

void MainWindow::applyStyle() {
    // The platform palette is kept so switching back to light restores it exactly.
    static const QPalette platformPalette = QApplication::palette();
    if (style_.dark && QApplication::style()->name() != QLatin1String("fusion"))
        QApplication::setStyle(QStringLiteral("Fusion")); // honours a dark palette everywhere
    QApplication::setPalette(style_.palette(platformPalette));
    QFont f = baseFont_;
    f.setPointSizeF(baseFont_.pointSizeF() * style_.scale);
    setFont(f);
    for (Page* p : std::as_const(pages_))
        p->setStyle(style_);
    fitNavigator();
}

void MainWindow::fitNavigator() {
    constexpr int kRoomyWidth = 1400; // narrower, presentation mode gives the lessons' room away
    const bool shown =
        navigatorChoice_ == PanelChoice::Shown ||
        (navigatorChoice_ == PanelChoice::Auto && !(style_.scale > 1 && width() < kRoomyWidth));
    navigatorDock_->setVisible(shown);
    if (!shown) return;
    // About a quarter of the window for the lessons, never below the text's readable minimum.
    const int wanted = std::clamp(int(0.24 * width()), navigator_->minimumWidth(),
                                  std::max(navigator_->minimumWidth(), int(380 * style_.scale)));
    resizeDocks({navigatorDock_}, {wanted}, Qt::Horizontal);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) fitNavigator();
}

void MainWindow::showShortcuts() {
    auto row = [](const QString& key, const QString& what) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
    };
    QString keys;
    for (QAction* a : actions())
        if (!a->shortcut().isEmpty())
            keys += row(a->shortcut().toString(QKeySequence::NativeText),
                        a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    const QString mouse =
        row(tr("Click"), tr("on a map or a curve: move the start point there")) +
        row(tr("Drag a start"), tr("move it; every run follows while you drag")) +
        row(tr("Shift+click"), tr("on a map: a start of its own for the run in the inspector")) +
        row(tr("Drag a point"), tr("on the derivative page: move x, or y = x + h")) +
        row(tr("Drag"), tr("elsewhere on a plot: pan")) + row(tr("Wheel"), tr("on a plot: zoom")) +
        row(tr("Double-click"), tr("on a plot: back to the whole function")) +
        row(tr("Wheel over a control"),
            tr("scrolls the panel; click the control first to change it with the wheel"));
    QMessageBox box(this);
    box.setWindowTitle(tr("Keys and mouse"));
    box.setText(tr("<h3>Keys</h3><table cellspacing=4>%1</table><h3>Mouse</h3><table "
                   "cellspacing=4>%2</table>")
                    .arg(keys, mouse));
    box.exec();
}

void MainWindow::showAbout() {
    // The scene format page is installed beside the licence; a build run from its own folder
    // points at the source tree instead.
    const QString installedFormat =
        QDir::cleanPath(QApplication::applicationDirPath() +
                        QStringLiteral("/" GRADSCAPE_DOC_DIR_FROM_BIN "/scene-format.md"));
    const QString format = QFileInfo::exists(installedFormat)
                               ? QStringLiteral("<a href=\"%1\">%2</a>")
                                     .arg(QUrl::fromLocalFile(installedFormat).toString(),
                                          installedFormat.toHtmlEscaped())
                               : QStringLiteral("<code>docs/scene-format.md</code>");
    QMessageBox box(
        QMessageBox::NoIcon, tr("About Gradscape"),
        tr("<h3>Gradscape %1</h3>"
           "<p>See how optimization for deep learning works: derivatives, gradients "
           "and the optimizers that follow them.</p>"
           "<p>Scenes are JSON files, described in %2. A scene saved as "
           "<code>NAME.gradscape.json</code> opens in Gradscape on a double click.</p>"
           "<p>Copyright © 2026 The Gradscape developers.<br>Gradscape's code is free "
           "software under the MIT licence. It uses Qt %3 (LGPL 3), Eigen (MPL 2), "
           "SLEEF (Boost 1.0), cgif (MIT) and QCustomPlot (GPL 3 or later), so the "
           "program as distributed is under the GPL 3 or later.</p>")
            .arg(QStringLiteral(GRADSCAPE_VERSION), format, QString::fromLatin1(qVersion())),
        QMessageBox::Ok, this);
    box.setTextFormat(Qt::RichText);
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/gradscape-128.png"))
                          .pixmap(QSize(64, 64), devicePixelRatio()));
    box.exec();
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

Page* MainWindow::currentPage() const {
    return qobject_cast<Page*>(stack_->currentWidget());
}

QString MainWindow::openScene(const Scene& scene) {
    Page* p = page(scene.page);
    if (!p) return tr("this build has no page '%1'").arg(scene.page);
    if (const QString error = p->applyScene(scene); !error.isEmpty()) return error;
    stack_->setCurrentWidget(p);
    navigator_->showCurrent(scene.lesson, scene.page);
    pageShown();
    setDarkTheme(scene.theme == Scene::Theme::Dark);
    return {};
}

QString MainWindow::openLesson(const QString& name) {
    const auto lesson = loadLesson(name);
    if (const auto* e = std::get_if<SceneError>(&lesson)) return e->text();
    const Lesson& l = std::get<Lesson>(lesson);
    // A lesson keeps the theme the lecturer chose; its scene sets only what makes its point.
    Scene scene = l.scene;
    scene.theme = style_.dark ? Scene::Theme::Dark : Scene::Theme::Light;
    if (const QString e = openScene(scene); !e.isEmpty()) return e;
    currentFile_.clear();
    setWindowTitle(tr("%1 — Gradscape").arg(l.title));
    return {};
}

bool MainWindow::openFile(const QString& path) {
    const SceneResult result = loadSceneFile(path);
    QString error;
    if (const auto* e = std::get_if<SceneError>(&result))
        error = e->text();
    else
        error = openScene(std::get<Scene>(result));
    if (!error.isEmpty()) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    currentFile_ = path;
    setWindowTitle(tr("%1 — Gradscape").arg(QFileInfo(path).fileName()));
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::open() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Scene"), QString(),
        tr("Gradscape scenes (*.gradscape.json *.json);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

bool MainWindow::save() {
    if (currentFile_.isEmpty()) return saveAs();
    if (const QString error = saveSceneFile(currentPage()->scene(), currentFile_);
        !error.isEmpty()) {
        showError(tr("Scene not saved"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(currentFile_), 5000);
    return true;
}

bool MainWindow::saveAs() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Scene"), QStringLiteral("scene.gradscape.json"),
                                     tr("Gradscape scenes (*.gradscape.json *.json)"));
    if (path.isEmpty()) return false;
    currentFile_ = path;
    setWindowTitle(tr("%1 — Gradscape").arg(QFileInfo(path).fileName()));
    addRecentFile(path);
    return save();
}

void MainWindow::exportImageDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), QStringLiteral("gradscape.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    Page* page = currentPage();
    const bool png =
        QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0;
    ExportDialog options(png ? ExportDialog::Kind::Png : ExportDialog::Kind::Vector,
                         page->plot()->size(), page->playback() ? page->playback()->last() : 0,
                         this);
    if (options.exec() != QDialog::Accepted) return;
    const QString error = exportImage(*page, path, options.imageSize(), options.scale());
    if (!error.isEmpty())
        showError(tr("Image not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::exportPageDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Whole Page"), QStringLiteral("gradscape-page.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (const QString error = saveWidget(*currentPage(), path, devicePixelRatioF());
        !error.isEmpty())
        showError(tr("Page not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::exportGifDialog() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Animated GIF"),
                                     QStringLiteral("gradscape.gif"), tr("GIF animation (*.gif)"));
    if (path.isEmpty()) return;
    Page* page = currentPage();
    ExportDialog options(ExportDialog::Kind::Gif, page->plot()->size(),
                         page->playback() ? page->playback()->last() : 0, this);
    if (options.exec() != QDialog::Accepted) return;
    QProgressDialog progress(tr("Rendering frames…"), tr("Cancel"), 0, options.frames(), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancel{false};
    GifOptions gif;
    gif.size = options.imageSize();
    gif.fps = options.fps();
    gif.frames = options.frames();
    gif.cancel = &cancel;
    gif.progress = [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        QApplication::processEvents();
        if (progress.wasCanceled()) cancel = true;
    };
    const QString error = exportGif(*page, path, gif);
    if (!error.isEmpty())
        showError(tr("GIF not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::exportCsvDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Runs"), QStringLiteral("runs.csv"), tr("CSV table (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = exportCsv(*currentPage(), path); !error.isEmpty())
        showError(tr("CSV not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(message, 10000);
    if (QApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::warning(this, title, message);
}

void MainWindow::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue("recentFiles", recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setStatusTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) openFile(urls.front().toLocalFile());
}

void MainWindow::readSettings() {
    QSettings settings;
    // The first window fits the screen it opens on; a saved one is kept only where it still fits
    // (a laptop's geometry on a projector's smaller screen is not).
    const QRect screen =
        this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 820);
    const QByteArray geometry = settings.value("window/geometry").toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry) ||
        !screen.contains(frameGeometry().adjusted(8, 8, -8, -8))) {
        const QSize first = QSize(1280, 820).boundedTo(screen.size() * 0.94);
        resize(first);
        move(screen.center() - rect().center());
        if (screen.width() <= 1366 || screen.height() <= 800)
            setWindowState(windowState() | Qt::WindowMaximized); // a projector: use all of it
    }
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

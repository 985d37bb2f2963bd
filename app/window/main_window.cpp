#include "window/main_window.h"

#include "controls/playback_bar.h"
#include "controls/wheel_guard.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_navigator.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "scene/builtin_scenes.h"
#include "scene/quote.h"
#include "scene/scene_json.h"

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
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleHints>
#include <QTimer>
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
    // Once the event loop runs, the page on show is the one asked for (a lesson, a scene file):
    // the hint names playback keys only where there is playback.
    QTimer::singleShot(0, this, [this] {
        statusBar()->showMessage(currentPage()->playback()
                                     ? tr("Space plays, Left/Right step, R resets, F5 presentation "
                                          "mode, F1 all keys")
                                     : tr("F5 presentation mode, PageDown next beat, F1 all keys"),
                                 8000);
    });
}

void MainWindow::createNavigator() {
    library_ = new LessonLibrary(this);
    connect(library_, &LessonLibrary::changed, this, [this] { lessonsChanged(); });
    navigator_ = new LessonNavigator(library_, this);
    navigatorDock_ = new QDockWidget(tr("Lessons"), this);
    navigatorDock_->setObjectName(QStringLiteral("lessons"));
    navigatorDock_->setWidget(navigator_);
    navigatorDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, navigatorDock_);
    connect(navigator_, &LessonNavigator::lessonChosen, this,
            [this](const QString& name, int beat) {
                if (const QString e = openLesson(name, beat); !e.isEmpty())
                    showError(tr("Cannot open the lesson"), e);
            });
    connect(navigator_, &LessonNavigator::pageChosen, this,
            [this](const QString& key) { showPage(key); });
    reportLessonErrors();
}

Page* MainWindow::page(const QString& key) {
    if (Page* p = pages_.value(key)) return p;
    std::unique_ptr<Page> made = PageRegistry::instance().create(key);
    if (!made) return nullptr;
    Page* p = made.release();
    p->setStyle(style_);
    p->setPresentation(style_.scale > 1);
    stack_->addWidget(p); // the stack owns it
    pages_.insert(key, p);
    markSaved(p); // a page as made has nothing unsaved
    connect(p, &Page::focusChanged, this, [this, p] {
        if (p == currentPage()) updateFocusMenu();
    });
    connect(p, &Page::openSceneRequested, this, [this](const Scene& scene) {
        if (const QString e = openScene(scene); !e.isEmpty())
            showError(tr("Cannot open the scene"), e);
    });
    return p;
}

bool MainWindow::showPage(const QString& key) {
    Page* p = page(key);
    if (!p) return false;
    stack_->setCurrentWidget(p);
    place_ = BeatPlace{};
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
    controlsAction_->setEnabled(p->hasSidePanel());
    fitControls();
    updateFocusMenu();
}

// Every action is built by one recipe: text, shortcut, status tip, slot, menu.
QAction* MainWindow::addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                               const QString& tip, std::function<void(bool)> slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, std::move(slot));
    menu->addAction(action);
    QMainWindow::addAction(action); // shortcuts work in full screen too, with the menu bar hidden
    return action;
}

QAction* MainWindow::addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                               const QString& tip, std::function<void()> slot) {
    return addAction(menu, text, key, tip, [slot = std::move(slot)](bool) { slot(); });
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addAction(file, tr("&Open Scene…"), QKeySequence::Open, tr("Open a scene file"),
              [this] { open(); });
    addAction(file, tr("Open &Data Set…"), QKeySequence(tr("Ctrl+Shift+O")),
              tr("Train the classifier on a CSV file of yours (numeric features, a label column)"),
              [this] {
                  const QString path =
                      QFileDialog::getOpenFileName(this, tr("Open Data Set"), QString(),
                                                   tr("CSV data sets (*.csv);;All files (*)"));
                  if (path.isEmpty()) return;
                  if (const QString e = openDataSet(path); !e.isEmpty())
                      showError(tr("Cannot open the data set"), e);
              });
    addAction(file, tr("Open &Image Folder…"), QKeySequence(),
              tr("Train the classifier on a folder of IDX images named as MNIST's are"), [this] {
                  const QString dir =
                      QFileDialog::getExistingDirectory(this, tr("Open Image Folder"));
                  if (dir.isEmpty()) return;
                  if (const QString e = openDataSet(dir); !e.isEmpty())
                      showError(tr("Cannot open the data set"), e);
              });
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
    createLessonFileActions(file);
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
    controlsAction_ = addAction(
        view, tr("&Controls Panel"), Qt::Key_F8,
        tr("Show or hide the page's settings, to give the pictures the room"), [this](bool on) {
            controlsChoice_ = on ? PanelChoice::Shown : PanelChoice::Hidden;
            fitControls();
            if (!on) statusBar()->showMessage(tr("Controls hidden: F8 brings them back"), 5000);
        });
    controlsAction_->setCheckable(true);
    controlsAction_->setChecked(true);
    createFocusMenu(view);
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

    // Pages that study another page's scene (a learning-rate sweep), from the registry.
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    for (const PageInfo& info : PageRegistry::instance().pages()) {
        if (!info.openFrom) continue;
        const QString key = info.key;
        addAction(tools, tr("%1 of This Page").arg(info.title), QKeySequence(), info.description,
                  [this, key] {
                      const PageInfo* target = PageRegistry::instance().find(key);
                      const std::optional<Scene> s = target->openFrom(currentPage()->scene());
                      if (!s)
                          statusBar()->showMessage(
                              tr("%1 cannot take this page's scene").arg(target->title), 5000);
                      else if (const QString e = openScene(*s); !e.isEmpty())
                          showError(tr("Cannot open %1").arg(target->title), e);
                  });
    }

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

void MainWindow::setPresentationMode(bool on) {
    style_.scale = on ? PlotStyle::kPresentationScale : 1.0;
    presentationAction_->setChecked(on);
    applyStyle();
    fitControls();
    if (on && narrow() && currentPage()->hasSidePanel() && !controlsAction_->isChecked())
        statusBar()->showMessage(tr("Controls hidden to give the pictures the room: F8 shows "
                                    "them"),
                                 8000);
}

bool MainWindow::narrow() const {
    // Below this width, presentation sizes leave the pictures of a page with its settings beside
    // or under them below a readable size (see the pages' own minimum sizes).
    constexpr int kRoomyWidth = 1400;
    return style_.scale > 1 && width() < kRoomyWidth;
}

void MainWindow::fitControls() {
    // Until F8 says otherwise, a projector's narrow screen gives the controls' room to the
    // pictures; the lessons panel does the same (fitNavigator).
    const bool shown = controlsChoice_ == PanelChoice::Shown ||
                       (controlsChoice_ == PanelChoice::Auto && !narrow());
    controlsAction_->setChecked(shown);
    if (Page* p = currentPage()) p->setSidePanelVisible(shown);
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
    for (Page* p : std::as_const(pages_)) {
        p->setStyle(style_);
        p->setPresentation(style_.scale > 1);
    }
    fitNavigator();
}

void MainWindow::fitNavigator() {
    // Narrow, presentation mode gives the lessons' room away.
    const bool shown = navigatorChoice_ == PanelChoice::Shown ||
                       (navigatorChoice_ == PanelChoice::Auto && !narrow());
    navigatorDock_->setVisible(shown);
    if (!shown) return;
    // About a quarter of the window for the lessons, never below the text's readable minimum.
    const int wanted = std::clamp(int(0.24 * width()), navigator_->minimumWidth(),
                                  std::max(navigator_->minimumWidth(), int(380 * style_.scale)));
    resizeDocks({navigatorDock_}, {wanted}, Qt::Horizontal);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        fitNavigator();
        fitControls();
    }
}

Page* MainWindow::currentPage() const {
    return qobject_cast<Page*>(stack_->currentWidget());
}

QString MainWindow::openScene(const Scene& scene) {
    Page* p = page(scene.page);
    if (!p) return tr("this build has no page %1").arg(quote(scene.page));
    if (const QString error = p->showScene(scene); !error.isEmpty()) return error;
    stack_->setCurrentWidget(p);
    // A scene of a lesson (saved from one) shows that lesson's text, from its first beat.
    place_ = BeatPlace{int(library_->names().indexOf(scene.lesson)), 0, true};
    navigator_->showCurrent(scene.lesson, scene.page);
    pageShown();
    setDarkTheme(scene.theme == Scene::Theme::Dark);
    markSaved(p);
    return {};
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(message, 10000);
    if (QApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::warning(this, title, message);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile()) return;
    // A CSV file or a folder (of IDX images) is a data set to train on; anything else a scene.
    const QString path = urls.front().toLocalFile();
    const QFileInfo info(path);
    if (info.isDir() || info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        if (const QString e = openDataSet(path); !e.isEmpty())
            showError(tr("Cannot open the data set"), e);
        return;
    }
    openFile(path);
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
    // A scene file with changes asks; a lesson or a page explored is the app's own, and closing
    // leaves it (a crash would have offered it back through the autosave).
    if (!currentFile_.isEmpty() && isModified() &&
        QApplication::platformName() != QLatin1String("offscreen")) {
        const auto answer = QMessageBox::question(
            this, tr("Save the scene?"),
            tr("%1 has changes that are not saved.").arg(QFileInfo(currentFile_).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    writeSettings();
    if (autosave_) autosave_->clear();
    event->accept();
}

} // namespace gs::app

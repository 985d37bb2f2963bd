#include "window/main_window.h"

#include "controls/playback_bar.h"
#include "render/exporter.h"
#include "render/screenshot.h"
#include "scene/scene_json.h"
#include "window/curve_page.h"
#include "window/export_dialog.h"
#include "window/landscape_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleHints>
#include <QTabWidget>
#include <qcustomplot.h>

namespace gs::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), baseFont_(QApplication::font()) {
    setWindowTitle(tr("Gradscape"));
    setAcceptDrops(true);
    createPages();
    createActions();
    readSettings();
    curvePage_->plot()->setFocus(); // keys play the run; a text field takes them only when clicked
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
    // The page on show takes the keyboard, so Space and the arrows drive its playback.
    connect(pages_, &QTabWidget::currentChanged, this,
            [this] { currentPage()->plot()->setFocus(); });
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
    addAction(file, tr("&Save Scene"), QKeySequence::Save, tr("Save the scene"),
              [this] { save(); });
    addAction(file, tr("Save Scene &As…"), QKeySequence::SaveAs,
              tr("Save the scene under a new name"), [this] { saveAs(); });
    file->addSeparator();
    addAction(file, tr("Export &Image…"), QKeySequence(tr("Ctrl+E")),
              tr("Export the plot as PNG, SVG or PDF"), [this] { exportImageDialog(); });
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
    auto bar = [this] { return currentPage()->playback(); };
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

ScenePage* MainWindow::currentPage() const {
    return qobject_cast<ScenePage*>(pages_->currentWidget());
}

QString MainWindow::openScene(const Scene& scene) {
    ScenePage* page = nullptr;
    for (int i = 0; i < pages_->count(); ++i) {
        auto* candidate = qobject_cast<ScenePage*>(pages_->widget(i));
        if (candidate && candidate->scene().view == scene.view) page = candidate;
    }
    if (!page) return tr("this build has no page for that kind of scene");
    if (const QString error = page->applyScene(scene); !error.isEmpty()) return error;
    pages_->setCurrentWidget(page);
    setDarkTheme(scene.theme == Scene::Theme::Dark);
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
        this, tr("Open Scene"), QString(), tr("Gradscape scenes (*.json);;All files (*)"));
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
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Scene"), QStringLiteral("scene.json"), tr("Gradscape scenes (*.json)"));
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
    ScenePage* page = currentPage();
    const bool png =
        QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0;
    ExportDialog options(png ? ExportDialog::Kind::Png : ExportDialog::Kind::Vector,
                         page->plot()->size(), page->playback()->last(), this);
    if (options.exec() != QDialog::Accepted) return;
    const QString error = exportImage(*page, path, options.imageSize(), options.scale());
    if (!error.isEmpty())
        showError(tr("Image not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::exportGifDialog() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Animated GIF"),
                                     QStringLiteral("gradscape.gif"), tr("GIF animation (*.gif)"));
    if (path.isEmpty()) return;
    ScenePage* page = currentPage();
    ExportDialog options(ExportDialog::Kind::Gif, page->plot()->size(), page->playback()->last(),
                         this);
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

// MainWindow's files: opening and saving scenes, the recent files, and the autosave that keeps
// unsaved changes through a crash and offers them back on the next start.

#include "window/main_window.h"

#include "files/safe_write.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "scene/scene_json.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace gs::app {

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
    setCurrentFile(path);
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

QString MainWindow::openDataSet(const QString& path) {
    const QVector<PageInfo>& pages = PageRegistry::instance().pages();
    const PageInfo* target = PageRegistry::instance().find(pages_.key(currentPage()));
    if (!target || !target->openData) {
        const auto it = std::find_if(pages.begin(), pages.end(),
                                     [](const PageInfo& p) { return bool(p.openData); });
        target = it == pages.end() ? nullptr : &*it;
    }
    if (!target) return tr("no page of this build trains on a data set");
    Page* p = page(target->key);
    const QString error =
        openScene(target->openData(p->scene(), QFileInfo(path).absoluteFilePath()));
    if (!error.isEmpty()) return error;
    statusBar()->showMessage(tr("Training on %1").arg(path), 5000);
    return {};
}

void MainWindow::open() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Scene"), QString(),
        tr("Gradscape scenes (*.gradscape.json *.json);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::setCurrentFile(const QString& path) {
    currentFile_ = path;
    filePage_ = path.isEmpty() ? QString() : pages_.key(currentPage());
    if (!path.isEmpty()) setWindowTitle(tr("%1 — Gradscape").arg(QFileInfo(path).fileName()));
}

bool MainWindow::save() {
    // A file belongs to the page it was opened on: another page's scene goes to a new name.
    if (currentFile_.isEmpty() || filePage_ != pages_.key(currentPage())) return saveAs();
    if (isReadOnlyFile(currentFile_))
        return offerSaveAs(tr("%1 is read-only, so it was left as it is.").arg(currentFile_));
    return saveTo(currentFile_);
}

bool MainWindow::saveAs() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Scene"), QStringLiteral("scene.gradscape.json"),
                                     tr("Gradscape scenes (*.gradscape.json *.json)"));
    return !path.isEmpty() && saveTo(path);
}

bool MainWindow::saveTo(const QString& path) {
    if (const QString error = saveSceneFile(currentPage()->sceneShown(), path); !error.isEmpty())
        return offerSaveAs(
            tr("%1.\nThe file on disk is as it was before, and the scene is still open.")
                .arg(error));
    setCurrentFile(path);
    addRecentFile(path);
    markSaved(currentPage());
    if (autosave_) autosave_->clear();
    autosaved_.clear();
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::offerSaveAs(const QString& message) {
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    if (QApplication::platformName() == QLatin1String("offscreen")) return false;
    QMessageBox box(QMessageBox::Warning, tr("Scene not saved"), message, QMessageBox::Cancel,
                    this);
    QPushButton* elsewhere = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
    box.setDefaultButton(elsewhere);
    box.exec();
    return box.clickedButton() == elsewhere && saveAs();
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

QByteArray MainWindow::sceneBytes(const Page* page) const {
    return page ? sceneToJson(page->sceneShown()) : QByteArray();
}

void MainWindow::markSaved(const Page* page) {
    savedScenes_.insert(pages_.key(const_cast<Page*>(page)), sceneBytes(page));
}

bool MainWindow::isModified() const {
    const Page* p = currentPage();
    return p && sceneBytes(p) != savedScenes_.value(pages_.key(const_cast<Page*>(p)));
}

void MainWindow::startAutosave(int intervalMs, const QString& folder) {
    autosave_ = std::make_unique<Autosave>(folder);
    if (!autosaveTimer_) {
        autosaveTimer_ = new QTimer(this);
        connect(autosaveTimer_, &QTimer::timeout, this, [this] { autosaveNow(); });
    }
    autosaveTimer_->start(intervalMs);
}

bool MainWindow::autosaveNow() {
    if (!autosave_ || !isModified()) return false;
    const QByteArray scene = sceneBytes(currentPage());
    if (scene == autosaved_) return false;
    if (const QString error = autosave_->write(scene, currentFile_, windowTitle());
        !error.isEmpty()) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000);
        return false;
    }
    autosaved_ = scene;
    return true;
}

QString MainWindow::restoreSnapshot(const Autosave::Entry& entry) {
    const SceneResult result = sceneFromJson(entry.scene);
    if (const auto* e = std::get_if<SceneError>(&result)) return e->text();
    if (const QString e = openScene(std::get<Scene>(result)); !e.isEmpty()) return e;
    // Still unsaved: Save writes it to the file it came from, and the autosave keeps it.
    const bool fileThere = !entry.sceneFile.isEmpty() && QFileInfo(entry.sceneFile).isFile();
    setCurrentFile(fileThere ? entry.sceneFile : QString());
    savedScenes_.insert(pages_.key(currentPage()), QByteArray());
    setWindowTitle(
        tr("%1 (restored) — Gradscape")
            .arg(fileThere ? QFileInfo(entry.sceneFile).fileName() : tr("Unsaved scene")));
    Autosave::discard(entry);
    autosaved_.clear();
    autosaveNow();
    return {};
}

bool MainWindow::offerRecovery() {
    if (!autosave_) return false;
    const QVector<Autosave::Entry> found = autosave_->recoverable();
    if (found.isEmpty()) return false;
    const Autosave::Entry& newest = found.front();
    const QString what = newest.sceneFile.isEmpty()
                             ? tr("a scene that was never saved")
                             : tr("the scene %1").arg(QFileInfo(newest.sceneFile).fileName());
    QMessageBox box(
        QMessageBox::Question, tr("Restore unsaved changes?"),
        tr("Gradscape ended without saving changes to %1 (kept %2). Restore them?")
            .arg(what, QLocale().toString(newest.saved.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, this);
    QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == discard) Autosave::discard(newest);
    if (box.clickedButton() != restore) return false;
    if (const QString e = restoreSnapshot(newest); !e.isEmpty()) {
        showError(tr("Cannot restore the scene"), e);
        return false;
    }
    return true;
}

} // namespace gs::app

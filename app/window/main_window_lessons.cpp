// MainWindow's lessons: the Go menu that walks beats and lessons, opening a lesson file, saving
// the page as the start of a new lesson, and the handout.

#include "window/main_window.h"

#include "files/safe_write.h"
#include "lessons/handout.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_navigator.h"
#include "pages/page.h"
#include "pages/page_registry.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QStatusBar>

#include <cstdio>

namespace gs::app {

void MainWindow::createGoMenu() {
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    // A presenter's remote sends PageDown and PageUp: they walk beats, then lessons.
    addAction(go, tr("&Next Beat"), Qt::Key_PageDown,
              tr("Show the next beat of the lesson (a question's answer first), then the next "
                 "lesson"),
              [this] { stepBeat(+1); });
    addAction(go, tr("&Previous Beat"), Qt::Key_PageUp,
              tr("Show the previous beat, then the previous lesson"), [this] { stepBeat(-1); });
    addAction(go, tr("First Beat of the Lesson"), QKeySequence(Qt::CTRL | Qt::Key_Home),
              tr("Back to the lesson's first beat"), [this] { lessonEnd(false); });
    addAction(go, tr("Last Beat of the Lesson"), QKeySequence(Qt::CTRL | Qt::Key_End),
              tr("On to the lesson's last beat"), [this] { lessonEnd(true); });
    addAction(go, tr("Next &Lesson"), QKeySequence(Qt::CTRL | Qt::Key_PageDown),
              tr("Open the next lesson"), [this] { stepLesson(+1); });
    addAction(go, tr("Previous L&esson"), QKeySequence(Qt::CTRL | Qt::Key_PageUp),
              tr("Open the previous lesson"), [this] { stepLesson(-1); });
    go->addSeparator();
    const QVector<PageInfo>& pages = PageRegistry::instance().pages();
    for (int i = 0; i < pages.size(); ++i) {
        const QString key = pages[i].key;
        addAction(go, pages[i].title,
                  i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence(),
                  pages[i].description, [this, key] { showPage(key); });
    }
}

void MainWindow::createLessonFileActions(QMenu* file) {
    addAction(file, tr("Open &Lesson…"), QKeySequence(tr("Ctrl+L")),
              tr("Open a lesson file (Markdown with beats) and add it to the lessons"), [this] {
                  const QString path =
                      QFileDialog::getOpenFileName(this, tr("Open Lesson"), QString(),
                                                   tr("Gradscape lessons (*.md);;All files (*)"));
                  if (!path.isEmpty()) openLessonFile(path);
              });
    addAction(file, tr("Save as Lesso&n…"), QKeySequence(),
              tr("Write this page's scene as a new lesson file to edit in any text editor"),
              [this] { saveAsLessonDialog(); });
    addAction(file, tr("Export &Handout…"), QKeySequence(),
              tr("Every lesson of this set as one PDF: contents, each beat's picture and text"),
              [this] { exportHandoutDialog(); });
}

QVector<QVector<bool>> MainWindow::lessonShape() const {
    QVector<QVector<bool>> shape;
    for (const QString& name : library_->names()) {
        QVector<bool> questions;
        if (const Lesson* l = library_->find(name)->loaded())
            for (const Beat& b : l->beats)
                questions << b.question;
        shape << questions;
    }
    return shape;
}

QString MainWindow::openLesson(const QString& name, int beat) {
    const int index = int(library_->names().indexOf(name));
    if (index < 0) return noSuchLesson(name, library_->names());
    const LessonEntry* entry = library_->find(name);
    if (const LessonError* e = entry->error()) return e->text();
    const int k = std::clamp(beat, 0, int(entry->loaded()->beats.size()) - 1);
    return showBeat(enterBeat(index, k, lessonShape()));
}

QString MainWindow::showBeat(const BeatPlace& place) {
    const QStringList names = library_->names();
    if (place.lesson < 0 || place.lesson >= names.size()) return tr("no such lesson");
    const LessonEntry* entry = library_->find(names[place.lesson]);
    if (const LessonError* e = entry->error()) return e->text();
    const Lesson& l = *entry->loaded();
    // A lesson keeps the theme the lecturer chose; its scene sets only what makes its point.
    Scene scene = l.sceneAt(place.beat, place.answered);
    scene.theme = style_.dark ? Scene::Theme::Dark : Scene::Theme::Light;
    if (const QString e = openScene(scene); !e.isEmpty()) return e;
    place_ = place;
    navigator_->showCurrent(l.name, scene.page, place.beat, place.answered);
    setCurrentFile({});
    updateLessonTitle();
    // With the lessons panel out of the way (a projector), the status bar names the beat.
    if (!navigatorDock_->isVisible() && l.beats.size() > 1) {
        const Beat& b = l.beats[place.beat];
        statusBar()->showMessage(tr("Beat %1 of %2: %3%4")
                                     .arg(place.beat + 1)
                                     .arg(l.beats.size())
                                     .arg(b.title, b.question && !place.answered
                                                       ? tr(" (PageDown shows the answer)")
                                                       : QString()),
                                 15000);
    } else {
        statusBar()->clearMessage(); // the panel says it, and an old beat's message would not
    }
    return {};
}

void MainWindow::updateLessonTitle() {
    const QStringList names = library_->names();
    const LessonEntry* entry = place_.lesson >= 0 && place_.lesson < names.size()
                                   ? library_->find(names[place_.lesson])
                                   : nullptr;
    const Lesson* l = entry ? entry->loaded() : nullptr;
    if (!l) return;
    if (l->beats.size() < 2) {
        setWindowTitle(tr("%1 — Gradscape").arg(l->title));
        return;
    }
    const Beat& b = l->beats[place_.beat];
    setWindowTitle(tr("%1 — beat %2 of %3%4 — Gradscape")
                       .arg(l->title)
                       .arg(place_.beat + 1)
                       .arg(l->beats.size())
                       .arg(b.question && !place_.answered ? tr(" (question)") : QString()));
}

void MainWindow::stepBeat(int delta) {
    const QVector<QVector<bool>> shape = lessonShape();
    const auto there = delta > 0 ? nextBeat(place_, shape) : previousBeat(place_, shape);
    if (!there) {
        statusBar()->showMessage(delta > 0 ? tr("This is the last beat of the last lesson")
                                           : tr("This is the first beat of the first lesson"),
                                 4000);
        return;
    }
    if (const QString e = showBeat(*there); !e.isEmpty())
        showError(tr("Cannot open the lesson"), e);
}

void MainWindow::stepLesson(int delta) {
    const QVector<QVector<bool>> shape = lessonShape();
    for (int i = place_.lesson < 0 && delta > 0 ? 0 : place_.lesson + delta;
         i >= 0 && i < shape.size(); i += delta) {
        if (shape[i].isEmpty()) continue; // a lesson that does not load
        if (const QString e = showBeat(enterBeat(i, 0, shape)); !e.isEmpty())
            showError(tr("Cannot open the lesson"), e);
        return;
    }
    statusBar()->showMessage(
        delta > 0 ? tr("This is the last lesson") : tr("This is the first lesson"), 4000);
}

void MainWindow::lessonEnd(bool last) {
    const QVector<QVector<bool>> shape = lessonShape();
    if (place_.lesson < 0 || place_.lesson >= shape.size() || shape[place_.lesson].isEmpty()) {
        statusBar()->showMessage(tr("No lesson is open"), 4000);
        return;
    }
    const int k = last ? int(shape[place_.lesson].size()) - 1 : 0;
    const BeatPlace there =
        last ? BeatPlace{place_.lesson, k, true} : enterBeat(place_.lesson, k, shape);
    if (const QString e = showBeat(there); !e.isEmpty()) showError(tr("Cannot open the lesson"), e);
}

bool MainWindow::addLessonFolder(const QString& folder) {
    if (!library_->addFolder(folder)) return false;
    navigator_->rebuild();
    reportLessonErrors();
    return true;
}

QString MainWindow::openLessonFile(const QString& path) {
    const QString name = library_->addFile(path);
    navigator_->rebuild();
    const LessonEntry* entry = library_->find(name);
    if (const LessonError* e = entry ? entry->error() : nullptr) {
        std::fprintf(stderr, "gradscape: %s\n", qPrintable(e->text()));
        showError(tr("Cannot open the lesson"), e->text());
        return e->text();
    }
    const QString error = openLesson(name);
    if (!error.isEmpty()) showError(tr("Cannot open the lesson"), error);
    return error;
}

void MainWindow::lessonsChanged() {
    // A lesson file edited on disk: list it again and, when it is on show, show the beat again
    // as it reads now (the same beat, when it still has it).
    const QString current = navigator_->currentLesson();
    const BeatPlace was = place_;
    navigator_->rebuild();
    reportLessonErrors();
    if (current.isEmpty()) return;
    const LessonEntry* entry = library_->find(current);
    if (!entry || entry->error()) {
        statusBar()->showMessage(entry ? entry->error()->text() : tr("%1 is gone").arg(current),
                                 10000);
        return;
    }
    const int index = int(library_->names().indexOf(current));
    const int beats = int(entry->loaded()->beats.size());
    BeatPlace now{index, std::min(was.beat, beats - 1), was.answered};
    if (const QString e = showBeat(now); !e.isEmpty())
        statusBar()->showMessage(e, 10000);
    else
        statusBar()->showMessage(tr("Lesson %1 read again").arg(current), 4000);
}

void MainWindow::reportLessonErrors() const {
    // Said once per error and per session, so a watched file's every save does not repeat the rest.
    for (const QString& e : library_->errors()) {
        if (reportedErrors_.contains(e)) continue;
        reportedErrors_.insert(e);
        std::fprintf(stderr, "gradscape: %s\n", qPrintable(e));
    }
}

QString MainWindow::saveAsLesson(const QString& path, const QString& title) {
    Scene scene = currentPage()->sceneShown();
    scene.lesson.clear();
    if (const QString e = writeWhole(path, lessonTemplate(scene, title)); !e.isEmpty()) return e;
    return {};
}

void MainWindow::saveAsLessonDialog() {
    QDir().mkpath(LessonLibrary::userFolder());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save as Lesson"), LessonLibrary::userFolder() + QStringLiteral("/my-lesson.md"),
        tr("Gradscape lessons (*.md)"));
    if (path.isEmpty()) return;
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Save as Lesson"), tr("Lesson title:"), QLineEdit::Normal,
                              currentPage()->scene().title, &ok);
    if (!ok) return;
    if (const QString e = saveAsLesson(path, title.isEmpty() ? tr("My lesson") : title);
        !e.isEmpty()) {
        showError(tr("Lesson not saved"), e);
        return;
    }
    // In the user's folder it is listed already; anywhere else it is opened like a lesson file.
    if (QFileInfo(path).absolutePath() == QFileInfo(LessonLibrary::userFolder()).absoluteFilePath())
        addLessonFolder(LessonLibrary::userFolder());
    library_->reload();
    openLessonFile(path);
    statusBar()->showMessage(tr("Saved %1: edit it in any text editor, Gradscape reads it again "
                                "when it changes")
                                 .arg(path),
                             10000);
}

QVector<Lesson> MainWindow::handoutLessons(QString* title, QString* folder) const {
    const LessonSet* set = library_->setOf(navigator_->currentLesson());
    if (!set) set = &library_->sets().front();
    QVector<Lesson> lessons;
    for (const LessonEntry& e : set->lessons)
        if (const Lesson* l = e.loaded()) lessons << *l;
    if (title) *title = set->title;
    if (folder) *folder = set->folder;
    return lessons;
}

void MainWindow::exportHandoutDialog() {
    QString setTitle;
    const QVector<Lesson> lessons = handoutLessons(&setTitle);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Handout"),
                                                      QStringLiteral("gradscape-handout.pdf"),
                                                      tr("PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    int beats = 0;
    for (const Lesson& l : lessons)
        beats += int(l.beats.size());
    QProgressDialog progress(tr("Drawing the handout…"), tr("Cancel"), 0, beats, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancel{false};
    HandoutOptions o;
    o.pageSize = QLocale().measurementSystem() == QLocale::ImperialUSSystem
                     ? QPageSize(QPageSize::Letter)
                     : QPageSize(QPageSize::A4);
    o.subtitle = setTitle;
    o.cancel = &cancel;
    o.progress = [&](int done, int) {
        progress.setValue(done);
        QApplication::processEvents();
        if (progress.wasCanceled()) cancel = true;
    };
    HandoutLayout layout;
    const QString error = writeHandout(lessons, path, o, &layout);
    if (!error.isEmpty())
        showError(tr("Handout not exported"), error);
    else
        statusBar()->showMessage(tr("Exported %1: %2 lessons on %3 pages")
                                     .arg(path)
                                     .arg(lessons.size())
                                     .arg(layout.pages),
                                 8000);
}

} // namespace gs::app

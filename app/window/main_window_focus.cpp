// MainWindow's View > Focus menu: any picture of the page on show enlarged to the whole page and
// back, for a projector (keys 1–4 for the page's first four pictures, Esc for all of them).

#include "window/main_window.h"

#include "pages/page.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

namespace gs::app {

namespace {
constexpr int kFocusKeys = 4; // pictures 1–4 have a key; no page shows more side by side
} // namespace

void MainWindow::createFocusMenu(QMenu* view) {
    QMenu* menu = view->addMenu(tr("F&ocus"));
    for (int i = 0; i < kFocusKeys; ++i) {
        QAction* a = addAction(
            menu, QString(), QKeySequence(Qt::Key(Qt::Key_1 + i)),
            tr("Enlarge this picture to the whole page (double-click it, or Esc, to go back)"),
            [this, i](bool on) {
                Page* p = currentPage();
                const QVector<PictureInfo> pictures = p->pictures();
                if (i >= pictures.size()) return;
                p->focusPicture(on ? pictures[i].key : QString());
                if (on)
                    statusBar()->showMessage(
                        tr("%1 fills the page: Esc shows every picture").arg(pictures[i].title),
                        5000);
            });
        a->setCheckable(true);
        focusActions_ << a;
    }
    menu->addSeparator();
    unfocusAction_ = addAction(menu, tr("&All Pictures"), QKeySequence(Qt::Key_Escape),
                               tr("Show every picture of the page again"),
                               [this] { currentPage()->focusPicture({}); });
}

void MainWindow::updateFocusMenu() {
    const Page* p = currentPage();
    if (!p || focusActions_.isEmpty()) return;
    const QVector<PictureInfo> pictures = p->pictures();
    const QString focused = p->focusedPicture();
    for (int i = 0; i < focusActions_.size(); ++i) {
        QAction* a = focusActions_[i];
        const bool has = i < pictures.size();
        // A hidden action's key does nothing: 3 on a page of two pictures is not taken.
        a->setVisible(has);
        a->setEnabled(has);
        if (!has) continue;
        a->setText(tr("&%1 %2").arg(i + 1).arg(pictures[i].title));
        a->setChecked(pictures[i].key == focused);
    }
    unfocusAction_->setEnabled(!focused.isEmpty());
}

} // namespace gs::app

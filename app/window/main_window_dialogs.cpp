// MainWindow's dialogs: exports of the page on show (plot, whole page, GIF, CSV, window
// screenshot), the list of keys and mouse gestures, and About.

#include "window/main_window.h"

#include "controls/playback_bar.h"
#include "pages/page.h"
#include "render/exporter.h"
#include "render/screenshot.h"
#include "window/export_dialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QUrl>
#include <qcustomplot.h>

namespace gs::app {

void MainWindow::showShortcuts() {
    auto row = [](const QString& key, const QString& what) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
    };
    QString keys;
    for (QAction* a : actions())
        if (!a->shortcut().isEmpty() && a->isVisible()) // the page's own pictures only
            keys += row(a->shortcut().toString(QKeySequence::NativeText),
                        a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    const QString mouse =
        row(tr("Click"), tr("on a map or a curve: move the start point there")) +
        row(tr("Drag a start"), tr("move it; every run follows while you drag")) +
        row(tr("Shift+click"), tr("on a map: a start of its own for the run in the inspector")) +
        row(tr("Drag a point"), tr("on the derivative page: move x, or y = x + h")) +
        row(tr("Drag"), tr("elsewhere on a plot: pan")) + row(tr("Wheel"), tr("on a plot: zoom")) +
        row(tr("Double-click"), tr("on a picture of several: focus it (again: all of them); "
                                   "on a lone plot: back to the whole function")) +
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

void MainWindow::exportImageDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), QStringLiteral("gradscape.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    Page* page = currentPage();
    const bool png =
        QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0;
    ExportDialog options(png ? ExportDialog::Kind::Png : ExportDialog::Kind::Vector,
                         page->pictureSize(), page->playback() ? page->playback()->last() : 0,
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
    ExportDialog options(ExportDialog::Kind::Gif, page->pictureSize(),
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

} // namespace gs::app

#pragma once
// Export of what a page shows: images (PNG, SVG, PDF), an animated GIF of the run, a CSV of every
// step. The same code serves the GUI's File > Export and the headless command line. Every function
// returns an empty string on success, else a one-line reason with the system's cause ("no space
// left on device"). A regular file is replaced whole, so a failed export leaves no partial file
// and a read-only one is refused; a device or FIFO (/dev/null, a pipe) is written into, never
// replaced; "-" is standard output (SVG for images).

#include <QSize>
#include <QString>

#include <atomic>
#include <functional>

class QCPPainter;
class QRect;

namespace gs::app {

class Page;

/// The image format follows the suffix: .png, .svg or .pdf. `scale` multiplies the pixel size of a
/// PNG (for high-DPI figures); vector formats ignore it.
QString exportImage(Page& page, const QString& path, QSize size, double scale = 1.0);

/// Paints what exportImage would write (the page's own picture, or its plot laid out at the
/// rect's size) into `rect` of `painter`, which may be a PDF's: vector stays vector.
void paintPage(Page& page, QCPPainter& painter, const QRect& rect);

struct GifOptions {
    QSize size{960, 600};
    int fps = 30;
    int frames = 0; ///< 0: one frame per step, at most 300
    std::function<void(int done, int total)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

/// Renders frames from step 0 to the last step and encodes them with libcgif; a page without
/// playback gives a still (every frame alike).
QString exportGif(Page& page, const QString& path, const GifOptions& options);

/// The page's own table when it has one (a lesson's numbers); otherwise its runs, with the header
/// run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step; numbers with 17 significant digits;
/// f and the gradient are the function's own (an ascent reports f, not −f). 1D leaves y and
/// grad_y empty. status (converged, diverged, step_limit) and stop_step repeat the run's end on
/// each of its rows; a run without a single point still has one row, its numbers empty.
QString exportCsv(const Page& page, const QString& path);

} // namespace gs::app

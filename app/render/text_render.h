#pragma once
// Markdown with formulas ($…$, $$…$$) rendered to an image, for documentation: the formula sheet
// in the README comes from `gradscape --typeset formulas.md --screenshot formulas.svg`.

#include <QString>

namespace gs::app {

/// Renders `markdown` `width` pixels wide (as tall as it needs) to `path`: .png (times `scale`),
/// .svg or .pdf, vector but for PNG. Returns an empty string on success, else a one-line reason.
QString exportMarkdown(const QString& markdown, const QString& path, int width, double scale,
                       double pointSize);

} // namespace gs::app

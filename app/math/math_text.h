#pragma once
// Formulas in text: Markdown with `$…$` (inline) and `$$…$$` (display, a paragraph of its own)
// set into a QTextDocument, each formula an inline object drawn by the typesetter at the text's
// size, on the text's baseline, in the text's colour. `\$` is a dollar sign.

#include <QString>
#include <QStringList>

class QTextDocument;

namespace gs::app::math {

/// Sets `markdown` as the content of `doc` with its formulas typeset. Returns the formulas that
/// did not parse ("x^ (column 2: '^' needs something after it)"); they show their source in red.
QStringList setMathMarkdown(QTextDocument* doc, const QString& markdown);

/// The formulas in `doc` (their sources), in order.
QStringList formulasIn(const QTextDocument* doc);

} // namespace gs::app::math

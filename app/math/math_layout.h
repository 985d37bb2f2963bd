#pragma once
// A formula laid out as a box, in TeX's terms: a width, a height above the baseline and a depth
// below it, holding glyphs, rules and shapes at positions relative to the box's baseline (y grows
// downwards, as in Qt). Sizes follow TeX's styles: display and text at the base size, scripts at
// 70%, scripts of scripts at 50%; fractions, scripts and limits are placed around the math axis
// (the height of a minus sign's bar). Drawing is QPainter text, rectangles and paths, so a formula
// stays vector in SVG and PDF.

#include "math/math_node.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>
#include <vector>

class QPainter;
class QPaintDevice;

namespace gs::app::math {

struct MathGlyph {
    QPointF at; ///< the left end of its baseline
    QString text;
    QFont font;
};

struct MathStroke {
    QPainterPath path;
    double width = 1;
};

struct MathBox {
    double width = 0;
    double height = 0; ///< above the baseline
    double depth = 0;  ///< below the baseline
    std::vector<MathGlyph> glyphs;
    std::vector<QRectF> rules;        ///< filled: fraction bars, overlines, bars
    std::vector<QPainterPath> shapes; ///< filled: grown delimiters, arrowheads, dots
    std::vector<MathStroke> strokes;  ///< drawn: the radical sign, accents
    double axis = 0;                  ///< the math axis above the baseline, for alignment
    bool error = false;               ///< the source did not parse: the box shows it and why

    /// Places `b` with its baseline at x = `dx`, raised by `up` above this box's baseline.
    void place(const MathBox& b, double dx, double up);
};

/// Lays out parsed formulas in `font` (its family and size; variables are set in its italic),
/// measured for `device` (a widget's screen, a PDF writer; null for the screen).
class MathLayout {
public:
    MathLayout(QFont font, const QPaintDevice* device);
    MathBox layout(const NodePtr& formula, bool display) const;

    /// One em at script level `level` (0 = text, 1 = script, 2 = script of script).
    double em(int level = 0) const;

private:
    struct Style {
        bool display = false;
        int level = 0;
    };
    MathBox node(const Node& n, Style s) const;
    MathBox row(const Node& n, Style s) const;
    MathBox glyph(const QString& text, Style s, bool italic, bool bold = false,
                  double scale = 1) const;
    MathBox fraction(const Node& n, Style s) const;
    MathBox scripts(const Node& n, Style s) const;
    MathBox bigOp(const Node& n, Style s) const;
    MathBox radical(const Node& n, Style s) const;
    MathBox accent(const Node& n, Style s) const;
    MathBox fenced(const Node& n, Style s) const;
    MathBox delimiter(const QString& d, double half, Style s) const;
    QFont fontAt(int level, bool italic, bool bold, double scale = 1) const;
    double axis(int level) const;
    double rule(int level) const;

    QFont font_;
    const QPaintDevice* device_;
};

/// Parses and lays out `tex`; a formula that does not parse gives a box that shows the source and
/// the reason in the error color ("x^ ⟨column 2: '^' needs something after it⟩"), never a blank.
MathBox typeset(const QString& tex, const QFont& font, const QPaintDevice* device, bool display,
                QString* error = nullptr);

/// True when `text` holds a formula between dollar signs ("the step $x_{n+1}$").
bool hasMath(const QString& text);
/// Text with `$…$` formulas (a plot title) as one line: the words upright in `font`, the formulas
/// typeset; a formula that does not parse shows its source and why, as typeset() does.
MathBox typesetMixed(const QString& text, const QFont& font, const QPaintDevice* device,
                     QString* error = nullptr);

/// How small a formula is set to fit its room: it cannot break, so it shrinks, this far and no
/// further (then it is cut, as an overlong word would be).
inline constexpr double kMinFitScale = 0.6;
/// `layout(font)` once more with a smaller font when its box is wider than `room`, down to
/// kMinFitScale; the box as it is when it fits or the font has no point size.
MathBox fitWithin(double room, const QFont& font,
                  const std::function<MathBox(const QFont&)>& layout);

/// Draws `box` with its baseline's left end at `origin`.
void drawMath(QPainter& painter, const MathBox& box, QPointF origin, const QColor& color);

} // namespace gs::app::math

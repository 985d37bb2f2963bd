#include "math/math_layout.h"

#include <QCache>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPaintDevice>
#include <QPainter>
#include <QScreen>

#include <algorithm>
#include <cmath>

namespace gs::app::math {

namespace {

constexpr double kLevelScale[] = {1.0, 0.7, 0.5}; // text, script, script of script
constexpr int kCachedFormulas = 512;
constexpr double kThin = 3.0 / 18, kMedium = 4.0 / 18, kThick = 5.0 / 18; // em

/// TeX's spacing between adjacent atoms (The TeXbook, ch. 18): 0 none, 1 thin, 2 medium, 3
/// thick; negative entries only in display and text style.
int spaceBetween(Atom left, Atom right) {
    static const int table[8][8] = {//        Ord Op Bin Rel Open Close Punct Inner
                                    /*Ord*/ {0, 1, -2, -3, 0, 0, 0, -1},
                                    /*Op*/ {1, 1, 0, -3, 0, 0, 0, -1},
                                    /*Bin*/ {-2, -2, 0, 0, -2, 0, 0, -2},
                                    /*Rel*/ {-3, -3, 0, 0, -3, 0, 0, -3},
                                    /*Open*/ {0, 0, 0, 0, 0, 0, 0, 0},
                                    /*Close*/ {0, 1, -2, -3, 0, 0, 0, -1},
                                    /*Punct*/ {-1, -1, 0, -1, -1, -1, -1, -1},
                                    /*Inner*/ {-1, 1, -2, -3, -1, 0, -1, -1}};
    return table[int(left)][int(right)];
}

double dpiOf(const QPaintDevice* device) {
    if (device) return device->logicalDpiY();
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        return screen->logicalDotsPerInchY();
    return 96;
}

} // namespace

void MathBox::place(const MathBox& b, double dx, double up) {
    const QPointF d(dx, -up);
    for (MathGlyph g : b.glyphs) {
        g.at += d;
        glyphs.push_back(std::move(g));
    }
    for (const QRectF& r : b.rules)
        rules.push_back(r.translated(d));
    for (const QPainterPath& p : b.shapes)
        shapes.push_back(p.translated(d));
    for (const MathStroke& s : b.strokes)
        strokes.push_back({s.path.translated(d), s.width});
    height = std::max(height, b.height + up);
    depth = std::max(depth, b.depth - up);
    width = std::max(width, dx + b.width);
    error = error || b.error;
}

MathLayout::MathLayout(QFont font, const QPaintDevice* device)
    : font_(std::move(font)), device_(device) {}

QFont MathLayout::fontAt(int level, bool italic, bool bold, double scale) const {
    QFont f = font_;
    const double factor = kLevelScale[std::clamp(level, 0, 2)] * scale;
    if (font_.pointSizeF() > 0)
        f.setPointSizeF(font_.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(1, int(std::lround(font_.pixelSize() * factor))));
    f.setItalic(italic);
    f.setBold(bold || font_.bold());
    return f;
}

double MathLayout::em(int level) const {
    const double factor = kLevelScale[std::clamp(level, 0, 2)];
    return font_.pointSizeF() > 0 ? font_.pointSizeF() * factor * dpiOf(device_) / 72
                                  : font_.pixelSize() * factor;
}

double MathLayout::axis(int level) const {
    // The bar of a minus sign: where fractions hang and delimiters centre.
    const QFontMetricsF fm(fontAt(level, false, false), const_cast<QPaintDevice*>(device_));
    return fm.strikeOutPos() > 0 ? fm.strikeOutPos() : 0.25 * em(level);
}

double MathLayout::rule(int level) const {
    return std::max(0.045 * em(level), 0.5);
}

MathBox MathLayout::layout(const NodePtr& formula, bool display) const {
    MathBox box = node(*formula, Style{display, 0});
    box.axis = axis(0);
    return box;
}

MathBox MathLayout::glyph(const QString& text, Style s, bool italic, bool bold,
                          double scale) const {
    MathBox box;
    const QFont f = fontAt(s.level, italic, bold, scale);
    const QFontMetricsF fm(f, const_cast<QPaintDevice*>(device_));
    const QRectF ink = fm.tightBoundingRect(text);
    box.width = fm.horizontalAdvance(text); // an italic letter may lean past it, as in TeX
    box.height = std::max(0.0, -ink.top());
    box.depth = std::max(0.0, ink.bottom());
    box.glyphs.push_back({QPointF(0, 0), text, f});
    return box;
}

MathBox MathLayout::node(const Node& n, Style s) const {
    switch (n.kind) {
    case Kind::Row:
        return row(n, s);
    case Kind::Symbol:
        return glyph(n.text, s, n.italic, n.extra == QLatin1String("bold"));
    case Kind::Frac:
        return fraction(n, s);
    case Kind::Scripts:
        return scripts(n, s);
    case Kind::Sqrt:
        return radical(n, s);
    case Kind::Accent:
        return accent(n, s);
    case Kind::Fenced:
        return fenced(n, s);
    case Kind::Space: {
        MathBox box;
        box.width = n.amount * em(s.level);
        return box;
    }
    case Kind::BigOp:
        return bigOp(n, s);
    case Kind::Style:
        return node(*n.children.front(), Style{n.display, n.display ? 0 : s.level});
    }
    return {};
}

MathBox MathLayout::row(const Node& n, Style s) const {
    // A binary operator with nothing to combine on its left (or right) is an ordinary symbol:
    // the minus of −x takes no space.
    std::vector<Atom> atoms;
    for (const NodePtr& c : n.children)
        atoms.push_back(c->kind == Kind::Space ? Atom::Ord : c->atom);
    for (size_t i = 0; i < atoms.size(); ++i) {
        if (atoms[i] != Atom::Bin) continue;
        const bool leftOk = i > 0 && (atoms[i - 1] == Atom::Ord || atoms[i - 1] == Atom::Close ||
                                      atoms[i - 1] == Atom::Inner);
        const bool rightOk = i + 1 < atoms.size() && atoms[i + 1] != Atom::Rel &&
                             atoms[i + 1] != Atom::Close && atoms[i + 1] != Atom::Punct;
        if (!leftOk || !rightOk) atoms[i] = Atom::Ord;
    }
    MathBox box;
    double x = 0;
    for (size_t i = 0; i < n.children.size(); ++i) {
        if (i > 0 && n.children[i]->kind != Kind::Space && n.children[i - 1]->kind != Kind::Space) {
            const int sp = spaceBetween(atoms[i - 1], atoms[i]);
            // Negative entries are spaces of display and text style only.
            if (sp > 0 || (sp < 0 && s.level == 0)) {
                const int amount = std::abs(sp);
                x += (amount == 1 ? kThin : amount == 2 ? kMedium : kThick) * em(s.level);
            }
        }
        const MathBox child = node(*n.children[i], s);
        box.place(child, x, 0);
        x += child.width;
    }
    box.width = std::max(box.width, x);
    return box;
}

MathBox MathLayout::fraction(const Node& n, Style s) const {
    // Numerator and denominator one style smaller (display fractions hold text-style ones),
    // centred over and under a bar on the axis.
    const Style inner{false, s.display ? s.level : std::min(s.level + 1, 2)};
    const MathBox num = node(*n.children[0], inner), den = node(*n.children[1], inner);
    const double t = rule(s.level), a = axis(s.level), e = em(s.level);
    const double gap = s.display ? 2.5 * t : 1.2 * t;
    const double pad = 0.12 * e;
    const double w = std::max(num.width, den.width) + 2 * pad;
    MathBox box;
    box.place(num, (w - num.width) / 2, a + t / 2 + gap + num.depth);
    box.place(den, (w - den.width) / 2, a - t / 2 - gap - den.height);
    box.rules.push_back(QRectF(0.5 * pad, -(a + t / 2), w - pad, t));
    box.width = w;
    return box;
}

MathBox MathLayout::bigOp(const Node& n, Style s) const {
    if (n.extra == QLatin1String("name")) return glyph(n.text, s, false); // lim, sin, max
    // ∑ and ∏ are larger in display style, and every one sits centred on the axis.
    const double scale = s.display && s.level == 0 ? (n.text == QStringLiteral("∫") ? 2.0 : 1.5)
                                                   : (n.text == QStringLiteral("∫") ? 1.3 : 1.1);
    const MathBox g = glyph(n.text, s, false, false, scale);
    MathBox box;
    const double shift = axis(s.level) - (g.height - g.depth) / 2;
    box.place(g, 0, shift);
    return box;
}

MathBox MathLayout::scripts(const Node& n, Style s) const {
    const Node& baseNode = *n.children[0];
    const MathBox base = node(baseNode, s);
    const Style small{false, std::min(s.level + 1, 2)};
    const bool hasSub = n.children[1] != nullptr, hasSup = n.children[2] != nullptr;
    const MathBox sub = hasSub ? node(*n.children[1], small) : MathBox{};
    const MathBox sup = hasSup ? node(*n.children[2], small) : MathBox{};
    const double e = em(s.level), t = rule(s.level);

    MathBox box;
    if (baseNode.kind == Kind::BigOp && baseNode.limits && s.display) {
        // Limits: above and below, centred (∑ from i = 1 to N; lim as y → x).
        const double w = std::max({base.width, sub.width, sup.width});
        box.place(base, (w - base.width) / 2, 0);
        if (hasSup) box.place(sup, (w - sup.width) / 2, base.height + 0.15 * e + sup.depth);
        if (hasSub) box.place(sub, (w - sub.width) / 2, -(base.depth + 0.15 * e + sub.height));
        box.width = w;
        return box;
    }
    box.place(base, 0, 0);
    // TeX's rules, simplified: a superscript at least 0.4 em up and above a tall base's top
    // less a little; a subscript at least 0.2 em down and under a deep base; and when both are
    // there, 4 rule widths between them.
    const double smallEm = em(small.level);
    double up = std::max(
        {base.height - 0.35 * smallEm, (s.display ? 0.42 : 0.38) * e, sup.depth + 0.25 * e});
    double down =
        std::max({base.depth + 0.1 * smallEm, (hasSup ? 0.25 : 0.18) * e, sub.height - 0.6 * e});
    if (hasSub && hasSup) {
        const double clearance = (up - sup.depth) - (sub.height - down);
        if (clearance < 4 * t) down += 4 * t - clearance;
    }
    const double italic = baseNode.kind == Kind::Symbol && baseNode.italic ? 0.06 * e : 0;
    if (hasSup) box.place(sup, base.width + italic, up);
    if (hasSub) box.place(sub, base.width, -down);
    box.width = std::max(box.width,
                         base.width +
                             std::max(hasSup ? italic + sup.width : 0.0, hasSub ? sub.width : 0.0) +
                             0.04 * e);
    return box;
}

MathBox MathLayout::radical(const Node& n, Style s) const {
    const MathBox body = node(*n.children[0], s);
    const double e = em(s.level), t = rule(s.level);
    const double gap = (s.display ? 0.2 : 0.12) * e;
    const double top = std::max(body.height, 0.7 * e) + gap; // the overline's bottom
    const double bottom = std::max(body.depth, 0.05 * e);
    const double w = 0.55 * e; // the sign
    // The sign: a short rise, a long fall to the bottom, a long climb to the top.
    const double mid = -(top - bottom) * 0.45;
    QPainterPath sign;
    sign.moveTo(0, mid + 0.08 * e);
    sign.lineTo(0.18 * w, mid);
    sign.lineTo(0.5 * w, bottom);
    sign.lineTo(w, -(top + t / 2));
    MathBox box;
    box.strokes.push_back({sign, 1.4 * t});
    box.place(body, w + 0.08 * e, 0);
    const double right = w + 0.08 * e + body.width + 0.06 * e;
    box.rules.push_back(QRectF(w, -(top + t), right - w, t));
    box.height = std::max(box.height, top + t);
    box.depth = std::max(box.depth, bottom);
    box.width = right + 0.04 * e;
    return box;
}

MathBox MathLayout::accent(const Node& n, Style s) const {
    const MathBox body = node(*n.children[0], s);
    const double e = em(s.level), t = rule(s.level);
    const double base = std::max(body.height, 0.5 * e) + 0.1 * e; // the accent's bottom
    const double w = std::max(body.width, 0.45 * e);
    const double x0 = (body.width - w) / 2, cx = body.width / 2;
    MathBox box;
    box.place(body, 0, 0);
    double top = base;
    if (n.text == QLatin1String("vec")) {
        const double y = -(base + 0.14 * e), head = 0.22 * e;
        QPainterPath shaft;
        shaft.moveTo(x0, y);
        shaft.lineTo(x0 + w - head * 0.6, y);
        box.strokes.push_back({shaft, 1.2 * t});
        QPainterPath tip;
        tip.moveTo(x0 + w, y);
        tip.lineTo(x0 + w - head, y - 0.45 * head);
        tip.lineTo(x0 + w - head, y + 0.45 * head);
        tip.closeSubpath();
        box.shapes.push_back(tip);
        top = base + 0.14 * e + 0.45 * head;
    } else if (n.text == QLatin1String("hat")) {
        const double hw = std::min(w, 0.6 * e) / 2, h = 0.16 * e;
        QPainterPath hat;
        hat.moveTo(cx - hw, -base);
        hat.lineTo(cx, -(base + h));
        hat.lineTo(cx + hw, -base);
        box.strokes.push_back({hat, 1.2 * t});
        top = base + h;
    } else if (n.text == QLatin1String("tilde")) {
        const double hw = std::min(w, 0.6 * e) / 2, h = 0.08 * e;
        QPainterPath tilde;
        tilde.moveTo(cx - hw, -base);
        tilde.cubicTo(cx - hw / 2, -(base + 2 * h), cx + hw / 2, -base + h, cx + hw, -(base + h));
        box.strokes.push_back({tilde, 1.2 * t});
        top = base + 1.5 * h;
    } else if (n.text == QLatin1String("dot")) {
        const double r = 0.06 * e;
        QPainterPath dot;
        dot.addEllipse(QPointF(cx, -(base + r)), r, r);
        box.shapes.push_back(dot);
        top = base + 2 * r;
    } else { // bar
        box.rules.push_back(QRectF(x0, -(base + t), w, t));
        top = base + t;
    }
    box.height = std::max(box.height, top);
    box.width = std::max(body.width, x0 + w);
    return box;
}

MathBox MathLayout::delimiter(const QString& d, double half, Style s) const {
    // A delimiter as tall as `half` above and below the axis: the font's glyph when it is tall
    // enough, else its outline stretched (vector, like the glyph).
    MathBox box;
    if (d.isEmpty()) {
        box.width = 0.1 * em(s.level);
        return box;
    }
    const double e = em(s.level), a = axis(s.level);
    const QFont f = fontAt(s.level, false, false);
    const QFontMetricsF fm(f, const_cast<QPaintDevice*>(device_));
    const QRectF ink = fm.tightBoundingRect(d);
    // TeX's rule of thumb: a delimiter may fall short of its content by a little.
    if (ink.height() >= 2 * half * 0.8) return glyph(d, s, false);
    if (d == QStringLiteral("|") || d == QStringLiteral("‖")) {
        const double t = std::max(0.07 * e, 0.8);
        const double gap = 0.12 * e;
        const int bars = d == QStringLiteral("|") ? 1 : 2;
        for (int i = 0; i < bars; ++i)
            box.rules.push_back(QRectF(0.12 * e + i * gap, -(a + half), t, 2 * half));
        box.width = 0.24 * e + (bars - 1) * gap + t;
    } else {
        QPainterPath outline;
        outline.addText(0, 0, f, d);
        const QRectF r = outline.boundingRect();
        const double sy = 2 * half / r.height();
        const double sx = std::min(1.4, std::pow(sy, 0.35)); // taller, but not much bolder
        QTransform tr;
        tr.translate(0.06 * e, -(a + half)); // the top of the stretched glyph
        tr.scale(sx, sy);
        tr.translate(-r.left(), -r.top());
        box.shapes.push_back(tr.map(outline));
        box.width = r.width() * sx + 0.12 * e;
    }
    box.height = a + half;
    box.depth = std::max(0.0, half - a);
    return box;
}

MathBox MathLayout::fenced(const Node& n, Style s) const {
    const MathBox body = node(*n.children[0], s);
    const double a = axis(s.level), e = em(s.level);
    const double half = std::max(body.height - a, body.depth + a) + 0.08 * e;
    const MathBox left = delimiter(n.text, half, s), right = delimiter(n.extra, half, s);
    MathBox box;
    box.place(left, 0, 0);
    box.place(body, left.width, 0);
    box.place(right, left.width + body.width, 0);
    return box;
}

namespace {

MathBox layoutOf(const QString& tex, const QFont& font, const QPaintDevice* device, bool display,
                 QString* error) {
    auto parsed = parseMath(tex);
    const MathLayout layout(font, device);
    if (const auto* e = std::get_if<ParseError>(&parsed)) {
        if (error) *error = e->text();
        Node shown; // the source and the reason, upright, so nothing is lost from sight
        shown.kind = Kind::Symbol;
        shown.text = QStringLiteral("%1 ⟨%2⟩").arg(tex, e->text());
        MathBox box = layout.layout(std::make_shared<const Node>(shown), display);
        box.error = true;
        return box;
    }
    if (error) error->clear();
    return layout.layout(std::get<NodePtr>(parsed), display);
}

} // namespace

MathBox typeset(const QString& tex, const QFont& font, const QPaintDevice* device, bool display,
                QString* error) {
    // Layouts ask a label's height for many widths and a document draws its formulas on every
    // paint: the same formula at the same size is laid out once. GUI thread only.
    struct Cached {
        MathBox box;
        QString error;
    };
    static QCache<QString, Cached> cache(kCachedFormulas);
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(font.key())
                            .arg(dpiOf(device))
                            .arg(display ? 1 : 0)
                            .arg(tex);
    if (const Cached* hit = cache.object(key)) {
        if (error) *error = hit->error;
        return hit->box;
    }
    QString why;
    MathBox box = layoutOf(tex, font, device, display, &why);
    if (error) *error = why;
    cache.insert(key, new Cached{box, why});
    return box;
}

MathBox fitWithin(double room, const QFont& font,
                  const std::function<MathBox(const QFont&)>& layout) {
    MathBox box = layout(font);
    if (!(box.width > room) || room <= 0 || font.pointSizeF() <= 0) return box;
    QFont smaller = font;
    smaller.setPointSizeF(font.pointSizeF() * std::max(kMinFitScale, room / box.width));
    return layout(smaller);
}

bool hasMath(const QString& text) {
    const qsizetype open = text.indexOf(u'$');
    return open >= 0 && text.indexOf(u'$', open + 1) > open;
}

MathBox typesetMixed(const QString& text, const QFont& font, const QPaintDevice* device,
                     QString* error) {
    // Words outside the dollars are \text, the rest is the formula: one TeX row.
    QString tex;
    const QStringList parts = text.split(u'$');
    for (int i = 0; i < parts.size(); ++i) {
        if (i % 2 == 1 && i + 1 < parts.size()) {
            tex += QStringLiteral("{") + parts[i] + QStringLiteral("}");
        } else if (!parts[i].isEmpty()) {
            QString words = parts[i];
            words.replace(u'}', QChar(0x29FD)); // \text ends at a brace: show it as a look-alike
            tex += QStringLiteral("\\text{") + (i % 2 == 1 ? QStringLiteral("$") : QString()) +
                   words + QStringLiteral("}");
        }
    }
    return typeset(tex, font, device, false, error);
}

void drawMath(QPainter& painter, const MathBox& box, QPointF origin, const QColor& color) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor ink = box.error ? QColor(0xc0, 0x20, 0x20) : color;
    painter.setPen(ink);
    for (const MathGlyph& g : box.glyphs) {
        painter.setFont(g.font);
        painter.drawText(origin + g.at, g.text);
    }
    for (const QRectF& r : box.rules)
        painter.fillRect(r.translated(origin), ink);
    for (const QPainterPath& p : box.shapes)
        painter.fillPath(p.translated(origin), ink);
    for (const MathStroke& s : box.strokes) {
        painter.setPen(QPen(ink, s.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(s.path.translated(origin));
    }
    painter.restore();
}

} // namespace gs::app::math

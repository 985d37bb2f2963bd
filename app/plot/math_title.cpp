#include "plot/math_title.h"

#include "math/math_layout.h"
#include "plot/plot_title.h"

#include <QFontMetricsF>

namespace gs::app {

namespace {

constexpr int kMaxLines = 3; // a formula cannot be elided: one line more than a plain title

/// Where a title may break: at its spaces, never inside a formula. Each piece keeps the space
/// before it, so "$f$: a" stays "$f$:" and " a".
QStringList pieces(const QString& text) {
    QStringList out;
    QString piece;
    bool inMath = false;
    for (const QChar c : text) {
        if (c == u'$') inMath = !inMath;
        if (c == u' ' && !inMath && !piece.trimmed().isEmpty()) {
            out << piece;
            piece.clear();
        }
        piece += c;
    }
    if (!piece.trimmed().isEmpty()) out << piece;
    return out;
}

struct Lines {
    std::vector<math::MathBox> boxes;
    double lineHeight = 0;
};

/// As every title, but three lines before it gives up by setting the last line smaller (to 60%),
/// since a formula cannot be elided.
Lines layoutLines(const QString& text, QFont font, const QPaintDevice* device, double room) {
    const QStringList words = pieces(text);
    QStringList lines;
    QString line;
    for (const QString& w : words) {
        const QString candidate = line + w;
        if (!line.isEmpty() && int(lines.size()) < kMaxLines - 1 &&
            math::typesetMixed(candidate, font, device).width > room) {
            lines << line;
            line = w.trimmed();
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty()) lines << line;
    Lines out;
    for (const QString& l : lines) {
        math::MathBox box = math::fitWithin(
            room, font, [&](const QFont& f) { return math::typesetMixed(l, f, device); });
        out.lineHeight = std::max(out.lineHeight, box.height + box.depth);
        out.boxes.push_back(std::move(box));
    }
    out.lineHeight = std::max(out.lineHeight, QFontMetricsF(font).height());
    return out;
}

} // namespace

void MathTitleElement::draw(QCPPainter* painter) {
    const QString text = plotTitleText(*this);
    if (!math::hasMath(text)) {
        QCPTextElement::draw(painter);
        return;
    }
    const QRectF r = rect();
    const Lines lines = layoutLines(text, font(), painter->device(), r.width() - 8);
    const double total = lines.lineHeight * double(lines.boxes.size());
    double top = r.center().y() - total / 2;
    for (const math::MathBox& box : lines.boxes) {
        // Each line centred, its ink centred in its line.
        const double baseline = top + lines.lineHeight / 2 + (box.height - box.depth) / 2;
        math::drawMath(*painter, box, QPointF(r.center().x() - box.width / 2, baseline),
                       textColor());
        top += lines.lineHeight;
    }
}

QSize MathTitleElement::minimumOuterSizeHint() const {
    if (!math::hasMath(plotTitleText(*this))) return QCPTextElement::minimumOuterSizeHint();
    // The title spans the plot (updatePlotTitle): the plot's width is its room.
    const double room =
        mParentPlot ? mParentPlot->width() - 2 * QFontMetricsF(font()).height() : 400;
    return {1, heightFor(room)};
}

int MathTitleElement::heightFor(double room) const {
    const Lines lines = layoutLines(plotTitleText(*this), font(), nullptr, room);
    return int(std::ceil(lines.lineHeight * double(lines.boxes.size()))) + mMargins.top() +
           mMargins.bottom();
}

} // namespace gs::app

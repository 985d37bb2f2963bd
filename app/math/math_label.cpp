#include "math/math_label.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace gs::app::math {

namespace {
constexpr int kPad = 2;
} // namespace

MathLabel::MathLabel(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void MathLabel::setFormulas(const QStringList& tex, const QString& plain) {
    tex_ = tex;
    plain_ = plain;
    setAccessibleName(plain);
    updateGeometry();
    update();
}

double MathLabel::gap() const {
    return 1.5 * fontMetrics().averageCharWidth();
}

std::vector<MathBox> MathLabel::boxes(int width, bool* stacked) const {
    std::vector<MathBox> out;
    for (const QString& t : tex_)
        out.push_back(typeset(t, font(), this, false));
    double total = 0;
    for (const MathBox& b : out)
        total += b.width;
    total += gap() * std::max<qsizetype>(0, tex_.size() - 1);
    *stacked = total > width - 2 * kPad && out.size() > 1;
    // Side by side, each formula has its share of the line; stacked, the whole line.
    for (size_t i = 0; i < out.size(); ++i) {
        const double room = *stacked ? width - 2 * kPad : (width - 2 * kPad) * out[i].width / total;
        out[i] = fitWithin(room, font(),
                           [&](const QFont& f) { return typeset(tex_[int(i)], f, this, false); });
    }
    return out;
}

int MathLabel::heightForWidth(int width) const {
    bool stacked = false;
    const std::vector<MathBox> b = boxes(width, &stacked);
    double h = 0;
    for (const MathBox& box : b)
        h = stacked ? h + box.height + box.depth + kPad : std::max(h, box.height + box.depth);
    return int(std::ceil(std::max(h, double(fontMetrics().height())))) + 2 * kPad;
}

QSize MathLabel::sizeHint() const {
    double w = 0;
    for (const QString& t : tex_)
        w += typeset(t, font(), this, false).width;
    w += gap() * std::max<qsizetype>(0, tex_.size() - 1);
    const int width = int(std::ceil(w)) + 2 * kPad;
    return {width, heightForWidth(width)};
}

QSize MathLabel::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 8,
            heightForWidth(fontMetrics().averageCharWidth() * 8)};
}

void MathLabel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    bool stacked = false;
    const std::vector<MathBox> b = boxes(width(), &stacked);
    double rowHeight = 0, rowDepth = 0;
    for (const MathBox& box : b) {
        rowHeight = std::max(rowHeight, box.height);
        rowDepth = std::max(rowDepth, box.depth);
    }
    double x = kPad, y = kPad;
    for (const MathBox& box : b) {
        if (stacked) {
            drawMath(painter, box, QPointF(kPad, y + box.height),
                     palette().color(foregroundRole()));
            y += box.height + box.depth + kPad;
        } else {
            // One row on one baseline, centred in the height the layout gave.
            const double baseline = (height() - rowHeight - rowDepth) / 2 + rowHeight;
            drawMath(painter, box, QPointF(x, baseline), palette().color(foregroundRole()));
            x += box.width + gap();
        }
    }
}

void MathLabel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateGeometry();
}

} // namespace gs::app::math

#include "plot/plot_style.h"

#include <qcustomplot.h>

#include <array>

namespace gs::app {

QColor PlotStyle::background() const {
    return dark ? QColor(0x1e, 0x1f, 0x24) : QColor(Qt::white);
}
QColor PlotStyle::foreground() const {
    return dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x20, 0x20, 0x20);
}
QColor PlotStyle::grid() const {
    return dark ? QColor(0x3a, 0x3c, 0x44) : QColor(0xe2, 0xe2, 0xe2);
}
QColor PlotStyle::curve() const {
    return dark ? QColor(0x9e, 0xc5, 0xff) : QColor(0x1f, 0x3b, 0x73);
}
QColor PlotStyle::optimumColor() const {
    return QColor(0xd5, 0x5e, 0x00);
}
QColor PlotStyle::errorColor() const {
    return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x1c, 0x1c);
}

QColor PlotStyle::pathColor(int i) const {
    // Okabe & Ito (2008), "Color Universal Design": distinguishable with every common color vision
    // deficiency. Orange first: it reads on both the light background and viridis fields.
    static constexpr std::array<QRgb, 7> okabeIto = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                     0x0072B2, 0xD55E00, 0xCC79A7};
    return QColor::fromRgb(okabeIto[static_cast<size_t>(i) % okabeIto.size()]);
}

QPalette PlotStyle::palette(const QPalette& platform) const {
    if (!dark) return platform;
    QPalette p;
    const QColor window(0x2a, 0x2b, 0x30), base(0x1e, 0x1f, 0x24), text = foreground();
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7c, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, curve());
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, text.darker(170));
    return p;
}

QFont PlotStyle::font(const QFont& base, double relative) const {
    QFont f = base;
    const double pt = base.pointSizeF() > 0 ? base.pointSizeF() : 10.0;
    f.setPointSizeF(pt * scale * relative);
    return f;
}

void PlotStyle::apply(QCustomPlot& plot, const QFont& baseFont) const {
    plot.setBackground(background());
    const QColor fg = foreground();
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : plot.axisRects()) // every panel of the plot, not just the first
        axes += rect->axes();
    for (QCPAxis* axis : axes) {
        axis->setBasePen(QPen(fg, scale));
        axis->setTickPen(QPen(fg, scale));
        axis->setSubTickPen(QPen(fg, scale));
        axis->setTickLabelColor(fg);
        axis->setLabelColor(fg);
        axis->setTickLabelFont(font(baseFont));
        axis->setLabelFont(font(baseFont, 1.1));
        axis->grid()->setPen(QPen(grid(), scale, Qt::SolidLine));
        axis->grid()->setZeroLinePen(QPen(fg.lighter(dark ? 60 : 250), scale));
    }
    plot.legend->setFont(font(baseFont));
    plot.legend->setTextColor(fg);
    plot.legend->setBrush(QBrush(background()));
    plot.legend->setBorderPen(QPen(grid()));
}

} // namespace gs::app

// The typesetter: what the parser refuses and where, the boxes of fractions, scripts, limits,
// radicals and growing delimiters, vector output, and formulas inside Markdown text.

#include "math/math_layout.h"
#include "math/math_text.h"
#include "plot/math_axis.h"
#include "plot/math_legend_item.h"
#include "plot/math_title.h"
#include "plot/plot_title.h"

#include <qcustomplot.h>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace gs::app::math;

namespace {

QFont testFont() {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(20);
    return f;
}

MathBox box(const QString& tex, bool display = false) {
    QImage device(10, 10, QImage::Format_ARGB32); // 96 dpi, as a screen
    QString error;
    MathBox b = typeset(tex, testFont(), &device, display, &error);
    if (!error.isEmpty()) qWarning("%s: %s", qPrintable(tex), qPrintable(error));
    return b;
}

/// The glyph drawing `text` (the first one).
const MathGlyph* glyphOf(const MathBox& b, const QString& text) {
    for (const MathGlyph& g : b.glyphs)
        if (g.text == text) return &g;
    return nullptr;
}

double advance(const MathGlyph& g) {
    QImage device(10, 10, QImage::Format_ARGB32);
    return QFontMetricsF(g.font, &device).horizontalAdvance(g.text);
}

} // namespace

class TestMath : public QObject {
    Q_OBJECT
private slots:
    void malformedFormulasSayWhere_data();
    void malformedFormulasSayWhere();
    void aFractionCentresItsNumeratorOverItsBar();
    void scriptsAreRaisedLoweredAndSmaller();
    void displayLimitsGoAboveAndBelow();
    void delimitersGrowWithTheirContent();
    void radicalsAndAccentsCoverTheirBody();
    void spacingFollowsTheAtoms();
    void svgOfAFormulaIsVector();
    void markdownCarriesInlineAndDisplayFormulas();
    void plotTitlesTypesetTheirFormulas();
    void axisLabelsTypesetTheirFormulas();
};

void TestMath::malformedFormulasSayWhere_data() {
    QTest::addColumn<QString>("tex");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("frac with one argument") << "\\frac{a}" << 0 << "two arguments";
    QTest::newRow("dangling superscript") << "x^" << 1 << "needs something after it";
    QTest::newRow("two superscripts") << "x^2^3" << 3 << "a second superscript";
    QTest::newRow("unknown command") << "a + \\sinn x" << 4 << "unknown command \\sinn";
    QTest::newRow("unclosed group") << "\\frac{a}{b" << 8 << "is not closed";
    QTest::newRow("stray close") << "a}" << 1 << "closes no group";
    QTest::newRow("left without right") << "\\left( x" << 0 << "\\left has no \\right";
    QTest::newRow("right without left") << "x \\right)" << 2 << "\\right has no \\left";
    QTest::newRow("bad delimiter") << "\\left< x \\right>" << 5 << "cannot be a delimiter";
    QTest::newRow("script with nothing") << "^2" << 0 << "nothing to attach to";
    QTest::newRow("trailing backslash") << "x \\" << 2 << "ends the formula";
    QTest::newRow("dollar inside") << "a $ b" << 2 << "not part of a formula";
}

void TestMath::malformedFormulasSayWhere() {
    QFETCH(QString, tex);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto r = parseMath(tex);
    QVERIFY(std::holds_alternative<ParseError>(r));
    const ParseError& e = std::get<ParseError>(r);
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    QCOMPARE(e.position, position);
    QVERIFY(e.text().startsWith(QStringLiteral("column %1: ").arg(position + 1)));
    // The box shows the source and the reason, never nothing.
    QString error;
    const MathBox b = typeset(tex, testFont(), nullptr, false, &error);
    QVERIFY(b.error);
    QCOMPARE(error, e.text());
    QVERIFY(!b.glyphs.empty() && b.glyphs.front().text.contains(tex));
    QVERIFY(b.width > 0);
}

void TestMath::aFractionCentresItsNumeratorOverItsBar() {
    const MathBox f = box(QStringLiteral("\\frac{abc}{d}"), true);
    QCOMPARE(int(f.rules.size()), 1);
    const QRectF bar = f.rules.front();
    const MathGlyph* a = glyphOf(f, QStringLiteral("a"));
    const MathGlyph* d = glyphOf(f, QStringLiteral("d"));
    QVERIFY(a && d);
    // The bar is on the axis, above the baseline; the numerator sits over it, the denominator
    // under it, and the narrower denominator is centred under the bar.
    QVERIFY(bar.center().y() < 0);
    QVERIFY(qAbs(-bar.center().y() - f.axis) < 1.0);
    QVERIFY(a->at.y() < bar.top());
    QVERIFY(d->at.y() > bar.bottom());
    const double dCentre = d->at.x() + advance(*d) / 2;
    QVERIFY2(qAbs(dCentre - bar.center().x()) < 1.5, qPrintable(QString::number(dCentre)));
    QVERIFY(f.height > bar.bottom() * -1 && f.depth > 0);
    QVERIFY(f.width >= bar.width());
    // A text-style fraction's parts are smaller than a display one's.
    const MathBox t = box(QStringLiteral("\\frac{abc}{d}"), false);
    QVERIFY(glyphOf(t, QStringLiteral("a"))->font.pointSizeF() < a->font.pointSizeF());
    QVERIFY(t.height + t.depth < f.height + f.depth);
}

void TestMath::scriptsAreRaisedLoweredAndSmaller() {
    const MathBox b = box(QStringLiteral("x^{y^{z}}_i"));
    const MathGlyph *x = glyphOf(b, QStringLiteral("x")), *y = glyphOf(b, QStringLiteral("y")),
                    *z = glyphOf(b, QStringLiteral("z")), *i = glyphOf(b, QStringLiteral("i"));
    QVERIFY(x && y && z && i);
    QCOMPARE(x->at.y(), 0.0);
    QVERIFY(y->at.y() < 0);         // a superscript sits above the baseline
    QVERIFY(z->at.y() < y->at.y()); // and its own superscript higher still
    QVERIFY(i->at.y() > 0);         // a subscript below it
    QVERIFY(y->font.pointSizeF() < x->font.pointSizeF());
    QVERIFY(z->font.pointSizeF() < y->font.pointSizeF()); // a nested script is smaller
    QVERIFY(y->at.x() >= advance(*x) && i->at.x() >= advance(*x) - 0.01);
    // Sub and superscript together keep apart.
    const MathBox both = box(QStringLiteral("x_i^2"));
    QVERIFY(glyphOf(both, QStringLiteral("i"))->at.y() > 0);
    QVERIFY(glyphOf(both, QStringLiteral("2"))->at.y() < 0);
    // A prime is the raised glyph at full size, right after its base; scripts follow it.
    const MathBox prime = box(QStringLiteral("f'_1(x)"));
    const MathGlyph* p = glyphOf(prime, QStringLiteral("′"));
    QCOMPARE(p->at.y(), 0.0);
    QCOMPARE(p->font.pointSizeF(), glyphOf(prime, QStringLiteral("f"))->font.pointSizeF());
    QVERIFY(glyphOf(prime, QStringLiteral("1"))->at.x() > p->at.x());
}

void TestMath::displayLimitsGoAboveAndBelow() {
    const QString sum = QStringLiteral("\\sum_{i=1}^{N} x_i");
    const MathBox d = box(sum, true), t = box(sum, false);
    const MathGlyph *sigma = glyphOf(d, QStringLiteral("∑")), *n = glyphOf(d, QStringLiteral("N"));
    QVERIFY(sigma && n);
    // Display: N above the sign, centred on it; text: to its right, as a script.
    QVERIFY(n->at.y() < sigma->at.y() - 5);
    const double sigmaCentre = sigma->at.x() + advance(*sigma) / 2;
    QVERIFY(qAbs(n->at.x() + advance(*n) / 2 - sigmaCentre) < 1.5);
    const MathGlyph *tSigma = glyphOf(t, QStringLiteral("∑")),
                    *tN = glyphOf(t, QStringLiteral("N"));
    QVERIFY(tN->at.x() > tSigma->at.x() + advance(*tSigma) - 0.5);
    QVERIFY(sigma->font.pointSizeF() > tSigma->font.pointSizeF()); // a display ∑ is larger
    // lim takes its limit below in display style.
    const MathBox lim = box(QStringLiteral("\\lim_{y \\to x} f(y)"), true);
    const MathGlyph *l = glyphOf(lim, QStringLiteral("lim")),
                    *arrow = glyphOf(lim, QStringLiteral("→"));
    QVERIFY(arrow->at.y() > l->at.y() + 5);
    QVERIFY(!l->font.italic());
}

void TestMath::delimitersGrowWithTheirContent() {
    const MathBox small = box(QStringLiteral("\\left( x \\right)"));
    const MathBox tall = box(QStringLiteral("\\left( \\frac{a}{\\frac{b}{c}} \\right)"), true);
    auto extent = [](const MathBox& b) {
        double h = 0;
        for (const QPainterPath& p : b.shapes)
            h = std::max(h, p.boundingRect().height());
        for (const MathGlyph& g : b.glyphs)
            if (g.text == QStringLiteral("(")) {
                QImage device(10, 10, QImage::Format_ARGB32);
                h = std::max(h, QFontMetricsF(g.font, &device).tightBoundingRect(g.text).height());
            }
        return h;
    };
    QVERIFY(extent(small) > 0);
    QVERIFY2(extent(tall) > 1.5 * extent(small),
             qPrintable(QStringLiteral("%1 vs %2").arg(extent(tall)).arg(extent(small))));
    QVERIFY(extent(tall) >= tall.height + tall.depth - 2); // it covers the content
    // Norms grow as bars.
    const MathBox norm = box(QStringLiteral("\\left\\| \\frac{a}{b} \\right\\|"), true);
    QCOMPARE(int(norm.rules.size()), 1 + 4); // the fraction's bar, two bars on each side
}

void TestMath::radicalsAndAccentsCoverTheirBody() {
    const MathBox r = box(QStringLiteral("\\sqrt{x + y}"));
    QCOMPARE(int(r.strokes.size()), 1);
    QCOMPARE(int(r.rules.size()), 1);
    const MathGlyph* x = glyphOf(r, QStringLiteral("x"));
    QVERIFY(r.rules.front().left() <= x->at.x());
    QVERIFY(r.rules.front().bottom() <= -box(QStringLiteral("x")).height); // over the body
    const MathBox v = box(QStringLiteral("\\vec{w}"));
    QCOMPARE(int(v.shapes.size()), 1); // the arrow's head
    QVERIFY(v.height > box(QStringLiteral("w")).height);
    const MathBox hat = box(QStringLiteral("\\hat{m}"));
    QCOMPARE(int(hat.strokes.size()), 1);
}

void TestMath::spacingFollowsTheAtoms() {
    // a + b has medium spaces around the plus, −b none (a sign, not an operation).
    const MathBox binary = box(QStringLiteral("a+b")), unary = box(QStringLiteral("-b"));
    const MathGlyph *plus = glyphOf(binary, QStringLiteral("+")),
                    *a = glyphOf(binary, QStringLiteral("a"));
    QVERIFY(plus->at.x() > a->at.x() + advance(*a) + 2);
    QCOMPARE(glyphOf(unary, QStringLiteral("−"))->at.x(), 0.0);
    QVERIFY(glyphOf(unary, QStringLiteral("b"))->at.x() <=
            advance(*glyphOf(unary, QStringLiteral("−"))) + 0.01);
    // A relation has more room than an operator; scripts have none.
    const MathBox rel = box(QStringLiteral("a=b"));
    const double relGap =
        glyphOf(rel, QStringLiteral("="))->at.x() -
        (glyphOf(rel, QStringLiteral("a"))->at.x() + advance(*glyphOf(rel, QStringLiteral("a"))));
    const double binGap = plus->at.x() - (a->at.x() + advance(*a));
    QVERIFY(relGap > binGap);
    // Function names are upright, variables italic.
    const MathBox fn = box(QStringLiteral("\\sin x"));
    QVERIFY(!glyphOf(fn, QStringLiteral("sin"))->font.italic());
    QVERIFY(glyphOf(fn, QStringLiteral("x"))->font.italic());
}

void TestMath::svgOfAFormulaIsVector() {
    const QString tex = QStringLiteral("\\nabla J(w) = \\frac{1}{N} \\sum_{i=1}^{N} \\nabla "
                                       "L\\left(f(x^{(i)}, w), y^{(i)}\\right)");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(600, 120));
    {
        QPainter p(&svg);
        const MathBox b = typeset(tex, testFont(), &svg, true);
        QVERIFY(!b.error);
        drawMath(p, b, QPointF(10, 60), Qt::black);
    }
    const QByteArray out = buffer.data();
    QVERIFY(out.contains("<text") || out.contains("<path"));
    QVERIFY(!out.contains("<image"));
}

void TestMath::markdownCarriesInlineAndDisplayFormulas() {
    QTextDocument doc;
    const QStringList errors = setMathMarkdown(
        &doc, QStringLiteral("The slope $\\frac{f(y) - f(x)}{y - x}$ costs \\$5, and\n\n"
                             "$$f'(x) = \\lim_{y \\to x} \\frac{f(y) - f(x)}{y - x}$$\n\n"
                             "then $x^$ is wrong.\n\n```\nkeep $this$ as code\n```\n"));
    QCOMPARE(formulasIn(&doc),
             (QStringList{"\\frac{f(y) - f(x)}{y - x}",
                          "f'(x) = \\lim_{y \\to x} \\frac{f(y) - f(x)}{y - x}", "x^"}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.front().startsWith(QStringLiteral("x^ (column 2")));
    const QString text = doc.toPlainText();
    QVERIFY(text.contains(QStringLiteral("costs $5")));
    QVERIFY(text.contains(QStringLiteral("keep $this$ as code")));
    // The displayed formula is a centred paragraph of its own, taller than a line of text.
    doc.setTextWidth(600);
    const QTextBlock display = doc.findBlockByNumber(1);
    QCOMPARE(display.blockFormat().alignment() & Qt::AlignHCenter, Qt::AlignHCenter);
    QVERIFY(doc.documentLayout()->blockBoundingRect(display).height() >
            1.5 * QFontMetricsF(doc.defaultFont()).height());
    // Drawing it draws ink.
    QImage image(600, int(doc.size().height()) + 1, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        doc.drawContents(&p);
    }
    const QRect r = doc.documentLayout()->blockBoundingRect(display).toRect();
    bool ink = false;
    for (int y = r.top(); y < r.bottom() && !ink; ++y)
        for (int x = 0; x < image.width() && !ink; ++x)
            ink = qGray(image.pixel(x, y)) < 128;
    QVERIFY(ink);
}

void TestMath::plotTitlesTypesetTheirFormulas() {
    // Words and formulas on one line; a title with formulas breaks between them on a narrow plot,
    // never inside a formula, and its row is as tall as its lines.
    const MathBox mixed = typesetMixed(
        QStringLiteral("Descent: $x_{n+1} = x_n - \\lambda f'(x_n)$ now"), testFont(), nullptr);
    QVERIFY(!mixed.error);
    QVERIFY(glyphOf(mixed, QStringLiteral("Descent: ")) && glyphOf(mixed, QStringLiteral(" now")));
    QVERIFY(glyphOf(mixed, QStringLiteral("λ"))->font.italic());
    QVERIFY(!glyphOf(mixed, QStringLiteral("Descent: "))->font.italic());
    QVERIFY(!hasMath(QStringLiteral("costs $5")) && hasMath(QStringLiteral("a $b$")));

    QCustomPlot plot;
    plot.resize(900, 500);
    gs::app::PlotStyle style;
    QCPTextElement* title = gs::app::updatePlotTitle(
        plot, nullptr, QStringLiteral("The slope $\\frac{f(x + h) - f(x)}{h}$ tends to $f'(x)$"),
        style, testFont());
    auto* typeset = qobject_cast<gs::app::MathTitleElement*>(title);
    QVERIFY(typeset);
    const int wide = typeset->heightFor(880), narrow = typeset->heightFor(220);
    QVERIFY(wide > QFontMetrics(title->font()).height()); // a fraction is taller than a line
    QVERIFY2(narrow > 1.5 * wide, qPrintable(QStringLiteral("%1 %2").arg(narrow).arg(wide)));
    QImage image(plot.toPixmap(900, 500).toImage()); // draws without complaint
    QVERIFY(!image.isNull());
    // A title without formulas is a plain title as before.
    title =
        gs::app::updatePlotTitle(plot, title, QStringLiteral("Costs $5 each"), style, testFont());
    QCOMPARE(gs::app::plotTitleText(*title), QStringLiteral("Costs $5 each"));
}

// A MathAxis keeps QCustomPlot's axis and tick labels, and makes room for a label taller than a
// line (a fraction) on the outer side; without formulas it is a plain axis.
void TestMath::axisLabelsTypesetTheirFormulas() {
    QCustomPlot plot;
    plot.resize(600, 400);
    gs::app::MathAxis* axis = gs::app::MathAxis::replace(plot.axisRect(), QCPAxis::atLeft);
    QCOMPARE(static_cast<QCPAxis*>(axis), plot.yAxis);
    QCOMPARE(plot.axisRect()->axes(QCPAxis::atLeft).size(), 1);
    plot.addGraph(); // graphs made after the swap use it
    QCOMPARE(plot.graph(0)->valueAxis(), static_cast<QCPAxis*>(axis));
    auto margin = [&](const QString& label) {
        axis->setLabel(label);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        return plot.axisRect()->margins().left();
    };
    const int plain = margin(QStringLiteral("ab")), line = margin(QStringLiteral("$ab$")),
              tall = margin(QStringLiteral("$\\dfrac{A^2}{B_2}$"));
    QVERIFY2(std::abs(line - plain) <= 2, qPrintable(QStringLiteral("%1 %2").arg(line).arg(plain)));
    QVERIFY2(tall > plain + 4, qPrintable(QStringLiteral("%1 %2").arg(tall).arg(plain)));
    QVERIFY(!plot.toPixmap(600, 400).isNull());
    // A legend row of a plottable typesets its name, in place of QCustomPlot's plain row.
    plot.legend->setVisible(true);
    plot.graph(0)->setName(QStringLiteral("$\\dfrac{A}{B}$ rate"));
    QVERIFY(plot.legend->itemWithPlottable(plot.graph(0))); // auto-added, plain
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const int plainRow = plot.legend->itemWithPlottable(plot.graph(0))->outerRect().height();
    QVERIFY(gs::app::MathLegendItem::add(plot.graph(0), plot.legend));
    QVERIFY(!gs::app::MathLegendItem::add(plot.graph(0), plot.legend)); // once
    QCOMPARE(plot.legend->itemCount(), 1);
    QCPPlottableLegendItem* row = plot.legend->itemWithPlottable(plot.graph(0));
    QVERIFY(qobject_cast<gs::app::MathLegendItem*>(row));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY2(row->outerRect().height() > plainRow, // a display fraction is taller
             qPrintable(QStringLiteral("%1 %2").arg(row->outerRect().height()).arg(plainRow)));
    QVERIFY(!plot.toPixmap(600, 400).isNull());
    QCOMPARE(plot.graph(0)->name(), QStringLiteral("$\\dfrac{A}{B}$ rate")); // drawn, kept
}

QTEST_MAIN(TestMath)
#include "test_math.moc"

#include "math/math_text.h"

#include "math/math_layout.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextObjectInterface>

namespace gs::app::math {

namespace {

constexpr int kMathObject = QTextFormat::UserObject + 7;
constexpr int kSource = QTextFormat::UserProperty + 70;
constexpr int kDisplay = QTextFormat::UserProperty + 71;
constexpr double kDisplayScale = 1.15;     // a displayed formula reads a little larger than text
const QChar kOpen(0xE000), kClose(0xE001); // private use: no Markdown meaning

QFont fontOf(const QTextDocument* doc, const QTextFormat& format) {
    QFont f = format.toCharFormat().font().resolve(doc->defaultFont());
    if (format.boolProperty(kDisplay) && f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * kDisplayScale);
    return f;
}

/// Draws the formulas of a document; one for every document, owned by the application.
class MathObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;

    QSizeF intrinsicSize(QTextDocument* doc, int, const QTextFormat& format) override {
        const MathBox box = boxOf(doc, format);
        // Qt centres an AlignMiddle object a quarter x-height above the baseline (6.4): the
        // height that leaves the formula's height above and its depth below the baseline.
        const double c = QFontMetricsF(format.toCharFormat().font()).xHeight() / 4;
        const double h = 2 * std::max(box.height - c, box.depth + c);
        return QSizeF(box.width + 2 * pad(doc, format), h);
    }

    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int pos,
                    const QTextFormat& format) override {
        const MathBox box = boxOf(doc, format);
        // The baseline of the line the formula sits on, whatever alignment put it there.
        const QTextBlock block = doc->findBlock(pos);
        double baseline = rect.bottom() - box.depth;
        if (const QTextLayout* layout = block.layout()) {
            const QTextLine line = layout->lineForTextPosition(pos - block.position());
            if (line.isValid()) baseline = layout->position().y() + line.y() + line.ascent();
        }
        const QColor ink = format.toCharFormat().foreground().style() != Qt::NoBrush
                               ? format.toCharFormat().foreground().color()
                               : painter->pen().color();
        drawMath(*painter, box, QPointF(rect.left() + pad(doc, format), baseline), ink);
    }

private:
    static double pad(const QTextDocument* doc, const QTextFormat& format) {
        return 0.08 * QFontMetricsF(fontOf(doc, format)).averageCharWidth();
    }

    static MathBox boxOf(const QTextDocument* doc, const QTextFormat& format) {
        const QString source = format.stringProperty(kSource);
        const QPaintDevice* device = doc->documentLayout()->paintDevice();
        // A formula wider than the text (a narrow panel) is set smaller to fit.
        const double room =
            doc->textWidth() > 0 ? doc->textWidth() - 2 * doc->documentMargin() - 4 : 0;
        return fitWithin(room, fontOf(doc, format), [&](const QFont& f) {
            return typeset(source, f, device, format.boolProperty(kDisplay));
        });
    }
};

MathObject* handler() {
    static MathObject* h = new MathObject(QCoreApplication::instance());
    return h;
}

struct Formula {
    QString source;
    bool display = false;
};

/// Replaces each formula of `markdown` by a token the Markdown reader leaves alone.
QString tokenize(const QString& markdown, QVector<Formula>& formulas) {
    QString out;
    out.reserve(markdown.size());
    auto token = [&](const QString& source, bool display) {
        formulas.push_back({source.trimmed(), display});
        return kOpen + QString::number(formulas.size() - 1) + kClose;
    };
    bool inCode = false; // fenced code keeps its dollars
    for (int i = 0; i < markdown.size();) {
        if ((i == 0 || markdown[i - 1] == u'\n') && markdown.mid(i, 3) == QLatin1String("```"))
            inCode = !inCode;
        const QChar c = markdown[i];
        if (inCode || (c != u'$' && c != u'\\') ||
            (c == u'\\' && markdown.mid(i, 2) != QLatin1String("\\$"))) {
            out += c;
            ++i;
            continue;
        }
        if (c == u'\\') { // \$: a dollar sign
            out += QStringLiteral("\\$");
            i += 2;
            continue;
        }
        const bool display = markdown.mid(i, 2) == QLatin1String("$$");
        const QString close = display ? QStringLiteral("$$") : QStringLiteral("$");
        const int from = i + int(close.size());
        int end = int(markdown.indexOf(close, from));
        // An inline formula stays on its line; a lone dollar is a dollar.
        if (end < 0 || (!display && markdown.mid(from, end - from).contains(u'\n'))) {
            out += c;
            ++i;
            continue;
        }
        out += display ? QStringLiteral("\n\n") + token(markdown.mid(from, end - from), true) +
                             QStringLiteral("\n\n")
                       : token(markdown.mid(from, end - from), false);
        i = end + int(close.size());
    }
    return out;
}

} // namespace

QStringList setMathMarkdown(QTextDocument* doc, const QString& markdown) {
    QVector<Formula> formulas;
    doc->setMarkdown(tokenize(markdown, formulas));
    doc->documentLayout()->registerHandler(kMathObject, handler());
    QStringList errors;
    for (int k = 0; k < formulas.size(); ++k) {
        const QString token = kOpen + QString::number(k) + kClose;
        QTextCursor at = doc->find(token);
        if (at.isNull()) continue;
        QTextCharFormat f = at.charFormat();
        f.setObjectType(kMathObject);
        f.setProperty(kSource, formulas[k].source);
        f.setProperty(kDisplay, formulas[k].display);
        f.setVerticalAlignment(QTextCharFormat::AlignMiddle);
        at.insertText(QString(QChar::ObjectReplacementCharacter), f);
        if (formulas[k].display) {
            QTextBlockFormat centred = at.blockFormat();
            centred.setAlignment(Qt::AlignHCenter);
            at.setBlockFormat(centred);
        }
        QString error;
        typeset(formulas[k].source, doc->defaultFont(), nullptr, false, &error);
        if (!error.isEmpty()) errors << QStringLiteral("%1 (%2)").arg(formulas[k].source, error);
    }
    return errors;
}

QStringList formulasIn(const QTextDocument* doc) {
    QStringList sources;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.objectType() == kMathObject) sources << f.stringProperty(kSource);
        }
    return sources;
}

} // namespace gs::app::math

#include "math_text.moc"

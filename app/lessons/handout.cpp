#include "lessons/handout.h"

#include "files/safe_write.h"
#include "math/math_text.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "render/exporter.h"

#include <qcustomplot.h>

#include <QAbstractTextDocumentLayout>
#include <QDate>
#include <QHash>
#include <QPalette>
#include <QPdfWriter>
#include <QTemporaryFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <memory>

namespace gs::app {

namespace {

constexpr double kMargin = 56;      // points: 2 cm
constexpr QSize kPicture(620, 390); // drawn at this size, scaled to the text's width
constexpr double kTextPoints = 10.5;
constexpr double kMinPieceShare = 0.15; // a text starts on a new page rather than in less room
constexpr double kFigureShare = 0.8;    // of the text's width: two beats fit on a page

QString escaped(const QString& s) {
    return s.toHtmlEscaped();
}

/// Lays out lessons page by page; measures first (no painter), then draws the same flow.
class Flow {
public:
    Flow(QPdfWriter& writer, QPainter* painter, QString footer)
        : writer_(writer), painter_(painter), footer_(std::move(footer)) {
        const QRectF page(QPointF(0, 0), writer.pageLayout().paintRect(QPageLayout::Point).size());
        content_ = page.adjusted(kMargin, kMargin, -kMargin, -kMargin * 1.4);
        pageHeight_ = page.height();
        y_ = content_.top();
    }

    int page() const { return page_; }
    double width() const { return content_.width(); }

    std::unique_ptr<QTextDocument> document(const QString& text, bool markdown) const {
        auto doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(&writer_);
        QFont font(QStringLiteral("sans-serif"));
        font.setPointSizeF(kTextPoints);
        doc->setDefaultFont(font);
        doc->setDocumentMargin(0);
        if (markdown)
            math::setMathMarkdown(doc.get(), text);
        else
            doc->setHtml(text);
        doc->setTextWidth(content_.width());
        return doc;
    }

    void newPage() {
        footer();
        if (painter_) writer_.newPage();
        ++page_;
        y_ = content_.top();
    }

    /// Text that may break across pages, between lines.
    void text(QTextDocument& doc) {
        const double height = doc.size().height();
        if (content_.bottom() - y_ < kMinPieceShare * content_.height() && y_ > content_.top())
            newPage();
        for (double from = 0; from < height - 0.5;) {
            const double room = content_.bottom() - y_;
            double to = from + room >= height ? height : breakBefore(doc, from + room);
            if (to <= from + 0.5) to = std::min(height, from + room); // one line taller than a page
            if (painter_) {
                painter_->save();
                painter_->translate(content_.left(), y_ - from);
                QAbstractTextDocumentLayout::PaintContext context;
                context.palette.setColor(QPalette::Text, Qt::black); // paper, in any theme
                context.clip = QRectF(0, from, content_.width(), to - from);
                painter_->setClipRect(context.clip);
                doc.documentLayout()->draw(painter_, context);
                painter_->restore();
            }
            y_ += to - from + 6;
            from = to;
            if (from < height - 0.5) newPage();
        }
    }

    /// A heading and a picture kept together on one page; `paint` draws the picture.
    void figure(QTextDocument& heading, const std::function<void(QCPPainter&)>& paint) {
        const double h = heading.size().height();
        const double w = kFigureShare * width();
        const double pictureHeight = w * kPicture.height() / kPicture.width();
        if (y_ + h + pictureHeight > content_.bottom() && y_ > content_.top()) newPage();
        text(heading);
        if (painter_) {
            painter_->save();
            painter_->translate(content_.left() + (width() - w) / 2, y_);
            const double s = w / kPicture.width();
            painter_->scale(s, s);
            paint(static_cast<QCPPainter&>(*painter_));
            painter_->restore();
        }
        y_ += pictureHeight + 10;
    }

    void space(double points) { y_ = std::min(content_.bottom(), y_ + points); }

    /// The page's last footer.
    void finish() { footer(); }

private:
    /// The bottom of the last line that ends above `limit`.
    static double breakBefore(QTextDocument& doc, double limit) {
        double best = 0;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            const QRectF box = doc.documentLayout()->blockBoundingRect(b);
            if (box.top() > limit) break;
            const QTextLayout* layout = b.layout();
            for (int i = 0; i < layout->lineCount(); ++i) {
                const double bottom = box.top() + layout->lineAt(i).rect().bottom();
                if (bottom <= limit) best = std::max(best, bottom);
            }
        }
        return best;
    }

    void footer() {
        if (!painter_ || page_ == 1) return; // the title page has none
        painter_->save();
        QFont f(QStringLiteral("sans-serif"));
        f.setPointSizeF(8.5);
        painter_->setFont(f);
        painter_->setPen(QColor(90, 90, 90));
        const QRectF line(content_.left(), pageHeight_ - kMargin * 0.9, content_.width(), 14);
        painter_->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, footer_);
        painter_->drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(page_));
        painter_->restore();
    }

    QPdfWriter& writer_;
    QPainter* painter_;
    QString footer_;
    QRectF content_;
    double pageHeight_ = 0;
    double y_ = 0;
    int page_ = 1;
};

/// The pages that draw the beats' pictures, one of each kind, made as the headless render makes
/// them.
class Pictures {
public:
    QString paint(const Scene& scene, QCPPainter& painter) {
        Page* page = pageFor(scene.page);
        if (!page) return QStringLiteral("this build has no page %1").arg(scene.page);
        if (const QString e = page->showScene(scene); !e.isEmpty()) return e;
        page->finishWork();
        page->setStyle(PlotStyle{});
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        paintPage(*page, painter, QRect(QPoint(0, 0), kPicture));
        return {};
    }

private:
    Page* pageFor(const QString& key) {
        auto it = pages_.find(key);
        if (it == pages_.end()) {
            std::unique_ptr<Page> made = PageRegistry::instance().create(key);
            if (!made) return nullptr;
            made->setPresentation(false);
            made->resize(kPicture);
            it = pages_.insert(key, std::shared_ptr<Page>(std::move(made)));
        }
        return it->get();
    }
    QHash<QString, std::shared_ptr<Page>> pages_;
};

/// Runs the whole flow: the title page, the contents, the lessons. With no painter it only
/// measures, and returns where each lesson starts.
QString flow(const QVector<Lesson>& lessons, const HandoutOptions& o, QPdfWriter& writer,
             QPainter* painter, int contentsPages, const QVector<int>& starts, HandoutLayout& out,
             Pictures* pictures) {
    const QString title =
        o.title.isEmpty() ? QCoreApplication::translate("Handout", "Gradscape lessons") : o.title;
    Flow f(writer, painter, title);
    int beats = 0;
    for (const Lesson& l : lessons)
        beats += int(l.beats.size());

    // The title page.
    f.space(180);
    auto cover = f.document(
        QStringLiteral("<h1 style='font-size:26pt'>%1</h1><p style='font-size:13pt'>%2</p>"
                       "<p>%3</p><p style='color:#555'>%4</p>")
            .arg(escaped(title), escaped(o.subtitle),
                 QCoreApplication::translate("Handout", "%1 lessons, %2 beats")
                     .arg(lessons.size())
                     .arg(beats),
                 QCoreApplication::translate("Handout", "Made with Gradscape %1 on %2")
                     .arg(QStringLiteral(GRADSCAPE_VERSION),
                          QDate::currentDate().toString(Qt::ISODate))),
        false);
    f.text(*cover);

    // The contents, with the pages the measuring pass found.
    f.newPage();
    QString toc = QStringLiteral("<h2>%1</h2><table width='100%' cellspacing='0' cellpadding='3'>")
                      .arg(QCoreApplication::translate("Handout", "Contents"));
    for (int i = 0; i < lessons.size(); ++i)
        toc += QStringLiteral("<tr><td>%1. %2</td><td align='right'>%3</td></tr>")
                   .arg(i + 1)
                   .arg(escaped(lessons[i].title))
                   .arg(i < starts.size() ? starts[i] : 0);
    toc += QStringLiteral("</table>");
    auto contents = f.document(toc, false);
    f.text(*contents);
    while (f.page() < 1 + contentsPages)
        f.newPage(); // as many pages as the measuring pass took

    int done = 0;
    out.lessonPages.clear();
    out.figuresPerLesson.clear();
    for (int i = 0; i < lessons.size(); ++i) {
        const Lesson& l = lessons[i];
        f.newPage();
        out.lessonPages << f.page();
        auto head =
            f.document(QStringLiteral("# %1. %2\n\n%3").arg(i + 1).arg(l.title, l.lead), true);
        f.text(*head);
        int figures = 0;
        for (int k = 0; k < l.beats.size(); ++k) {
            const Beat& b = l.beats[k];
            if (o.cancel && o.cancel->load())
                return QCoreApplication::translate("Handout", "the handout was cancelled");
            auto heading =
                f.document(QStringLiteral("### %1.%2 %3").arg(i + 1).arg(k + 1).arg(b.title), true);
            QString error;
            f.figure(*heading, [&](QCPPainter& p) { error = pictures->paint(b.answered, p); });
            if (!error.isEmpty())
                return QStringLiteral("%1, beat %2: %3").arg(l.name).arg(k + 1).arg(error);
            ++figures;
            QString body = b.text;
            if (b.question)
                body += QStringLiteral("\n\n**%1** %2")
                            .arg(QCoreApplication::translate("Handout", "Answer."), b.answer);
            if (!body.trimmed().isEmpty()) {
                auto text = f.document(body, true);
                f.text(*text);
            }
            if (painter && o.progress) o.progress(++done, beats);
        }
        out.figuresPerLesson << figures;
    }
    f.finish();
    out.pages = f.page();
    return {};
}

} // namespace

std::optional<QPageSize> handoutPageSize(const QString& name) {
    if (name.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::A4);
    if (name.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::Letter);
    return std::nullopt;
}

QString writeHandout(const QVector<Lesson>& lessons, const QString& path, const HandoutOptions& o,
                     HandoutLayout* layout) {
    if (lessons.isEmpty()) return QStringLiteral("no lessons to put in a handout");
    QTemporaryFile tmp;
    if (const QString e = openScratch(tmp, path, QStringLiteral(".pdf")); !e.isEmpty()) return e;
    QPdfWriter writer(tmp.fileName());
    writer.setTitle(o.title.isEmpty() ? QStringLiteral("Gradscape lessons") : o.title);
    writer.setCreator(QStringLiteral("Gradscape " GRADSCAPE_VERSION));
    writer.setResolution(72); // a unit is a point
    writer.setPageSize(o.pageSize);
    writer.setPageMargins(QMarginsF());

    // Measure: where each lesson starts, and how many pages the contents take.
    HandoutLayout measured;
    Pictures none;
    flow(lessons, o, writer, nullptr, 1, {}, measured, &none);
    const int firstLesson = measured.lessonPages.value(0, 3);
    const int contentsPages = std::max(1, firstLesson - 2);
    flow(lessons, o, writer, nullptr, contentsPages, measured.lessonPages, measured, &none);

    QCPPainter painter;
    if (!painter.begin(&writer)) return cannotWrite(path, QStringLiteral("cannot start the PDF"));
    HandoutLayout drawn;
    Pictures pictures;
    const QString error =
        flow(lessons, o, writer, &painter, contentsPages, measured.lessonPages, drawn, &pictures);
    if (!painter.end() && error.isEmpty())
        return cannotWrite(path, QStringLiteral("writing the PDF failed"));
    if (!error.isEmpty()) return error;
    if (layout) *layout = drawn;
    return deliver(tmp, path);
}

} // namespace gs::app

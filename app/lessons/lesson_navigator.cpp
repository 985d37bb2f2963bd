#include "lessons/lesson_navigator.h"

#include "lessons/lesson_library.h"
#include "math/math_text.h"
#include "pages/page_registry.h"

#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace gs::app {

namespace {
enum Kind { kLesson = 1, kPage = 2, kBeat = 3, kBroken = 4 };
constexpr int kKindRole = Qt::UserRole;
constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kBeatRole = Qt::UserRole + 2;
} // namespace

LessonNavigator::LessonNavigator(const LessonLibrary* library, QWidget* parent)
    : QWidget(parent), library_(library) {
    tree_ = new QTreeWidget(this);
    tree_->setHeaderHidden(true);
    tree_->setIndentation(tree_->indentation() * 2 / 3);
    tree_->setFocusPolicy(Qt::NoFocus); // the keys belong to playback; PageUp/PageDown walk beats
    tree_->setTextElideMode(Qt::ElideRight);
    text_ = new QTextBrowser(this);
    text_->setOpenExternalLinks(true);
    text_->setFocusPolicy(Qt::NoFocus);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tree_);
    split->addWidget(text_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    build();

    connect(tree_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QString key = item->data(0, kKeyRole).toString();
        switch (item->data(0, kKindRole).toInt()) {
        case kLesson:
            Q_EMIT lessonChosen(key, 0);
            break;
        case kBeat:
            Q_EMIT lessonChosen(key, item->data(0, kBeatRole).toInt());
            break;
        case kPage:
            Q_EMIT pageChosen(key);
            break;
        case kBroken:
            text_->setPlainText(item->toolTip(0));
            break;
        default:
            break;
        }
    });
}

void LessonNavigator::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Narrow enough to leave the page room on a 1024-pixel projector with large fonts, wide
    // enough for a lesson's text to read as sentences.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::Polish)
        setMinimumWidth(16 * fontMetrics().averageCharWidth());
}

void LessonNavigator::build() {
    tree_->clear();
    auto group = [this](const QString& title) {
        auto* item = new QTreeWidgetItem(tree_, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setFlags(Qt::ItemIsEnabled);
        return item;
    };
    for (const LessonSet& set : library_->sets()) {
        if (set.lessons.isEmpty()) continue;
        QTreeWidgetItem* top = group(set.title);
        top->setToolTip(0, set.folder.startsWith(QLatin1Char(':')) ? QString() : set.folder);
        for (int i = 0; i < set.lessons.size(); ++i) {
            const LessonEntry& e = set.lessons[i];
            if (const LessonError* err = e.error()) {
                auto* item = new QTreeWidgetItem(top, {tr("%1 (does not load)").arg(e.name)});
                item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
                item->setData(0, kKindRole, kBroken);
                item->setData(0, kKeyRole, e.name);
                item->setToolTip(0, err->text());
                continue;
            }
            const Lesson& l = *e.loaded();
            auto* item =
                new QTreeWidgetItem(top, {QStringLiteral("%1. %2").arg(i + 1).arg(l.title)});
            item->setData(0, kKindRole, kLesson);
            item->setData(0, kKeyRole, e.name);
            item->setToolTip(0, l.title);
            if (l.beats.size() < 2) continue;
            for (int k = 0; k < l.beats.size(); ++k) {
                const Beat& b = l.beats[k];
                auto* beat = new QTreeWidgetItem(
                    item, {QStringLiteral("%1%2").arg(b.question ? QStringLiteral("? ") : QString(),
                                                      b.title)});
                beat->setData(0, kKindRole, kBeat);
                beat->setData(0, kKeyRole, e.name);
                beat->setData(0, kBeatRole, k);
                beat->setToolTip(
                    0, tr("Beat %1 of %2: %3").arg(k + 1).arg(l.beats.size()).arg(b.title));
            }
        }
        top->setExpanded(true);
    }
    QTreeWidgetItem* pages = group(tr("Explore"));
    for (const PageInfo& page : PageRegistry::instance().pages()) {
        auto* item = new QTreeWidgetItem(pages, {page.title});
        item->setData(0, kKindRole, kPage);
        item->setData(0, kKeyRole, page.key);
        item->setToolTip(0, page.description);
    }
    pages->setExpanded(true);
}

void LessonNavigator::rebuild() {
    build();
    showCurrent(lesson_, pageKey_, beat_, answered_);
}

QTreeWidgetItem* LessonNavigator::findItem(int kind, const QString& key, int beat) const {
    for (QTreeWidgetItemIterator it(tree_); *it; ++it) {
        QTreeWidgetItem* item = *it;
        if (item->data(0, kKindRole).toInt() == kind && item->data(0, kKeyRole) == key &&
            (beat < 0 || item->data(0, kBeatRole).toInt() == beat))
            return item;
    }
    return nullptr;
}

void LessonNavigator::showCurrent(const QString& lesson, const QString& pageKey, int beat,
                                  bool answered) {
    const LessonEntry* entry = library_->find(lesson);
    const Lesson* l = entry ? entry->loaded() : nullptr;
    lesson_ = l ? lesson : QString();
    pageKey_ = pageKey;
    beat_ = l ? std::clamp(beat, 0, int(l->beats.size()) - 1) : 0;
    answered_ = answered;
    // Only the lesson on show lists its beats open; the others stay one line each.
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if ((*it)->data(0, kKindRole).toInt() == kLesson)
            (*it)->setExpanded((*it)->data(0, kKeyRole) == lesson_);
    if (l) {
        QTreeWidgetItem* item = findItem(kBeat, lesson_, beat_);
        tree_->setCurrentItem(item ? item : findItem(kLesson, lesson_));
        math::setMathMarkdown(text_->document(), l->textAt(beat_, answered));
        return;
    }
    tree_->setCurrentItem(findItem(kPage, pageKey));
    const PageInfo* page = PageRegistry::instance().find(pageKey);
    text_->setMarkdown(page ? tr("## %1\n\n%2\n\nPick a lesson above to be walked through the "
                                 "article.")
                                  .arg(page->title, page->description)
                            : QString());
}

} // namespace gs::app

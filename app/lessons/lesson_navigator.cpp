#include "lessons/lesson_navigator.h"

#include "lessons/lesson.h"
#include "pages/page_registry.h"

#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs::app {

namespace {
enum Kind { kLesson = 1, kPage = 2 };
constexpr int kKindRole = Qt::UserRole;
constexpr int kKeyRole = Qt::UserRole + 1;
} // namespace

LessonNavigator::LessonNavigator(QWidget* parent) : QWidget(parent) {
    tree_ = new QTreeWidget(this);
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(false);
    tree_->setFocusPolicy(Qt::NoFocus); // the keys belong to playback; PageUp/PageDown walk lessons
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
            Q_EMIT lessonChosen(key);
            break;
        case kPage:
            Q_EMIT pageChosen(key);
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
    auto* lessons = new QTreeWidgetItem(tree_, {tr("Lessons")});
    auto* pages = new QTreeWidgetItem(tree_, {tr("Explore")});
    for (QTreeWidgetItem* group : {lessons, pages}) {
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
    }
    lessons_ = lessonNames();
    for (int i = 0; i < lessons_.size(); ++i) {
        const auto lesson = loadLesson(lessons_[i]);
        const QString title =
            std::holds_alternative<Lesson>(lesson) ? std::get<Lesson>(lesson).title : lessons_[i];
        auto* item = new QTreeWidgetItem(lessons, {QStringLiteral("%1. %2").arg(i + 1).arg(title)});
        item->setData(0, kKindRole, kLesson);
        item->setData(0, kKeyRole, lessons_[i]);
        item->setToolTip(0, title);
    }
    for (const PageInfo& page : PageRegistry::instance().pages()) {
        auto* item = new QTreeWidgetItem(pages, {page.title});
        item->setData(0, kKindRole, kPage);
        item->setData(0, kKeyRole, page.key);
        item->setToolTip(0, page.description);
    }
    tree_->expandAll();
}

QTreeWidgetItem* LessonNavigator::findItem(int kind, const QString& key) const {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            if (item->data(0, kKindRole).toInt() == kind && item->data(0, kKeyRole) == key)
                return item;
        }
    }
    return nullptr;
}

void LessonNavigator::showCurrent(const QString& lesson, const QString& pageKey) {
    lesson_ = lessons_.contains(lesson) ? lesson : QString();
    QTreeWidgetItem* item =
        lesson_.isEmpty() ? findItem(kPage, pageKey) : findItem(kLesson, lesson_);
    tree_->setCurrentItem(item);
    if (!lesson_.isEmpty()) {
        const auto loaded = loadLesson(lesson_);
        if (const auto* l = std::get_if<Lesson>(&loaded)) {
            text_->setMarkdown(l->markdown);
            return;
        }
    }
    const PageInfo* page = PageRegistry::instance().find(pageKey);
    text_->setMarkdown(page ? QStringLiteral("## %1\n\n%2\n\nPick a lesson above to be walked "
                                             "through the article.")
                                  .arg(page->title, page->description)
                            : QString());
}

QString LessonNavigator::lessonAt(int delta) const {
    if (lessons_.isEmpty()) return {};
    const int here = lessons_.indexOf(lesson_);
    const int there = here < 0 ? 0 : here + delta;
    return there >= 0 && there < lessons_.size() ? lessons_[there] : QString();
}

} // namespace gs::app

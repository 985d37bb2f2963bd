#pragma once
// The lesson navigator: the lessons in the article's order, then every page of the registry to
// explore freely, and below them the current lesson's text. It only lists and reports choices;
// the window opens what is chosen.

#include <QStringList>
#include <QWidget>

class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace gs::app {

class LessonNavigator : public QWidget {
    Q_OBJECT
public:
    explicit LessonNavigator(QWidget* parent = nullptr);

    /// Marks the current lesson (or, when `lesson` is empty, the page `pageKey`) and shows the
    /// lesson's text, or the page's description.
    void showCurrent(const QString& lesson, const QString& pageKey);
    QString currentLesson() const { return lesson_; }
    /// The lesson `delta` places from the current one (the first when none is current); empty
    /// past either end.
    QString lessonAt(int delta) const;

    QTreeWidget* tree() const { return tree_; }
    QTextBrowser* text() const { return text_; }

Q_SIGNALS:
    void lessonChosen(const QString& name);
    void pageChosen(const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    QTreeWidgetItem* findItem(int kind, const QString& key) const;

    QStringList lessons_;
    QString lesson_;
    QTreeWidget* tree_;
    QTextBrowser* text_;
};

} // namespace gs::app

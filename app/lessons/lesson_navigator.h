#pragma once
// The lesson navigator: the lesson sets (built-in, the teacher's own, folders added), each lesson
// with its beats under it, then every page of the registry to explore freely; below them the text
// of the beat on show. A lesson that did not load is listed with its error. It only lists and
// reports choices; the window opens what is chosen.

#include <QStringList>
#include <QWidget>

class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace gs::app {

class LessonLibrary;

class LessonNavigator : public QWidget {
    Q_OBJECT
public:
    explicit LessonNavigator(const LessonLibrary* library, QWidget* parent = nullptr);

    /// Marks beat `beat` of `lesson` (or, when `lesson` is empty or unknown, the page `pageKey`)
    /// and shows its text (a question's answer once `answered`), or the page's description.
    void showCurrent(const QString& lesson, const QString& pageKey, int beat = 0,
                     bool answered = true);
    QString currentLesson() const { return lesson_; }
    int currentBeat() const { return beat_; }
    /// Lists the library again (after its files changed), keeping what is current.
    void rebuild();

    QTreeWidget* tree() const { return tree_; }
    QTextBrowser* text() const { return text_; }

Q_SIGNALS:
    void lessonChosen(const QString& name, int beat);
    void pageChosen(const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    QTreeWidgetItem* findItem(int kind, const QString& key, int beat = -1) const;

    const LessonLibrary* library_;
    QString lesson_;
    QString pageKey_;
    int beat_ = 0;
    bool answered_ = true;
    QTreeWidget* tree_;
    QTextBrowser* text_;
};

} // namespace gs::app

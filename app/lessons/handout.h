#pragma once
// The handout: lessons as one PDF for the class. A title page, a table of contents with page
// numbers, then each lesson on a new page: its title and lead, and for every beat its heading,
// its picture (vector, as the page draws it; a question's once answered) and its text.

#include "lessons/lesson.h"

#include <QPageSize>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace gs::app {

struct HandoutOptions {
    QPageSize pageSize{QPageSize::A4};
    QString title;    ///< the title page's; "Gradscape lessons" when empty
    QString subtitle; ///< under it, e.g. the set's folder
    std::function<void(int done, int total)> progress; ///< per beat drawn
    const std::atomic<bool>* cancel = nullptr;
};

/// What was laid out, for the caller to report and the tests to check.
struct HandoutLayout {
    int pages = 0;
    QVector<int> lessonPages; ///< the page (1-based) each lesson starts on
    QVector<int> figuresPerLesson;
};

/// Writes the handout to `path` (replaced whole, as every export). Returns an empty string on
/// success, else a one-line reason; fills `layout` when given.
QString writeHandout(const QVector<Lesson>& lessons, const QString& path,
                     const HandoutOptions& options = {}, HandoutLayout* layout = nullptr);

/// "A4" or "Letter" (any case) as a page size; nullopt for anything else.
std::optional<QPageSize> handoutPageSize(const QString& name);

} // namespace gs::app

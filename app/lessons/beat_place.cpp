#include "lessons/beat_place.h"

namespace gs::app {

BeatPlace enterBeat(int lesson, int k, const QVector<QVector<bool>>& questions) {
    return {lesson, k, !questions[lesson][k]};
}

std::optional<BeatPlace> nextBeat(const BeatPlace& here, const QVector<QVector<bool>>& questions) {
    const int n = int(questions.size());
    if (here.lesson >= 0 && here.lesson < n) {
        const QVector<bool>& beats = questions[here.lesson];
        if (!here.answered && here.beat < beats.size())
            return BeatPlace{here.lesson, here.beat, true};
        if (here.beat + 1 < beats.size()) return enterBeat(here.lesson, here.beat + 1, questions);
    }
    for (int i = here.lesson + 1; i < n; ++i)
        if (!questions[i].isEmpty()) return enterBeat(i, 0, questions);
    return std::nullopt;
}

std::optional<BeatPlace> previousBeat(const BeatPlace& here,
                                      const QVector<QVector<bool>>& questions) {
    const int n = int(questions.size());
    if (here.lesson >= 0 && here.lesson < n && here.beat > 0 &&
        here.beat <= questions[here.lesson].size())
        return BeatPlace{here.lesson, here.beat - 1, true};
    for (int i = std::min(here.lesson, n) - 1; i >= 0; --i)
        if (!questions[i].isEmpty()) return BeatPlace{i, int(questions[i].size()) - 1, true};
    return std::nullopt;
}

} // namespace gs::app

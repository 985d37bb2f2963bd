#pragma once
// Where a lecture is: which lesson, which beat, and whether a question beat shows its answer yet.
// PageDown walks forward (a question's answer first, then the next beat, then the next lesson's
// first beat), PageUp back (the beat before, shown whole); a lesson that did not load (no beats)
// is passed over.

#include <QVector>

#include <optional>

namespace gs::app {

struct BeatPlace {
    int lesson = -1; ///< −1: no lesson yet (exploring a page)
    int beat = 0;
    bool answered = true;
    bool operator==(const BeatPlace&) const = default;
};

/// `questions[i][k]`: whether beat k of lesson i is a question; an empty list is a lesson that
/// did not load. Each returns nullopt past the first or the last beat.
std::optional<BeatPlace> nextBeat(const BeatPlace& here, const QVector<QVector<bool>>& questions);
std::optional<BeatPlace> previousBeat(const BeatPlace& here,
                                      const QVector<QVector<bool>>& questions);
/// Beat `k` of lesson `lesson` as first shown (a question unanswered).
BeatPlace enterBeat(int lesson, int k, const QVector<QVector<bool>>& questions);

} // namespace gs::app

#include "run/run_set.h"

#include "run/run_all.h"

#include <algorithm>

namespace gs {

int RunSet::add(std::unique_ptr<Optimizer> optimizer) {
    auto run = std::make_unique<Run>();
    run->optimizer = std::move(optimizer);
    runs_.push_back(std::move(run));
    return size() - 1;
}

void RunSet::remove(int index) {
    if (index < 0 || index >= size()) return;
    runs_.erase(runs_.begin() + index);
}

int RunSet::recompute(const Objective& f, const Vec& sharedStart, const StopRules& rules) {
    std::vector<RunRequest> requests;
    requests.reserve(runs_.size());
    for (const auto& r : runs_)
        requests.push_back({r->optimizer.get(), r->start.value_or(sharedStart),
                            r->schedule ? &*r->schedule : nullptr});
    runAll(f, requests, rules, spare_); // into last time's buffers
    int last = 0;
    for (size_t i = 0; i < runs_.size(); ++i) {
        std::swap(runs_[i]->trajectory, spare_[i]); // the old run's buffers are next time's spares
        last = std::max(last, runs_[i]->trajectory.size() - 1);
    }
    return last;
}

} // namespace gs

#include "expr/intern.h"

#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace gs::expr {

namespace {

struct Key {
    Op op;
    int var;
    std::uint64_t bits; // the constant's bit pattern (NaNs are made canonical before)
    const Node* a;
    const Node* b;

    bool operator==(const Key&) const = default;
};

struct KeyHash {
    size_t operator()(const Key& k) const {
        // boost::hash_combine's mixing over the five fields.
        size_t h = static_cast<size_t>(k.op);
        auto mix = [&h](size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
        mix(static_cast<size_t>(k.var));
        mix(static_cast<size_t>(k.bits));
        mix(reinterpret_cast<size_t>(k.a));
        mix(reinterpret_cast<size_t>(k.b));
        return h;
    }
};

Key keyOf(const Node& n) {
    Key k{n.op, n.var, 0, nullptr, nullptr};
    std::memcpy(&k.bits, &n.value, sizeof k.bits);
    if (!n.args.empty()) k.a = n.args[0].get();
    if (n.args.size() > 1) k.b = n.args[1].get();
    return k;
}

struct Entry {
    const Node* node; // identifies the entry's owner when a dying node removes it
    std::weak_ptr<const Node> weak;
};

// Nodes are built and released on any thread (the app compiles, workers evaluate), so the table
// is shared and locked. It is never destroyed: nodes held by static objects may outlive main().
struct Table {
    std::mutex mutex;
    std::unordered_map<Key, Entry, KeyHash> entries;
};

Table& table() {
    static Table* t = new Table;
    return *t;
}

thread_local std::uint64_t builtOnThisThread = 0;

// A node leaves the table when its last owner lets go. Deleting it releases its arguments, which
// may end their lives too: those wait in a list that the outermost release() empties, so a chain
// thousands of nodes deep is freed in a loop, not by as many nested calls. The lock is not held
// while deleting.
void release(const Node* n) {
    Table& t = table();
    {
        const std::lock_guard lock(t.mutex);
        const auto it = t.entries.find(keyOf(*n));
        if (it != t.entries.end() && it->second.node == n) t.entries.erase(it);
    }
    // Trivially destructible thread-locals: no destruction order to get wrong at exit.
    thread_local const Node* graveyard = nullptr;
    thread_local bool emptying = false;
    n->nextDead = graveyard;
    graveyard = n;
    if (emptying) return;
    emptying = true;
    while (graveyard) {
        const Node* dead = graveyard;
        graveyard = dead->nextDead;
        delete dead; // may add its arguments to the list
    }
    emptying = false;
}

} // namespace

std::uint64_t nodesBuilt() {
    return builtOnThisThread;
}

namespace detail {

NodePtr intern(Op op, double value, int var, NodePtr a, NodePtr b) {
    auto* fresh = new Node;
    fresh->op = op;
    fresh->value = value;
    fresh->var = var;
    fresh->variable = op == Op::Var || (a && a->variable) || (b && b->variable);
    if (a) fresh->args.push_back(std::move(a));
    if (b) fresh->args.push_back(std::move(b));
    const Key key = keyOf(*fresh);
    Table& t = table();
    std::unique_lock lock(t.mutex);
    auto [it, inserted] = t.entries.try_emplace(key, Entry{fresh, {}});
    if (!inserted) {
        if (NodePtr existing = it->second.weak.lock()) {
            lock.unlock();
            delete fresh;
            return existing;
        }
        it->second.node = fresh; // the old node is dying; its release() will leave this entry
    }
    NodePtr n(fresh, release);
    it->second.weak = n;
    ++builtOnThisThread;
    return n;
}

} // namespace detail

} // namespace gs::expr

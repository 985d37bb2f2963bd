#include "expr/substitute.h"

#include <unordered_map>

namespace gs::expr {

NodePtr substitute(const NodePtr& tree, int var, double value) {
    // Children before parents, each distinct node once (the tree is a DAG), without recursion.
    std::unordered_map<const Node*, NodePtr> done;
    const NodePtr constant = makeConst(value);
    postOrder({&tree, 1}, [&](const NodePtr& n) {
        NodePtr out;
        if (n->op == Op::Var && n->var == var)
            out = constant;
        else if (!n->variable || n->args.empty())
            out = n; // constants and other variables stay
        else {
            NodePtr a = done.at(n->args[0].get());
            NodePtr b = n->args.size() > 1 ? done.at(n->args[1].get()) : nullptr;
            out = make(n->op, std::move(a), std::move(b));
        }
        done.emplace(n.get(), std::move(out));
        return true;
    });
    return done.at(tree.get());
}

} // namespace gs::expr

#pragma once
// The built-in function catalog: plain data (formula text in the expression language, view box,
// default start, known optima), compiled by the expression engine on demand.
//
//   ObjectivePtr f = makeCatalogObjective("rosenbrock");
//   for (const std::string& key : catalogKeys(2)) menu.add(findCatalogEntry(key)->name);

#include "objective/objective.h"

#include <string>
#include <string_view>
#include <vector>

namespace gs {

struct CatalogEntry {
    std::string key;                    ///< stable kebab-case id used in scene files
    std::string name;                   ///< display name, e.g. "Rosenbrock"
    std::string formula;                ///< in the expression language, e.g. "x^2 - y^2"
    std::vector<std::string> variables; ///< {"x"} or {"x", "y"}
    Box viewBox;
    Vec defaultStart;
    std::vector<Optimum> optima; ///< known stationary points inside the view box
    std::string description;     ///< one line, for a tooltip
    bool logLevels = false;      ///< contour levels read better log-spaced (steep valleys)

    int dimension() const { return static_cast<int>(variables.size()); }
};

/// Every entry, 1D first, in menu order. Built once; the reference stays valid.
const std::vector<CatalogEntry>& catalog();
/// The entry with this key, or nullptr.
const CatalogEntry* findCatalogEntry(std::string_view key);
/// Keys of the entries of this dimension (1 or 2), in catalog order.
std::vector<std::string> catalogKeys(int dimension);

/// Compiles the entry's formula and fills info() (name, formula, view box, start, optima). The
/// objective is new and the caller's own: it may adjust the description (a scene's view box).
/// Returns nullptr only if the formula does not compile (a bug the catalog test catches).
std::shared_ptr<Objective> makeCatalogObjective(const CatalogEntry& entry);
/// The same by key; nullptr for an unknown key.
std::shared_ptr<Objective> makeCatalogObjective(std::string_view key);

/// ½(x² + κ y²): Hessian eigenvalues 1 and κ, so κ is the condition number. The catalog's
/// "ill-conditioned" entry is κ = 25. Returns nullptr unless κ is finite and positive.
ObjectivePtr makeIllConditionedQuadratic(double kappa);

} // namespace gs

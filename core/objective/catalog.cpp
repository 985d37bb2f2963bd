#include "objective/catalog.h"

#include "objective/expression_objective.h"

#include <charconv>
#include <cmath>
#include <numbers>

namespace gs {

namespace {

using Kind = Optimum::Kind;

const std::vector<std::string> kX = {"x"};
const std::vector<std::string> kXY = {"x", "y"};

Vec at(double x) {
    return Vec::Constant(1, x);
}
Vec at(double x, double y) {
    return (Vec(2) << x, y).finished();
}
Box box(double lo, double hi) {
    return {at(lo), at(hi)};
}
Box box(double xlo, double xhi, double ylo, double yhi) {
    return {at(xlo, ylo), at(xhi, yhi)};
}
Optimum minimum(Vec x, double value, bool global = true) {
    return {std::move(x), value, Kind::Minimum, global};
}
Optimum maximum(Vec x, double value, bool global = true) {
    return {std::move(x), value, Kind::Maximum, global};
}
Optimum saddle(Vec x, double value) {
    return {std::move(x), value, Kind::Saddle, false};
}

// Optima not known in closed form were found by Newton's method (with the engine's exact
// Hessian) from a 61 × 61 grid of starts over the view box, and are printed to 17 digits.
std::vector<CatalogEntry> buildCatalog() {
    constexpr double pi = std::numbers::pi;
    std::vector<CatalogEntry> c;
    // ---- 1D ---------------------------------------------------------------------------------
    c.push_back(
        {.key = "sine-parabola",
         .name = "25 sin x − x²",
         .formula = "25 sin(x) - x^2",
         .variables = kX,
         .viewBox = box(-10, 10),
         .defaultStart = at(-2),
         // Roots of 25 cos x = 2x; the article climbs this function, so only peaks.
         .optima = {maximum(at(1.4541965749766173), 22.715560996788732),
                    maximum(at(-4.3564054153803884), 4.4543357972386204, false),
                    maximum(at(7.236571118164048), -31.98345385718283, false)},
         .description = "The article's first function: ascent from −2 stops on the lower peak.",
         .logLevels = false});
    c.push_back(
        {.key = "linear-plus-sine",
         .name = "x + sin x",
         .formula = "x + sin(x)",
         .variables = kX,
         .viewBox = box(-1, 7),
         .defaultStart = at(2.5),
         // f' = 1 + cos x = 0 at π, a flat inflection point.
         .optima = {saddle(at(pi), pi)},
         .description = "Descent creeps towards the flat point at π, slower the smaller the step.",
         .logLevels = false});
    c.push_back({.key = "quadratic",
                 .name = "x²",
                 .formula = "x^2",
                 .variables = kX,
                 .viewBox = box(-3, 3),
                 .defaultStart = at(2.5),
                 .optima = {minimum(at(0), 0)},
                 .description = "The simplest bowl: descent converges for learning rates below 1.",
                 .logLevels = false});
    c.push_back({.key = "double-well",
                 .name = "Double well",
                 .formula = "x^4 - 3x^2 + x",
                 .variables = kX,
                 .viewBox = box(-2.5, 2.5),
                 .defaultStart = at(2),
                 // Roots of 4x³ − 6x + 1.
                 .optima = {minimum(at(-1.300839565941577), -3.5139050389347886),
                            minimum(at(1.1309011226299859), -1.0702301817761541, false),
                            maximum(at(0.16993844331159128), 0.084135220710943065, false)},
                 .description = "Two valleys: where descent ends depends on where it starts.",
                 .logLevels = false});
    // ---- 2D ---------------------------------------------------------------------------------
    c.push_back(
        {.key = "cosine-landscape",
         .name = "Cosine landscape",
         .formula = "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)",
         .variables = kXY,
         .viewBox = box(-3, 3, -3, 3),
         .defaultStart = at(0.5, -1),
         .optima =
             {minimum(at(-0.84835414018328559, 2.7594846374143351), -3.8677719133324242),
              minimum(at(0.84835414018328559, 0.38210801617545814), -3.8677719133324242),
              minimum(at(-2.5247281257590664, -1.1481416724820299), -2.8920782253529875, false),
              minimum(at(2.5247281257590664, -1.9934509811077634), -2.8920782253529875, false),
              minimum(at(2.1636940084460288, 1.2129507885157194), -1.3780265655641402, false),
              minimum(at(-2.1636940084460292, 1.9286418650740742), -1.3780265655641393, false),
              minimum(at(-0.70076512186606121, -0.40704330939171318), -0.17904995971004656, false),
              minimum(at(0.70076512186606099, -2.7345493441980797), -0.17904995971004656, false)},
         .description = "The article's landscape: many valleys of different depths.",
         .logLevels = false});
    c.push_back({.key = "rosenbrock",
                 .name = "Rosenbrock",
                 .formula = "(1 - x)^2 + 100(y - x^2)^2",
                 .variables = kXY,
                 .viewBox = box(-2, 2, -1, 3),
                 .defaultStart = at(-1.2, 1),
                 .optima = {minimum(at(1, 1), 0)},
                 .description = "A curved, narrow valley: easy to find, slow to follow.",
                 .logLevels = true});
    c.push_back(
        {.key = "beale",
         .name = "Beale",
         .formula = "(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2",
         .variables = kXY,
         .viewBox = box(-4.5, 4.5, -4.5, 4.5),
         .defaultStart = at(1, 1),
         .optima = {minimum(at(3, 0.5), 0), saddle(at(0, 1), 14.203125),
                    saddle(at(0.10053793732415837, -2.6445135850231249), 9.8645122847555609)},
         .description = "Flat plains and steep ridges, with the minimum in a narrow arm.",
         .logLevels = true});
    c.push_back(
        {.key = "himmelblau",
         .name = "Himmelblau",
         .formula = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
         .variables = kXY,
         .viewBox = box(-5, 5, -5, 5),
         .defaultStart = at(0, 0),
         .optima = {minimum(at(3, 2), 0), minimum(at(-2.8051180869527448, 3.131312518250573), 0),
                    minimum(at(-3.779310253377747, -3.2831859912861696), 0),
                    minimum(at(3.5844283403304917, -1.8481265269644036), 0),
                    maximum(at(-0.27084459066734762, -0.92303855647998145), 181.6165215225827,
                            false),
                    saddle(at(-3.0730257507643897, -0.08135304428796751), 104.01516291755811),
                    saddle(at(0.086677504555396356, 2.8842547011747759), 67.719150087526131),
                    saddle(at(3.3851541836070211, 0.073851879837749282), 13.311926270405587),
                    saddle(at(-0.12796134673068008, -1.9537149802445766), 178.33723920192745)},
         .description = "Four equally deep minima: the start decides which one you get.",
         .logLevels = true});
    c.push_back({.key = "booth",
                 .name = "Booth",
                 .formula = "(x + 2y - 7)^2 + (2x + y - 5)^2",
                 .variables = kXY,
                 .viewBox = box(-10, 10, -10, 10),
                 .defaultStart = at(-6, -6),
                 .optima = {minimum(at(1, 3), 0)},
                 .description = "A tilted quadratic bowl.",
                 .logLevels = true});
    c.push_back({.key = "matyas",
                 .name = "Matyas",
                 .formula = "0.26(x^2 + y^2) - 0.48x y",
                 .variables = kXY,
                 .viewBox = box(-10, 10, -10, 10),
                 .defaultStart = at(8, 3),
                 .optima = {minimum(at(0, 0), 0)},
                 .description = "A quadratic with a shallow diagonal: condition number 25.",
                 .logLevels = false});
    c.push_back({.key = "ill-conditioned",
                 .name = "Ill-conditioned quadratic (κ = 25)",
                 .formula = "0.5(x^2 + 25y^2)",
                 .variables = kXY,
                 .viewBox = box(-3, 3, -3, 3),
                 .defaultStart = at(-2.8, 0.5),
                 .optima = {minimum(at(0, 0), 0)},
                 .description = "½(x² + κy²): descent zig-zags across the narrow axis.",
                 .logLevels = false});
    c.push_back({.key = "rastrigin",
                 .name = "Rastrigin",
                 .formula = "20 + x^2 - 10cos(2pi x) + y^2 - 10cos(2pi y)",
                 .variables = kXY,
                 .viewBox = box(-5.12, 5.12, -5.12, 5.12),
                 .defaultStart = at(3.2, 2.3),
                 .optima = {minimum(at(0, 0), 0)},
                 .description = "A bowl covered in a grid of local minima.",
                 .logLevels = false});
    c.push_back(
        {.key = "ackley",
         .name = "Ackley",
         .formula = "-20exp(-0.2sqrt(0.5(x^2 + y^2))) - exp(0.5(cos(2pi x) + cos(2pi y))) + e + 20",
         .variables = kXY,
         .viewBox = box(-5, 5, -5, 5),
         .defaultStart = at(3.5, -2.5),
         // A cone tip: the gradient is undefined exactly at the minimum.
         .optima = {minimum(at(0, 0), 0)},
         .description = "A nearly flat, bumpy plain around one sharp funnel.",
         .logLevels = false});
    c.push_back(
        {.key = "styblinski-tang",
         .name = "Styblinski–Tang",
         .formula = "0.5(x^4 - 16x^2 + 5x + y^4 - 16y^2 + 5y)",
         .variables = kXY,
         .viewBox = box(-5, 5, -5, 5),
         .defaultStart = at(0.5, 0.5),
         // Each coordinate sits at a root of 4t³ − 32t + 5.
         .optima = {minimum(at(-2.9035340277711774, -2.9035340277711774), -78.332331407542824),
                    minimum(at(-2.9035340277711774, 2.7468027709908371), -64.19561235905536, false),
                    minimum(at(2.7468027709908371, -2.9035340277711774), -64.19561235905536, false),
                    minimum(at(2.7468027709908371, 2.7468027709908371), -50.058893310567882,
                            false)},
         .description = "Four valleys, one per quadrant, of different depths.",
         .logLevels = false});
    c.push_back(
        {.key = "six-hump-camel",
         .name = "Six-hump camel",
         .formula = "(4 - 2.1x^2 + x^4/3)x^2 + x y + (-4 + 4y^2)y^2",
         .variables = kXY,
         .viewBox = box(-3, 3, -2, 2),
         .defaultStart = at(-1, 1),
         .optima =
             {minimum(at(0.089842013100318058, -0.71265640302073963), -1.0316284534898774),
              minimum(at(-0.089842013100318058, 0.71265640302073963), -1.0316284534898774),
              minimum(at(1.7036067149699807, -0.7960835686726252), -0.21546382438371725, false),
              minimum(at(-1.7036067149699807, 0.7960835686726252), -0.21546382438371725, false),
              minimum(at(1.6071047529201974, 0.56865145488413138), 2.1042503103112598, false),
              minimum(at(-1.6071047529201974, -0.56865145488413138), 2.1042503103112598, false)},
         .description = "Two global and four local minima.",
         .logLevels = false});
    c.push_back({.key = "goldstein-price",
                 .name = "Goldstein–Price",
                 .formula = "(1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6x y + 3y^2))"
                            " (30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36x y + 27y^2))",
                 .variables = kXY,
                 .viewBox = box(-2, 2, -2, 2),
                 .defaultStart = at(-1.5, 1.5),
                 .optima = {minimum(at(0, -1), 3), minimum(at(-0.6, -0.4), 30, false),
                            minimum(at(1.8, 0.2), 84, false), minimum(at(1.2, 0.8), 840, false)},
                 .description = "Values from 3 to a million: read it with log-spaced contours.",
                 .logLevels = true});
    c.push_back({.key = "saddle",
                 .name = "Saddle x² − y²",
                 .formula = "x^2 - y^2",
                 .variables = kXY,
                 .viewBox = box(-2, 2, -2, 2),
                 .defaultStart = at(-1.5, 0.05),
                 .optima = {saddle(at(0, 0), 0)},
                 .description = "Descent slows near the saddle, then slides off along y.",
                 .logLevels = false});
    c.push_back({.key = "monkey-saddle",
                 .name = "Monkey saddle",
                 .formula = "x^3 - 3x y^2",
                 .variables = kXY,
                 .viewBox = box(-2, 2, -2, 2),
                 .defaultStart = at(1.5, 0.3),
                 .optima = {saddle(at(0, 0), 0)},
                 .description = "A saddle with three valleys; its Hessian vanishes at the origin.",
                 .logLevels = false});
    c.push_back(
        {.key = "gaussian-wells",
         .name = "Gaussian wells",
         .formula =
             "0.02(x^2 + y^2) - 2exp(-((x - 1.5)^2 + (y + 1)^2)/0.8)"
             " - 1.5exp(-((x + 1.5)^2 + (y - 1.5)^2)/1.2) - exp(-((x + 1.8)^2 + (y + 1.8)^2)/0.6)"
             " - 1.2exp(-((x - 1.6)^2 + (y - 2)^2)/0.7)",
         .variables = kXY,
         .viewBox = box(-4, 4, -4, 4),
         .defaultStart = at(0.5, 0.6),
         .optima =
             {minimum(at(1.4880874871975864, -0.99205179069001326), -1.935524211703245),
              minimum(at(-1.4763524656693447, 1.4763568234447859), -1.4114190913158915, false),
              minimum(at(1.5808476275706742, 1.9767356742453872), -1.0707995300268118, false),
              minimum(at(-1.7785951616307247, -1.7783286070157016), -0.87212042679005786, false),
              maximum(at(0.55571003521025242, 0.66883127945174781), -0.050089914397577151, false),
              saddle(at(0.07742250572882263, 0.14678131557162466), -0.071577145498428141),
              saddle(at(1.4080780317409303, 0.63529545321266156), -0.10249898357094969),
              saddle(at(-1.452453713793294, -0.48856290338345137), -0.055065426971712288),
              saddle(at(0.28825745761477778, 1.6340363075556028), -0.1326807190319346)},
         .description = "Four wells of different depths in a gentle bowl: one global, three local.",
         .logLevels = false});
    c.push_back(
        {.key = "plateau",
         .name = "Plateau",
         .formula = "tanh((x^2 + y^2)/2)",
         .variables = kXY,
         .viewBox = box(-4, 4, -4, 4),
         .defaultStart = at(2.5, 2),
         .optima = {minimum(at(0, 0), 0)},
         .description = "A bowl whose rim flattens out: far from the center the gradient vanishes.",
         .logLevels = false});
    return c;
}

// Shortest decimal text that reads back as `v`, without an exponent (the parser's `e` is Euler's
// number next to a variable, so "1e+20y" would be ambiguous to a reader).
std::string decimal(double v) {
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

} // namespace

const std::vector<CatalogEntry>& catalog() {
    static const std::vector<CatalogEntry> entries = buildCatalog();
    return entries;
}

const CatalogEntry* findCatalogEntry(std::string_view key) {
    for (const CatalogEntry& e : catalog())
        if (e.key == key) return &e;
    return nullptr;
}

std::vector<std::string> catalogKeys(int dimension) {
    std::vector<std::string> keys;
    for (const CatalogEntry& e : catalog())
        if (e.dimension() == dimension) keys.push_back(e.key);
    return keys;
}

std::shared_ptr<Objective> makeCatalogObjective(const CatalogEntry& entry) {
    auto compiled = ExpressionObjective::compile(entry.formula, entry.variables);
    auto* f = std::get_if<std::shared_ptr<ExpressionObjective>>(&compiled);
    if (!f) return nullptr;
    ObjectiveInfo& info = (*f)->info();
    info.name = entry.name;
    info.formula = entry.formula;
    info.viewBox = entry.viewBox;
    info.defaultStart = entry.defaultStart;
    info.optima = entry.optima;
    return *f;
}

std::shared_ptr<Objective> makeCatalogObjective(std::string_view key) {
    const CatalogEntry* e = findCatalogEntry(key);
    return e ? makeCatalogObjective(*e) : nullptr;
}

ObjectivePtr makeIllConditionedQuadratic(double kappa) {
    if (!std::isfinite(kappa) || kappa <= 0) return nullptr;
    CatalogEntry e = *findCatalogEntry("ill-conditioned");
    const std::string k = decimal(kappa);
    e.name = "Ill-conditioned quadratic (κ = " + k + ")";
    e.formula = "0.5(x^2 + " + k + "y^2)";
    return makeCatalogObjective(e);
}

} // namespace gs

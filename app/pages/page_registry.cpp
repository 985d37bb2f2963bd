#include "pages/page_registry.h"

#include "pages/batches/batches_page.h"
#include "pages/batches/batches_settings.h"
#include "pages/classifier/classifier_page.h"
#include "pages/classifier/classifier_settings.h"
#include "pages/curve/curve_page.h"
#include "pages/directional/directional_page.h"
#include "pages/directional/directional_settings.h"
#include "pages/gradient_noise/gradient_noise_page.h"
#include "pages/gradient_noise/gradient_noise_settings.h"
#include "pages/grid_search/grid_search_page.h"
#include "pages/grid_search/grid_search_settings.h"
#include "pages/landscape/landscape_page.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/learning_rate/learning_rate_page.h"
#include "pages/lr_sweep/lr_sweep_page.h"
#include "pages/lr_sweep/lr_sweep_settings.h"
#include "pages/secant/secant_page.h"
#include "pages/secant/secant_settings.h"
#include "pages/slices/slices_page.h"
#include "pages/slices/slices_settings.h"
#include "pages/tangent_plane/tangent_plane_page.h"
#include "pages/tangent_plane/tangent_plane_settings.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gs::app {

PageRegistry& PageRegistry::instance() {
    static PageRegistry* registry = [] {
        auto* r = new PageRegistry; // lives as long as the program; pages are made from it
        registerBuiltinPages(*r);
        return r;
    }();
    return *registry;
}

void PageRegistry::add(PageInfo info) {
    for (PageInfo& p : pages_)
        if (p.key == info.key) {
            p = std::move(info);
            return;
        }
    pages_ << std::move(info);
}

const PageInfo* PageRegistry::find(const QString& key) const {
    for (const PageInfo& p : pages_)
        if (p.key == key) return &p;
    return nullptr;
}

std::unique_ptr<Page> PageRegistry::create(const QString& key) const {
    const PageInfo* info = find(key);
    return info ? info->create() : nullptr;
}

QStringList PageRegistry::keys() const {
    QStringList out;
    for (const PageInfo& p : pages_)
        out << p.key;
    return out;
}

namespace {
/// PageInfo::openData for a page whose settings take a data file (`useFile`): its scene set to
/// train on the file, titled `title` (%1 is the file's name).
template <class Settings> auto openDataWith(const char* title) {
    return [title](const Scene& current, const QString& path) {
        Scene s = current;
        Settings settings = settingsFrom<Settings>(s.settings);
        settings.useFile(path);
        s.settings = settings.toJson();
        s.title = QCoreApplication::translate("Pages", title).arg(QFileInfo(path).fileName());
        s.lesson.clear();
        return s;
    };
}
} // namespace

void registerBuiltinPages(PageRegistry& r) {
    auto tr = [](const char* text) { return QCoreApplication::translate("Pages", text); };
    r.add({QStringLiteral("curve"),
           tr("One variable"),
           tr("A curve, gradient ascent or descent, the tangent at every step"),
           1,
           true,
           true,
           [] { return std::make_unique<CurvePage>(); },
           {}});
    r.add({QStringLiteral("landscape"), tr("Two variables"),
           tr("A landscape f(x, y) and any number of optimizers racing on it"), 2, true, true,
           [] { return std::make_unique<LandscapePage>(); },
           [](const JsonReader& section) { LandscapeSettings::read(section); }});
    r.add({QStringLiteral("grid-search"), tr("Grid search"),
           tr("Evenly spaced samples, the best one, and what a grid costs in d dimensions"), 1,
           false, false, [] { return std::make_unique<GridSearchPage>(); },
           [](const JsonReader& section) { GridSearchSettings::read(section); }});
    r.add({QStringLiteral("secant"), tr("Derivative as a limit"),
           tr("Secants through (x, f(x)) and (x + h, f(x + h)) turning into the tangent"), 1, true,
           false, [] { return std::make_unique<SecantPage>(); },
           [](const JsonReader& section) { SecantSettings::read(section); }});
    r.add({QStringLiteral("slices"), tr("Slices and partial derivatives"),
           tr("Vertical planes x = x₀ and y = y₀ cut the surface; the cuts' slopes are ∂f/∂x and "
              "∂f/∂y"),
           2, false, false, [] { return std::make_unique<SlicesPage>(); },
           [](const JsonReader& section) { SlicesSettings::read(section); }});
    r.add({QStringLiteral("tangent-plane"), tr("Gradient and tangent plane"),
           tr("The gradient field, and the plane z = f(p) + ∇f(p)·(q − p) touching the surface"), 2,
           false, false, [] { return std::make_unique<TangentPlanePage>(); },
           [](const JsonReader& section) { TangentPlaneSettings::read(section); }});
    r.add({QStringLiteral("directional"), tr("Directional derivatives"),
           tr("The slope e·∇f of the cut along any direction e, largest along the gradient"), 2,
           false, false, [] { return std::make_unique<DirectionalPage>(); },
           [](const JsonReader& section) { DirectionalSettings::read(section); }});
    PageInfo classifier{
        QStringLiteral("classifier"),
        tr("Image classifier"),
        tr("Softmax regression learning Fashion-MNIST, or a data set of yours, by stochastic "
           "gradient descent"),
        0,
        false,
        false,
        [] { return std::make_unique<ClassifierPage>(); },
        [](const JsonReader& section) { ClassifierSettings::read(section); }};
    classifier.openData =
        openDataWith<ClassifierSettings>(QT_TRANSLATE_NOOP("Pages", "Softmax regression on %1"));
    r.add(classifier);
    PageInfo batches{QStringLiteral("batches"),
                     tr("Full batch or mini-batches"),
                     tr("Gradient descent on the whole set against SGD on batches, per example "
                        "processed, with the decision regions of both networks"),
                     0,
                     false,
                     false,
                     [] { return std::make_unique<BatchesPage>(); },
                     [](const JsonReader& section) { BatchesSettings::read(section); }};
    batches.openData = openDataWith<BatchesSettings>(
        QT_TRANSLATE_NOOP("Pages", "Full batch against mini-batches on %1"));
    r.add(batches);
    r.add({QStringLiteral("gradient-noise"), tr("Gradient noise"),
           tr("Mini-batch gradients around the full one, their covariance and variance against "
              "the batch size"),
           0, true, false, [] { return std::make_unique<GradientNoisePage>(); },
           [](const JsonReader& section) { GradientNoiseSettings::read(section); }});
    r.add({QStringLiteral("learning-rate"),
           tr("Learning rates side by side"),
           tr("Gradient descent from one start with several learning rates: the paths on the "
              "curve and xₙ against n"),
           1,
           false,
           true,
           [] { return std::make_unique<LearningRatePage>(); },
           {}});
    // The learning-rate sweep of a one- or two-variable page's runs, one page per dimension.
    for (int dim : {2, 1}) {
        PageInfo sweep{LrSweepPage::pageKey(dim),
                       dim == 2 ? tr("Learning-rate sweep") : tr("Learning-rate sweep (1D)"),
                       tr("Final loss against the learning rate for each optimizer, and gradient "
                          "descent's stability limit 2/λmax"),
                       dim,
                       false,
                       false,
                       [dim] { return std::make_unique<LrSweepPage>(dim); },
                       [](const JsonReader& section) { LrSweepPageSettings::read(section); }};
        sweep.openFrom = [dim](const Scene& from) -> std::optional<Scene> {
            const PageInfo* page = PageRegistry::instance().find(from.page);
            if (!page || !page->runs || page->dimension != dim) return std::nullopt;
            return LrSweepPage::sweepSceneFor(from, dim);
        };
        r.add(std::move(sweep));
    }
}

} // namespace gs::app

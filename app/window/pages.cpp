#include "window/pages.h"

#include "window/curve_page.h"
#include "window/landscape_page.h"

namespace gs::app {

std::unique_ptr<ScenePage> createPage(Scene::View view) {
    switch (view) {
    case Scene::View::Curve:
        return std::make_unique<CurvePage>();
    case Scene::View::Landscape:
        return std::make_unique<LandscapePage>();
    }
    return nullptr;
}

} // namespace gs::app

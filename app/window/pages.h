#pragma once
// Creating the page that shows a given kind of scene.

#include "scene/scene.h"

#include <memory>

namespace gs::app {

class ScenePage;

/// A new page for `view`, showing its default scene.
std::unique_ptr<ScenePage> createPage(Scene::View view);

} // namespace gs::app

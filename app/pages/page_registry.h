#pragma once
// The page registry: every page is registered once, with its key, title, dimension, what it offers
// and how to make one. The window's navigation and menus, restyling, the scene's "page" key, scene
// validation and headless rendering all read it; nothing else lists the pages. Adding a page
// touches its own files and registerBuiltinPages() only.

#include "scene/json_reader.h"
#include "scene/scene.h"

#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace gs::app {

class Page;

struct PageInfo {
    QString key;           ///< the scene's "page" value, e.g. "landscape"
    QString title;         ///< for people, e.g. "Two variables"
    QString description;   ///< one line, for the navigator's tooltip
    int dimension = 1;     ///< variables of the page's function; 0: the page shows no function
    bool playback = false; ///< offers a playback bar (animation, GIF frames)
    bool runs = false;     ///< records optimizer runs (the step CSV)
    std::function<std::unique_ptr<Page>()> create;
    /// Validates the page's section of a scene file, throwing SceneError through the reader (it is
    /// only called while a scene is read); empty when the page has no settings of its own.
    std::function<void(const JsonReader& section)> checkSettings;
    /// For a page that studies another page's scene (a sweep of its runs): that scene made into
    /// one of this page, or nothing when this page cannot take it. The window offers it as a tool
    /// on every page. Empty for other pages.
    std::function<std::optional<Scene>(const Scene& from)> openFrom = nullptr;
    /// For a page that trains on a data set: `current` (its scene) set to read the data file or
    /// folder at `path` (File > Open Data Set, a file dropped on the window). Empty for others.
    std::function<Scene(const Scene& current, const QString& path)> openData = nullptr;
};

class PageRegistry {
public:
    /// The registry, with the built-in pages in it.
    static PageRegistry& instance();

    /// Adds a page, or replaces the one with the same key.
    void add(PageInfo info);
    const QVector<PageInfo>& pages() const { return pages_; }
    const PageInfo* find(const QString& key) const;
    /// A new page for `key`, showing its default scene; null for an unknown key.
    std::unique_ptr<Page> create(const QString& key) const;
    QStringList keys() const;

private:
    PageRegistry() = default;
    QVector<PageInfo> pages_;
};

/// The built-in pages, in the navigator's order.
void registerBuiltinPages(PageRegistry& registry);

} // namespace gs::app

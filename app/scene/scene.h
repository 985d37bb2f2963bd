#pragma once
// A scene: everything needed to reproduce a picture. Plain data; pages read it, they do not own it.
// Saved as versioned JSON (docs/scene-format.md): what every page shares is at the top level, and
// what only one page shows (a landscape's isolines, a grid search's sample count) lives in that
// page's own section, which the page reads and validates itself.

#include "optim/schedule.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

#include <optional>

namespace gs::app {

/// One optimizer in a scene, with its hyperparameters and optionally its own start point.
struct SceneRun {
    QString optimizer = QStringLiteral("gd"); ///< registry key
    QMap<QString, double> params;             ///< hyperparameters that differ from defaults
    std::optional<QVector<double>> start;     ///< own start; the scene's start when empty
    bool visible = true;
    /// A learning-rate schedule from the run's "lr" (λ₀); the constant rate when empty.
    std::optional<gs::Schedule> schedule =
        std::nullopt; // initialized, so SceneRun{a, b, c, d} stays warning-free

    bool operator==(const SceneRun&) const = default;
};

/// The picture a scene focuses (enlarged to the whole page, see Page::pictures), for a desk and
/// for a projector (presentation mode); empty: every picture shows.
struct SceneFocus {
    QString desk, presentation;
    QString& on(bool projector) { return projector ? presentation : desk; }
    const QString& on(bool projector) const { return projector ? presentation : desk; }
    bool operator==(const SceneFocus&) const = default;
};

struct Scene {
    /// 2: the page is named by its registry key and page settings live in their own section.
    static constexpr int kVersion = 2;

    enum class Direction { Descent, Ascent };
    enum class Theme { Light, Dark };

    QString title;
    /// The page that shows the scene: a key of the page registry ("curve", "landscape", …).
    QString page = QStringLiteral("curve");
    /// The function: a catalog key ("rosenbrock") or a typed formula ("x^2 + 3y^2"); one is set.
    QString catalog;
    QString formula;
    /// View box per coordinate; empty means the function's default box.
    QVector<double> xRange, yRange;
    Direction direction = Direction::Descent;
    /// Shared start point (1 or 2 coordinates); empty means the function's default start.
    QVector<double> start;
    int maxSteps = 1000;
    QVector<SceneRun> runs{SceneRun{}};
    /// Playback step shown; −1 is the last step of the longest run.
    int step = -1;
    Theme theme = Theme::Light;
    /// The lesson this scene belongs to, if any (its name in the lesson list).
    QString lesson;
    /// The page's own settings: the scene file's section named after the page, as the page wrote
    /// it; validated on load by the page's settings reader (see PageInfo).
    QJsonObject settings;
    SceneFocus focus;

    bool operator==(const Scene&) const = default;
};

} // namespace gs::app

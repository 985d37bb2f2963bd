#pragma once
// A scene: everything needed to reproduce a picture. Plain data; views read it, they do not own it.
// Saved as versioned JSON (docs/scene-format.md).

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

    bool operator==(const SceneRun&) const = default;
};

struct Scene {
    static constexpr int kVersion = 1;

    enum class View { Curve, Landscape };
    enum class Direction { Descent, Ascent };
    enum class Levels { Linear, Log };
    enum class Theme { Light, Dark };

    QString title;
    View view = View::Curve;
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
    bool isolines = true;
    bool gradientField = false;
    Levels levels = Levels::Linear;
    /// Playback step shown; −1 is the last step of the longest run.
    int step = -1;
    Theme theme = Theme::Light;
    QString lesson;

    int dimension() const { return view == View::Curve ? 1 : 2; }
    bool operator==(const Scene&) const = default;
};

} // namespace gs::app

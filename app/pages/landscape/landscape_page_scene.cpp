// LandscapePage and scenes: showing a scene, describing the page as a scene, and picking a function
// (which is showing the current scene with another function).

#include "pages/landscape/landscape_page.h"

#include "controls/function_picker.h"
#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "controls/playback_bar.h"
#include "controls/schedule_editor.h"
#include "objective/catalog.h"
#include "optim/registry.h"
#include "pages/landscape/landscape_settings.h"
#include "pages/landscape/landscape_surface.h"
#include "scene/function_source.h"
#include "scene/scene_optimizer.h"
#include "views/landscape_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalBlocker>

#include <cmath>

namespace gs::app {

QString LandscapePage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("landscape"))
        return tr("this scene is not for the two-variable view");
    // The steps slider is the run's step limit: a scene outside its range is refused, not clamped.
    const int minSteps = static_cast<int>(steps_->spinBox()->minimum());
    const int maxSteps = static_cast<int>(steps_->spinBox()->maximum());
    if (s.maxSteps < minSteps || s.maxSteps > maxSteps)
        return tr("max_steps must be between %1 and %2 in the two-variable view (the scene has %3)")
            .arg(minSteps)
            .arg(maxSteps)
            .arg(s.maxSteps);
    const ResolvedFunction fn = resolveSceneFunction(s, 2);
    if (!fn.objective) return fn.error;
    // Check every run first, so a bad one changes nothing on screen.
    if (const QString error = checkSceneRuns(s.runs); !error.isEmpty()) return error;
    holdRecompute_ = true; // one recompute at the end, not one per control
    scene_ = s;
    removeAllOptimizers();
    picker_->showFunction(s.catalog, s.formula, *fn.objective);
    showFunction(fn.objective, s.start.size() == 2 ? std::optional(QPointF(s.start[0], s.start[1]))
                                                   : std::nullopt);
    steps_->setValue(s.maxSteps);
    showSettings(settingsFrom<LandscapeSettings>(s.settings));
    setDirection(s.direction); // held: the recompute below is the only one
    for (const SceneRun& run : s.runs) {
        Run& r = *runs_[static_cast<size_t>(addOptimizer(run.optimizer.toStdString()))];
        // Through the panel's own sliders, so the controls and the optimizer agree.
        for (auto it = run.params.begin(); it != run.params.end(); ++it)
            if (ParamSlider* slider = r.panel->slider(it.key())) slider->setValue(it.value());
        if (run.start && run.start->size() == 2)
            assignRunStart(r, QPointF((*run.start)[0], (*run.start)[1]));
        r.panel->visibleBox()->setChecked(run.visible);
        if (ScheduleEditor* editor = r.panel->scheduleEditor()) {
            editor->setSchedule(run.schedule);
            r.run->schedule = editor->schedule(); // a constant schedule is none
        }
    }
    view_->setTitle(s.title);
    surface_->setTitle(s.title);
    holdRecompute_ = false;
    recompute();
    if (s.step >= 0) playback_->setIndex(s.step);
    return {};
}

Scene LandscapePage::scene() const {
    Scene s = scene_;
    s.page = QStringLiteral("landscape");
    s.start = {x0_->value(), y0_->value()};
    s.maxSteps = static_cast<int>(std::lround(steps_->value()));
    s.direction = direction_;
    s.settings = settingsShown().toJson();
    s.runs.clear();
    for (const auto& r : runs_) {
        SceneRun run;
        run.optimizer = QString::fromStdString(r->run->optimizer->key());
        for (const HyperParam& p : r->run->optimizer->hyperParams())
            run.params.insert(QString::fromStdString(p.key), r->run->optimizer->get(p.key));
        if (r->run->start) run.start = QVector<double>{(*r->run->start)[0], (*r->run->start)[1]};
        run.visible = r->run->visible;
        run.schedule = r->run->schedule;
        s.runs << run;
    }
    s.step = playback_->index() == playback_->last() ? -1 : playback_->index();
    return s;
}

QVector<RunView> LandscapePage::runs() const {
    QVector<RunView> out;
    for (const auto& r : runs_)
        out << RunView{QString::fromStdString(r->run->optimizer->key()), &r->run->trajectory,
                       sign()};
    return out;
}

void LandscapePage::pickFunction(const QString& key) {
    Scene s = withCatalogFunction(scene(), key);
    // Contour levels and colors follow the catalog's advice (log for Rosenbrock and kin); either
    // can be changed on its own afterwards.
    LandscapeSettings settings = settingsFrom<LandscapeSettings>(s.settings);
    const CatalogEntry* entry = findCatalogEntry(key.toStdString());
    settings.logLevels = settings.logColors = entry && entry->logLevels;
    s.settings = settings.toJson();
    applyScene(s);
}

LandscapePage::~LandscapePage() = default;

} // namespace gs::app

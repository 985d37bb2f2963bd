#include "controls/schedule_editor.h"

#include "controls/param_slider.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
constexpr int kMaxPlotPoints = 2000; // a longer horizon is sampled, not drawn step by step
}

ScheduleEditor::ScheduleEditor(const HyperParam& lr, const QColor& color, QWidget* parent)
    : QWidget(parent), lr_(lr), color_(color), base_(lr.defaultValue) {
    kind_ = new QComboBox(this);
    for (ScheduleKind k : scheduleKinds())
        kind_->addItem(QString::fromUtf8(scheduleKindName(k)),
                       QString::fromUtf8(scheduleKindKey(k)));
    kind_->setToolTip(tr("How the learning rate changes from step to step"));
    kind_->setFocusPolicy(Qt::NoFocus); // keep Space and the arrows for playback
    formula_ = new QLabel(this);
    formula_->setWordWrap(true);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(70);
    plot_->setMaximumHeight(100);
    plot_->yAxis->ticker()->setTickCount(2); // λ₀ and about half of it: the shape, not a scale
    plot_->xAxis->ticker()->setTickCount(4);
    plot_->xAxis->setLabel(tr("step k"));
    plot_->yAxis->setLabel(tr("λₖ"));
    plot_->addGraph();
    plot_->graph(0)->setLineStyle(QCPGraph::lsStepLeft); // λₖ holds for the whole step k → k+1
    plot_->setToolTip(tr("The learning rate λₖ used for the step from xₖ to xₖ₊₁"));

    details_ = new QWidget(this);
    sliderBox_ = new QVBoxLayout;
    sliderBox_->setContentsMargins(0, 0, 0, 0);
    sliderBox_->setSpacing(2);
    auto* detailLayout = new QVBoxLayout(details_);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(2);
    detailLayout->addWidget(formula_);
    detailLayout->addLayout(sliderBox_);
    detailLayout->addWidget(plot_);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("schedule"), this));
    row->addWidget(kind_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(details_);

    connect(kind_, &QComboBox::currentIndexChanged, this, [this](int i) {
        const ScheduleKind kind = scheduleKinds()[size_t(std::max(0, i))];
        if (kind == schedule_.kind) return;
        const Schedule previous = schedule_;
        schedule_ = Schedule{};
        schedule_.kind = kind;
        // Fields two kinds share (γ in step and exponential decay) keep their value.
        for (const HyperParam& p : scheduleParams(kind))
            (void)setScheduleParam(schedule_, p.key, scheduleParam(previous, p.key));
        buildSliders();
        redraw();
        Q_EMIT scheduleChanged();
    });
    setSchedule(std::nullopt);
}

void ScheduleEditor::buildSliders() {
    for (ParamSlider* s : std::as_const(sliders_))
        delete s;
    sliders_.clear();
    for (const HyperParam& p : scheduleParams(schedule_.kind)) {
        const QString key = QString::fromStdString(p.key);
        ParamSlider::Range range{p.min, p.max, p.logScale, p.integer ? 0 : 3};
        auto* s = new ParamSlider(QString::fromStdString(p.label), range,
                                  scheduleParam(schedule_, p.key), details_);
        s->setToolTip(QString::fromStdString(p.help));
        sliderBox_->addWidget(s);
        sliders_.insert(key, s);
        connect(s, &ParamSlider::valueChanged, this, [this, key](double v) {
            const double value = sliders_.value(key)->range().decimals == 0 ? std::round(v) : v;
            if (setScheduleParam(schedule_, key.toStdString(), value)) return; // slider clamps
            redraw();
            Q_EMIT scheduleChanged();
        });
    }
    formula_->setText(QString::fromUtf8(scheduleFormula(schedule_.kind)));
    details_->setVisible(schedule_.kind != ScheduleKind::Constant);
}

void ScheduleEditor::setSchedule(const std::optional<Schedule>& schedule) {
    schedule_ = schedule.value_or(Schedule{});
    {
        const QSignalBlocker block(kind_);
        kind_->setCurrentIndex(
            int(std::find(scheduleKinds().begin(), scheduleKinds().end(), schedule_.kind) -
                scheduleKinds().begin()));
    }
    buildSliders();
    redraw();
}

std::optional<Schedule> ScheduleEditor::schedule() const {
    if (schedule_.kind == ScheduleKind::Constant) return std::nullopt;
    return schedule_;
}

void ScheduleEditor::setBaseRate(double lr) {
    base_ = lr;
    redraw();
}

void ScheduleEditor::setHorizon(int steps) {
    horizon_ = std::max(1, steps);
    redraw();
}

void ScheduleEditor::setStyle(const PlotStyle& style) {
    style_ = style;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    style_.apply(*plot_, small);
    // Tooltip-sized: a shape to read at a glance, not a figure (it shares a panel with sliders).
    plot_->setMinimumHeight(int(70 * style_.scale));
    plot_->setMaximumHeight(int(100 * style_.scale));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis})
        axis->setLabelFont(small);
    redraw();
}

double ScheduleEditor::plottedRate(int k) const {
    return std::clamp(schedule_.rate(base_, k), lr_.min, lr_.max); // as run() clamps it
}

void ScheduleEditor::redraw() {
    if (schedule_.kind == ScheduleKind::Constant) return; // hidden
    const int stride = std::max(1, horizon_ / kMaxPlotPoints);
    QVector<double> k, rate;
    for (int i = 0; i < horizon_; i += stride) {
        k << i;
        rate << plottedRate(i);
    }
    k << horizon_;
    rate << plottedRate(horizon_ - 1);
    plot_->graph(0)->setData(k, rate, true);
    plot_->graph(0)->setPen(QPen(color_, 1.5 * style_.scale));
    plot_->xAxis->setRange(0, horizon_);
    const auto [lo, hi] = std::minmax_element(rate.begin(), rate.end());
    const double pad = std::max(0.08 * (*hi - *lo), 0.05 * std::abs(*hi));
    plot_->yAxis->setRange(std::min(0.0, *lo - pad), *hi + pad);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gs::app

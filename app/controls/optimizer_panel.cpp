#include "controls/optimizer_panel.h"

#include "controls/param_slider.h"
#include "controls/schedule_editor.h"
#include "views/number_format.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs::app {

OptimizerPanel::OptimizerPanel(const Optimizer& opt, const QString& title, const QColor& color,
                               QWidget* parent)
    : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    const QString& name = title;
    visible_ = new QCheckBox(this);
    visible_->setChecked(true);
    visible_->setToolTip(tr("Show or hide this path"));
    visible_->setFocusPolicy(Qt::NoFocus);
    auto* swatch = new QLabel(
        QStringLiteral("<span style='color:%1; font-size:large'>●</span>").arg(color.name()), this);
    heading_ = new QLabel(this);
    heading_->setToolTip(QString::fromStdString(opt.updateRule()));
    remove_ = new QToolButton(this);
    remove_->setText(QStringLiteral("✕"));
    remove_->setFocusPolicy(Qt::NoFocus);
    setTitle(name);

    auto* header = new QHBoxLayout;
    header->addWidget(visible_);
    header->addWidget(swatch);
    header->addWidget(heading_, 1);
    header->addWidget(remove_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(header);

    // Only while this run has a start of its own (Shift+click on the map).
    ownStart_ = new QLabel(this);
    shared_ = new QToolButton(this);
    shared_->setText(tr("Use shared start"));
    shared_->setToolTip(tr("Start %1 from the shared start point again").arg(name));
    shared_->setFocusPolicy(Qt::NoFocus);
    auto* own = new QHBoxLayout;
    own->addWidget(ownStart_, 1);
    own->addWidget(shared_);
    layout->addLayout(own);
    setOwnStart(std::nullopt);

    for (const HyperParam& p : opt.hyperParams()) {
        const QString key = QString::fromStdString(p.key);
        ParamSlider::Range range{p.min, p.max, p.logScale, p.integer ? 0 : 3};
        auto* s = new ParamSlider(QString::fromStdString(p.label), range, opt.get(p.key), this);
        s->setToolTip(QString::fromStdString(p.help));
        sliders_.insert(key, s);
        layout->addWidget(s);
        connect(s, &ParamSlider::valueChanged, this,
                [this, key](double v) { Q_EMIT paramChanged(key, v); });
    }
    for (const HyperParam& p : opt.hyperParams())
        if (p.key == "lr") {
            schedule_ = new ScheduleEditor(p, color, this);
            schedule_->setBaseRate(opt.get("lr"));
            layout->addWidget(schedule_);
            connect(sliders_.value(QStringLiteral("lr")), &ParamSlider::valueChanged, schedule_,
                    &ScheduleEditor::setBaseRate);
            connect(schedule_, &ScheduleEditor::scheduleChanged, this,
                    &OptimizerPanel::scheduleChanged);
        }
    connect(visible_, &QCheckBox::toggled, this, &OptimizerPanel::visibilityChanged);
    connect(remove_, &QToolButton::clicked, this, &OptimizerPanel::removeRequested);
    connect(shared_, &QToolButton::clicked, this, &OptimizerPanel::sharedStartRequested);
}

void OptimizerPanel::setOwnStart(std::optional<QPointF> start) {
    ownStart_->setVisible(start.has_value());
    shared_->setVisible(start.has_value());
    if (start)
        ownStart_->setText(
            tr("own start (%1, %2)").arg(formatNumber(start->x(), 4), formatNumber(start->y(), 4)));
}

void OptimizerPanel::setTitle(const QString& title) {
    heading_->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    remove_->setToolTip(tr("Remove %1").arg(title));
    remove_->setAccessibleName(tr("Remove %1").arg(title));
}

} // namespace gs::app

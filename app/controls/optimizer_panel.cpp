#include "controls/optimizer_panel.h"

#include "controls/param_slider.h"

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
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), this);
    heading->setToolTip(QString::fromStdString(opt.updateRule()));
    remove_ = new QToolButton(this);
    remove_->setText(QStringLiteral("✕"));
    remove_->setToolTip(tr("Remove %1").arg(name));
    remove_->setAccessibleName(tr("Remove %1").arg(name));
    remove_->setFocusPolicy(Qt::NoFocus);

    auto* header = new QHBoxLayout;
    header->addWidget(visible_);
    header->addWidget(swatch);
    header->addWidget(heading, 1);
    header->addWidget(remove_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(header);

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
    connect(visible_, &QCheckBox::toggled, this, &OptimizerPanel::visibilityChanged);
    connect(remove_, &QToolButton::clicked, this, &OptimizerPanel::removeRequested);
}

} // namespace gs::app

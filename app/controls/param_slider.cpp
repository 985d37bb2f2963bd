#include "controls/param_slider.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSpinBox>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {
/// A spin box that shows small numbers in scientific notation, for log-scale parameters.
class LogSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double v) const override { return QString::number(v, 'g', 4); }
    double valueFromText(const QString& text) const override { return text.toDouble(); }
    QValidator::State validate(QString& text, int&) const override {
        bool ok = false;
        text.toDouble(&ok);
        return ok ? QValidator::Acceptable : QValidator::Intermediate;
    }
    void stepBy(int steps) override { setValue(value() * std::pow(10.0, 0.1 * steps)); }
};
} // namespace

ParamSlider::ParamSlider(const QString& label, Range range, double value, QWidget* parent)
    : QWidget(parent), range_(range), value_(std::clamp(value, range.min, range.max)) {
    label_ = new QLabel(label, this);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, kSteps);
    slider_->setAccessibleName(label);
    spin_ = range.logScale ? new LogSpinBox(this) : new QDoubleSpinBox(this);
    spin_->setDecimals(range.logScale ? 12 : range.decimals);
    spin_->setRange(range.min, range.max);
    if (!range.logScale) spin_->setSingleStep((range.max - range.min) / 100.0);
    spin_->setKeyboardTracking(false);
    spin_->setAccessibleName(label);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    syncWidgets();

    connect(slider_, &QSlider::valueChanged, this, [this](int pos) {
        if (!syncing_) setValue(fromSlider(pos));
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!syncing_) setValue(v);
    });
}

void ParamSlider::fitSpinBox() {
    // Wide enough for the longest value it shows (0.00055, −10.00), whatever the font size.
    const QString widest = range_.logScale ? QStringLiteral("0.00055") : QStringLiteral("−1000.00");
    QStyleOptionSpinBox option;
    option.initFrom(spin_);
    const QSize text(spin_->fontMetrics().horizontalAdvance(widest) + 8,
                     spin_->fontMetrics().height());
    spin_->setMinimumWidth(
        spin_->style()->sizeFromContents(QStyle::CT_SpinBox, &option, text, spin_).width());
}

void ParamSlider::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitSpinBox();
}

void ParamSlider::setValue(double v) {
    if (!std::isfinite(v)) return;
    v = std::clamp(v, range_.min, range_.max);
    if (v == value_) {
        syncWidgets();
        return;
    }
    value_ = v;
    syncWidgets();
    Q_EMIT valueChanged(value_);
}

void ParamSlider::setRangeAndValue(Range range, double v) {
    range_ = range;
    value_ = std::clamp(v, range.min, range.max);
    syncing_ = true;
    spin_->setRange(range.min, range.max);
    if (!range.logScale) spin_->setSingleStep((range.max - range.min) / 100.0);
    syncing_ = false;
    syncWidgets();
}

int ParamSlider::toSlider(double v) const {
    double t = range_.logScale ? (std::log(v) - std::log(range_.min)) /
                                     (std::log(range_.max) - std::log(range_.min))
                               : (v - range_.min) / (range_.max - range_.min);
    return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSteps));
}

double ParamSlider::fromSlider(int pos) const {
    const double t = static_cast<double>(pos) / kSteps;
    if (range_.logScale) {
        // Round to 3 significant digits so dragging gives readable values (0.0123, not 0.01234567).
        const double v = range_.min * std::pow(range_.max / range_.min, t);
        const double scale = std::pow(10.0, std::floor(std::log10(v)) - 2);
        return std::round(v / scale) * scale;
    }
    return range_.min + t * (range_.max - range_.min);
}

void ParamSlider::syncWidgets() {
    syncing_ = true;
    slider_->setValue(toSlider(value_));
    spin_->setValue(value_);
    syncing_ = false;
}

} // namespace gs::app

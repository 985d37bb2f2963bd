#include "controls/range_fields.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace gs::app {

namespace {
constexpr double kLimit = 1e6; // the scene format's bound on boxes

QDoubleSpinBox* field(QWidget* parent) {
    auto* f = new QDoubleSpinBox(parent);
    f->setRange(-kLimit, kLimit);
    f->setDecimals(3);
    f->setKeyboardTracking(false);
    f->setButtonSymbols(QAbstractSpinBox::NoButtons);
    f->setAlignment(Qt::AlignRight);
    return f;
}
} // namespace

RangeFields::RangeFields(const QString& label, QWidget* parent)
    : QWidget(parent), lo_(field(this)), hi_(field(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(label, this));
    layout->addWidget(lo_, 1);
    layout->addWidget(new QLabel(QStringLiteral("…"), this));
    layout->addWidget(hi_, 1);
    lo_->setAccessibleName(tr("%1 from").arg(label));
    hi_->setAccessibleName(tr("%1 to").arg(label));
    for (QDoubleSpinBox* f : {lo_, hi_})
        connect(f, &QDoubleSpinBox::editingFinished, this, [this] {
            if (lo() < hi()) Q_EMIT edited(lo(), hi());
        });
}

void RangeFields::setRange(double lo, double hi) {
    const QSignalBlocker blockLo(lo_), blockHi(hi_);
    lo_->setValue(lo);
    hi_->setValue(hi);
}

double RangeFields::lo() const {
    return lo_->value();
}

double RangeFields::hi() const {
    return hi_->value();
}

} // namespace gs::app

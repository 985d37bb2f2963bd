#include "window/export_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::app {

ExportDialog::ExportDialog(Kind kind, QSize size, int steps, QWidget* parent)
    : QDialog(parent), kind_(kind) {
    setWindowTitle(kind == Kind::Gif ? tr("Export Animated GIF") : tr("Export Image"));
    auto* form = new QFormLayout;
    auto spin = [this](int lo, int hi, int value, const QString& suffix) {
        auto* s = new QSpinBox(this);
        s->setRange(lo, hi);
        s->setValue(std::clamp(value, lo, hi));
        s->setSuffix(suffix);
        return s;
    };
    const int maxSide = kind == Kind::Gif ? 4096 : 16384; // a GIF's sides are 16-bit, kept sane
    width_ = spin(16, maxSide, size.width(), tr(" px"));
    height_ = spin(16, maxSide, size.height(), tr(" px"));
    form->addRow(tr("Width"), width_);
    form->addRow(tr("Height"), height_);
    if (kind == Kind::Png) {
        scale_ = new QDoubleSpinBox(this);
        scale_->setRange(0.5, 8);
        scale_->setSingleStep(0.5);
        scale_->setValue(2);
        scale_->setSuffix(QStringLiteral(" ×"));
        scale_->setToolTip(tr("Pixels per unit: 2 gives sharp figures on high-resolution screens"));
        form->addRow(tr("Scale"), scale_);
    }
    if (kind == Kind::Gif) {
        fps_ = spin(1, 100, 30, tr(" frames/s"));
        frames_ = spin(1, 10000, std::min(steps + 1, 300), tr(" frames"));
        frames_->setToolTip(tr("Frames spread evenly from step 0 to step %1").arg(steps));
        form->addRow(tr("Frame rate"), fps_);
        form->addRow(tr("Length"), frames_);
        connect(fps_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
        connect(frames_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    }
    summary_ = new QLabel(this);
    connect(width_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(height_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    if (scale_) connect(scale_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(buttons);
    updateSummary();
}

QSize ExportDialog::imageSize() const {
    return {width_->value(), height_->value()};
}
double ExportDialog::scale() const {
    return scale_ ? scale_->value() : 1.0;
}
int ExportDialog::fps() const {
    return fps_ ? fps_->value() : 30;
}
int ExportDialog::frames() const {
    return frames_ ? frames_->value() : 0;
}

void ExportDialog::updateSummary() {
    switch (kind_) {
    case Kind::Png:
        summary_->setText(tr("%1 × %2 pixels")
                              .arg(qRound(width_->value() * scale()))
                              .arg(qRound(height_->value() * scale())));
        break;
    case Kind::Vector:
        summary_->setText(tr("Vector drawing: sharp at any size"));
        break;
    case Kind::Gif:
        summary_->setText(tr("%1 s at %2 frames per second")
                              .arg(static_cast<double>(frames()) / fps(), 0, 'f', 1)
                              .arg(fps()));
        break;
    }
}

} // namespace gs::app

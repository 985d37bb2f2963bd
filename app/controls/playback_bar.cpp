#include "controls/playback_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace gs::app {

namespace {
QToolButton* makeButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip) {
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus); // keys go to the window's shortcuts, not the buttons
    return b;
}
constexpr double kSpeeds[] = {1, 2, 5, 10, 20, 50, 100};
} // namespace

PlaybackBar::PlaybackBar(QWidget* parent) : QWidget(parent), timer_(new QTimer(this)) {
    resetButton_ = makeButton(this, QStyle::SP_MediaSkipBackward, tr("Reset (R)"));
    backButton_ = makeButton(this, QStyle::SP_MediaSeekBackward, tr("Step back (Left)"));
    playButton_ = makeButton(this, QStyle::SP_MediaPlay, tr("Play / pause (Space)"));
    forwardButton_ = makeButton(this, QStyle::SP_MediaSeekForward, tr("Step forward (Right)"));
    endButton_ = makeButton(this, QStyle::SP_MediaSkipForward, tr("Last step (End)"));
    scrubber_ = new QSlider(Qt::Horizontal, this);
    scrubber_->setAccessibleName(tr("Timeline"));
    scrubber_->setFocusPolicy(Qt::NoFocus);
    stepLabel_ = new QLabel(this);
    stepLabel_->setMinimumWidth(
        stepLabel_->fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")));
    speedBox_ = new QComboBox(this);
    speedBox_->setToolTip(tr("Playback speed"));
    speedBox_->setFocusPolicy(Qt::NoFocus);
    for (double s : kSpeeds)
        speedBox_->addItem(tr("%1 steps/s").arg(s), s);
    speedBox_->setCurrentIndex(3);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : {static_cast<QWidget*>(resetButton_), static_cast<QWidget*>(backButton_),
                       static_cast<QWidget*>(playButton_), static_cast<QWidget*>(forwardButton_),
                       static_cast<QWidget*>(endButton_)})
        layout->addWidget(w);
    layout->addWidget(scrubber_, 1);
    layout->addWidget(stepLabel_);
    layout->addWidget(speedBox_);

    connect(resetButton_, &QToolButton::clicked, this, &PlaybackBar::reset);
    connect(backButton_, &QToolButton::clicked, this, &PlaybackBar::stepBack);
    connect(playButton_, &QToolButton::clicked, this, &PlaybackBar::togglePlay);
    connect(forwardButton_, &QToolButton::clicked, this, &PlaybackBar::stepForward);
    connect(endButton_, &QToolButton::clicked, this, &PlaybackBar::toEnd);
    connect(scrubber_, &QSlider::valueChanged, this, &PlaybackBar::setIndex);
    connect(speedBox_, &QComboBox::currentIndexChanged, this,
            [this] { setSpeed(speedBox_->currentData().toDouble()); });
    connect(timer_, &QTimer::timeout, this, &PlaybackBar::tick);
    setSpeed(speed());
    updateWidgets();
}

bool PlaybackBar::playing() const {
    return timer_->isActive();
}

double PlaybackBar::speed() const {
    return speedBox_->currentData().toDouble();
}

void PlaybackBar::setSpeed(double stepsPerSecond) {
    const int i = speedBox_->findData(stepsPerSecond);
    if (i >= 0 && i != speedBox_->currentIndex()) speedBox_->setCurrentIndex(i);
    timer_->setInterval(std::max(1, static_cast<int>(1000.0 / std::max(stepsPerSecond, 1e-3))));
}

void PlaybackBar::setLast(int last) {
    last_ = std::max(0, last);
    if (index_ > last_) {
        index_ = last_;
        updateWidgets();
        Q_EMIT indexChanged(index_);
    } else {
        updateWidgets();
    }
}

void PlaybackBar::setIndex(int index) {
    index = std::clamp(index, 0, last_);
    if (index == index_) return;
    index_ = index;
    updateWidgets();
    Q_EMIT indexChanged(index_);
}

void PlaybackBar::play() {
    if (playing()) return;
    if (index_ >= last_) setIndex(0); // playing at the end starts over
    timer_->start();
    updateWidgets();
    Q_EMIT playingChanged(true);
}

void PlaybackBar::pause() {
    if (!playing()) return;
    timer_->stop();
    updateWidgets();
    Q_EMIT playingChanged(false);
}

void PlaybackBar::togglePlay() {
    playing() ? pause() : play();
}

void PlaybackBar::stepForward() {
    pause();
    setIndex(index_ + 1);
}

void PlaybackBar::stepBack() {
    pause();
    setIndex(index_ - 1);
}

void PlaybackBar::reset() {
    pause();
    setIndex(0);
}

void PlaybackBar::toEnd() {
    pause();
    setIndex(last_);
}

void PlaybackBar::tick() {
    if (index_ >= last_) {
        pause();
        return;
    }
    setIndex(index_ + 1);
}

void PlaybackBar::updateWidgets() {
    scrubber_->blockSignals(true);
    scrubber_->setRange(0, last_);
    scrubber_->setValue(index_);
    scrubber_->blockSignals(false);
    stepLabel_->setText(QStringLiteral("%1 / %2").arg(index_).arg(last_));
    playButton_->setIcon(
        style()->standardIcon(playing() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    backButton_->setEnabled(index_ > 0);
    forwardButton_->setEnabled(index_ < last_);
}

} // namespace gs::app

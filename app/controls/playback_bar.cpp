#include "controls/playback_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace gs::app {

namespace {
enum class Glyph { First, Back, Play, Pause, Forward, Last };

/// Media glyphs drawn in the palette's text color, so they read in both themes and scale with the
/// font (the platform's standard media icons are fixed-size black pixmaps).
QIcon glyphIcon(Glyph g, const QColor& color, int size) {
    QPixmap pm(size * 2, size * 2); // drawn at 2x for high-DPI screens
    pm.setDevicePixelRatio(2.0);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const double s = size, m = s * 0.2, h = s - 2 * m; // margin and glyph height
    // A triangle w wide starting at x0, pointing right or left.
    auto triangle = [&](double x0, double w, bool right) {
        const double tip = right ? x0 + w : x0, back = right ? x0 : x0 + w;
        const QPointF pts[3] = {QPointF(back, m), QPointF(tip, s / 2), QPointF(back, s - m)};
        p.drawPolygon(pts, 3);
    };
    const double bar = std::max(1.5, s * 0.12);
    switch (g) {
    case Glyph::Play:
        triangle(m + h * 0.1, h * 0.85, true);
        break;
    case Glyph::Pause:
        p.drawRect(QRectF(m + h * 0.12, m, h * 0.28, h));
        p.drawRect(QRectF(m + h * 0.6, m, h * 0.28, h));
        break;
    case Glyph::Forward:
        triangle(m, h * 0.5, true);
        triangle(m + h * 0.5, h * 0.5, true);
        break;
    case Glyph::Back:
        triangle(m, h * 0.5, false);
        triangle(m + h * 0.5, h * 0.5, false);
        break;
    case Glyph::Last:
        triangle(m, h * 0.75, true);
        p.drawRect(QRectF(m + h - bar, m, bar, h));
        break;
    case Glyph::First:
        p.drawRect(QRectF(m, m, bar, h));
        triangle(m + h * 0.25, h * 0.75, false);
        break;
    }
    p.end(); // finish painting before the icon takes its copy
    return QIcon(pm);
}

QToolButton* makeButton(QWidget* parent, const QString& tip) {
    auto* b = new QToolButton(parent);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus); // keys go to the window's shortcuts, not the buttons
    return b;
}
constexpr double kSpeeds[] = {1, 2, 5, 10, 20, 50, 100};
} // namespace

PlaybackBar::PlaybackBar(QWidget* parent) : QWidget(parent), timer_(new QTimer(this)) {
    resetButton_ = makeButton(this, tr("Reset (R)"));
    backButton_ = makeButton(this, tr("Step back (Left)"));
    playButton_ = makeButton(this, tr("Play / pause (Space)"));
    forwardButton_ = makeButton(this, tr("Step forward (Right)"));
    endButton_ = makeButton(this, tr("Last step (End)"));
    scrubber_ = new QSlider(Qt::Horizontal, this);
    scrubber_->setAccessibleName(tr("Timeline"));
    scrubber_->setFocusPolicy(Qt::NoFocus);
    scrubber_->setMinimumWidth(40); // gives way first when the window is narrow
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
    connect(speedBox_, &QComboBox::currentIndexChanged, this, [this] { setSpeed(speed()); });
    connect(timer_, &QTimer::timeout, this, &PlaybackBar::tick);
    setSpeed(speed());
    updateIcons();
    updateWidgets();
}

bool PlaybackBar::playing() const {
    return timer_->isActive();
}

double PlaybackBar::speed() const {
    return kSpeeds[std::clamp(speedBox_->currentIndex(), 0,
                              static_cast<int>(std::size(kSpeeds)) - 1)];
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

void PlaybackBar::updateIcons() {
    const QColor color = palette().color(QPalette::ButtonText);
    const int size = fontMetrics().height() + 6;
    const QSize iconSize(size, size);
    const std::pair<QToolButton*, Glyph> buttons[] = {
        {resetButton_, Glyph::First},
        {backButton_, Glyph::Back},
        {playButton_, playing() ? Glyph::Pause : Glyph::Play},
        {forwardButton_, Glyph::Forward},
        {endButton_, Glyph::Last}};
    for (const auto& [button, glyph] : buttons) {
        button->setIcon(glyphIcon(glyph, color, size));
        button->setIconSize(iconSize);
    }
    iconShowsPlaying_ = playing();
}

void PlaybackBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void PlaybackBar::updateWidgets() {
    scrubber_->blockSignals(true);
    scrubber_->setRange(0, last_);
    scrubber_->setValue(index_);
    scrubber_->blockSignals(false);
    stepLabel_->setText(QStringLiteral("%1 / %2").arg(index_).arg(last_));
    if (playing() != iconShowsPlaying_) updateIcons(); // only when play turns into pause
    backButton_->setEnabled(index_ > 0);
    forwardButton_->setEnabled(index_ < last_);
}

} // namespace gs::app

#pragma once
// Play, pause, step, step back, reset, speed and a timeline scrubber. Playback only moves an index
// on a timer: the run is computed whole beforehand, the bar reveals it one step at a time.

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace gs::app {

class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(QWidget* parent = nullptr);

    int index() const { return index_; }
    int last() const { return last_; }
    bool playing() const;
    /// Steps shown per second while playing.
    double speed() const;

public Q_SLOTS:
    /// Sets the last index (the run's steps); keeps the current index when it still exists.
    void setLast(int last);
    void setIndex(int index);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    /// Back to step 0 and paused.
    void reset();
    void toEnd();
    void setSpeed(double stepsPerSecond);

Q_SIGNALS:
    void indexChanged(int index);
    void playingChanged(bool playing);

protected:
    void changeEvent(QEvent* event) override;

private:
    void tick();
    void updateIcons();
    void updateWidgets();

    int index_ = 0;
    bool iconShowsPlaying_ = false;
    int last_ = 0;
    QTimer* timer_;
    QToolButton* resetButton_;
    QToolButton* backButton_;
    QToolButton* playButton_;
    QToolButton* forwardButton_;
    QToolButton* endButton_;
    QSlider* scrubber_;
    QLabel* stepLabel_;
    QComboBox* speedBox_;
};

} // namespace gs::app

#pragma once
// A labelled slider paired with a spin box, on a linear or logarithmic scale. The slider gives
// fast, coarse control while dragging; the spin box takes an exact value. Both stay in step.

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace gs::app {

class ParamSlider : public QWidget {
    Q_OBJECT
public:
    struct Range {
        double min = 0.0;
        double max = 1.0;
        bool logScale = false;
        int decimals = 3; ///< spin box decimals (log scales use significant digits instead)
    };

    ParamSlider(const QString& label, Range range, double value, QWidget* parent = nullptr);

    double value() const { return value_; }
    const Range& range() const { return range_; }
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }

public Q_SLOTS:
    /// Clamps into the range; emits valueChanged when the value changes.
    void setValue(double v);
    /// New range (e.g. another function's view box) and value, without emitting valueChanged:
    /// the caller recomputes once after changing several sliders.
    void setRangeAndValue(Range range, double v);

Q_SIGNALS:
    void valueChanged(double value);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitSpinBox();
    static constexpr int kSteps = 1000; // slider resolution
    int toSlider(double v) const;
    double fromSlider(int pos) const;
    void syncWidgets();

    Range range_;
    double value_;
    QLabel* label_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
    bool syncing_ = false;
};

} // namespace gs::app

#pragma once
// "x from [lo] to [hi]": two number fields for an axis range, edited together.

#include <QWidget>

class QDoubleSpinBox;

namespace gs::app {

class RangeFields : public QWidget {
    Q_OBJECT
public:
    RangeFields(const QString& label, QWidget* parent = nullptr);

    /// Shows [lo, hi] without emitting.
    void setRange(double lo, double hi);
    double lo() const;
    double hi() const;
    QDoubleSpinBox* loField() const { return lo_; }
    QDoubleSpinBox* hiField() const { return hi_; }

Q_SIGNALS:
    /// The user finished editing either field and lo < hi.
    void edited(double lo, double hi);

private:
    QDoubleSpinBox* lo_;
    QDoubleSpinBox* hi_;
};

} // namespace gs::app

#pragma once
// Options for an export from the GUI: the picture's size, a PNG's pixel scale, a GIF's frame rate
// and length. The file name is asked first, so the dialog shows only what applies to its type.

#include <QDialog>
#include <QSize>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace gs::app {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Png, Vector, Gif };

    /// `steps`: the run's last step, to propose a GIF length and show its duration.
    ExportDialog(Kind kind, QSize size, int steps, QWidget* parent = nullptr);

    QSize imageSize() const;
    double scale() const;
    int fps() const;
    int frames() const;

private:
    void updateSummary();

    Kind kind_;
    QSpinBox* width_;
    QSpinBox* height_;
    QDoubleSpinBox* scale_ = nullptr;
    QSpinBox* fps_ = nullptr;
    QSpinBox* frames_ = nullptr;
    QLabel* summary_;
};

} // namespace gs::app

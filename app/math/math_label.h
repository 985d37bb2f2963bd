#pragma once
// A widget that shows formulas typeset (the derivatives under the formula field): side by side
// when they fit the width, else one under the other, each set smaller (to 60%) before it is cut.
// Its text() and accessible name are the plain form, for a screen reader and the tests.

#include "math/math_layout.h"

#include <QStringList>
#include <QWidget>

namespace gs::app::math {

class MathLabel : public QWidget {
    Q_OBJECT
public:
    explicit MathLabel(QWidget* parent = nullptr);

    /// `tex`: the formulas; `plain`: the same as one line of text.
    void setFormulas(const QStringList& tex, const QString& plain);
    QString text() const { return plain_; }
    QStringList formulas() const { return tex_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// The boxes laid out for `width`: one row, or one per line.
    std::vector<MathBox> boxes(int width, bool* stacked) const;
    double gap() const;

    QStringList tex_;
    QString plain_;
};

} // namespace gs::app::math

#pragma once
// A plot's title row that typesets the formulas in its text ("Gradient descent: $x_{n+1} = x_n -
// \lambda f'(x_n)$"): words as text, formulas by the typesetter, on one line set smaller (to 60%)
// when the plot is narrow. A title without formulas is drawn, wrapped and elided as every title.

#include <qcustomplot.h>

namespace gs::app {

class MathTitleElement : public QCPTextElement {
    Q_OBJECT
public:
    using QCPTextElement::QCPTextElement;

    /// The height its lines take in `room` pixels (one or two lines, formulas set to fit).
    int heightFor(double room) const;

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;
};

} // namespace gs::app

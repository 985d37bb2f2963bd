#include "views/hessian_panel.h"

#include "views/number_format.h"

#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {

constexpr int kDigits = 4;

QString num(double v) {
    return formatNumber(v, kDigits);
}

QString vec(const Eigen::Vector2d& v) {
    return QStringLiteral("(%1, %2)").arg(num(v.x()), num(v.y()));
}

// A 2 × 2 matrix as a small table between brackets.
QString matrix(const Eigen::Matrix2d& m) {
    const QString cell = QStringLiteral("<td align='right'>&nbsp;%1&nbsp;</td>");
    return QStringLiteral("<table cellspacing='0' cellpadding='0'><tr><td rowspan='2' "
                          "valign='middle'>H =&nbsp;</td><td>⎡</td>%1%2<td>⎤</td></tr>"
                          "<tr><td>⎣</td>%3%4<td>⎦</td></tr></table>")
        .arg(cell.arg(num(m(0, 0))), cell.arg(num(m(0, 1))), cell.arg(num(m(1, 0))),
             cell.arg(num(m(1, 1))));
}

} // namespace

HessianPanel::HessianPanel(QWidget* parent) : QWidget(parent), text_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_);
    text_->setTextFormat(Qt::RichText);
    // Wrapped, and as wide as the panel: a new point's numbers never re-lay the panel out.
    text_->setWordWrap(true);
    text_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->setToolTip(tr("The quadratic model m(q) = f(p) + ∇f·(q − p) + ½(q − p)ᵀH(q − p) at "
                         "the inspected point: its eigen-axes (arrows λ₁, λ₂, longer for "
                         "stronger curvature, dashed where f curves down), its level curves "
                         "(dashed), and where Newton's step lands (ring)."));
}

void HessianPanel::showMessage(const QString& message) {
    text_->setText(message.toHtmlEscaped());
}

void HessianPanel::show(const LocalQuadratic& q, const QColor& newtonColor,
                        const QColor& gradientColor, bool ofNegated) {
    if (!q.ok()) {
        showMessage(QString::fromStdString(q.error));
        return;
    }
    QString html = tr("at p = %1%2<br>").arg(vec(q.point), ofNegated ? tr(", of −f") : QString());
    html += matrix(q.hessian);
    for (int i = 0; i < 2; ++i)
        html += tr("λ%1 = <b>%2</b> along e%1 = %3<br>")
                    .arg(i == 0 ? QStringLiteral("₁") : QStringLiteral("₂"), num(q.eigenvalues[i]),
                         vec(q.eigenvector(i)));
    html += tr("κ = |λ₁| / |λ₂| = <b>%1</b>, <b>%2</b>%3<br>")
                .arg(std::isinf(q.condition) ? QStringLiteral("∞") : num(q.condition),
                     tr(curvatureKindName(q.kind)),
                     q.exactHessian ? QString() : tr(" (H by finite differences)"));
    if (q.newtonStep)
        html += tr("<span style='color:%1'>Newton −H⁻¹∇f = %2</span><br>")
                    .arg(newtonColor.name(), vec(*q.newtonStep));
    else
        html += tr("<span style='color:%1'>no Newton step</span><br>").arg(newtonColor.name());
    const bool oneOverL1 = std::abs(q.learningRate * std::abs(q.eigenvalues[0]) - 1) < 1e-12;
    html += tr("<span style='color:%1'>gradient −λ∇f = %2, λ = %3%4</span><br>")
                .arg(gradientColor.name(), vec(q.gradientStep),
                     oneOverL1 ? QStringLiteral("1/|λ₁| = ") : QString(), num(q.learningRate));
    html += QStringLiteral("<i>%1</i>").arg(QString::fromStdString(q.explanation).toHtmlEscaped());
    text_->setText(html);
}

} // namespace gs::app

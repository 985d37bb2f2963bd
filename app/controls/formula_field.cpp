#include "controls/formula_field.h"

#include "math/math_label.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {
/// The engine reports byte offsets into UTF-8; the widget counts UTF-16 units.
int utf16Index(const QByteArray& utf8, int byteOffset) {
    return static_cast<int>(QString::fromUtf8(utf8.left(byteOffset)).size());
}

QString derivativeName(const std::vector<std::string>& vars, int i) {
    if (vars.size() == 1) return QStringLiteral("f′(%1)").arg(QString::fromStdString(vars[0]));
    return QStringLiteral("∂f/∂%1").arg(QString::fromStdString(vars[static_cast<size_t>(i)]));
}

QString derivativeTeX(const std::vector<std::string>& vars, int i) {
    const QString v = QString::fromStdString(vars[static_cast<size_t>(i)]);
    if (vars.size() == 1) return QStringLiteral("f'(%1)").arg(v);
    return QStringLiteral("\\frac{\\partial f}{\\partial %1}").arg(v);
}
} // namespace

void UnderlineEdit::setUnderline(int start, int length) {
    start_ = start;
    length_ = length;
    update();
}

void UnderlineEdit::paintEvent(QPaintEvent* event) {
    QLineEdit::paintEvent(event);
    if (length_ <= 0) return;
    // Text x positions, anchored on the cursor so the underline is right when the text scrolls.
    const QFontMetricsF fm(font());
    const QString t = text();
    auto xAt = [&](int index) {
        return cursorRect().center().x() + fm.horizontalAdvance(t.left(index)) -
               fm.horizontalAdvance(t.left(cursorPosition()));
    };
    const double x0 = xAt(start_);
    const double x1 = std::max(xAt(start_ + length_), x0 + fm.averageCharWidth());
    const double y = cursorRect().bottom() - 1;
    QPainterPath wave;
    const double step = 2.5;
    wave.moveTo(x0, y);
    for (double x = x0; x < x1; x += step)
        wave.lineTo(x + step, y + (static_cast<int>((x - x0) / step) % 2 ? -step * 0.8 : 0));
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xd0, 0x20, 0x20), 1.3));
    p.drawPath(wave);
}

FormulaField::FormulaField(std::vector<std::string> variables, QWidget* parent)
    : QWidget(parent), variables_(std::move(variables)) {
    edit_ = new UnderlineEdit(this);
    edit_->setPlaceholderText(variables_.size() == 1 ? tr("type f(x), e.g. x^4 - 3x^2 + x")
                                                     : tr("type f(x, y), e.g. x^2 + 10y^2"));
    edit_->setAccessibleName(tr("Formula"));
    edit_->setClearButtonEnabled(true);
    // One line below the field holds the derivatives, or the error in their place, so typing a
    // mistake does not move the rest of the panel.
    derivatives_ = new math::MathLabel(this);
    errorLabel_ = new QLabel(this);
    errorLabel_->setTextFormat(Qt::RichText);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setWordWrap(true);
    below_ = new QStackedWidget(this);
    below_->addWidget(derivatives_);
    below_->addWidget(errorLabel_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit_);
    layout->addWidget(below_);
    connect(edit_, &QLineEdit::textEdited, this, [this] { parse(true); });
}

QString FormulaField::formula() const {
    return edit_->text();
}

void FormulaField::setFormula(const QString& text) {
    edit_->setText(text);
    edit_->setCursorPosition(0);
    parse(false);
}

void FormulaField::parse(bool emitAccepted) {
    const QByteArray utf8 = edit_->text().toUtf8();
    auto result =
        ExpressionObjective::compile(std::string_view(utf8.constData(), utf8.size()), variables_);
    if (const auto* e = std::get_if<expr::Error>(&result)) {
        error_ = QString::fromStdString(e->message);
        const int start = utf16Index(utf8, e->position);
        edit_->setUnderline(start, utf16Index(utf8, e->position + std::max(1, e->length)) - start);
        errorLabel_->setText(
            QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(error_.toHtmlEscaped()));
        below_->setCurrentWidget(errorLabel_);
        return; // the last good function stays on screen
    }
    error_.clear();
    edit_->setUnderline(0, 0);
    auto f = std::get<std::shared_ptr<ExpressionObjective>>(std::move(result));
    showDerivatives(*f);
    if (emitAccepted) Q_EMIT formulaAccepted(edit_->text(), std::move(f));
}

void FormulaField::showDerivatives(const ExpressionObjective& f) {
    QStringList tex, plain;
    for (int i = 0; i < f.dimension(); ++i) {
        const expr::Text rich = f.derivativeText(i, expr::TextStyle::Rich);
        const expr::Text d = f.derivativeText(i, expr::TextStyle::TeX);
        // A derivative too long to print says so, in words.
        const QString text =
            rich.ok()
                ? QTextDocumentFragment::fromHtml(QString::fromStdString(rich.text)).toPlainText()
                : QString::fromStdString(rich.error.message);
        plain << QStringLiteral("%1 = %2").arg(derivativeName(variables_, i), text);
        tex << (d.ok() ? QStringLiteral("%1 = %2").arg(derivativeTeX(variables_, i),
                                                       QString::fromStdString(d.text))
                       : QStringLiteral("%1 = \\text{%2}")
                             .arg(derivativeTeX(variables_, i),
                                  QString::fromStdString(d.error.message)));
    }
    derivatives_->setFormulas(tex, plain.join(QStringLiteral("   ")));
    below_->setCurrentWidget(derivatives_);
}

QString FormulaField::derivativeText() const {
    return below_->currentWidget() == errorLabel_ ? error_ : derivatives_->text();
}

} // namespace gs::app

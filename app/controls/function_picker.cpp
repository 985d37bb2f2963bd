#include "controls/function_picker.h"

#include "controls/formula_field.h"
#include "scene/function_source.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace gs::app {

FunctionPicker::FunctionPicker(int dimension, Qt::Orientation orientation, QWidget* parent)
    : QWidget(parent) {
    box_ = new QComboBox(this);
    box_->setToolTip(tr("Built-in functions; or type your own formula"));
    // Long names would widen the whole panel; the popup still shows them in full.
    box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box_->setMinimumContentsLength(14);
    box_->setFocusPolicy(Qt::NoFocus); // keep Space and the arrow keys for playback
    for (const QString& key : catalogKeys(dimension))
        box_->addItem(catalogName(key), key);
    box_->addItem(tr("Typed formula"), QString());
    field_ = new FormulaField(
        dimension == 1 ? std::vector<std::string>{"x"} : std::vector<std::string>{"x", "y"}, this);
    auto* label = new QLabel(dimension == 1 ? tr("f(x) =") : tr("f(x, y) ="), this);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (orientation == Qt::Horizontal) {
        layout->addWidget(label, 0, 0, Qt::AlignTop);
        layout->addWidget(box_, 0, 1, Qt::AlignTop);
        layout->addWidget(field_, 0, 2);
        layout->setColumnStretch(2, 1);
    } else {
        layout->addWidget(new QLabel(tr("Function"), this), 0, 0);
        layout->addWidget(box_, 0, 1);
        layout->addWidget(label, 1, 0, Qt::AlignTop);
        layout->addWidget(field_, 1, 1);
        layout->setColumnStretch(1, 1);
    }

    connect(box_, &QComboBox::activated, this, [this](int index) {
        const QString key = box_->itemData(index).toString();
        if (key.isEmpty()) // "Typed formula": hand the keyboard to the field
            field_->edit()->setFocus();
        else
            Q_EMIT catalogPicked(key);
    });
    connect(field_, &FormulaField::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                setFormulaDefaults(*f);
                const QSignalBlocker block(box_);
                box_->setCurrentIndex(box_->count() - 1);
                Q_EMIT formulaAccepted(text, std::move(f));
            });
}

void FunctionPicker::showFunction(const QString& catalog, const QString& formula,
                                  const Objective& f) {
    {
        const QSignalBlocker block(box_);
        const int i = catalog.isEmpty() ? -1 : box_->findData(catalog);
        box_->setCurrentIndex(i >= 0 ? i : box_->count() - 1);
    }
    const QString text = formula.isEmpty() ? QString::fromStdString(f.info().formula) : formula;
    if (field_->formula() != text) field_->setFormula(text);
}

} // namespace gs::app

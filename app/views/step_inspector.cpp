#include "views/step_inspector.h"

#include "views/number_format.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::app {

namespace {

// Four significant digits: enough to follow the arithmetic, short enough for one line.
constexpr int kDigits = 4;

QString num(double v) {
    return formatNumber(v, kDigits);
}

QString vec(const Eigen::Ref<const Vec>& v) {
    return QStringLiteral("(%1, %2)").arg(num(v[0]), num(v[1]));
}

QString xSub(int k) {
    return subscripted(QStringLiteral("x"), k);
}

// Below this norm a direction is rounding noise (a converged run's gradient): no arrow.
constexpr double kNoDirection = 1e-6;

// A direction arrow from p along d, drawn `length` plot units long whatever ‖d‖ is; zero length
// (invisible) when d has no meaningful direction.
LandscapeView::StepArrow direction(const Vec& p, const Vec& d, double length, QColor color,
                                   const QString& label) {
    const double n = d.norm();
    const Vec end = n > kNoDirection ? Vec(p + d * (length / n)) : p;
    return {QPointF(p[0], p[1]), QPointF(end[0], end[1]), color, true, label};
}

// The state vectors that are directions, and which way along them the step moves: velocity and
// moments accumulate gradients (x moves along −b, −m̂), Adadelta subtracts its Δ, Newton adds
// its Δx. Every other state (accumulated squares, effective rates, a shift) is a scale.
struct DirectionState {
    const char* name; // the state's name starts with this
    double sign;
    const char* label;
};
constexpr DirectionState kDirections[] = {
    {"velocity", -1.0, "−b (velocity)"},
    {"bias-corrected m̂", -1.0, "−m̂ (first moment)"},
    {"update Δ", -1.0, "−Δ (update)"},
    {"Newton step", 1.0, "Δx (Newton step)"},
};

const DirectionState* directionState(const std::string& name) {
    for (const DirectionState& d : kDirections)
        if (name.rfind(d.name, 0) == 0) return &d;
    return nullptr;
}

} // namespace

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent), chooser_(new QComboBox(this)), text_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(chooser_);
    layout->addWidget(text_);
    chooser_->setFocusPolicy(Qt::NoFocus);
    chooser_->setToolTip(tr("Which optimizer the inspector shows"));
    text_->setTextFormat(Qt::RichText);
    // Wrapped, so a long rule (AdaGrad's) never widens the panel past the screen. Its width does
    // not follow the text, so a new step's text does not re-lay the panel out sideways.
    text_->setWordWrap(true);
    text_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    text_->setToolTip(tr("Dashed arrows on the map show directions (the steepest one, a velocity "
                         "or first moment) at a fixed length; the solid arrow is the update "
                         "actually taken, to scale. Scales per coordinate are listed as numbers."));
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(chooser_, &QComboBox::currentIndexChanged, this, &StepInspector::selectionChanged);
}

void StepInspector::setNames(const QStringList& names, int selected) {
    const QSignalBlocker block(chooser_);
    chooser_->clear();
    chooser_->addItems(names);
    chooser_->setCurrentIndex(names.isEmpty() ? -1
                                              : std::clamp(selected, 0, int(names.size()) - 1));
}

int StepInspector::selected() const {
    return chooser_->currentIndex();
}

void StepInspector::clear() {
    text_->clear();
    arrows_.clear();
}

void StepInspector::show(const Optimizer& opt, const Trajectory& t, int k, const QColor& color,
                         double viewSpan, const PlotStyle& style, double sign) {
    arrows_.clear();
    if (t.empty()) {
        text_->setText(tr("No run: the start point is not valid."));
        return;
    }
    k = std::clamp(k, 0, t.size() - 1);
    // The run minimized sign·f: its gradient is sign·∇f, and it steps against it.
    const Vec x = t.x(k), g = t.gradient(k);
    const bool ascent = sign < 0, hasNext = k + 1 < t.size();
    // Direction arrows are a fixed fraction of the view; the update arrow is to scale.
    const double len = 0.12 * viewSpan;
    // Named after the point, so the key does not read like the field's −∇f row.
    const QString steepest = ascent ? tr("∇f(xₖ), uphill") : tr("−∇f(xₖ), downhill");
    arrows_ << direction(x, -g, len, style.errorColor(), steepest);

    QString html = QStringLiteral("<b>%1</b>%2<br><code>%3</code><br>")
                       .arg(QString::fromStdString(opt.displayName()).toHtmlEscaped(),
                            ascent ? tr(" on −f (ascent)") : QString(),
                            QString::fromStdString(opt.updateRule()).toHtmlEscaped());
    html += tr("step <b>%1</b> of %2<br>x = %3, f = %4<br>")
                .arg(k)
                .arg(t.size() - 1)
                .arg(vec(x), num(sign * t.f(k)));
    html += tr("<span style='color:%1'>∇f = %2</span><br>")
                .arg(style.errorColor().name(), vec(Vec(sign * g)));
    if (hasNext) {
        const Vec next = t.x(k + 1);
        arrows_ << LandscapeView::StepArrow{QPointF(x[0], x[1]), QPointF(next[0], next[1]), color,
                                            false, tr("update xₖ → xₖ₊₁")};
        const Vec delta = next - x;
        // Continuation lines start under the first line's "=", so each equation reads down.
        const QString more = QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;= ");
        // Gradient descent's Δ is −λ ∇f exactly (+λ ∇f when it climbs); for the others Δ is what
        // the step did, and their state below says why.
        const QString why =
            opt.key() == "gd"
                ? (ascent ? QStringLiteral(" = λ ∇f") : QStringLiteral(" = −λ ∇f")) + more +
                      QStringLiteral("%1 · %2").arg(num(-sign * opt.get("lr")), vec(Vec(sign * g)))
                : QString();
        html += tr("<span style='color:%1'>Δ = %2 − %3%4%5%6</span><br>")
                    .arg(color.name(), xSub(k + 1), xSub(k), why, more, vec(delta));
        // The step with its numbers filled in.
        html += tr("<span style='color:%1'>%2 = %3 + Δ%4%5 + %6%4%7</span><br>")
                    .arg(color.name(), xSub(k + 1), xSub(k), more, vec(x), vec(delta), vec(next));
    } else {
        html += tr("last point: no further update<br>");
    }
    // The state after the update shown (the one that produced x_{k+1}): directions as arrows,
    // scales as numbers.
    const int stateStep = hasNext ? k + 1 : k;
    const auto& names = t.stateNames();
    QString scales;
    int arrowColor = 0;
    for (int s = 0; s < static_cast<int>(names.size()); ++s) {
        const Vec v = t.state(stateStep, s);
        const QString name = QString::fromStdString(names[size_t(s)]).toHtmlEscaped();
        if (const DirectionState* d = directionState(names[size_t(s)])) {
            const QColor c = style.pathColor(4 + arrowColor++).darker(style.dark ? 80 : 110);
            arrows_ << direction(x, d->sign * v, len * 0.8, c, QString::fromUtf8(d->label));
            html += tr("<span style='color:%1'>%2 = %3</span><br>").arg(c.name(), name, vec(v));
        } else {
            scales += tr("%1 = %2<br>").arg(name, vec(v));
        }
    }
    if (!scales.isEmpty())
        html += tr("<i>per-coordinate scales (not directions):</i><br>") + scales;
    // The key of the arrows on the map, here too: the map's legend hides when the map is small.
    QStringList key;
    for (const LandscapeView::StepArrow& a : arrows_)
        key << QStringLiteral("<span style='color:%1'>%2 %3</span>")
                   .arg(a.color.name(), a.dashed ? QStringLiteral("⇢") : QStringLiteral("→"),
                        a.label.toHtmlEscaped());
    html += tr("<small>Arrows on the map: %1</small>").arg(key.join(QStringLiteral(", ")));
    text_->setText(html);
}

} // namespace gs::app

#include "pages/grid_search/grid_search_page.h"

#include "controls/function_picker.h"
#include "controls/param_slider.h"
#include "pages/grid_search/grid_search_settings.h"
#include "scene/function_source.h"
#include "views/curve_view.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace gs::app {

namespace {

/// The grids whose cost the page lists: d dimensions, named.
struct CostRow {
    double dimensions;
    const char* what;
};
constexpr CostRow kCostRows[] = {
    {1, QT_TRANSLATE_NOOP("GridSearchPage", "this curve")},
    {2, QT_TRANSLATE_NOOP("GridSearchPage", "a landscape f(x, y)")},
    {10, QT_TRANSLATE_NOOP("GridSearchPage", "ten parameters")},
    {11689512, QT_TRANSLATE_NOOP("GridSearchPage", "ResNet18's parameters")},
};

/// N^d for people: the exact count while it is small, else a power of ten.
QString formatCost(int n, double d) {
    const double log10Cost = gridCostLog10(n, d);
    if (log10Cost < 15) return QLocale().toString(std::pow(double(n), d), 'f', 0);
    const double exponent = std::floor(log10Cost);
    const double mantissa = std::pow(10.0, log10Cost - exponent);
    return QStringLiteral("%1 × 10<sup>%2</sup>")
        .arg(QLocale().toString(mantissa, 'f', 1), QLocale().toString(exponent, 'f', 0));
}

} // namespace

GridSearchPage::GridSearchPage(QWidget* parent) : Page(parent) {
    view_ = new CurveView(this);
    QCustomPlot* plot = view_->plot();
    samplesGraph_ = plot->addGraph();
    samplesGraph_->setLineStyle(QCPGraph::lsImpulse); // a stem from the axis to each sample
    bestGraph_ = plot->addGraph();
    bestGraph_->setLineStyle(QCPGraph::lsNone);
    bestLabel_ = new QCPItemText(plot);
    bestLabel_->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);

    picker_ = new FunctionPicker(1, Qt::Horizontal, this);
    goalBox_ = new QComboBox(this);
    goalBox_->addItems({tr("Find the maximum"), tr("Find the minimum")});
    goalBox_->setFocusPolicy(Qt::NoFocus);
    samples_ = new ParamSlider(tr("Samples N"),
                               {double(GridSearchSettings::kMinSamples),
                                double(GridSearchSettings::kMaxSamples), false, 0},
                               12, this);
    readout_ = new QLabel(this);
    readout_->setTextFormat(Qt::RichText);
    readout_->setWordWrap(true);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cost_ = new QLabel(this);
    cost_->setTextFormat(Qt::RichText);
    cost_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QGridLayout;
    controls->addWidget(picker_, 0, 0, 1, 2);
    controls->addWidget(goalBox_, 0, 2, Qt::AlignTop);
    controls->addWidget(samples_, 1, 0, 1, 3);
    auto* numbers = new QHBoxLayout;
    numbers->addWidget(readout_, 1);
    numbers->addWidget(cost_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addLayout(numbers);
    layout->addLayout(controls);

    connect(samples_, &ParamSlider::valueChanged, this, [this] { recompute(); });
    connect(goalBox_, &QComboBox::activated, this, [this](int i) {
        scene_.direction = i == 0 ? Scene::Direction::Ascent : Scene::Direction::Descent;
        recompute();
    });
    connect(picker_, &FunctionPicker::catalogPicked, this,
            [this](const QString& key) { applyScene(withCatalogFunction(scene(), key)); });
    connect(picker_, &FunctionPicker::formulaAccepted, this,
            [this](const QString& text, std::shared_ptr<ExpressionObjective> f) {
                adoptFormula(scene_, text, *f);
                showFunction(f);
            });

    Scene initial;
    initial.page = QStringLiteral("grid-search");
    initial.catalog = QStringLiteral("sine-parabola");
    initial.direction = Scene::Direction::Ascent;
    applyScene(initial);
}

QString GridSearchPage::applyScene(const Scene& s) {
    if (s.page != QLatin1String("grid-search")) return tr("this scene is not for grid search");
    const ResolvedFunction fn = resolveSceneFunction(s, 1);
    if (!fn.objective) return fn.error;
    scene_ = s;
    goalBox_->setCurrentIndex(maximizing() ? 0 : 1);
    {
        const QSignalBlocker block(samples_);
        samples_->setValue(settingsFrom<GridSearchSettings>(s.settings).samples);
    }
    view_->setTitle(s.title);
    showFunction(fn.objective);
    return {};
}

Scene GridSearchPage::scene() const {
    Scene s = scene_;
    GridSearchSettings settings;
    settings.samples = static_cast<int>(std::lround(samples_->value()));
    s.settings = settings.toJson();
    return s;
}

void GridSearchPage::showFunction(const ObjectivePtr& f) {
    f_ = f;
    picker_->showFunction(scene_.catalog, scene_.formula, *f);
    view_->setObjective(f);
    recompute();
}

void GridSearchPage::setSamples(int n) {
    samples_->setValue(n);
}

void GridSearchPage::recompute() {
    if (!f_) return;
    const Box& box = f_->info().viewBox;
    const int n = static_cast<int>(std::lround(samples_->value()));
    result_ = gridSearch(*f_, box.lo[0], box.hi[0], n, maximizing());
    samplesGraph_->setData(QVector<double>(result_.x.begin(), result_.x.end()),
                           QVector<double>(result_.f.begin(), result_.f.end()), true);

    QString text =
        n == 1 ? tr("<b>1</b> evaluation of f") : tr("<b>%1</b> evaluations of f").arg(n);
    if (result_.best >= 0) {
        const double bx = result_.x[size_t(result_.best)], bf = result_.f[size_t(result_.best)];
        bestGraph_->setData({bx}, {bf});
        bestLabel_->position->setCoords(bx, bf);
        bestLabel_->setText(tr("best of %1").arg(n));
        bestLabel_->setVisible(true);
        text += tr(" &nbsp;·&nbsp; best sample x = <b>%1</b>, f(x) = <b>%2</b>")
                    .arg(formatNumber(bx), formatNumber(bf));
        // Against the function's true optimum of the kind sought, where the catalog knows it.
        const Optimum::Kind kind = maximizing() ? Optimum::Kind::Maximum : Optimum::Kind::Minimum;
        for (const Optimum& o : f_->info().optima)
            if (o.kind == kind && o.global) {
                text += tr("<br>true %1 x* = <b>%2</b>, f(x*) = <b>%3</b> &nbsp;·&nbsp; the grid "
                           "misses it by %4 in x and %5 in f; spacing %6")
                            .arg(maximizing() ? tr("maximum") : tr("minimum"), formatNumber(o.x[0]),
                                 formatNumber(o.value), formatNumber(std::abs(bx - o.x[0])),
                                 formatNumber(std::abs(bf - o.value)),
                                 formatNumber(n > 1 ? (box.hi[0] - box.lo[0]) / (n - 1) : 0.0));
                break;
            }
    } else {
        bestGraph_->data()->clear();
        bestLabel_->setVisible(false);
        text += tr(" &nbsp;·&nbsp; no sample is finite");
    }
    readout_->setText(text);

    QString rows;
    for (const CostRow& row : kCostRows)
        rows += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td>%3</td></tr>")
                    .arg(QLocale().toString(row.dimensions, 'f', 0), formatCost(n, row.dimensions),
                         tr(row.what));
    cost_->setText(tr("<table cellspacing=0 cellpadding=2><tr><th>d</th><th align=right>N<sup>d"
                      "</sup> evaluations</th><th></th></tr>%1</table>")
                       .arg(rows));
    restyle();
}

void GridSearchPage::restyle() {
    const QColor sample = style_.pathColor(0);
    samplesGraph_->setPen(QPen(sample, style_.lineWidth() * 0.5, Qt::DotLine));
    samplesGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(sample, 1.5),
                                                   QBrush(style_.background()),
                                                   style_.markerSize()));
    const QColor best = style_.pathColor(1);
    bestGraph_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, best, style_.markerSize() * 1.9));
    bestLabel_->setColor(best);
    bestLabel_->setFont(style_.font(font(), 0.95));
    bestLabel_->setPadding(QMargins(0, static_cast<int>(10 * style_.scale), 0, 0));
    view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void GridSearchPage::setStyle(const PlotStyle& style) {
    style_ = style;
    view_->setStyle(style);
    restyle();
}

QCustomPlot* GridSearchPage::plot() const {
    return view_->plot();
}

Table GridSearchPage::table() const {
    Table t;
    t.header = {QStringLiteral("i"), QStringLiteral("x"), QStringLiteral("f"),
                QStringLiteral("best")};
    for (int i = 0; i < result_.evaluations(); ++i)
        t.rows << QStringList{QString::number(i), QString::number(result_.x[size_t(i)], 'g', 17),
                              QString::number(result_.f[size_t(i)], 'g', 17),
                              i == result_.best ? QStringLiteral("1") : QStringLiteral("0")};
    return t;
}

} // namespace gs::app

#include "views/state_view.h"

#include "plot/plot_fit.h"
#include "views/number_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

// Line styles tell coordinates apart within one run's color: x solid, y dashed.
const Qt::PenStyle kCoordinatePen[] = {Qt::SolidLine, Qt::DashLine};

} // namespace

StateView::StateView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), runBox_(new QComboBox(this)),
      stateBox_(new QComboBox(this)), coordinateBox_(new QComboBox(this)),
      logBox_(new QCheckBox(tr("log"), this)) {
    coordinateBox_->addItem(tr("x and y"), -1);
    coordinateBox_->addItem(tr("x"), 0);
    coordinateBox_->addItem(tr("y"), 1);
    runBox_->setToolTip(tr("Whose state: one of the runs"));
    stateBox_->setToolTip(tr("Which of the optimizer's named state vectors, as recorded after "
                             "each step"));
    coordinateBox_->setToolTip(tr("One coordinate, or every coordinate as its own line "
                                  "(x solid, y dashed)"));
    logBox_->setToolTip(tr("Log value axis (values at or below zero are left out)"));
    // Long names (an effective step's formula) shrink the boxes instead of widening the page.
    for (QComboBox* box : {runBox_, stateBox_, coordinateBox_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(4);
        box->setFocusPolicy(Qt::NoFocus); // keep Space and the arrow keys for playback
    }
    logBox_->setFocusPolicy(Qt::NoFocus);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(runBox_, 2);
    bottom->addWidget(stateBox_, 3);
    bottom->addWidget(coordinateBox_, 1);
    bottom->addWidget(logBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_, 1);
    layout->addLayout(bottom);

    plot_->setAntialiasedElements(QCP::aeAll);
    plot_->xAxis->setLabel(tr("step k"));
    plot_->setMouseTracking(true);
    cursor_ = new QCPItemStraightLine(plot_);
    empty_ = new QCPItemText(plot_);
    empty_->position->setType(QCPItemPosition::ptAxisRectRatio);
    empty_->position->setCoords(0.5, 0.5);
    empty_->setPositionAlignment(Qt::AlignCenter);
    readout_ = new QCPItemText(plot_);
    readout_->position->setType(QCPItemPosition::ptAxisRectRatio);
    readout_->position->setCoords(0.01, 0.02);
    readout_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    readout_->setTextAlignment(Qt::AlignLeft);
    readout_->setPadding(QMargins(3, 1, 3, 1));
    readout_->setVisible(false);
    plot_->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    plot_->legend->setVisible(false);
    fitBeforeReplot(*plot_, &style_, this);

    // A choice made here is explicit from now on: it names the run and the state.
    auto chosen = [this] {
        chosen_ = shown();
        rebuild();
        emit selectionChanged();
    };
    connect(runBox_, &QComboBox::currentIndexChanged, this, [this, chosen] {
        fillStateBox();
        chosen();
    });
    for (QComboBox* box : {stateBox_, coordinateBox_})
        connect(box, &QComboBox::currentIndexChanged, this, chosen);
    connect(logBox_, &QCheckBox::toggled, this, chosen);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const int k = stepAt(e);
        if (e->buttons() & Qt::LeftButton) emit stepPicked(k);
        hover(k);
    });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() == Qt::LeftButton) emit stepPicked(stepAt(e));
    });
    plot_->installEventFilter(this);
    restyle();
    rebuild();
}

void StateView::setStyle(const PlotStyle& style) {
    style_ = style;
    restyle();
    rebuild();
}

void StateView::restyle() {
    // A secondary panel, as the loss panel: smaller type so its curves keep room on a projector.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    style_.apply(*plot_, small);
    for (QWidget* w : std::initializer_list<QWidget*>{runBox_, stateBox_, coordinateBox_, logBox_})
        w->setFont(small);
    // Lower than the loss panel's minimum: under a curve it is the second picture, not the first.
    plot_->setMinimumHeight(static_cast<int>(80 * style_.scale));
    cursor_->setPen(QPen(style_.foreground(), style_.scale, Qt::DashLine));
    empty_->setColor(style_.foreground());
    empty_->setFont(small);
    readout_->setColor(style_.foreground());
    readout_->setBrush(QBrush(style_.background()));
    readout_->setFont(small);
}

void StateView::setRuns(QVector<Run> runs) {
    runs_ = std::move(runs);
    {
        const QSignalBlocker block(runBox_);
        runBox_->clear();
        for (const Run& r : runs_)
            runBox_->addItem(r.name);
    }
    const int dim = runs_.isEmpty() ? 2 : runs_.front().trajectory.dimension();
    coordinateBox_->setVisible(dim > 1);
    display(chosen_);
}

int StateView::firstRunWithState() const {
    for (int i = 0; i < runs_.size(); ++i)
        if (!runs_[i].trajectory.stateNames().empty()) return i;
    return 0;
}

void StateView::select(const StateSelection& s) {
    chosen_ = s;
    display(s);
}

void StateView::display(const StateSelection& s) {
    {
        const QSignalBlocker b1(runBox_), b2(stateBox_), b3(coordinateBox_), b4(logBox_);
        const int run = s.run < 0 ? firstRunWithState() : s.run;
        runBox_->setCurrentIndex(runs_.isEmpty() ? -1 : std::clamp(run, 0, int(runs_.size()) - 1));
        fillStateBox();
        const int byName = stateBox_->findText(s.state);
        stateBox_->setCurrentIndex(byName >= 0 ? byName : stateBox_->count() > 0 ? 0 : -1);
        coordinateBox_->setCurrentIndex(std::max(0, coordinateBox_->findData(s.coordinate)));
        logBox_->setChecked(s.log);
    }
    rebuild();
}

StateSelection StateView::shown() const {
    StateSelection s;
    s.run = std::max(0, runBox_->currentIndex());
    s.state = stateBox_->currentText();
    s.coordinate =
        coordinateBox_->currentData().isValid() ? coordinateBox_->currentData().toInt() : -1;
    s.log = logBox_->isChecked();
    return s;
}

void StateView::fillStateBox() {
    // Keeps the name chosen when the new run has a state of that name (Adam and AdamW share m).
    const QString was = stateBox_->currentText();
    const QSignalBlocker block(stateBox_);
    stateBox_->clear();
    const int r = runBox_->currentIndex();
    if (r < 0 || r >= runs_.size()) return;
    for (const std::string& name : runs_[r].trajectory.stateNames())
        stateBox_->addItem(QString::fromStdString(name));
    stateBox_->setCurrentIndex(std::max(0, stateBox_->findText(was)));
}

void StateView::setCurrent(int k) {
    current_ = k;
    cursor_->point1->setCoords(k, 0);
    cursor_->point2->setCoords(k, 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void StateView::rebuild() {
    series_.clear();
    const int r = runBox_->currentIndex(), s = stateBox_->currentIndex();
    const bool log = logBox_->isChecked();
    plot_->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot_->yAxis->setNumberFormat(log ? QStringLiteral("eb") : QStringLiteral("gb"));
    plot_->yAxis->setNumberPrecision(log ? 0 : 4);

    const Run* run = r >= 0 && r < runs_.size() ? &runs_[r] : nullptr;
    const bool hasState = run && s >= 0 && s < int(run->trajectory.stateNames().size());
    QVector<int> coords;
    if (hasState) {
        const int c = coordinateBox_->currentData().toInt();
        const int dim = run->trajectory.dimension();
        if (c < 0 || c >= dim)
            for (int i = 0; i < dim; ++i)
                coords << i;
        else
            coords << c;
    }
    while (plot_->graphCount() > coords.size())
        plot_->removeGraph(plot_->graphCount() - 1);
    while (plot_->graphCount() < coords.size())
        plot_->addGraph();

    double lo = INFINITY, hi = -INFINITY;
    // The step axis spans the longest run, as the loss panel's does, so the playback marker is on
    // it whichever run is shown.
    int steps = 1;
    for (const Run& other : runs_)
        steps = std::max(steps, other.trajectory.size() - 1);
    for (int g = 0; g < coords.size(); ++g) {
        const Trajectory& t = run->trajectory;
        QVector<double> ks(t.size()), ys(t.size());
        for (int k = 0; k < t.size(); ++k) {
            ks[k] = k;
            // Point 0 has taken no step: its state is not a value of the method, only zeros.
            const double v = k == 0 ? NAN : t.state(k, s)[coords[g]];
            ys[k] = std::isfinite(v) && (!log || v > 0) ? v : NAN;
            if (std::isfinite(ys[k])) {
                lo = std::min(lo, ys[k]);
                hi = std::max(hi, ys[k]);
            }
        }
        series_ << ys;
        QCPGraph* graph = plot_->graph(g);
        const int c = coords[g];
        graph->setName(c == 0 ? tr("x") : c == 1 ? tr("y") : tr("coordinate %1").arg(c + 1));
        graph->setPen(QPen(run->color, style_.lineWidth() * 0.8, kCoordinatePen[std::min(c, 1)]));
        graph->setData(ks, ys, true);
    }
    // fitBeforeReplot shows the legend when it fits and it is wanted.
    plot_->legend->setProperty("wanted", coords.size() > 1);
    plot_->legend->setVisible(coords.size() > 1);

    QString message;
    if (!run)
        message = tr("No runs");
    else if (run->trajectory.stateNames().empty())
        message = tr("%1 keeps no state: its step reads the gradient only").arg(run->name);
    else if (!(lo <= hi))
        message = log ? tr("No positive values to show on a log axis") : tr("No steps taken");
    showReadout(); // the hovered step's values on the new lines
    empty_->setText(message);
    empty_->setVisible(!message.isEmpty());

    if (!(lo <= hi)) lo = hi = log ? 1.0 : 0.0; // nothing to show: a unit band keeps axes sane
    if (log) {
        // At least 1.8 decades: over fewer, QCustomPlot's log ticker falls back to linear ticks
        // (0.3, 0.5), which read badly on a log axis.
        plot_->yAxis->setRange(std::min(lo / 2, hi * 2 / 63), hi * 2);
    } else {
        const double pad = hi > lo ? 0.08 * (hi - lo) : hi != 0 ? 0.1 * std::abs(hi) : 1.0;
        plot_->yAxis->setRange(lo - pad, hi + pad);
    }
    plot_->xAxis->setRange(0, steps);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int StateView::stepAt(QMouseEvent* e) const {
    const int last = static_cast<int>(std::lround(plot_->xAxis->range().upper));
    const double k = plot_->xAxis->pixelToCoord(e->position().x());
    return std::clamp(static_cast<int>(std::lround(k)), 0, std::max(0, last));
}

void StateView::hover(int k) {
    if (k != hovered_) {
        hovered_ = k;
        emit stepHovered(std::max(0, runBox_->currentIndex()), k);
    }
    showReadout();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void StateView::showReadout() {
    // The hovered step's values, so a curve can be read off exactly.
    QStringList values;
    for (int g = 0; hovered_ >= 0 && g < series_.size() && g < plot_->graphCount(); ++g)
        if (hovered_ < series_[g].size() && std::isfinite(series_[g][hovered_]))
            values << QStringLiteral("%1 = %2").arg(plot_->graph(g)->name(),
                                                    formatNumber(series_[g][hovered_], 4));
    readout_->setText(values.isEmpty() ? QString()
                                       : tr("step %1: %2").arg(hovered_).arg(values.join(", ")));
    readout_->setVisible(!values.isEmpty());
}

bool StateView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::Leave) hover(-1);
    return QWidget::eventFilter(watched, event);
}

} // namespace gs::app

#include "pages/classifier/classifier_plots.h"

#include "plot/plot_fit.h"

#include "views/number_format.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

// ColorBrewer's Blues: counts from none (pale) to many (dark blue).
QCPColorGradient countGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    g.setColorStopAt(0.5, QColor(0x6b, 0xae, 0xd6));
    g.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6b));
    return g;
}

} // namespace

ClassifierPlots::ClassifierPlots(QWidget* parent) : plot_(new QCustomPlot(parent)) {
    // The plot's own axis rect becomes the loss panel (it carries the plot's legend).
    QCPAxisRect* first = plot_->axisRect();
    plot_->plotLayout()->take(first);
    plot_->plotLayout()->simplify();
    top_ = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, 0, top_);
    plot_->plotLayout()->setRowSpacing(0);
    loss_ = first;
    titles_ << new QCPTextElement(plot_, QObject::tr("Loss J(w) per step"));
    auto* lossCell = new QCPLayoutGrid;
    top_->addElement(0, 0, lossCell);
    lossCell->addElement(0, 0, titles_.back());
    lossCell->addElement(1, 0, loss_);
    accuracy_ = addPanel(top_, 1, QObject::tr("Accuracy (%)"), true);
    confusionRect_ = addPanel(top_, 2, QObject::tr("Confusion (row: true class)"), true);
    top_->setColumnStretchFactors({1.25, 1, 1.1});

    loss_->axis(QCPAxis::atBottom)->setLabel(QObject::tr("step"));
    accuracy_->axis(QCPAxis::atBottom)->setLabel(QObject::tr("epoch"));
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // 1, 2, 5, 10, … epochs apart
    accuracy_->axis(QCPAxis::atBottom)->setTicker(whole);
    batchLoss_ = plot_->addGraph(loss_->axis(QCPAxis::atBottom), loss_->axis(QCPAxis::atLeft));
    meanLoss_ = plot_->addGraph(loss_->axis(QCPAxis::atBottom), loss_->axis(QCPAxis::atLeft));
    epochLoss_ = plot_->addGraph(loss_->axis(QCPAxis::atBottom), loss_->axis(QCPAxis::atLeft));
    batchLoss_->setName(QObject::tr("batch"));
    meanLoss_->setName(QObject::tr("running mean"));
    epochLoss_->setName(QObject::tr("epoch mean"));
    epochLoss_->setLineStyle(QCPGraph::lsNone);
    loss_->insetLayout()->addElement(plot_->legend, Qt::AlignTop | Qt::AlignRight);
    plot_->legend->setVisible(true);

    trainAcc_ =
        plot_->addGraph(accuracy_->axis(QCPAxis::atBottom), accuracy_->axis(QCPAxis::atLeft));
    testAcc_ =
        plot_->addGraph(accuracy_->axis(QCPAxis::atBottom), accuracy_->axis(QCPAxis::atLeft));
    trainAcc_->setName(QObject::tr("train"));
    testAcc_->setName(QObject::tr("test"));
    for (QCPGraph* g : {trainAcc_, testAcc_})
        g->removeFromLegend();
    auto* accLegend = new QCPLegend;
    accuracy_->insetLayout()->addElement(accLegend, Qt::AlignBottom | Qt::AlignRight);
    accLegend->setLayer(QStringLiteral("legend"));
    trainAcc_->addToLegend(accLegend);
    testAcc_->addToLegend(accLegend);

    confusion_ = new QCPColorMap(confusionRect_->axis(QCPAxis::atBottom),
                                 confusionRect_->axis(QCPAxis::atLeft));
    confusion_->setGradient(countGradient());
    confusion_->setInterpolate(false);
    confusionRect_->axis(QCPAxis::atLeft)->setRangeReversed(true);
    confusionRect_->axis(QCPAxis::atBottom)->grid()->setVisible(false);
    confusionRect_->axis(QCPAxis::atLeft)->grid()->setVisible(false);

    // Where a run diverged: the step whose loss was too large to plot.
    divergedAt_ = new QCPItemStraightLine(plot_);
    divergedAt_->setClipAxisRect(loss_);
    for (QCPItemPosition* p : {divergedAt_->point1, divergedAt_->point2}) {
        p->setAxisRect(loss_);
        p->setAxes(loss_->axis(QCPAxis::atBottom), loss_->axis(QCPAxis::atLeft));
    }
    divergedAt_->setVisible(false);

    // The run's status in a row above the panels, so an exported image says how training ended.
    status_ = new QCPTextElement(plot_);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, status_);
    QObject::connect(plot_, &QCustomPlot::afterLayout, plot_, [this] { fitAfterLayout(); });
    QObject::connect(plot_, &QCustomPlot::beforeReplot, plot_, [this] {
        fitTicks();
        wrapTitleRows(*plot_); // a long status (a file's reason) in two lines
    });
    restyle();
}

QCPAxisRect* ClassifierPlots::addPanel(QCPLayoutGrid* row, int column, const QString& title,
                                       bool axes) {
    auto* rect = new QCPAxisRect(plot_); // image panels hide their axes but place items by them
    auto* cell = new QCPLayoutGrid;
    row->addElement(0, column, cell);
    titles_ << new QCPTextElement(plot_, title);
    cell->addElement(0, 0, titles_.back());
    cell->addElement(1, 0, rect);
    cell->setRowSpacing(0);
    if (!axes) rect->setMinimumMargins(QMargins(2, 2, 2, 2));
    return rect;
}

void ClassifierPlots::setData(std::shared_ptr<const learn::Dataset> test, QStringList classNames,
                              int samples) {
    test_ = std::move(test);
    names_ = std::move(classNames);
    classes_ = static_cast<int>(names_.size());
    const bool images = test_ && test_->dimension() == kImageSide * kImageSide;
    samples_ = images ? std::min(samples, test_->size()) : 0;

    // Confusion matrix axes and one count label per cell.
    QSharedPointer<QCPAxisTickerText> rows(new QCPAxisTickerText), cols(new QCPAxisTickerText);
    for (int k = 0; k < classes_; ++k) {
        rows->addTick(k, names_[k]);
        cols->addTick(k, QString::number(k));
    }
    confusionRect_->axis(QCPAxis::atLeft)->setTicker(rows);
    confusionRect_->axis(QCPAxis::atBottom)->setTicker(cols);
    confusionRect_->axis(QCPAxis::atBottom)->setLabel(QObject::tr("predicted class"));
    confusion_->data()->setSize(std::max(classes_, 1), std::max(classes_, 1));
    confusion_->data()->setRange(QCPRange(0, std::max(classes_ - 1, 1)),
                                 QCPRange(0, std::max(classes_ - 1, 1)));
    confusionRect_->axis(QCPAxis::atBottom)->setRange(-0.5, classes_ - 0.5);
    confusionRect_->axis(QCPAxis::atLeft)->setRange(-0.5, classes_ - 0.5);
    for (QCPItemText* t : counts_)
        plot_->removeItem(t);
    counts_.clear();
    for (int t = 0; t < classes_; ++t)
        for (int p = 0; p < classes_; ++p)
            counts_ << textAt(confusionRect_, p, t);

    buildImagePanels();
    restyle();
    last_ = {};
}

void ClassifierPlots::fitTicks() {
    // As many ticks as fit without labels touching (sizes of the last layout): a label and a half
    // of axis per tick across, three label heights up.
    for (QCPAxisRect* rect : {loss_, accuracy_})
        for (QCPAxis* axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
            const QFontMetrics fm(axis->tickLabelFont());
            const bool across = axis->orientation() == Qt::Horizontal;
            const int length = across ? rect->width() : rect->height();
            const int label =
                across ? fm.horizontalAdvance(QStringLiteral("00000")) * 3 / 2 : fm.height() * 3;
            if (length > 0 && label > 0)
                axis->ticker()->setTickCount(std::clamp(length / label, 2, 6));
        }
}

// The confusion matrix names its rows while they fit, and numbers them otherwise; true when the
// labels changed (the margins must then be laid out again).
bool ClassifierPlots::fitRowNames() {
    QCPAxis* rows = confusionRect_->axis(QCPAxis::atLeft);
    auto* ticker = dynamic_cast<QCPAxisTickerText*>(rows->ticker().data());
    if (!ticker || classes_ == 0) return false;
    const bool names =
        confusionRect_->height() >= classes_ * QFontMetrics(rows->tickLabelFont()).height() * 1.05;
    const QString first = names ? names_[0] : QStringLiteral("0");
    if (ticker->ticks().value(0) == first) return false;
    ticker->clear();
    for (int k = 0; k < classes_; ++k)
        ticker->addTick(k, names ? names_[k] : QString::number(k));
    return true;
}

void ClassifierPlots::fitAfterLayout() {
    // Legends at a smaller type, shown only where they leave most of the panel to the curves
    // (inset in their panels: showing or hiding one moves nothing else).
    for (QCPAxisRect* rect : {loss_, accuracy_}) {
        auto* legend = qobject_cast<QCPLegend*>(rect->insetLayout()->elementAt(0));
        if (!legend) continue;
        legend->setFont(style_.font(font_, 0.75));
        for (int i = 0; i < legend->itemCount(); ++i)
            legend->item(i)->setFont(legend->font());
        const QSize need = legend->minimumOuterSizeHint();
        legend->setVisible(need.width() <= 0.45 * rect->width() &&
                           need.height() <= 0.45 * rect->height());
    }
    if (fitRowNames()) {
        // Tick labels of another width: lay the margins out again before drawing.
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                           QCPLayoutElement::upLayout})
            plot_->plotLayout()->update(phase);
    }
    fitImagePanels();

    if (classes_ > 0) {
        const double cell =
            std::min<double>(confusionRect_->width(), confusionRect_->height() * 1.6) /
            static_cast<double>(classes_);
        for (QCPItemText* t : counts_)
            sizeText(t, std::min(cell / 3.2, confusionRect_->height() / (2.2 * classes_)));
    }
}

void ClassifierPlots::sizeText(QCPItemText* t, double pixels) const {
    // Text inside cells follows the cells' size in pixels (a projector at 1024 x 768 has small
    // cells and large fonts), and hides where it could not be read.
    QFont f = style_.font(font_);
    f.setPixelSize(std::max(1, static_cast<int>(pixels)));
    t->setFont(f);
    t->setVisible(pixels >= 6.5);
}

QCPItemText* ClassifierPlots::textAt(QCPAxisRect* rect, double x, double y) const {
    auto* t = new QCPItemText(plot_);
    t->setClipAxisRect(rect);
    t->position->setAxisRect(rect);
    t->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    t->position->setCoords(x, y);
    return t;
}

void ClassifierPlots::show(const ClassifierProgress& p) {
    last_ = p;
    showLoss(p);
    showAccuracy(p);
    showConfusion(p);
    showSamples(p);
    showWeights(p);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ClassifierPlots::showLoss(const ClassifierProgress& p) {
    int n = static_cast<int>(p.iterationLoss.size());
    QVector<double> k(n), loss(n), mean(n);
    // Running mean over the last `window` steps: the trend under the batch-to-batch noise.
    const int window = std::clamp(n / 40, 1, 200);
    double sum = 0, top = 0;
    for (int i = 0; i < n; ++i) {
        const double v = p.iterationLoss[static_cast<std::size_t>(i)];
        k[i] = i + 1;
        loss[i] = v;
        sum += v;
        if (i >= window) sum -= p.iterationLoss[static_cast<std::size_t>(i - window)];
        mean[i] = sum / std::min(i + 1, window);
        if (std::isfinite(v)) top = std::max(top, v);
    }
    batchLoss_->setData(k, loss, true);
    // A handful of steps (a run that diverged at once) shows as dots; a line needs two points.
    batchLoss_->setScatterStyle(
        n <= 50 ? QCPScatterStyle(QCPScatterStyle::ssDisc, style_.pathColor(0), style_.markerSize())
                : QCPScatterStyle());
    const bool diverged = p.result && p.result->status == learn::TrainStatus::Diverged;
    divergedAt_->setVisible(diverged);
    if (diverged) {
        divergedAt_->point1->setCoords(p.result->stopIteration, 0);
        divergedAt_->point2->setCoords(p.result->stopIteration, 1);
        n = std::max(n, p.result->stopIteration);
    }
    meanLoss_->setData(k, mean, true);
    QVector<double> ek, el;
    for (std::size_t e = 1; e < p.epochLoss.size(); ++e) { // epoch 0 has no batches
        ek << p.epochIteration[e];
        el << p.epochLoss[e];
    }
    epochLoss_->setData(ek, el, true);
    // Trainer and recorder pass on finite losses only; the range is still guarded.
    if (!p.epochLoss.empty() && std::isfinite(p.epochLoss.front()))
        top = std::max(top, p.epochLoss.front());
    loss_->axis(QCPAxis::atBottom)->setRange(0, std::max(n * 1.02, 10.0));
    loss_->axis(QCPAxis::atLeft)->setRange(0, std::max(top * 1.08, kMinLossRange));
}

void ClassifierPlots::showAccuracy(const ClassifierProgress& p) {
    QVector<double> e, train, test;
    for (std::size_t i = 0; i < p.testAccuracy.size(); ++i) {
        e << static_cast<double>(i);
        train << 100 * p.trainAccuracy[i];
        test << 100 * p.testAccuracy[i];
    }
    trainAcc_->setData(e, train, true);
    testAcc_->setData(e, test, true);
    const int epochs = std::max(1, static_cast<int>(p.testAccuracy.size()) - 1);
    accuracy_->axis(QCPAxis::atBottom)->setRange(-0.1 * epochs, epochs * 1.1);
    accuracy_->axis(QCPAxis::atLeft)->setRange(0, 100);
}

void ClassifierPlots::showConfusion(const ClassifierProgress& p) {
    const bool have = p.confusion.rows() == classes_ && p.confusion.cols() == classes_;
    const int top = have && p.confusion.size() ? std::max(1, p.confusion.maxCoeff()) : 1;
    confusion_->setDataRange(QCPRange(0, top));
    for (int t = 0; t < classes_; ++t)
        for (int q = 0; q < classes_; ++q) {
            const int c = have ? p.confusion(t, q) : 0;
            confusion_->data()->setCell(q, t, c);
            QCPItemText* label = counts_[t * classes_ + q];
            label->setText(have ? QString::number(c) : QString());
            // Light text on the darker half of the scale.
            label->setColor(c > 0.55 * top ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20));
        }
}

void ClassifierPlots::setStatus(const QString& text, bool bad) {
    status_->setText(text);
    status_->setProperty("fullText", text); // what wrapTitleRows wraps
    statusBad_ = bad;
    status_->setTextColor(bad ? style_.errorColor() : style_.foreground());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ClassifierPlots::setStyle(const PlotStyle& style, const QFont& font) {
    style_ = style;
    font_ = font;
    restyle();
    show(last_);
}

void ClassifierPlots::restyle() {
    style_.apply(*plot_, font_);
    const QColor fg = style_.foreground();
    for (QCPTextElement* t : titles_) {
        t->setFont(style_.font(font_, 0.95));
        t->setTextColor(fg);
    }
    QColor faint = style_.pathColor(0);
    faint.setAlpha(90);
    batchLoss_->setPen(QPen(faint, 1.0 * style_.scale));
    meanLoss_->setPen(
        QPen(style_.pathColor(0).darker(style_.dark ? 100 : 130), style_.lineWidth()));
    epochLoss_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, style_.pathColor(1), style_.markerSize() * 1.3));
    trainAcc_->setPen(QPen(style_.pathColor(0), style_.lineWidth()));
    testAcc_->setPen(QPen(style_.pathColor(1), style_.lineWidth()));
    for (QCPGraph* g : {trainAcc_, testAcc_})
        g->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, g->pen().color(), style_.markerSize()));
    plot_->legend->setFont(style_.font(font_, 0.8));
    plot_->legend->setIconSize(static_cast<int>(16 * style_.scale),
                               static_cast<int>(8 * style_.scale));
    if (auto* accLegend = qobject_cast<QCPLegend*>(accuracy_->insetLayout()->elementAt(0))) {
        accLegend->setFont(style_.font(font_, 0.8));
        accLegend->setTextColor(fg);
        accLegend->setBrush(QBrush(style_.background()));
        accLegend->setBorderPen(QPen(style_.grid()));
    }
    for (QCPItemText* t : weightLabels_)
        t->setColor(fg);
    for (QCPAxis* a : confusionRect_->axes())
        a->setTickLabelFont(style_.font(font_, 0.8));
    status_->setFont(style_.font(font_, 1.05));
    divergedAt_->setPen(QPen(style_.errorColor(), style_.lineWidth(), Qt::DashLine));
    status_->setTextColor(statusBad_ ? style_.errorColor() : fg);
}

} // namespace gs::app

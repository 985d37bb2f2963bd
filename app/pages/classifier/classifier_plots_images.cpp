// The classifier page's image panels: test images with their predicted label and the weight
// images, as tiles on a grid of square cells (QCPItemPixmap, nearest-neighbour scaled).

#include "pages/classifier/classifier_plots.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::app {

namespace {

constexpr int kImageSide = ClassifierPlots::kImageSide;
constexpr int kSampleColumns = 8;
constexpr int kWeightColumns = 5;
constexpr double kCellHeight = 1.32; // an image (1) and the strip for its label

// ColorBrewer's RdBu, reversed: blue below zero, white at zero, red above.
QCPColorGradient divergingGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
    g.setColorStopAt(0.25, QColor(0x92, 0xc5, 0xde));
    g.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    g.setColorStopAt(0.75, QColor(0xf4, 0xa5, 0x82));
    g.setColorStopAt(1.0, QColor(0xb2, 0x18, 0x2b));
    return g;
}

// A 28 × 28 tile of `values` (one image, column of 784 in row-major pixel order) coloured by
// `colour(v)`.
template <class Colour> QPixmap tile(const float* values, Colour colour) {
    QImage image(kImageSide, kImageSide, QImage::Format_RGB32);
    for (int r = 0; r < kImageSide; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < kImageSide; ++c)
            line[c] = colour(values[r * kImageSide + c]);
    }
    return QPixmap::fromImage(image);
}

void placeTile(QCPAbstractItem* item, QCPItemPosition* topLeft, QCPItemPosition* bottomRight,
               QCPAxisRect* rect, double x0, double y0, double x1, double y1) {
    item->setClipAxisRect(rect);
    for (QCPItemPosition* p : {topLeft, bottomRight}) {
        p->setAxisRect(rect);
        p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    }
    topLeft->setCoords(x0, y0);
    bottomRight->setCoords(x1, y1);
}

} // namespace

void ClassifierPlots::buildImagePanels() {
    for (auto* v : {&samplePixmaps_, &weightPixmaps_})
        for (QCPItemPixmap* item : *v)
            plot_->removeItem(item);
    for (QCPItemText* t : sampleLabels_ + weightLabels_)
        plot_->removeItem(t);
    for (QCPItemRect* r : sampleFrames_)
        plot_->removeItem(r);
    samplePixmaps_.clear();
    weightPixmaps_.clear();
    sampleLabels_.clear();
    weightLabels_.clear();
    sampleFrames_.clear();
    const bool images = samples_ > 0 || (test_ && test_->dimension() == kImageSide * kImageSide);
    if (!images) {
        if (bottom_) {
            plot_->plotLayout()->remove(bottom_);
            plot_->plotLayout()->simplify();
            titles_.resize(3);
            bottom_ = nullptr;
            samplesRect_ = weightsRect_ = nullptr;
        }
        return;
    }
    if (!bottom_) {
        bottom_ = new QCPLayoutGrid;
        plot_->plotLayout()->addElement(2, 0, bottom_);
        samplesRect_ = addPanel(bottom_, 0, QObject::tr("Test images: predicted class"), false);
        weightsRect_ = addPanel(bottom_, 1, QObject::tr("Weights (blue −, red +)"), false);
        bottom_->setColumnStretchFactors({1.6, 1});
        plot_->plotLayout()->setRowStretchFactors({0.001, 1.4, 1}); // tiles are bound by width
        for (QCPAxisRect* r : {samplesRect_, weightsRect_})
            for (QCPAxis* a : r->axes())
                a->setVisible(false);
    }
    // Tiles on a grid of square cells, a strip under each for its label; fitTiles() sets the
    // ranges so that cells stay square whatever the panel's shape.
    auto layoutTiles = [&](QCPAxisRect* rect, int count, int columns,
                           QVector<QCPItemPixmap*>& pixmaps, QVector<QCPItemText*>& labels,
                           QVector<QCPItemRect*>* frames) {
        rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
        for (int i = 0; i < count; ++i) {
            const double x = i % columns, y = (i / columns) * kCellHeight;
            auto* pix = new QCPItemPixmap(plot_);
            pix->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
            placeTile(pix, pix->topLeft, pix->bottomRight, rect, x + 0.06, y + 0.06, x + 0.94,
                      y + 0.94);
            pixmaps << pix;
            QCPItemText* label = textAt(rect, x + 0.5, y + 0.95);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            labels << label;
            if (frames) {
                auto* frame = new QCPItemRect(plot_);
                placeTile(frame, frame->topLeft, frame->bottomRight, rect, x + 0.02, y + 0.02,
                          x + 0.98, y + kCellHeight - 0.02);
                frame->setVisible(false);
                *frames << frame;
            }
        }
    };
    layoutTiles(samplesRect_, samples_, kSampleColumns, samplePixmaps_, sampleLabels_,
                &sampleFrames_);
    layoutTiles(weightsRect_, classes_, kWeightColumns, weightPixmaps_, weightLabels_, nullptr);
    for (int k = 0; k < classes_; ++k)
        weightLabels_[k]->setText(names_[k]);
}

void ClassifierPlots::fitImagePanels() {
    auto fit = [](QCPAxisRect* rect, int count, int columns) {
        if (!rect || count == 0) return;
        const int rows = (count + columns - 1) / columns;
        const double w = std::max(rect->width(), 1), h = std::max(rect->height(), 1);
        // Pixels per unit: the largest that fits the grid, which is centred in the panel.
        const double unit = std::min(w / columns, h / (rows * kCellHeight));
        const double spareX = (w / unit - columns) / 2,
                     spareY = (h / unit - rows * kCellHeight) / 2;
        rect->axis(QCPAxis::atBottom)->setRange(-spareX, columns + spareX);
        rect->axis(QCPAxis::atLeft)->setRange(-spareY, rows * kCellHeight + spareY);
    };
    fit(samplesRect_, samples_, kSampleColumns);
    fit(weightsRect_, static_cast<int>(weightPixmaps_.size()), kWeightColumns);

    auto tileLabels = [&](QCPAxisRect* rect, const QVector<QCPItemText*>& labels) {
        if (!rect || labels.isEmpty()) return;
        const QCPAxis* x = rect->axis(QCPAxis::atBottom);
        const double unit = rect->width() / std::max(x->range().size(), 1e-9);
        for (QCPItemText* t : labels)
            sizeText(t, std::min(unit * 0.15, 14.0 * style_.scale));
    };
    tileLabels(samplesRect_, sampleLabels_);
    tileLabels(weightsRect_, weightLabels_);
}

void ClassifierPlots::showSamples(const ClassifierProgress& p) {
    if (!test_) return;
    const bool have = p.testPredicted.size() == test_->size();
    const QColor wrong = style_.errorColor();
    for (int i = 0; i < samples_; ++i) {
        samplePixmaps_[i]->setPixmap(tile(test_->features.col(i).data(), [](float v) {
            const int g = std::clamp(static_cast<int>(std::lround(v * 255)), 0, 255);
            return qRgb(g, g, g);
        }));
        const int truth = test_->labels[i];
        const int guess = have ? p.testPredicted[i] : -1;
        const bool ok = guess == truth;
        QCPItemText* label = sampleLabels_[i];
        label->setText(guess >= 0 ? names_.value(guess) : QStringLiteral("?"));
        label->setColor(ok ? style_.foreground() : wrong);
        sampleFrames_[i]->setVisible(have && !ok);
        sampleFrames_[i]->setPen(QPen(wrong, 2 * style_.scale));
    }
}

void ClassifierPlots::showWeights(const ClassifierProgress& p) {
    if (weightPixmaps_.isEmpty()) return;
    const int in = kImageSide * kImageSide;
    if (p.params.size() < static_cast<Eigen::Index>(in) * classes_) return;
    // W is classes × 784, column-major: class k's weight on pixel j is params[j · classes + k].
    // One colour scale for all ten, symmetric about 0, so tiles compare.
    const Eigen::Map<const Eigen::MatrixXd> w(p.params.data(), classes_, in);
    // The 99th percentile of |w|, not the maximum: a few extreme pixels would wash out the rest.
    std::vector<double> magnitudes(static_cast<std::size_t>(w.size()));
    Eigen::Map<Eigen::VectorXd>(magnitudes.data(), w.size()) = w.reshaped().cwiseAbs();
    auto q = magnitudes.begin() + static_cast<std::ptrdiff_t>(0.99 * (magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), q, magnitudes.end());
    const double scale = std::max(*q, 1e-12);
    QCPColorGradient gradient = divergingGradient(); // color() builds its lookup table
    const QCPRange range(-scale, scale);
    std::vector<float> row(static_cast<std::size_t>(in));
    for (int k = 0; k < classes_; ++k) {
        for (int j = 0; j < in; ++j)
            row[static_cast<std::size_t>(j)] = static_cast<float>(w(k, j));
        weightPixmaps_[k]->setPixmap(
            tile(row.data(), [&](float v) { return gradient.color(v, range); }));
    }
}

} // namespace gs::app

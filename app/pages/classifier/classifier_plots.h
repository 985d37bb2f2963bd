#pragma once
// The classifier page's picture, one QCustomPlot so an export holds all of it:
//   top:    loss per step (each batch, a running mean, each epoch's mean) · train and test
//           accuracy per epoch · the confusion matrix (counts, true class by predicted class)
//   bottom: test images with the predicted label (red when wrong) · the ten weight images
//           (blue negative, red positive: the pixels that speak for or against each class)
// For a 2D data set the bottom row holds nothing to show and is removed.

#include "pages/classifier/classifier_training.h"
#include "plot/plot_style.h"

#include <QString>
#include <QStringList>
#include <QVector>

class QCPAxisRect;
class QCPColorMap;
class QCPGraph;
class QCPItemPixmap;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCPLayoutGrid;
class QCustomPlot;
class QWidget;

namespace gs::app {

class ClassifierPlots {
public:
    explicit ClassifierPlots(QWidget* parent);

    QCustomPlot* plot() const { return plot_; }
    void setStyle(const PlotStyle& style, const QFont& font);
    /// The test set the predictions refer to (images shown when it has 784 features).
    void setData(std::shared_ptr<const learn::Dataset> test, QStringList classNames, int samples);
    void show(const ClassifierProgress& p);
    /// A line above the panels: the run's status (red when it went wrong) or why there is
    /// nothing to show.
    void setStatus(const QString& text, bool bad);

    QCPAxisRect* lossRect() const { return loss_; }
    QCPAxisRect* confusionRect() const { return confusionRect_; }
    /// The image panels (test images, weights); null without images.
    QCPAxisRect* samplesRect() const { return samplesRect_; }
    QCPAxisRect* weightsRect() const { return weightsRect_; }
    /// The rows of panels: the curves and the confusion matrix; the images (null without).
    QCPLayoutGrid* topRow() const { return top_; }
    QCPLayoutGrid* bottomRow() const { return bottom_; }
    QCPAxisRect* accuracyRect() const { return accuracy_; }
    QCPColorMap* confusionMap() const { return confusion_; }
    /// Labels under the test images, in order; red ones are wrong predictions.
    const QVector<QCPItemText*>& sampleLabels() const { return sampleLabels_; }
    /// Images are kImageSide × kImageSide pixels (Fashion-MNIST's 28 × 28).
    static constexpr int kImageSide = 28;
    /// The bound on the value axis never comes from a non-finite number.
    static constexpr double kMinLossRange = 0.5;

private:
    void restyle();
    void buildImagePanels();
    void fitAfterLayout();
    void fitImagePanels();
    void sizeText(QCPItemText* t, double pixels) const;
    QCPItemText* textAt(QCPAxisRect* rect, double x, double y) const;
    void fitTicks();
    bool fitRowNames();
    void showLoss(const ClassifierProgress& p);
    void showAccuracy(const ClassifierProgress& p);
    void showConfusion(const ClassifierProgress& p);
    void showSamples(const ClassifierProgress& p);
    void showWeights(const ClassifierProgress& p);
    QCPAxisRect* addPanel(QCPLayoutGrid* row, int column, const QString& title, bool axes);

    QCustomPlot* plot_;
    PlotStyle style_;
    QFont font_;
    QCPLayoutGrid* top_;
    QCPLayoutGrid* bottom_ = nullptr;
    QCPAxisRect* loss_;
    QCPAxisRect* accuracy_;
    QCPAxisRect* confusionRect_;
    QCPAxisRect* samplesRect_ = nullptr;
    QCPAxisRect* weightsRect_ = nullptr;
    QCPGraph* batchLoss_;
    QCPGraph* meanLoss_;
    QCPGraph* epochLoss_;
    QCPGraph* trainAcc_;
    QCPGraph* testAcc_;
    QCPColorMap* confusion_;
    QVector<QCPItemText*> counts_;
    QCPTextElement* status_;
    QCPItemStraightLine* divergedAt_;
    bool statusBad_ = false;
    QVector<QCPTextElement*> titles_;
    QVector<QCPItemText*> sampleLabels_;
    QVector<QCPItemPixmap*> samplePixmaps_, weightPixmaps_;
    QVector<QCPItemRect*> sampleFrames_;
    QVector<QCPItemText*> weightLabels_;
    std::shared_ptr<const learn::Dataset> test_;
    QStringList names_;
    int samples_ = 0;
    int classes_ = 0;
    ClassifierProgress last_;
};

} // namespace gs::app

// Softmax regression on real images: Fashion-MNIST (Debian's dataset-fashion-mnist, installed by
// scripts/setup). A machine without the data fails here with the reason; it never passes quietly.
// One epoch over all 60,000 training images: on the first 10,000 alone, one epoch of plain
// mini-batch SGD ends near 76–79% test accuracy; the whole set gives 82% in about 0.2 s.

#include "learn/evaluation.h"
#include "learn/fashion_mnist.h"
#include "learn/trainer.h"
#include "learn/training_log.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gs::learn;

class TestLearnFashion : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void softmaxRegressionAfterOneEpoch_data();
    void softmaxRegressionAfterOneEpoch();

private:
    Dataset train_, test_;
};

void TestLearnFashion::initTestCase() {
    QElapsedTimer timer;
    timer.start();
    DataResult train = loadFashionMnist(Split::Train);
    QVERIFY2(train.ok(), ("cannot load Fashion-MNIST (install Debian's dataset-fashion-mnist, as "
                          "scripts/setup does): " +
                          train.error)
                             .c_str());
    DataResult test = loadFashionMnist(Split::Test);
    QVERIFY2(test.ok(), test.error.c_str());
    train_ = std::move(train.data);
    test_ = std::move(test.data);
    qInfo("loaded 60,000 training and 10,000 test images in %lld ms", timer.elapsed());
}

void TestLearnFashion::softmaxRegressionAfterOneEpoch_data() {
    QTest::addColumn<int>("precision");
    QTest::newRow("float32") << int(Precision::Float32);
    QTest::newRow("float64") << int(Precision::Float64);
}

void TestLearnFashion::softmaxRegressionAfterOneEpoch() {
    QFETCH(int, precision);
    const Network net(softmaxRegression(784, 10, Precision(precision)));
    TrainSettings s;
    s.optimizer = "gd";
    s.hyperParams = {{"lr", 0.1}};
    s.epochs = 1;
    s.batchSize = 32;
    TrainingLog log;
    TrainHooks hooks;
    hooks.observers = {&log};
    QElapsedTimer timer;
    timer.start();
    const TrainResult r = train(net, train_, &test_, s, hooks);
    QCOMPARE(int(r.status), int(TrainStatus::Finished));
    qInfo("one epoch (1875 steps) and scoring 70,000 images: %lld ms; train accuracy %.4f, "
          "test accuracy %.4f",
          timer.elapsed(), log.trainAccuracy.back(), log.testAccuracy.back());
    QVERIFY(log.testAccuracy.back() >= 0.80);
    const Evaluation e = evaluate(net, r.params, test_);
    QCOMPARE(e.accuracy, log.testAccuracy.back());
    QCOMPARE(confusionMatrix(test_, e.predicted).sum(), 10000);
}

QTEST_APPLESS_MAIN(TestLearnFashion)
#include "test_learn_fashion.moc"

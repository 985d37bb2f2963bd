// The classifier page (lesson 8): the lesson's scene trains softmax regression on 10,000
// Fashion-MNIST images and shows a confusion matrix whose counts sum to the test set; labels of
// wrong predictions are red; a learning rate of 10 ends as diverged with every axis finite; a
// missing data set is a message, and the synthetic sets still train; Stop cancels a run that is
// still going on its worker thread; the page's scene reads back.

#include "controls/optimizer_panel.h"
#include "controls/param_slider.h"
#include "lessons/lesson_library.h"
#include "pages/classifier/classifier_page.h"
#include "pages/classifier/classifier_plots.h"
#include "pages/classifier/classifier_training.h"
#include "scene/builtin_scenes.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

Scene lessonScene() {
    auto l = loadLesson(QStringLiteral("classifier"));
    if (auto* e = std::get_if<LessonError>(&l)) qFatal("%s", qPrintable(e->text()));
    return std::get<Lesson>(l).scene;
}

Scene withSettings(Scene s, const QJsonObject& changes) {
    for (auto it = changes.begin(); it != changes.end(); ++it)
        s.settings.insert(it.key(), it.value());
    return s;
}

bool finiteRange(const QCPRange& r) {
    return std::isfinite(r.lower) && std::isfinite(r.upper) && r.upper > r.lower;
}

// Every axis range and every plotted number of the page's plot is finite.
bool allFinite(QCustomPlot& plot) {
    for (QCPAxisRect* rect : plot.axisRects())
        for (QCPAxis* axis : rect->axes())
            if (!finiteRange(axis->range())) return false;
    for (int i = 0; i < plot.graphCount(); ++i)
        for (auto it = plot.graph(i)->data()->constBegin(); it != plot.graph(i)->data()->constEnd();
             ++it)
            if (!std::isfinite(it->key) || !std::isfinite(it->value)) return false;
    return true;
}

} // namespace

class TestClassifierPage : public QObject {
    Q_OBJECT
private slots:
    void lessonTrainsAndCountsTheTestSet();
    void divergingLearningRateStopsWithFiniteAxes_data();
    void divergingLearningRateStopsWithFiniteAxes();
    void missingDataIsAMessageAndSyntheticSetsTrain();
    void stopCancelsTheWorker();
    void ownDataSetsTrainAndBadOnesSayWhere();
    void controlsRetrain();
    void sceneReadsBack();
};

void TestClassifierPage::lessonTrainsAndCountsTheTestSet() {
    ClassifierPage page;
    const Scene scene = lessonScene();
    QCOMPARE(page.applyScene(scene), QString());
    page.finishWork();
    QVERIFY2(page.status().startsWith(QStringLiteral("Finished")), qPrintable(page.status()));
    const ClassifierProgress& p = page.progress();
    QVERIFY(p.test);
    QCOMPARE(p.test->size(), 10000);
    QCOMPARE(p.confusion.rows(), 10);
    QCOMPARE(p.confusion.sum(), p.test->size());
    // The diagonal is what was classified right: it agrees with the reported accuracy.
    QCOMPARE(p.confusion.trace(), static_cast<int>(std::lround(p.testAccuracy.back() * 10000)));
    QVERIFY2(p.testAccuracy.back() >= 0.80, qPrintable(page.status()));
    QVERIFY(p.testAccuracy.front() < 0.3);       // epoch 0: the untrained model, near chance
    QCOMPARE(int(p.iterationLoss.size()), 2500); // 10,000 images in batches of 4

    // The colour map holds the same counts; each wrong label is red, each right one is not.
    for (int t = 0; t < 10; ++t)
        for (int q = 0; q < 10; ++q)
            QCOMPARE(page.plots().confusionMap()->data()->cell(q, t), double(p.confusion(t, q)));
    const auto& labels = page.plots().sampleLabels();
    QCOMPARE(labels.size(), 16);
    const QColor red = PlotStyle().errorColor();
    for (int i = 0; i < labels.size(); ++i) {
        const bool wrong = p.testPredicted[i] != p.test->labels[i];
        QCOMPARE(labels[i]->color() == red, wrong);
    }
    QVERIFY(allFinite(*page.plot()));

    // The CSV: step 0 and one row per step; the last row closes epoch 1 with its accuracy.
    const Table t = page.table();
    QCOMPARE(t.rows.size(), 2501);
    QCOMPARE(t.rows.back()[1], QStringLiteral("1"));
    QCOMPARE(t.rows.back()[5].toDouble(), p.testAccuracy.back());
}

void TestClassifierPage::divergingLearningRateStopsWithFiniteAxes_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<int>("batch");
    QTest::newRow("gd, batch 64") << "gd" << 64;
    QTest::newRow("momentum, batch 4") << "momentum" << 4;
}

void TestClassifierPage::divergingLearningRateStopsWithFiniteAxes() {
    QFETCH(QString, optimizer);
    QFETCH(int, batch);
    Scene s = withSettings(lessonScene(), {{"trainSize", 5000}, {"batchSize", batch}});
    s.runs = {SceneRun{optimizer, {{QStringLiteral("lr"), 10.0}}, {}, true}};
    ClassifierPage page;
    QCOMPARE(page.applyScene(s), QString());
    page.finishWork();
    QVERIFY2(page.diverged(), qPrintable(page.status()));
    QVERIFY2(page.status().startsWith(QStringLiteral("Diverged at step")),
             qPrintable(page.status()));
    const ClassifierProgress& p = page.progress();
    QCOMPARE(int(p.result->status), int(learn::TrainStatus::Diverged));
    QVERIFY(int(p.iterationLoss.size()) < 5000 / batch);
    for (double l : p.iterationLoss)
        QVERIFY(std::isfinite(l));
    QCOMPARE(p.confusion.sum(), p.test->size()); // from the last finite weights
    QVERIFY(allFinite(*page.plot()));
    page.plot()->replot();
    QVERIFY(allFinite(*page.plot()));
}

void TestClassifierPage::missingDataIsAMessageAndSyntheticSetsTrain() {
    ClassifierPage page;
    QCOMPARE(page.applyScene(withSettings(lessonScene(), {{"dataDir", "/nonexistent/fashion"}})),
             QString());
    page.finishWork();
    QVERIFY2(page.status().startsWith(QStringLiteral("No data")), qPrintable(page.status()));
    QVERIFY2(page.status().contains(QStringLiteral("/nonexistent/fashion")),
             qPrintable(page.status()));
    QVERIFY(allFinite(*page.plot()));

    Scene moons =
        withSettings(lessonScene(), {{"dataset", "moons"}, {"trainSize", 400}, {"testSize", 400}});
    moons.runs = {SceneRun{QStringLiteral("gd"), {{QStringLiteral("lr"), 0.5}}, {}, true}};
    moons.settings.insert(QStringLiteral("epochs"), 20);
    moons.settings.insert(QStringLiteral("batchSize"), 16);
    QCOMPARE(page.applyScene(moons), QString());
    page.finishWork();
    QVERIFY2(page.status().startsWith(QStringLiteral("Finished")), qPrintable(page.status()));
    QCOMPARE(page.progress().confusion.rows(), 2);
    QCOMPARE(page.progress().confusion.sum(), 400);
    QVERIFY(page.progress().testAccuracy.back() > 0.75); // a line splits the moons fairly well
    QVERIFY(page.plots().sampleLabels().isEmpty());      // no images to show
    QVERIFY(allFinite(*page.plot()));
}

// The shipped examples train from their compiled-in CSV files; a data file of one's own opens
// from the window (as File > Open Data Set and a drop do) and its split and scaling are stated;
// a malformed file is named with its line and column, and the plots stay finite.
void TestClassifierPage::ownDataSetsTrainAndBadOnesSayWhere() {
    for (const char* example : {"classifier-iris", "classifier-wine"}) {
        const SceneResult scene = builtinScene(QString::fromLatin1(example));
        QVERIFY(std::holds_alternative<Scene>(scene));
        ClassifierPage page;
        QCOMPARE(page.applyScene(std::get<Scene>(scene)), QString());
        page.finishWork();
        QVERIFY2(page.status().startsWith(QStringLiteral("Finished")), qPrintable(page.status()));
        QVERIFY2(page.status().contains(QStringLiteral("standardized")), qPrintable(page.status()));
        QCOMPARE(page.progress().confusion.rows(), 3);
        QVERIFY2(page.progress().testAccuracy.back() > 0.85, example); // linear classes, nearly
        QVERIFY(page.plots().sampleLabels().isEmpty());
        QVERIFY(allFinite(*page.plot()));
    }
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("points.csv")), bad = dir.filePath("bad.csv");
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200; ++i) // two classes apart along the first feature
            f.write(QByteArray::number(i % 2 ? 3.0 + i * 0.001 : -3.0 - i * 0.001) + ',' +
                    QByteArray::number(i * 0.01) + ',' + (i % 2 ? "yes" : "no") + '\n');
        QFile g(bad);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("a,b,label\n1,2,x\n3,4,y\n5,abc,x\n");
    }
    MainWindow window;
    QCOMPARE(window.openDataSet(good), QString());
    auto* page = qobject_cast<ClassifierPage*>(window.currentPage());
    QVERIFY(page);
    page->finishWork();
    QVERIFY2(
        page->status().contains(QStringLiteral("points.csv: 2 standardized features, 2 classes, "
                                               "160 train / 40 test rows, split by seed 1")),
        qPrintable(page->status()));
    QVERIFY(page->progress().testAccuracy.back() > 0.95);
    QCOMPARE(page->scene().settings.value(QStringLiteral("dataFile")).toString(),
             QFileInfo(good).absoluteFilePath());
    QCOMPARE(window.openDataSet(bad), QString());
    page->finishWork();
    QVERIFY2(page->status().contains(
                 QStringLiteral("bad.csv:4: column 2: 'abc' is not a finite number")),
             qPrintable(page->status()));
    QVERIFY(allFinite(*page->plot()));
}

void TestClassifierPage::stopCancelsTheWorker() {
    ClassifierPage page;
    // 60,000 images, 5 epochs in batches of 1: minutes of work, so the run is still going.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(page.applyScene(withSettings(lessonScene(),
                                          {{"trainSize", 60000}, {"epochs", 5}, {"batchSize", 1}})),
             QString());
    QVERIFY(timer.elapsed() < 2000); // applyScene returned: the work is on the worker
    // The GUI thread is free while the images are read; wait until the steps have begun.
    QTRY_VERIFY_WITH_TIMEOUT(!page.progress().epochIteration.empty(), 30000);
    QVERIFY(page.training());
    page.stop();
    page.finishWork();
    QVERIFY(!page.training());
    QVERIFY2(page.status().startsWith(QStringLiteral("Stopped at step")),
             qPrintable(page.status()));
    QCOMPARE(int(page.progress().result->status), int(learn::TrainStatus::Cancelled));

    // Stopped at once, most likely while the images are still being read: still a stop, not
    // a missing data set.
    QCOMPARE(page.applyScene(withSettings(lessonScene(),
                                          {{"trainSize", 60000}, {"epochs", 5}, {"batchSize", 1}})),
             QString());
    page.stop();
    page.finishWork();
    QVERIFY2(page.status().startsWith(QStringLiteral("Stopped")), qPrintable(page.status()));
    QCOMPARE(int(page.progress().result->status), int(learn::TrainStatus::Cancelled));
}

// Picking another optimizer or moving a hyperparameter's slider trains again (after a short
// pause, so a drag does not restart a run per pixel) with what the controls say.
void TestClassifierPage::controlsRetrain() {
    ClassifierPage page;
    QCOMPARE(page.applyScene(withSettings(lessonScene(), {{"trainSize", 1000}})), QString());
    page.finishWork();
    const int adam = page.optimizerBox()->findData(QStringLiteral("adam"));
    QVERIFY(adam >= 0);
    QVERIFY(page.optimizerBox()->findData(QStringLiteral("newton")) < 0); // needs a Hessian
    page.optimizerBox()->setCurrentIndex(adam);
    QTRY_VERIFY(page.training() || page.status().startsWith(QStringLiteral("Finished")));
    page.finishWork();
    QVERIFY2(page.status().startsWith(QStringLiteral("Finished")), qPrintable(page.status()));
    QCOMPARE(page.scene().runs.front().optimizer, QStringLiteral("adam"));

    ParamSlider* lr = page.optimizerPanel()->slider(QStringLiteral("lr"));
    QVERIFY(lr);
    lr->setValue(10.0);
    QTRY_VERIFY(page.diverged());
    QCOMPARE(page.scene().runs.front().params.value(QStringLiteral("lr")), 10.0);
    QVERIFY(allFinite(*page.plot()));
}

void TestClassifierPage::sceneReadsBack() {
    ClassifierPage page;
    Scene s = withSettings(lessonScene(), {{"trainSize", 1000}, {"epochs", 2}});
    s.runs = {SceneRun{QStringLiteral("adam"), {{QStringLiteral("lr"), 0.003}}, {}, true}};
    QCOMPARE(page.applyScene(s), QString());
    page.finishWork();
    const SceneResult back = sceneFromJson(sceneToJson(page.scene()));
    const auto* read = std::get_if<Scene>(&back);
    if (!read) QFAIL(qPrintable(std::get<SceneError>(back).text()));
    QCOMPARE(read->page, QStringLiteral("classifier"));
    QCOMPARE(read->runs.front().optimizer, QStringLiteral("adam"));
    QCOMPARE(read->runs.front().params.value(QStringLiteral("lr")), 0.003);
    QCOMPARE(read->settings.value(QStringLiteral("trainSize")).toInt(), 1000);
    QCOMPARE(read->settings.value(QStringLiteral("epochs")).toInt(), 2);
    // A scene for this page names no function, and one that does is refused with the reason.
    QJsonObject o = QJsonDocument::fromJson(sceneToJson(page.scene())).object();
    QVERIFY(!o.contains(QStringLiteral("function")));
    o.insert(QStringLiteral("function"), QJsonObject{{"catalog", "rosenbrock"}});
    const SceneResult refused = sceneFromJson(QJsonDocument(o).toJson());
    QVERIFY(std::holds_alternative<SceneError>(refused));
    QVERIFY(std::get<SceneError>(refused).text().contains(QStringLiteral("shows no function")));
}

QTEST_MAIN(TestClassifierPage)
#include "test_classifier_page.moc"

// The batches and gradient-noise lesson pages: each applies its scene (and gives it back), trains
// on worker threads without blocking and finishes on request, shows a diverging run with its status
// and no NaN on an axis, and draws what core computes: decision regions of the trained networks,
// batch-gradient clouds that shrink with B, the measured variance on σ²/B · (N − B)/(N − 1).

#include "controls/playback_bar.h"
#include "learn/gradient_noise.h"
#include "pages/batches/batches_page.h"
#include "pages/gradient_noise/gradient_noise_page.h"
#include "pages/gradient_noise/gradient_noise_view.h"
#include "pages/page_registry.h"
#include "plot/gradient_cloud_plottable.h"
#include "render/exporter.h"
#include "scene/scene_json.h"
#include "views/decision_regions_view.h"

#include <qcustomplot.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

Scene batchesScene(QJsonObject settings) {
    Scene s;
    s.page = QStringLiteral("batches");
    s.settings = std::move(settings);
    return s;
}

Scene noiseScene(QJsonObject settings, int step = 0) {
    Scene s;
    s.page = QStringLiteral("gradient-noise");
    s.settings = std::move(settings);
    s.step = step;
    return s;
}

/// Every point of every graph, and every axis range, of `plot` is finite.
bool allFinite(QCustomPlot& plot) {
    for (int i = 0; i < plot.graphCount(); ++i)
        for (auto it = plot.graph(i)->data()->constBegin(); it != plot.graph(i)->data()->constEnd();
             ++it)
            if (!std::isfinite(it->key) || !std::isfinite(it->value)) return false;
    for (QCPAxisRect* rect : plot.axisRects())
        for (QCPAxis* axis : rect->axes())
            if (!std::isfinite(axis->range().lower) || !std::isfinite(axis->range().upper))
                return false;
    return true;
}

} // namespace

class TestLearnPages : public QObject {
    Q_OBJECT
private slots:
    void batchesPageAppliesItsScene_data();
    void batchesPageAppliesItsScene();
    void divergingRunEndsWithStatusAndNoNaN();
    void batchesTrainOnATwoFeatureFile();
    void trainingRunsInTheBackgroundAndCancels();
    void gradientNoisePageAppliesItsScene();
    void batchCloudShrinksAsTheBatchGrows();
    void pagesWithoutAFunctionReadAndWriteScenes();
};

void TestLearnPages::batchesPageAppliesItsScene_data() {
    QTest::addColumn<QString>("order");
    QTest::addColumn<int>("batch");
    QTest::newRow("shuffled, B 32") << "shuffled" << 32;
    QTest::newRow("class-sorted, B 10") << "class-sorted" << 10;
}

void TestLearnPages::batchesPageAppliesItsScene() {
    QFETCH(QString, order);
    QFETCH(int, batch);
    BatchesPage page;
    const QJsonObject settings{{"samples", 120}, {"batch", batch}, {"order", order},
                               {"epochs", 4},    {"lr", 0.5},      {"hidden", 8}};
    QCOMPARE(page.applyScene(batchesScene(settings)), QString());
    page.finishWork();
    QVERIFY(!page.training());
    QCOMPARE(page.settings().batch, batch);
    QCOMPARE(BatchesSettings::kOrders[page.settings().order], order);
    for (auto run : {BatchesPage::FullBatch, BatchesPage::MiniBatch}) {
        const TrainingJob::Snapshot& s = page.shown(run);
        QVERIFY(s.done);
        QCOMPARE(int(s.result.status), int(learn::TrainStatus::Finished));
        // Both runs are charged the same examples: 4 epochs of 120.
        QCOMPARE(s.examples.front(), 0LL);
        QCOMPARE(s.examples.back(), 480LL);
        QCOMPARE(s.result.iterations,
                 run == BatchesPage::FullBatch ? 4 : 4 * ((120 + batch - 1) / batch));
        // The regions shown are the final weights' over the 200 × 200 grid.
        QCOMPARE(s.grid.box.nx, 200);
        QCOMPARE(page.regionsView()->regionsImage(run).size(), QSize(200, 200));
    }
    QVERIFY(page.statusLabel()->text().contains("finished after 4 epochs"));
    // The scene comes back with its settings, and the CSV holds both curves.
    const Scene back = page.scene();
    QCOMPARE(back.settings.value("batch").toInt(), batch);
    QCOMPARE(back.settings.value("order").toString(), order);
    const Table t = page.table();
    QCOMPARE(t.header.first(), QStringLiteral("run"));
    QCOMPARE(int(t.rows.size()), int(page.shown(BatchesPage::FullBatch).examples.size() +
                                     page.shown(BatchesPage::MiniBatch).examples.size()));
    QVERIFY(allFinite(*page.plot()));
    QVERIFY(page.applyScene(noiseScene({})).contains("not for the batches page"));
}

void TestLearnPages::divergingRunEndsWithStatusAndNoNaN() {
    BatchesPage page;
    QCOMPARE(page.applyScene(batchesScene(
                 {{"lr", 10.0}, {"epochs", 100}, {"batch", 8}, {"activation", "relu"}})),
             QString());
    page.finishWork();
    const TrainingJob::Snapshot& s = page.shown(BatchesPage::MiniBatch);
    QCOMPARE(int(s.result.status), int(learn::TrainStatus::Diverged));
    QVERIFY(page.statusLabel()->text().contains(
        QStringLiteral("diverged at iteration %1").arg(s.result.stopIteration)));
    QVERIFY(allFinite(*page.plot()));
    QCPAxis* y = page.lossPanel()->axis(QCPAxis::atLeft);
    QVERIFY(y->range().lower > 0 && y->range().upper > y->range().lower);
    QTemporaryDir dir;
    QCOMPARE(exportImage(page, dir.filePath("d.png"), QSize(640, 480)), QString());
}

void TestLearnPages::trainingRunsInTheBackgroundAndCancels() {
    BatchesPage page;
    // A long paced run: applyScene returns at once and the workers train on.
    QCOMPARE(page.applyScene(batchesScene({{"epochs", 1000}, {"batch", 1}})), QString());
    QVERIFY(page.training());
    QTRY_VERIFY_WITH_TIMEOUT(page.shown(BatchesPage::MiniBatch).version > 0, 5000);
    page.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!page.training(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(page.shown(BatchesPage::MiniBatch).done, 5000);
    QCOMPARE(int(page.shown(BatchesPage::MiniBatch).result.status),
             int(learn::TrainStatus::Cancelled));
    QVERIFY(page.statusLabel()->text().contains("cancelled at iteration"));
}

// A CSV of two features trains both networks and draws their regions; a file of more features,
// or one that does not read, is a message in the status line and trains nothing.
void TestLearnPages::batchesTrainOnATwoFeatureFile() {
    QTemporaryDir dir;
    const QString two = dir.filePath(QStringLiteral("two.csv")), four = dir.filePath("four.csv");
    {
        QFile f(two), g(four);
        QVERIFY(f.open(QIODevice::WriteOnly) && g.open(QIODevice::WriteOnly));
        f.write("u,v,kind\n");
        for (int i = 0; i < 100; ++i)
            f.write(QByteArray::number(100 + (i % 2 ? 5 : -5) + i * 0.01) + ',' +
                    QByteArray::number(i * 0.5) + ',' + (i % 2 ? "a" : "b") + '\n');
        g.write("1,2,3,4,x\n5,6,7,8,y\n");
    }
    BatchesPage page;
    QCOMPARE(
        page.applyScene(batchesScene(
            {{"dataset", "file"}, {"dataFile", two}, {"epochs", 5}, {"batch", 10}, {"hidden", 8}})),
        QString());
    page.finishWork();
    QVERIFY2(page.statusLabel()->text().contains("finished after 5 epochs"),
             qPrintable(page.statusLabel()->text()));
    QCOMPARE(page.regionsView()->regionsImage(BatchesPage::MiniBatch).size(), QSize(200, 200));
    QCOMPARE(page.shown(BatchesPage::FullBatch).examples.back(), 500LL); // 5 epochs of 100 rows
    QCOMPARE(page.scene().settings.value("dataFile").toString(), two);
    QCOMPARE(page.applyScene(batchesScene({{"dataset", "file"}, {"dataFile", four}})), QString());
    QVERIFY2(page.statusLabel()->text().contains("four.csv: 4 features; the decision regions here "
                                                 "need two"),
             qPrintable(page.statusLabel()->text()));
    QVERIFY(!page.training());
    // A scene of "file" without the file is refused when it is read.
    QJsonObject bad{{"format", "gradscape-scene"},
                    {"version", 2},
                    {"page", "batches"},
                    {"batches", QJsonObject{{"dataset", "file"}}}};
    const SceneResult r = sceneFromJson(QJsonDocument(bad).toJson());
    QVERIFY(std::holds_alternative<SceneError>(r));
    QCOMPARE(std::get<SceneError>(r).field, QStringLiteral("batches.dataFile"));
}

void TestLearnPages::gradientNoisePageAppliesItsScene() {
    GradientNoisePage page;
    const QJsonObject settings{{"samples", 150},
                               {"batch", 15},
                               {"lr", 0.5},
                               {"steps", 20},
                               {"start", QJsonArray{-1.0, 1.0}}};
    QCOMPARE(page.applyScene(noiseScene(settings, 4)), QString());
    QCOMPARE(page.playback()->index(), 4);
    QCOMPARE(page.settings().batch, 15);
    const Scene back = page.scene();
    QCOMPARE(back.step, 4);
    QCOMPARE(back.settings.value("batch").toInt(), 15);
    QCOMPARE(back.settings.value("start").toArray(), (QJsonArray{-1.0, 1.0}));
    // The measured variance lies on σ²/B · (N − B)/(N − 1) (300 batches: within ~25%).
    const double sigma2 = page.population().variance;
    QVERIFY(sigma2 > 0);
    for (const auto& p : page.varianceCurve()) {
        QCOMPARE(p.theory, learn::batchGradientVariance(sigma2, 150, p.batch));
        if (p.batch < 150)
            QVERIFY2(
                std::abs(p.measured / p.theory - 1) < 0.25,
                qPrintable(
                    QStringLiteral("B %1: %2 vs %3").arg(p.batch).arg(p.measured).arg(p.theory)));
    }
    // Class-sorted batches point further from ∇J than random ones.
    QVERIFY(page.sortedStats().meanAngle > 2 * page.shuffledStats().meanAngle);
    QCOMPARE(page.view()->shuffledCloud()->tips().size(), GradientNoisePage::kArrows);
    QVERIFY(!page.view()->sortedCloud()->tips().isEmpty());
    QVERIFY(page.readout()->text().contains("B = 15 of N = 150"));
    // The CSV: the variance curve, the full gradient and the arrows.
    const Table t = page.table();
    int variance = 0, batches = 0, full = 0;
    for (const QStringList& row : t.rows) {
        variance += row[0] == "variance";
        batches += row[0] == "batch";
        full += row[0] == "full";
    }
    QCOMPARE(variance, int(page.varianceCurve().size()));
    QCOMPARE(batches, GradientNoisePage::kArrows);
    QCOMPARE(full, 1);
    QVERIFY(allFinite(*page.plot()));
    // Playback walks the GD path: another step, another point.
    const QString before = page.readout()->text();
    page.playback()->setIndex(10);
    QVERIFY(page.readout()->text() != before);
}

void TestLearnPages::batchCloudShrinksAsTheBatchGrows() {
    GradientNoisePage page;
    QCOMPARE(page.applyScene(noiseScene({{"batch", 2}})), QString());
    const double small = page.shuffledStats().trace;
    page.setBatchSize(100);
    QCOMPARE(page.settings().batch, 100);
    const double large = page.shuffledStats().trace;
    // σ²/B · (N − B)/(N − 1): from B = 2 to 100 of 200 the variance falls about 100-fold.
    qInfo("tr Cov: B 2 %.4g, B 100 %.4g", small, large);
    QVERIFY(large < small / 30);
    page.setBatchSize(200); // the whole set: every batch is the full gradient
    QVERIFY(page.shuffledStats().meanSquaredDeviation < 1e-20);
    QVERIFY(allFinite(*page.plot()));
}

void TestLearnPages::pagesWithoutAFunctionReadAndWriteScenes() {
    for (const char* key : {"batches", "gradient-noise"}) {
        QCOMPARE(PageRegistry::instance().find(key)->dimension, 0);
        auto page = PageRegistry::instance().create(key);
        const Scene s = page->scene();
        QVERIFY(s.catalog.isEmpty() && s.formula.isEmpty());
        const QByteArray json = sceneToJson(s);
        QVERIFY(!json.contains("\"function\""));
        const SceneResult read = sceneFromJson(json);
        if (const auto* e = std::get_if<SceneError>(&read)) QFAIL(qPrintable(e->text()));
        QCOMPARE(std::get<Scene>(read).settings, s.settings);
        // A function given to a page that shows none is an error that says so.
        const QByteArray withFunction = QByteArray(json).replace(
            "\"page\"", "\"function\": {\"catalog\": \"rosenbrock\"}, \"page\"");
        const SceneResult bad = sceneFromJson(withFunction);
        QVERIFY(std::holds_alternative<SceneError>(bad));
        QVERIFY(std::get<SceneError>(bad).text().contains("shows no function"));
    }
    // A bad setting is named.
    const SceneResult bad = sceneFromJson(R"({"format": "gradscape-scene", "version": 2,
        "page": "batches", "batches": {"order": "sorted"}})");
    QVERIFY(std::holds_alternative<SceneError>(bad));
    QVERIFY(std::get<SceneError>(bad).text().contains("batches.order"));
}

QTEST_MAIN(TestLearnPages)
#include "test_learn_pages.moc"

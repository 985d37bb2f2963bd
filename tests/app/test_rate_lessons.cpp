// The lessons on adaptive rates (AdaGrad; momentum, RMSProp and Adam): they open from the
// navigator with the state tab on what the text talks about, every run is finite, and each makes
// its point: AdaGrad beats plain descent on the bowl with a smaller rate across the steep axis,
// the example on the article's landscape shows r, Adam's bias correction makes the first step λ
// in each coordinate and without it the step is (1 − β₁)/√(1 − β₂) times λ. The lesson CSV
// carries the state the panel shows.

#include "csv_table.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_navigator.h"
#include "optim/optimizer.h"
#include "pages/landscape/landscape_page.h"
#include "render/exporter.h"
#include "scene/builtin_scenes.h"
#include "views/loss_view.h"
#include "views/state_view.h"
#include "window/main_window.h"

#include <QComboBox>
#include <QFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace gs;
using namespace gs::app;

namespace {

LandscapePage* openLesson(MainWindow& window, const QString& name) {
    const QString error = window.openLesson(name);
    if (!error.isEmpty()) qWarning("%s", qPrintable(error));
    return qobject_cast<LandscapePage*>(window.currentPage());
}

/// Every recorded point, value, gradient and state of every run is finite.
bool allFinite(const LandscapePage& page) {
    for (int r = 0; r < page.optimizerCount(); ++r) {
        const Trajectory& t = page.trajectory(r);
        if (t.empty()) return false;
        for (int k = 0; k < t.size(); ++k) {
            if (!t.x(k).allFinite() || !std::isfinite(t.f(k)) || !t.gradient(k).allFinite())
                return false;
            for (int s = 0; s < int(t.stateNames().size()); ++s)
                if (!t.state(k, s).allFinite()) return false;
        }
    }
    return true;
}

int stateIndex(const Trajectory& t, const QString& name) {
    const auto& names = t.stateNames();
    for (int s = 0; s < int(names.size()); ++s)
        if (QString::fromStdString(names[size_t(s)]) == name) return s;
    return -1;
}

} // namespace

class TestRateLessons : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void lessonsOpenWithTheirStateShown_data();
    void lessonsOpenWithTheirStateShown();
    void adagradTakesASmallerRateAcrossTheSteepAxis();
    void adagradExampleShowsR();
    void biasCorrectionSetsTheFirstStep();
    void lessonCsvCarriesTheState();
};

void TestRateLessons::lessonsOpenWithTheirStateShown_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("run");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("beat"); // the beat whose text talks about that state
    QTest::newRow("adagrad") << "adagrad" << 1 << "effective step λ / (δ + √r)" << 2;
    QTest::newRow("adagrad, first beat") << "adagrad" << 0 << "effective step λ / (δ + √r)" << 0;
    QTest::newRow("momentum, rmsprop, adam")
        << "momentum-rmsprop-adam" << 2 << "bias-corrected m̂" << 2;
    QTest::newRow("momentum") << "momentum-rmsprop-adam" << 0 << "velocity b" << 0;
}

void TestRateLessons::lessonsOpenWithTheirStateShown() {
    QFETCH(QString, name);
    QFETCH(int, run);
    QFETCH(QString, state);
    QFETCH(int, beat);
    QVERIFY(lessonNames().contains(name));
    MainWindow window;
    // From the navigator, as a user picks it.
    QTreeWidget* tree = window.navigator()->tree();
    QTreeWidgetItem* item = nullptr;
    const QString title = std::get<Lesson>(loadLesson(name)).title;
    for (int g = 0; g < tree->topLevelItemCount() && !item; ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            if (tree->topLevelItem(g)->child(i)->text(0).endsWith(QStringLiteral(". ") + title))
                item = tree->topLevelItem(g)->child(i);
    QVERIFY2(item, qPrintable(title));
    emit tree->itemClicked(item->child(beat), 0); // the lesson's beats are listed under it
    auto* page = qobject_cast<LandscapePage*>(window.currentPage());
    QVERIFY(page);
    QCOMPARE(page->scene().lesson, name);
    QVERIFY(allFinite(*page));
    QCOMPARE(window.beatPlace().beat, beat);
    if (name == QLatin1String("adagrad") && beat == 0) { // one rate for all: the loss says it
        QCOMPARE(page->lowerTabs()->currentWidget(), static_cast<QWidget*>(page->lossView()));
        return;
    }
    QCOMPARE(page->lowerTabs()->currentWidget(), page->stateView());
    const StateSelection shown = page->stateView()->shown();
    QCOMPARE(shown.run, run);
    QCOMPARE(shown.state, state);
    QCOMPARE(page->stateView()->series().size(), 2); // every coordinate
}

void TestRateLessons::adagradTakesASmallerRateAcrossTheSteepAxis() {
    MainWindow window;
    LandscapePage* page = openLesson(window, QStringLiteral("adagrad"));
    QVERIFY(page);
    QCOMPARE(QString::fromStdString(page->optimizer(0).key()), QStringLiteral("gd"));
    QCOMPARE(QString::fromStdString(page->optimizer(1).key()), QStringLiteral("adagrad"));
    const Trajectory &gd = page->trajectory(0), &ada = page->trajectory(1);
    QCOMPARE(gd.status(), RunStatus::Converged);
    QCOMPARE(ada.status(), RunStatus::Converged);
    QVERIFY2(ada.stopStep() * 2 < gd.stopStep(),
             qPrintable(QStringLiteral("%1 vs %2").arg(ada.stopStep()).arg(gd.stopStep())));
    // The panel shows λ / (δ + √r): the y line (25 times steeper) ends below the x line, by
    // about √25 = 5, the ratio of the gradients' sizes along the way.
    const QVector<QVector<double>> rate = page->stateView()->series();
    const int last = ada.size() - 1;
    QVERIFY(rate[1][last] < rate[0][last]);
    const double ratio = rate[0][last] / rate[1][last];
    QVERIFY2(ratio > 3.5 && ratio < 6.5, qPrintable(QString::number(ratio)));
    // The first step moves each coordinate by λ, whatever its slope: r₁ = ∇J ⊙ ∇J.
    const double lr = page->optimizer(1).get("lr");
    for (int c = 0; c < 2; ++c)
        QVERIFY(std::abs(std::abs(ada.x(1)[c] - ada.x(0)[c]) - lr) < 1e-9);
    // The rates never grow.
    for (int c = 0; c < 2; ++c)
        for (int k = 2; k <= last; ++k)
            QVERIFY(rate[c][k] <= rate[c][k - 1]);
}

void TestRateLessons::adagradExampleShowsR() {
    const SceneResult scene = builtinScene(QStringLiteral("adagrad-article-landscape"));
    QVERIFY(std::holds_alternative<Scene>(scene));
    MainWindow window;
    QCOMPARE(window.openScene(std::get<Scene>(scene)), QString());
    auto* page = qobject_cast<LandscapePage*>(window.currentPage());
    QVERIFY(page);
    QCOMPARE(window.navigator()->currentLesson(), QStringLiteral("adagrad")); // the text stays
    QVERIFY(allFinite(*page));
    const StateSelection shown = page->stateView()->shown();
    QCOMPARE(shown.run, 1);
    QCOMPARE(shown.state, QStringLiteral("accumulated squared gradient r"));
    const Trajectory& t = page->trajectory(1);
    const int r = stateIndex(t, shown.state);
    QVERIFY(r >= 0);
    const QVector<QVector<double>> lines = page->stateView()->series();
    QCOMPARE(lines.size(), 2);
    for (int k = 1; k < t.size(); ++k)
        for (int c = 0; c < 2; ++c) {
            QCOMPARE(lines[c][k], t.state(k, r)[c]);
            // r sums squared gradients: it never decreases.
            if (k > 1) QVERIFY(lines[c][k] >= lines[c][k - 1]);
        }
    // The text's claim: descent settles higher than AdaGrad from this start.
    QVERIFY(page->trajectory(0).f(page->trajectory(0).size() - 1) > t.f(t.size() - 1) + 0.5);
}

void TestRateLessons::biasCorrectionSetsTheFirstStep() {
    MainWindow window;
    LandscapePage* page = openLesson(window, QStringLiteral("momentum-rmsprop-adam"));
    QVERIFY(page);
    QVERIFY(allFinite(*page));
    QCOMPARE(page->optimizerCount(), 4);
    const Optimizer &on = page->optimizer(2), &off = page->optimizer(3);
    QCOMPARE(QString::fromStdString(on.key()), QStringLiteral("adam"));
    QCOMPARE(QString::fromStdString(off.key()), QStringLiteral("adam"));
    QCOMPARE(on.get("bias_correction"), 1.0);
    QCOMPARE(off.get("bias_correction"), 0.0);
    const double lr = on.get("lr"), b1 = on.get("beta1"), b2 = on.get("beta2");
    QCOMPARE(off.get("lr"), lr);
    const Trajectory &a = page->trajectory(2), &b = page->trajectory(3);
    const double uncorrected = lr * (1 - b1) / std::sqrt(1 - b2);
    for (int c = 0; c < 2; ++c) {
        QVERIFY(std::abs(std::abs(a.x(1)[c] - a.x(0)[c]) - lr) < 1e-6);
        QVERIFY(std::abs(std::abs(b.x(1)[c] - b.x(0)[c]) - uncorrected) < 1e-6);
    }
    // m̂ = m / (1 − β₁ᵗ), read from the records of the corrected run; equal when off.
    const int m = stateIndex(a, QStringLiteral("first moment m"));
    const int mHat = stateIndex(a, QStringLiteral("bias-corrected m̂"));
    QVERIFY(m >= 0 && mHat >= 0);
    for (int k = 1; k < std::min(a.size(), 40); ++k)
        for (int c = 0; c < 2; ++c) {
            const double want = a.state(k, m)[c] / (1 - std::pow(b1, k));
            QVERIFY(std::abs(a.state(k, mHat)[c] - want) <= 1e-9 * std::max(1.0, std::abs(want)));
            if (k < b.size()) QCOMPARE(b.state(k, mHat)[c], b.state(k, m)[c]);
        }
    // Every run ends near the bowl's minimum.
    for (int r = 0; r < 4; ++r) {
        const Trajectory& t = page->trajectory(r);
        QVERIFY2(t.f(t.size() - 1) < 1e-4, qPrintable(QString::number(r)));
    }
}

void TestRateLessons::lessonCsvCarriesTheState() {
    MainWindow window;
    LandscapePage* page = openLesson(window, QStringLiteral("adagrad"));
    QVERIFY(page);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("adagrad.csv"));
    QCOMPARE(exportCsv(*page, path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(gs::test::csvTable(file.readAll())).split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.front().split(',');
    QCOMPARE(header.mid(0, 10).join(','),
             QStringLiteral("run,optimizer,step,x,y,f,grad_x,grad_y,status,stop_step"));
    const int rx = int(header.indexOf(QStringLiteral("accumulated squared gradient r[x]")));
    const int ey = int(header.indexOf(QStringLiteral("effective step λ / (δ + √r)[y]")));
    QVERIFY2(rx >= 10 && ey > rx, qPrintable(lines.front()));
    const Trajectory &gd = page->trajectory(0), &ada = page->trajectory(1);
    QCOMPARE(lines.size(), 1 + gd.size() + ada.size());
    // Gradient descent keeps no state: its cells are empty; AdaGrad's hold its records, with
    // 17 digits (exact), and step 0 is empty (no update yet).
    QVERIFY(lines[1].split(',')[rx].isEmpty());
    const QStringList first = lines[1 + gd.size()].split(',');
    QVERIFY(first[rx].isEmpty());
    for (int k = 1; k < ada.size(); ++k) {
        const QStringList cells = lines[1 + gd.size() + k].split(',');
        QCOMPARE(cells[0], QStringLiteral("1"));
        QCOMPARE(cells[2].toInt(), k);
        QCOMPARE(cells[rx].toDouble(), ada.state(k, 0)[0]);
        QCOMPARE(cells[ey].toDouble(), ada.state(k, 1)[1]);
    }
}

QTEST_MAIN(TestRateLessons)
#include "test_rate_lessons.moc"

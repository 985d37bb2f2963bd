// The monkey test: a seeded, bounded random sequence of real user events on the real window —
// clicks, double clicks, drags, the wheel, keys and shortcuts, typing into text fields, page and
// lesson changes, built-in scenes from the menu — on every page. After every batch it checks that
// the window still answers, that nothing reported a critical error, and that memory stays bounded.
// A watchdog thread aborts with the seed and the last event if the window stops answering.
//
// GRADSCAPE_MONKEY_SEED replays a run (the seed is printed first); GRADSCAPE_MONKEY_EVENTS and
// GRADSCAPE_MONKEY_SECONDS bound it (default 2400 events, 150 s, whichever comes first);
// GRADSCAPE_MONKEY_MAX_RSS_MB is the memory bound (default 3000, more under a sanitizer).

#include "lessons/lesson_library.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "scene/builtin_scenes.h"
#include "window/main_window.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

using namespace gs::app;

namespace {

std::atomic<int> criticalMessages{0};
QtMessageHandler previousHandler = nullptr;

void countCritical(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) ++criticalMessages;
    if (previousHandler) previousHandler(type, context, message);
}

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

/// Resident memory of this process in MiB, from /proc.
long residentMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toLong() / 1024;
    return 0;
}

/// Aborts the process when the main thread has not beaten for `limit`: a frozen window.
class Watchdog {
public:
    explicit Watchdog(std::chrono::seconds limit) : limit_(limit), thread_([this] { watch(); }) {}
    ~Watchdog() {
        stop_ = true;
        thread_.join();
    }
    void beat(const char* what, int event) {
        last_ = now();
        what_ = what;
        event_ = event;
    }

private:
    static long long now() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    void watch() {
        while (!stop_) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            if (now() - last_ > std::chrono::milliseconds(limit_).count()) {
                std::fprintf(
                    stderr, "monkey: the window stopped answering for %lld s after event %d (%s)\n",
                    static_cast<long long>(limit_.count()), event_.load(), what_.load());
                std::fflush(stderr);
                std::abort();
            }
        }
    }
    std::chrono::seconds limit_;
    std::atomic<long long> last_{now()};
    std::atomic<const char*> what_{"start"};
    std::atomic<int> event_{0};
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

/// Typed text: formulas good and bad, numbers in and out of range, junk.
const char* const kTexts[] = {"x^2 + y^2",
                              "sin(x) cos(y)",
                              "sinn(x)",
                              "((((",
                              "1e308*1e308",
                              "-0",
                              "nan",
                              "x/0",
                              "exp(exp(exp(x)))",
                              "0.001",
                              "1e9",
                              "-1e9",
                              "abc",
                              "\t\n",
                              "x^4 - 3x^2 + x",
                              "ÿ∇λ",
                              "",
                              "42",
                              "log(-1)",
                              "3x+2y",
                              ")",
                              "x y z"};

/// Keys a user presses, shortcuts included; Ctrl+Q (quit) is not among them.
const std::pair<int, Qt::KeyboardModifiers> kKeys[] = {
    {Qt::Key_Space, Qt::NoModifier},
    {Qt::Key_Right, Qt::NoModifier},
    {Qt::Key_Left, Qt::NoModifier},
    {Qt::Key_Home, Qt::NoModifier},
    {Qt::Key_End, Qt::NoModifier},
    {Qt::Key_R, Qt::NoModifier},
    {Qt::Key_F5, Qt::NoModifier},
    {Qt::Key_F8, Qt::NoModifier},
    {Qt::Key_F9, Qt::NoModifier},
    {Qt::Key_PageDown, Qt::NoModifier},
    {Qt::Key_PageUp, Qt::NoModifier},
    {Qt::Key_Tab, Qt::NoModifier},
    {Qt::Key_Escape, Qt::NoModifier},
    {Qt::Key_Return, Qt::NoModifier},
    {Qt::Key_Up, Qt::NoModifier},
    {Qt::Key_Down, Qt::NoModifier},
    {Qt::Key_Backspace, Qt::NoModifier},
    {Qt::Key_1, Qt::NoModifier},
    {Qt::Key_2, Qt::NoModifier},
    {Qt::Key_0, Qt::ControlModifier},
    {Qt::Key_1, Qt::ControlModifier},
    {Qt::Key_2, Qt::ControlModifier},
    {Qt::Key_3, Qt::ControlModifier},
    {Qt::Key_4, Qt::ControlModifier},
    {Qt::Key_S, Qt::ControlModifier},
    {Qt::Key_E, Qt::ControlModifier},
    {Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier},
    {Qt::Key_F1, Qt::NoModifier},
    {Qt::Key_A, Qt::ControlModifier},
};

class Monkey {
public:
    Monkey(MainWindow& window, std::uint64_t seed) : window_(window), rng_(seed) {}

    /// One random user action; returns its name for the watchdog.
    const char* act() {
        const int kind = pick(100);
        if (kind < 22) return click(false);
        if (kind < 30) return click(true);
        if (kind < 44) return drag();
        if (kind < 54) return wheel();
        if (kind < 78) return key();
        if (kind < 88) return type();
        if (kind < 93) return lesson();
        if (kind < 97) return example();
        return page();
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    /// A visible widget of the window at a random point, and that point in its coordinates.
    std::pair<QWidget*, QPoint> target() {
        const QPoint p(pick(std::max(1, window_.width())), pick(std::max(1, window_.height())));
        QWidget* w = window_.childAt(p);
        if (!w) return {&window_, p};
        return {w, w->mapFrom(&window_, p)};
    }

    const char* click(bool twice) {
        auto [w, p] = target();
        const Qt::KeyboardModifiers mod = pick(6) == 0 ? Qt::ShiftModifier : Qt::NoModifier;
        if (twice)
            QTest::mouseDClick(w, Qt::LeftButton, mod, p);
        else
            QTest::mouseClick(w, pick(8) == 0 ? Qt::RightButton : Qt::LeftButton, mod, p);
        return twice ? "double click" : "click";
    }

    const char* drag() {
        auto [w, p] = target();
        QPointer<QWidget> guard(w);
        QTest::mousePress(w, Qt::LeftButton, Qt::NoModifier, p);
        QPoint at = p;
        for (int i = 0, n = 2 + pick(8); i < n && guard; ++i) {
            at += QPoint(pick(61) - 30, pick(61) - 30);
            QMouseEvent move(QEvent::MouseMove, at, w->mapToGlobal(at), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(w, &move);
        }
        if (guard) QTest::mouseRelease(w, Qt::LeftButton, Qt::NoModifier, at);
        return "drag";
    }

    const char* wheel() {
        auto [w, p] = target();
        const int delta = (pick(2) ? 1 : -1) * 120 * (1 + pick(3));
        QWheelEvent e(p, w->mapToGlobal(p), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &e);
        return "wheel";
    }

    const char* key() {
        const auto& [k, mod] = kKeys[pick(int(std::size(kKeys)))];
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &window_;
        QTest::keyClick(focus, Qt::Key(k), mod);
        return "key";
    }

    const char* type() {
        QList<QLineEdit*> edits;
        for (QLineEdit* e : window_.currentPage()->findChildren<QLineEdit*>())
            if (e->isVisible() && e->isEnabled()) edits << e;
        if (edits.isEmpty()) return key();
        QLineEdit* edit = edits[pick(int(edits.size()))];
        edit->setFocus();
        edit->selectAll();
        QPointer<QLineEdit> guard(edit);
        // Key events that carry their text, as a keyboard sends them (QTest::keyClicks knows
        // only some ASCII characters).
        for (const QChar c : QString::fromUtf8(kTexts[pick(int(std::size(kTexts)))])) {
            if (!guard) break;
            QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QApplication::sendEvent(edit, &press);
        }
        if (guard) QTest::keyClick(edit, Qt::Key_Return);
        return "type";
    }

    const char* lesson() {
        const QStringList names = lessonNames();
        window_.openLesson(names[pick(int(names.size()))]);
        return "lesson";
    }

    /// File > Examples, as a click on a menu entry triggers it.
    const char* example() {
        QList<QAction*> entries;
        for (QMenu* menu : window_.menuBar()->findChildren<QMenu*>())
            if (menu->title().remove('&') == QLatin1String("Examples"))
                for (QAction* a : menu->actions())
                    if (a->isEnabled()) entries << a;
        if (entries.isEmpty()) return key();
        entries[pick(int(entries.size()))]->trigger();
        return "example";
    }

    const char* page() {
        const auto& pages = PageRegistry::instance().pages();
        window_.showPage(pages[pick(int(pages.size()))].key);
        return "page";
    }

    MainWindow& window_;
    std::mt19937_64 rng_;
};

} // namespace

class TestMonkey : public QObject {
    Q_OBJECT
private slots:
    void everyPageSurvivesRandomUse();
};

void TestMonkey::everyPageSurvivesRandomUse() {
    const std::uint64_t seed = qEnvironmentVariableIsSet("GRADSCAPE_MONKEY_SEED")
                                   ? qEnvironmentVariable("GRADSCAPE_MONKEY_SEED").toULongLong()
                                   : std::random_device{}();
    const int maxEvents = envInt("GRADSCAPE_MONKEY_EVENTS", 2400);
    const int maxSeconds = envInt("GRADSCAPE_MONKEY_SECONDS", 150);
    const long maxRss = envInt("GRADSCAPE_MONKEY_MAX_RSS_MB", 3000);
    std::printf("monkey seed: %llu (GRADSCAPE_MONKEY_SEED=%llu replays it), at most %d events "
                "in %d s\n",
                static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed),
                maxEvents, maxSeconds);
    std::fflush(stdout);
    previousHandler = qInstallMessageHandler(countCritical);

    MainWindow window;
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // What a click opened (a dialog, a menu) is dismissed, as an impatient user would.
    QTimer dismiss;
    connect(&dismiss, &QTimer::timeout, [] {
        if (QWidget* popup = QApplication::activePopupWidget()) popup->close();
        if (auto* modal = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
            modal->reject();
        else if (QWidget* other = QApplication::activeModalWidget())
            other->close();
    });
    dismiss.start(30);

    Watchdog watchdog(std::chrono::seconds(30));
    Monkey monkey(window, seed);
    const auto& pages = PageRegistry::instance().pages();
    const int perPage = std::max(1, maxEvents / int(pages.size()));
    constexpr int kBatch = 25;
    QElapsedTimer clock;
    clock.start();
    int events = 0;
    long firstRss = 0, peakRss = 0;
    for (int p = 0; p < pages.size() && events < maxEvents; ++p) {
        window.showPage(pages[p].key); // every page gets its share, whatever the monkey does
        for (int i = 0; i < perPage && events < maxEvents; ++i) {
            watchdog.beat(monkey.act(), ++events);
            if (events % kBatch != 0) continue;
            // The window still answers: a posted event is handled within a second.
            bool answered = false;
            QTimer::singleShot(0, &window, [&] { answered = true; });
            QVERIFY2(
                QTest::qWaitFor([&] { return answered; }, 1000),
                qPrintable(
                    QStringLiteral("no answer after event %1 (seed %2)").arg(events).arg(seed)));
            watchdog.beat("batch check", events);
            const long rss = residentMiB();
            if (!firstRss) firstRss = rss;
            peakRss = std::max(peakRss, rss);
            QVERIFY2(rss < maxRss, qPrintable(QStringLiteral("%1 MiB resident after event %2 "
                                                             "(seed %3)")
                                                  .arg(rss)
                                                  .arg(events)
                                                  .arg(seed)));
            QCOMPARE(criticalMessages.load(), 0);
            if (clock.elapsed() > maxSeconds * 1000LL) break;
        }
        if (clock.elapsed() > maxSeconds * 1000LL) break;
    }
    // Background work (a training run) stops when the window goes.
    window.close();
    QTest::qWait(50);
    watchdog.beat("done", events);
    std::printf("monkey: %d events on %d pages in %.1f s, resident %ld MiB after the first batch, "
                "%ld MiB at the peak\n",
                events, int(pages.size()), clock.elapsed() / 1000.0, firstRss, peakRss);
    QVERIFY(events >= std::min(maxEvents, 200));
    QCOMPARE(criticalMessages.load(), 0);
}

QTEST_MAIN(TestMonkey)
#include "test_monkey.moc"

// Gradscape: the GUI, or a headless render of a scene that writes a file and exits.
// Exit status: 0 success, 1 failure, 2 usage error; the reason is one line on stderr.

#include "controls/playback_bar.h"
#include "files/read_file.h"
#include "lessons/handout.h"
#include "lessons/lesson_library.h"
#include "pages/page.h"
#include "pages/page_registry.h"
#include "render/exporter.h"
#include "render/screenshot.h"
#include "render/text_render.h"
#include "scene/builtin_scenes.h"
#include "scene/quote.h"
#include "scene/scene_json.h"
#include "window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#include <unistd.h>

namespace {

constexpr int kFailure = 1;
constexpr int kUsage = 2;
constexpr int kAutosaveMs = 5000; // at most this much editing is lost to a crash

/// Headless modes, and the ones that only print (help, version, lists), need no display: they
/// must pick the offscreen platform before Qt starts.
bool wantsHeadless(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        // Prefixes: --list covers --list-lessons, and each option may be written --opt=value.
        for (const char* opt :
             {"--screenshot", "--gif", "--csv", "--list", "--handout", "--typeset", "--save-scene"})
            if (std::strncmp(argv[i], opt, std::strlen(opt)) == 0) return true;
        for (const char* opt : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], opt) == 0) return true;
    }
    return false;
}

/// The values of `--name VALUE` or `--name=VALUE`, read before Qt starts: an unknown lesson is a
/// usage error that must be reported before the GUI needs a display.
QStringList argumentValues(int argc, char** argv, const char* name) {
    QStringList values;
    const std::size_t n = std::strlen(name);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0 && i + 1 < argc)
            values << QString::fromLocal8Bit(argv[++i]);
        else if (std::strncmp(argv[i], name, n) == 0 && argv[i][n] == '=')
            values << QString::fromLocal8Bit(argv[i] + n + 1);
    }
    return values;
}

/// The names of every lesson --lesson may open: the built-in ones, the user's, and those of the
/// folders given with --lessons (no files are watched: there is no event loop yet).
QStringList knownLessons(const QStringList& folders) {
    using gs::app::LessonLibrary;
    QStringList names;
    for (const QString& folder :
         QStringList{LessonLibrary::builtinFolder(), LessonLibrary::userFolder()} + folders)
        for (const auto& e : LessonLibrary::readFolder(folder))
            names << e.name;
    return names;
}

/// In headless mode stderr carries only the one-line reason of a failure: Qt's own chatter about
/// the offscreen platform is dropped unless GRADSCAPE_VERBOSE is set.
void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtFatalMsg || type == QtCriticalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

int fail(int code, const QString& message) {
    std::fprintf(stderr, "gradscape: %s\n", qPrintable(message));
    return code;
}

std::optional<QSize> parseSize(const QString& text) {
    const auto m = QRegularExpression(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$")).match(text);
    if (!m.hasMatch()) return std::nullopt;
    const QSize size(m.captured(1).toInt(), m.captured(2).toInt());
    if (size.isEmpty() || size.width() > 16384 || size.height() > 16384) return std::nullopt;
    return size;
}

std::optional<int> parseInt(const QString& text, int lo, int hi) {
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < lo || v > hi) return std::nullopt;
    return v;
}

struct Options {
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Render the scene to FILE (.png, .svg or .pdf) and exit."),
        QStringLiteral("FILE")};
    QCommandLineOption gif{QStringLiteral("gif"),
                           QStringLiteral("Render the run as an animated GIF and exit."),
                           QStringLiteral("FILE")};
    QCommandLineOption csv{QStringLiteral("csv"),
                           QStringLiteral("Write every step of every run as CSV and exit."),
                           QStringLiteral("FILE")};
    QCommandLineOption list{QStringLiteral("list"),
                            QStringLiteral("List the built-in scenes and exit.")};
    QCommandLineOption listLessons{QStringLiteral("list-lessons"),
                                   QStringLiteral("List the lessons, in order, and exit.")};
    QCommandLineOption lesson{
        QStringLiteral("lesson"),
        QStringLiteral("Open the lesson NAME (see --list-lessons) instead of a scene."),
        QStringLiteral("NAME")};
    QCommandLineOption lessons{
        QStringLiteral("lessons"),
        QStringLiteral("Add the lessons of folder DIR (for --handout: the lessons to print)."),
        QStringLiteral("DIR")};
    QCommandLineOption beat{QStringLiteral("beat"),
                            QStringLiteral("With --lesson: show beat K (1 is the first)."),
                            QStringLiteral("K")};
    QCommandLineOption answer{QStringLiteral("answer"),
                              QStringLiteral("With --beat: show a question beat with its answer.")};
    QCommandLineOption handout{
        QStringLiteral("handout"),
        QStringLiteral("Write the lessons (built-in, or --lessons DIR, or --lesson NAME) as one "
                       "PDF handout and exit."),
        QStringLiteral("FILE")};
    QCommandLineOption typeset{
        QStringLiteral("typeset"),
        QStringLiteral("Render the Markdown FILE, its $…$ and $$…$$ formulas typeset, to the "
                       "--screenshot image (--size gives the width) and exit."),
        QStringLiteral("FILE")};
    QCommandLineOption saveScene{
        QStringLiteral("save-scene"),
        QStringLiteral("Write the scene (or --lesson's) to FILE as the app saves it (normalized, "
                       "the current version) and exit."),
        QStringLiteral("FILE")};
    QCommandLineOption pageSize{QStringLiteral("page-size"),
                                QStringLiteral("The handout's paper: A4 (default) or Letter."),
                                QStringLiteral("SIZE"), QStringLiteral("A4")};
    QCommandLineOption size{QStringLiteral("size"),
                            QStringLiteral("Image size (default 1600x1000; GIF 960x600)."),
                            QStringLiteral("WxH")};
    QCommandLineOption step{QStringLiteral("step"),
                            QStringLiteral("Show step K (default: the last)."),
                            QStringLiteral("K")};
    QCommandLineOption theme{QStringLiteral("theme"), QStringLiteral("light or dark."),
                             QStringLiteral("THEME")};
    QCommandLineOption scale{QStringLiteral("scale"),
                             QStringLiteral("PNG pixel scale, e.g. 2 for high DPI."),
                             QStringLiteral("S"), QStringLiteral("1")};
    QCommandLineOption fps{QStringLiteral("fps"),
                           QStringLiteral("GIF frames per second (default 30)."),
                           QStringLiteral("N"), QStringLiteral("30")};
    QCommandLineOption frames{QStringLiteral("frames"),
                              QStringLiteral("GIF frame count (default: one per step)."),
                              QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption presentation{
        QStringLiteral("presentation"),
        QStringLiteral("Presentation mode: large fonts, lines and markers.")};
    QCommandLineOption window{
        QStringLiteral("window"),
        QStringLiteral("With --screenshot: render the whole window, not just the plot.")};
};

/// The lesson and beat the command line asks for; an empty name for none.
struct LessonChoice {
    QString name;
    int beat = 0;         ///< 0-based
    bool answered = true; ///< false: a question beat as first shown
};

int runHeadless(const QCommandLineParser& parser, const Options& o, const gs::app::Scene& scene,
                const LessonChoice& lesson, const QStringList& folders) {
    using namespace gs::app;
    if (parser.isSet(o.screenshot)) {
        static const QStringList kTypes = {QStringLiteral("png"), QStringLiteral("svg"),
                                           QStringLiteral("pdf")};
        const QString target = parser.value(o.screenshot);
        const QString suffix = QFileInfo(target).suffix().toLower();
        if (target != QLatin1String("-") && !kTypes.contains(suffix)) // '-': SVG to stdout
            return fail(kUsage, QStringLiteral("--screenshot takes a .png, .svg or .pdf file (or - "
                                               "for SVG on standard output), not %1")
                                    .arg(gs::app::quote(target)));
    }
    const bool gif = parser.isSet(o.gif);
    const QSize fallback = gif ? QSize(960, 600) : QSize(1600, 1000);
    const auto size = parser.isSet(o.size) ? parseSize(parser.value(o.size)) : fallback;
    if (!size) return fail(kUsage, QStringLiteral("--size takes WxH, e.g. 1600x1000"));
    const auto step =
        parser.isSet(o.step) ? parseInt(parser.value(o.step), 0, 1000000) : std::optional<int>(-1);
    if (!step) return fail(kUsage, QStringLiteral("--step takes a step number ≥ 0"));
    bool scaleOk = false;
    const double scale = parser.value(o.scale).toDouble(&scaleOk);
    if (!scaleOk || !(scale > 0 && scale <= 8))
        return fail(kUsage, QStringLiteral("--scale takes a number in (0, 8]"));
    const auto fps = parseInt(parser.value(o.fps), 1, 100);
    if (!fps) return fail(kUsage, QStringLiteral("--fps takes 1 to 100"));
    const auto frames = parseInt(parser.value(o.frames), 0, 10000);
    if (!frames) return fail(kUsage, QStringLiteral("--frames takes 1 to 10000"));
    PlotStyle style;
    style.dark = scene.theme == Scene::Theme::Dark;
    if (parser.isSet(o.presentation)) style.scale = PlotStyle::kPresentationScale;
    if (parser.isSet(o.theme)) {
        const QString t = parser.value(o.theme);
        if (t != QLatin1String("light") && t != QLatin1String("dark"))
            return fail(kUsage, QStringLiteral("--theme takes light or dark"));
        style.dark = t == QLatin1String("dark");
    }

    if (parser.isSet(o.window)) {
        MainWindow window;
        for (const QString& folder : folders)
            window.addLessonFolder(folder);
        const QString e = lesson.name.isEmpty() ? window.openScene(scene)
                                                : window.openLesson(lesson.name, lesson.beat);
        if (!e.isEmpty()) return fail(kFailure, e);
        if (lesson.answered && !window.beatPlace().answered) window.stepBeat(+1);
        window.setDarkTheme(style.dark);
        window.setPresentationMode(parser.isSet(o.presentation));
        window.resize(*size);
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        if (Page* page = window.currentPage()) page->finishWork(); // a render shows the end
        QApplication::processEvents();
        const QString saved = saveWidget(window, parser.value(o.screenshot), scale);
        return saved.isEmpty() ? 0 : fail(kFailure, saved);
    }

    std::unique_ptr<Page> page = PageRegistry::instance().create(scene.page);
    if (!page)
        return fail(kFailure,
                    QStringLiteral("this build has no page %1").arg(gs::app::quote(scene.page)));
    page->setPresentation(parser.isSet(o.presentation)); // which focus the scene asks for
    if (const QString e = page->showScene(scene); !e.isEmpty()) return fail(kFailure, e);
    if (parser.isSet(o.saveScene)) {
        // As File > Save writes it: what the page shows, read back from the page.
        const QString e = saveSceneFile(page->sceneShown(), parser.value(o.saveScene));
        if (!e.isEmpty()) return fail(kFailure, e);
        if (!parser.isSet(o.screenshot) && !gif && !parser.isSet(o.csv)) return 0;
    }
    page->finishWork();
    page->setStyle(style);
    if (*step >= 0 && page->playback()) page->playback()->setIndex(*step);

    QString error;
    if (parser.isSet(o.screenshot))
        error = exportImage(*page, parser.value(o.screenshot), *size, scale);
    if (error.isEmpty() && gif) {
        GifOptions g;
        g.size = *size;
        g.fps = *fps;
        g.frames = *frames;
        error = exportGif(*page, parser.value(o.gif), g);
    }
    if (error.isEmpty() && parser.isSet(o.csv)) error = exportCsv(*page, parser.value(o.csv));
    return error.isEmpty() ? 0 : fail(kFailure, error);
}

/// --typeset FILE.md --screenshot OUT: Markdown with formulas as an image.
int typesetFile(const QCommandLineParser& parser, const Options& o) {
    if (!parser.isSet(o.screenshot))
        return fail(kUsage,
                    QStringLiteral("--typeset needs --screenshot OUT (.png, .svg or .pdf)"));
    const gs::app::FileRead read =
        gs::app::readUserFile(parser.value(o.typeset), 1 << 20, QStringLiteral("a text"));
    if (!read.ok()) return fail(kFailure, read.error);
    const auto size = parser.isSet(o.size) ? parseSize(parser.value(o.size)) : QSize(900, 1);
    if (!size)
        return fail(kUsage,
                    QStringLiteral("--size takes WxH, e.g. 900x1 (the height follows the text)"));
    bool ok = false;
    const double scale = parser.value(o.scale).toDouble(&ok);
    if (!ok || !(scale > 0 && scale <= 8))
        return fail(kUsage, QStringLiteral("--scale takes a number in (0, 8]"));
    const double points =
        parser.isSet(o.presentation) ? 12 * gs::app::PlotStyle::kPresentationScale : 12;
    const QString e = gs::app::exportMarkdown(
        QString::fromUtf8(read.data), parser.value(o.screenshot), size->width(), scale, points);
    return e.isEmpty() ? 0 : fail(kFailure, e);
}

/// --handout: the lessons of the folders given (the built-in ones when none is), or the one named.
int writeHandoutFile(const QCommandLineParser& parser, const Options& o) {
    using namespace gs::app;
    const auto paper = handoutPageSize(parser.value(o.pageSize));
    if (!paper) return fail(kUsage, QStringLiteral("--page-size takes A4 or Letter"));
    QStringList folders = parser.values(o.lessons); // folders, as main() checked
    const bool builtin = folders.isEmpty();
    if (builtin) folders << LessonLibrary::builtinFolder();
    QVector<Lesson> lessons;
    QStringList names;
    bool broken = false;
    for (const QString& folder : folders)
        for (const LessonEntry& e : LessonLibrary::readFolder(folder)) {
            names << e.name;
            if (const LessonError* err = e.error()) {
                std::fprintf(stderr, "gradscape: %s\n", qPrintable(err->text()));
                broken = true;
            } else if (!parser.isSet(o.lesson) || e.name == parser.value(o.lesson)) {
                lessons << *e.loaded();
            }
        }
    if (parser.isSet(o.lesson) && lessons.isEmpty())
        return fail(kUsage, noSuchLesson(parser.value(o.lesson), names));
    HandoutOptions options;
    options.pageSize = *paper;
    options.subtitle = builtin ? QStringLiteral("The built-in lessons")
                               : QFileInfo(folders.front()).absoluteFilePath();
    HandoutLayout layout;
    if (const QString e = writeHandout(lessons, parser.value(o.handout), options, &layout);
        !e.isEmpty())
        return fail(kFailure, e);
    return broken ? kFailure : 0; // written, but a lesson was left out
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("Gradscape"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gradscape"));
    for (const QString& name : argumentValues(argc, argv, "--lesson"))
        if (const QStringList known = knownLessons(argumentValues(argc, argv, "--lessons"));
            !known.contains(name))
            return fail(kUsage, gs::app::noSuchLesson(name, known));
    if (wantsHeadless(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("GRADSCAPE_VERBOSE")) qInstallMessageHandler(quietMessages);
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session (CI, ssh) Qt falls back to a private runtime dir and warns on stderr;
        // a headless render's stderr is reserved for its one-line reason.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/gradscape-runtime-" +
                                   QByteArray::number(static_cast<qulonglong>(getuid()));
            if (QDir().mkpath(QString::fromLocal8Bit(dir))) {
                QFile::setPermissions(QString::fromLocal8Bit(dir), QFileDevice::ReadOwner |
                                                                       QFileDevice::WriteOwner |
                                                                       QFileDevice::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", dir);
            }
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));
    // Matches the installed desktop entry, so a Wayland session pairs the window with its menu
    // entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.gradscape.Gradscape"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gradscape-128.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("See how optimization for deep learning works."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("scene"),
                                 QStringLiteral("A scene file or a built-in scene name."),
                                 QStringLiteral("[SCENE|NAME]"));
    const Options o;
    for (const QCommandLineOption* opt :
         {&o.screenshot, &o.gif,          &o.csv,    &o.list,    &o.listLessons, &o.lesson,
          &o.lessons,    &o.beat,         &o.answer, &o.handout, &o.typeset,     &o.saveScene,
          &o.pageSize,   &o.size,         &o.step,   &o.theme,   &o.scale,       &o.fps,
          &o.frames,     &o.presentation, &o.window})
        parser.addOption(*opt);
    if (!parser.parse(QApplication::arguments())) return fail(kUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();

    if (parser.isSet(o.list)) {
        for (const QString& name : gs::app::builtinSceneNames())
            std::printf("%s\n", qPrintable(name));
        return 0;
    }
    const QStringList folders = parser.values(o.lessons);
    for (const QString& folder : folders)
        if (!QFileInfo(folder).isDir())
            return fail(kUsage, QStringLiteral("--lessons takes a folder: %1 is not one")
                                    .arg(gs::app::quote(folder)));
    if (parser.isSet(o.listLessons)) {
        gs::app::LessonLibrary library;
        for (const QString& folder : folders)
            library.addFolder(folder);
        const QStringList names = library.names();
        int width = 0; // the names' column fits the longest
        for (const QString& name : names)
            width = std::max(width, int(name.size()));
        for (const QString& name : names) {
            const gs::app::LessonEntry* e = library.find(name);
            const QString about = e->loaded() ? e->loaded()->title : e->error()->text();
            std::printf("%-*s  %s\n", width, qPrintable(name), qPrintable(about));
        }
        return 0;
    }
    if (parser.isSet(o.handout)) return writeHandoutFile(parser, o);
    if (parser.isSet(o.typeset)) return typesetFile(parser, o);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) return fail(kUsage, QStringLiteral("give at most one scene"));
    if (!positional.isEmpty() && parser.isSet(o.lesson))
        return fail(kUsage, QStringLiteral("give a scene or --lesson, not both"));
    if ((parser.isSet(o.beat) || parser.isSet(o.answer)) && !parser.isSet(o.lesson))
        return fail(kUsage, QStringLiteral("--beat and --answer go with --lesson NAME"));
    const bool headless = parser.isSet(o.screenshot) || parser.isSet(o.gif) ||
                          parser.isSet(o.csv) || parser.isSet(o.saveScene);

    std::optional<gs::app::Scene> scene;
    LessonChoice choice;
    if (parser.isSet(o.lesson)) {
        // The lesson from every set --lesson may name (its name was checked before Qt started).
        choice.name = parser.value(o.lesson);
        gs::app::LessonLibrary library;
        for (const QString& folder : folders)
            library.addFolder(folder);
        const gs::app::LessonEntry* entry = library.find(choice.name);
        if (!entry) return fail(kUsage, gs::app::noSuchLesson(choice.name, library.names()));
        if (const gs::app::LessonError* e = entry->error()) return fail(kFailure, e->text());
        const gs::app::Lesson& lesson = *entry->loaded();
        if (parser.isSet(o.beat)) {
            const auto k = parseInt(parser.value(o.beat), 1, int(lesson.beats.size()));
            if (!k)
                return fail(kUsage, QStringLiteral("--beat takes 1 to %1: lesson %2 has %1 beats")
                                        .arg(lesson.beats.size())
                                        .arg(gs::app::quote(choice.name)));
            choice.beat = *k - 1;
        }
        choice.answered = parser.isSet(o.answer) || !lesson.beats[choice.beat].question;
        scene = lesson.sceneAt(choice.beat, choice.answered);
    } else if (!positional.isEmpty()) {
        gs::app::SceneResult loaded = gs::app::loadSceneByNameOrPath(positional.front());
        if (auto* e = std::get_if<gs::app::SceneError>(&loaded))
            return fail(headless ? kFailure : kUsage, e->text());
        scene = std::get<gs::app::Scene>(loaded);
    }
    if (headless) {
        if (!scene) {
            gs::app::SceneResult fallback = gs::app::builtinScene(QStringLiteral("article-ascent"));
            if (auto* e = std::get_if<gs::app::SceneError>(&fallback))
                return fail(kFailure, e->text());
            scene = std::get<gs::app::Scene>(fallback);
        }
        return runHeadless(parser, o, *scene, choice, folders);
    }

    gs::app::MainWindow window;
    for (const QString& folder : folders)
        window.addLessonFolder(folder);
    // A scene file named on the command line is the file Save writes back to.
    if (!positional.isEmpty() && QFileInfo(positional.front()).isFile()) {
        if (!window.openFile(positional.front())) return kFailure;
    } else if (!choice.name.isEmpty()) {
        if (const QString e = window.openLesson(choice.name, choice.beat); !e.isEmpty())
            return fail(kFailure, e);
        if (choice.answered && !window.beatPlace().answered) window.stepBeat(+1);
    } else if (scene) {
        if (const QString e = window.openScene(*scene); !e.isEmpty()) return fail(kFailure, e);
    }
    if (parser.isSet(o.presentation)) window.setPresentationMode(true);
    window.show();
    // Unsaved changes are kept every few seconds; what a crashed or killed session kept is
    // offered back once the window is on screen.
    window.startAutosave(qEnvironmentVariableIntValue("GRADSCAPE_AUTOSAVE_MS") > 0
                             ? qEnvironmentVariableIntValue("GRADSCAPE_AUTOSAVE_MS")
                             : kAutosaveMs);
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return QApplication::exec();
}

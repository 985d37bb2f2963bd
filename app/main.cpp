// Gradscape: the GUI, or a headless render that writes a file and exits.

#include "render/screenshot.h"
#include "window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>
#include <cstring>

namespace {

bool wantsHeadless(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--screenshot") == 0 ||
            std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    return false;
}

int fail(int code, const QString& message) {
    std::fprintf(stderr, "gradscape: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char** argv) {
    // A headless render needs no display: pick the offscreen platform before Qt starts.
    if (wantsHeadless(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gradscape"));
    QApplication::setOrganizationName(QStringLiteral("Gradscape"));
    QApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("See how optimization for deep learning works."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to FILE (PNG) and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x820"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("Page to show: curve or landscape."),
                                  QStringLiteral("NAME"), QStringLiteral("curve"));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          QStringLiteral("Start in presentation mode."));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark theme."));
    parser.addOption(screenshot);
    parser.addOption(page);
    parser.addOption(presentation);
    parser.addOption(dark);
    parser.addOption(size);
    if (!parser.parse(QApplication::arguments())) return fail(2, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();

    gs::app::MainWindow window;
    if (!window.showPage(parser.value(page)))
        return fail(2, QStringLiteral("--page takes curve or landscape"));
    if (parser.isSet(presentation)) window.setPresentationMode(true);
    if (parser.isSet(dark)) window.setDarkTheme(true);
    if (parser.isSet(screenshot)) {
        const auto m =
            QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(size));
        if (!m.hasMatch()) return fail(2, QStringLiteral("--size takes WxH, e.g. 1600x1000"));
        window.resize(m.captured(1).toInt(), m.captured(2).toInt());
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        QApplication::processEvents();
        const QString error = gs::app::saveWidgetPng(window, parser.value(screenshot), 1.0);
        return error.isEmpty() ? 0 : fail(1, error);
    }
    window.show();
    return QApplication::exec();
}

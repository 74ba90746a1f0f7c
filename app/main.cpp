// RDBM Studio: restore photos with the Residual Diffusion Bridge Model.
#include <QApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

#include "rdbm/CpuRuntime.h"
#include "AppSettings.h"
#include "CommandLine.h"
#include "DropClassifier.h"
#include "MainWindow.h"
#include "RestoreSession.h"
#include "SamplerControls.h"
#include "ScriptedRun.h"
#include "ThemePalette.h"
#include "rdbm/Version.h"
#include "Translations.h"

using namespace rdbm::app;

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("RDBM"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("rdbm-studio.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("RDBM Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RDBM_VERSION));
}

// --help and --version need no display: answer them before a QApplication connects to one.
bool wantsHelpOrVersion(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QLatin1String a(argv[i]);
        if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("--help-all") ||
            a == QLatin1String("-v") || a == QLatin1String("--version"))
            return true;
    }
    return false;
}

QString languageArgument(const QStringList& args) {
    QString lang;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) lang = args[i + 1];
        else if (args[i].startsWith(QLatin1String("--lang="))) lang = args[i].mid(7);
    }
    return lang;
}

} // namespace

int main(int argc, char* argv[]) {
    rdbm::restartWithCpuRuntimeSettings(argv); // rdbm/CpuRuntime.h: why
    if (wantsHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        AppSettings settings;
        const QStringList args = QCoreApplication::arguments();
        Translations::install(Translations::resolve(languageArgument(args), settings.language()));
        const CommandLine cmd = CommandLine::parse(args);
        std::fprintf(cmd.helpOrVersion ? stdout : stderr, "%s\n", cmd.error.toLocal8Bit().constData());
        return cmd.helpOrVersion ? 0 : 64;
    }
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("RDBM Studio"));
    QApplication::setDesktopFileName(QStringLiteral("rdbm-studio"));

    AppSettings settings;
    // The language must be known before the command line's own messages are built.
    const QStringList args = QApplication::arguments();
    Translations::install(Translations::resolve(languageArgument(args), settings.language()));

    const CommandLine cmd = CommandLine::parse(args);
    if (!cmd.error.isEmpty() && !cmd.helpOrVersion) {
        std::fprintf(stderr, "rdbm-studio: %s\n", cmd.error.toLocal8Bit().constData());
        return 64;
    }

    QApplication::setWindowIcon(MainWindow::appIcon());
    rdbm::widgets::ThemePalette::captureSystemDefaults();
    const ThemeChoice theme = cmd.theme.isEmpty() ? settings.theme() : themeFromString(cmd.theme);
    rdbm::widgets::ThemePalette::apply(theme);

    MainWindow window(settings);
    window.setInteractive(!cmd.quitWhenDone);
    if (!cmd.device.isEmpty()) window.samplerControls()->setDevice(cmd.device);
    if (cmd.steps > 0 || cmd.eta >= 0.0) {
        rdbm::SamplerOptions o = window.samplerControls()->options();
        if (cmd.steps > 0) o.steps = cmd.steps;
        if (cmd.eta >= 0.0) o.eta = cmd.eta;
        window.samplerControls()->setOptions(o);
    }
    const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(cmd.size);
    if (size.hasMatch()) window.resize(size.captured(1).toInt(), size.captured(2).toInt());
    else if (cmd.scripted()) window.resize(1500, 950);
    window.show();

    // Files: positional ones are classified like a drop; --open and --model are explicit.
    QStringList files = cmd.files;
    files << cmd.open;
    const DropBatch batch = DropClassifier::classifyAll(files);
    QString model = cmd.model;
    if (model.isEmpty() && !batch.checkpoints.isEmpty()) model = batch.checkpoints.first();
    if (!model.isEmpty()) window.loadModel(model);
    else if (!cmd.quitWhenDone) window.restoreLastModel();
    if (!cmd.scripted()) window.restoreQueue(); // the queue of the last session (issue 11 §2)
    // Comparing the methods, each model goes where its method (and pi) belongs; else in order.
    for (int i = 0; i < cmd.compareModels.size(); ++i) {
        if (cmd.compareMode == QLatin1String("methods")) window.loadComparisonModelByMethod(cmd.compareModels[i]);
        else window.loadComparisonModel(i, cmd.compareModels[i]);
    }
    if (!batch.images.isEmpty()) window.openFiles(batch.images);
    if (!cmd.reference.isEmpty()) window.openFiles({cmd.reference}, true);

    if (!cmd.scripted()) return app.exec();

    ScriptedRun script(&window, cmd);
    int exitCode = 0;
    QObject::connect(&script, &ScriptedRun::finished, &app, [&](int code) {
        exitCode = code;
        if (cmd.quitWhenDone) QApplication::exit(code);
    });
    QTimer::singleShot(0, &script, &ScriptedRun::start);
    const int rc = app.exec();
    return cmd.quitWhenDone ? exitCode : rc;
}

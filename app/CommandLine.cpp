#include "CommandLine.h"

#include <QCommandLineParser>

namespace rdbm::app {

CommandLine CommandLine::parse(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Restore photos with the Residual Diffusion Bridge Model."));
    const QCommandLineOption help = p.addHelpOption();
    const QCommandLineOption version = p.addVersionOption();
    const QCommandLineOption open(QStringList{"o", "open"}, tr("Open a photo (repeatable)."), tr("image"));
    const QCommandLineOption reference("reference", tr("Reference (clean) photo for PSNR and SSIM."), tr("image"));
    const QCommandLineOption model(QStringList{"m", "model"}, tr("Load a model checkpoint."), tr("checkpoint"));
    const QCommandLineOption compareModel("compare-model", tr("Model for the pi comparison (repeatable, up to four)."),
                                          tr("checkpoint"));
    const QCommandLineOption device("device", tr("Compute device: auto, cpu, cuda or cuda:N."), tr("device"));
    const QCommandLineOption steps("steps", tr("Sampling steps (NFE)."), tr("n"));
    const QCommandLineOption eta("eta", tr("Stochasticity \u03b7 of the sampler, 0 to 1."), tr("eta"));
    const QCommandLineOption seeds("seeds", tr("With --restore: restore N times with consecutive seeds and show "
                                               "their spread (Restore N Seeds)."),
                                   tr("n"));
    const QCommandLineOption restore("restore", tr("Restore the first photo once the model is loaded."));
    const QCommandLineOption compare("compare", tr("Run the pi comparison on the first photo."));
    const QCommandLineOption compareMode("compare-mode",
                                         tr("Comparison of models, noise modulations or methods (RDBM vs RDDM)."),
                                         tr("models|noise|methods"));
    const QCommandLineOption tab("tab", tr("View to show: before-after, side-by-side, difference, trajectory, schedule, comparison, "
                                    "or all (one screenshot of each)."),
                                 tr("name"));
    const QCommandLineOption step("step", tr("Trajectory step to select."), tr("n"));
    const QCommandLineOption screenshot("screenshot", tr("Save a screenshot of the window when done, then quit."),
                                        tr("file"));
    const QCommandLineOption grab("grab", tr("What the screenshot shows: window or view."), tr("what"));
    const QCommandLineOption size("size", tr("Window size, e.g. 1400x900."), tr("WxH"));
    const QCommandLineOption lang("lang", tr("Interface language: en, de or zh_CN."), tr("language"));
    const QCommandLineOption theme("theme", tr("Colours: system, light or dark."), tr("theme"));
    const QCommandLineOption measure("measure",
                                     tr("Print the longest time the interface was unresponsive during the run, then quit."));
    p.addOptions({open, reference, model, compareModel, device, steps, eta, seeds, restore, compare, compareMode, tab, step,
                  screenshot, grab, size, lang, theme, measure});
    p.addPositionalArgument(QStringLiteral("files"), tr("Photos and checkpoints to open."), tr("[files...]"));

    CommandLine c;
    if (!p.parse(arguments)) {
        c.error = p.errorText();
        return c;
    }
    if (p.isSet(help)) {
        c.helpOrVersion = true;
        c.error = p.helpText();
        return c;
    }
    if (p.isSet(version)) {
        c.helpOrVersion = true;
        c.error = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
        return c;
    }
    c.files = p.positionalArguments();
    c.open = p.values(open);
    c.reference = p.value(reference);
    c.model = p.value(model);
    c.compareModels = p.values(compareModel).mid(0, 4);
    c.device = p.value(device);
    if (p.isSet(steps)) {
        bool ok = false;
        c.steps = p.value(steps).toInt(&ok);
        if (!ok || c.steps < 1) c.error = tr("--steps needs a positive number");
    }
    if (p.isSet(eta)) {
        bool ok = false;
        c.eta = p.value(eta).toDouble(&ok);
        if (!ok || !(c.eta >= 0.0 && c.eta <= 1.0)) c.error = tr("--eta needs a number from 0 to 1");
    }
    if (p.isSet(seeds)) {
        bool ok = false;
        c.seeds = p.value(seeds).toInt(&ok);
        if (!ok || c.seeds < 2 || c.seeds > 64) c.error = tr("--seeds needs a number from 2 to 64");
    }
    if (p.isSet(step)) {
        bool ok = false;
        c.step = p.value(step).toInt(&ok);
        if (!ok || c.step < 0) c.error = tr("--step needs a number of at least 0");
    }
    c.restore = p.isSet(restore);
    c.compare = p.isSet(compare);
    c.compareMode = p.value(compareMode);
    if (!c.compareMode.isEmpty() && c.compareMode != QLatin1String("models") && c.compareMode != QLatin1String("noise") &&
        c.compareMode != QLatin1String("methods"))
        c.error = tr("--compare-mode needs models, noise or methods");
    c.tab = p.value(tab);
    c.screenshot = p.value(screenshot);
    c.screenshotWidget = p.value(grab);
    c.size = p.value(size);
    c.lang = p.value(lang);
    c.theme = p.value(theme);
    c.measure = p.isSet(measure);
    c.quitWhenDone = !c.screenshot.isEmpty() || c.measure;
    return c;
}

} // namespace rdbm::app

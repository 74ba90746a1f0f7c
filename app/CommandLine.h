#pragma once
// The application's command line. Besides files to open, it can script a session for
// screenshots and measurements: open photos and a model, restore, pick a view, save a
// screenshot of the window and quit.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rdbm::app {

struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    QStringList files;          // positional: photos and checkpoints, classified by content
    QStringList open;           // --open IMAGE (repeatable)
    QString reference;          // --reference IMAGE
    QString model;              // --model CKPT
    QStringList compareModels;  // --compare-model CKPT (repeatable, up to four; by method with --compare-mode methods)
    QString device;             // --device
    int steps = 0;              // --steps (0: the saved setting)
    double eta = -1.0;          // --eta (negative: the saved setting)
    int seeds = 0;              // --seeds N: with --restore, Restore N Seeds instead of one run
    bool restore = false;       // --restore: restore the first photo once everything is loaded
    bool compare = false;       // --compare: run the pi comparison after that
    QString tab;                // --tab before-after|trajectory|schedule|comparison
    int step = -1;              // --step N: select trajectory step N
    QString compareMode;        // --compare-mode models|noise|methods
    QString screenshot;         // --screenshot FILE: grab the window when done, then quit
    QString screenshotWidget;   // --grab window|view: what to grab (default window)
    QString size;               // --size WxH of the window
    QString lang;               // --lang de|zh_CN|en
    QString theme;              // --theme system|light|dark
    bool measure = false;       // --measure: print the longest GUI-thread stall during the run
    bool quitWhenDone = false;  // implied by --screenshot and --measure
    QString error;              // set when parsing failed

    bool scripted() const { return restore || compare || !screenshot.isEmpty() || measure; }

    // Parses arguments (argv[0] included). Does not exit: --help/--version text lands in `error`
    // with helpOrVersion set, so main() decides what to print.
    static CommandLine parse(const QStringList& arguments);
    bool helpOrVersion = false;
};

} // namespace rdbm::app

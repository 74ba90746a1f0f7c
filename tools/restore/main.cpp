// rdbm-restore: restore photos from the command line (see --help).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <opencv2/core/version.hpp>
#include <unistd.h>

#include "Options.h"
#include "Progress.h"
#include "RestoreCommand.h"
#include "rdbm/CpuRuntime.h"
#include "rdbm/Device.h"
#include "rdbm/Error.h"

#include "rdbm/Version.h"

namespace {

std::atomic<bool> gCancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

// First Ctrl-C: finish the current tile, then stop cleanly (exit 5). Second: default action.
extern "C" void onInterrupt(int) {
    gCancel.store(true);
    static const char text[] = "\nrdbm-restore: cancelling after the current tile (Ctrl-C again to abort)\n";
    const ssize_t ignored = ::write(STDERR_FILENO, text, sizeof text - 1);
    (void)ignored;
    std::signal(SIGINT, SIG_DFL);
}

} // namespace

int main(int argc, char** argv) {
    rdbm::restartWithCpuRuntimeSettings(argv); // rdbm/CpuRuntime.h: why
    using namespace rdbm;
    using namespace rdbm::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    RestoreOptions options;
    try {
        options = parseRestoreOptions(args);
    } catch (const Error& e) {
        std::fprintf(stderr, "rdbm-restore: %s\n", e.what());
        return exitCodeFor(e.kind());
    }
    if (options.help) {
        std::fputs(restoreUsage().c_str(), stdout);
        return kExitOk;
    }
    if (options.version) {
        std::printf("rdbm-restore %s (LibTorch %s, OpenCV %s)\n", RDBM_VERSION, libtorchVersion().c_str(), CV_VERSION);
        return kExitOk;
    }
    std::signal(SIGINT, onInterrupt);
    ProgressReporter progress(ProgressReporter::styleFor(options.quiet));
    return runRestore(options, progress, gCancel);
}

#pragma once
// The rdbm-restore run: checks every output path first, loads the model once, then
// restores each input (a bad one is reported and the rest still run), writes outputs
// atomically, and the optional trajectory and report.
#include <atomic>

#include "Options.h"
#include "Progress.h"
#include "rdbm/Error.h"

namespace rdbm::cli {

// Documented exit codes (see --help).
enum ExitCode : int {
    kExitOk = 0,
    kExitRuntime = 1,
    kExitUsage = 2,
    kExitBadImage = 3,
    kExitBadCheckpoint = 4,
    kExitCancelled = 5,
};

int exitCodeFor(ErrorKind kind);

// Returns the exit code. cancel is polled between tiles, sampling steps and images.
int runRestore(const RestoreOptions& options, ProgressReporter& progress, const std::atomic<bool>& cancel);

} // namespace rdbm::cli

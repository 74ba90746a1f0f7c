#pragma once
// TorchScript isolation: a TorchScript archive is first loaded and probed by a separate
// process (rdbm-torchscript-probe, which calls torchScriptProbeMain), so that a crafted
// archive that crashes LibTorch's unpickler (SIGSEGV) or never finishes loading becomes
// one clear Error in the caller, and the application stays up.
#include <string>

#include "rdbm/ModelInfo.h"

namespace rdbm {

// Runs the helper on path and waits up to RDBM_TORCHSCRIPT_TIMEOUT seconds (default
// 120). Throws Error(Checkpoint) "<path>: ..." when the helper crashed, hung, or refused
// the module; Error(Runtime) when the helper cannot be found or started.
void probeTorchScriptInChild(const std::string& path, const ModelMetadata& meta, int padMultiple);

// The helper: argv = {exe, FILE, PAD_MODE, ADDS_MU (0|1), PAD_MULTIPLE}. Loads FILE on the
// CPU and runs the forward probe; exit 0 when it works, 4 with the message on stderr.
int torchScriptProbeMain(int argc, char** argv);

// Where the helper is: $RDBM_TORCHSCRIPT_PROBE, else next to the running executable,
// else the build tree's copy. Empty when none exists.
std::string torchScriptProbeExecutable();

} // namespace rdbm

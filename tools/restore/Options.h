#pragma once
// rdbm-restore's command line: parsed and validated here without touching a model or
// an image file, so the parser is tested on its own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rdbm/Device.h"
#include "rdbm/ModelInfo.h"
#include "rdbm/Schedule.h"

namespace rdbm::cli {

struct RestoreOptions {
    std::vector<std::string> inputs; // image files and folders (their images)
    std::string output;    // -o, single input only
    std::string outDir;    // --out-dir, outputs named after the inputs
    bool recursive = false; // --recursive: folders' subfolders too, relative paths kept
    bool record = false;    // --record: the run record also as OUTPUT.json beside each output
    std::string model;     // --model
    int steps = 10;
    std::string device = "auto";
    DeviceSpec deviceSpec;
    bool half = false;
    std::optional<Objective> objective;
    std::optional<PiMode> piMode;
    std::optional<ScheduleKind> schedule;
    std::optional<double> lambda;
    std::optional<Method> method;              // --method rdbm|rddm (auto: unset)
    std::optional<RddmObjective> rddmObjective; // --objective with an RDDM name
    std::optional<double> sumScale;            // --sum-scale (RDDM)
    std::string initialNoise;                  // --initial-noise FILE.npy (RDDM, single input)
    bool preferEma = true; // --ema (default) / --online
    double eta = 0.0;
    PiMode piNoise = PiMode::Residual;
    std::uint64_t seed = 0;
    int seeds = 0;              // --seeds N (2..64): restore with seed..seed+N-1, write their mean
    std::string uncertainty;    // --uncertainty OUT.png: the runs' per-pixel std as a heat map
    int tile = 0;          // 0: automatic
    int overlap = 16;
    int border = -1;       // reflected border per network call; -1: automatic (SamplerOptions::borderPad)
    bool globalContext = true; // tiles share a downscaled whole-image call's coarse band
    std::string reference;
    std::string trajectoryDir;
    std::string reportPath;
    int bitDepth = 0;      // 0: keep the input's
    bool overwrite = false;
    bool allowTorchScript = false; // --allow-torchscript: TorchScript files run code when loaded
    bool quiet = false;
    bool help = false;
    bool version = false;
};

// Throws Error(Usage) with a message naming the option. --help and --version skip
// the checks for required arguments.
RestoreOptions parseRestoreOptions(const std::vector<std::string>& args);

std::string restoreUsage();

// The output path of every input file, in order: -o, or --out-dir/<input's file name>.
// Folders are left out: BatchPlan.h expands them when the run starts.
std::vector<std::string> plannedOutputs(const RestoreOptions& options);

} // namespace rdbm::cli

#pragma once
// Plain description of a loaded model: architecture, what it predicts, the pi it was
// trained with, its schedule and where it came from. Torch-free so the GUI can show it.
#include <map>
#include <string>
#include <vector>

#include "rdbm/Schedule.h"

namespace rdbm {

enum class Objective { X0, PiEps, Eps };
enum class PiMode { Residual, One, Zero };

std::string toString(Objective o);   // "x0", "pi_eps", "eps"
std::string toString(PiMode p);      // "residual", "one", "zero"
Objective objectiveFromString(const std::string& s); // accepts reference names too (pred_x_start, pred_noise)
PiMode piModeFromString(const std::string& s);

// The lucidrains-style U-Net of docs/method.md §6.
struct UNetConfig {
    int dim = 32;
    std::vector<int> dimMults{1, 2, 4, 8};
    int channels = 3;        // output channels
    int inChannels = 6;      // cat(x_t, mu)
    int groups = 8;          // resnet_block_groups
    int heads = 4;
    int dimHead = 32;
    // Multiple that inputs are padded to: 2^(levels-1).
    int downsampleFactor() const { return 1 << (static_cast<int>(dimMults.size()) - 1); }
};

struct ModelMetadata {
    Objective objective = Objective::X0;
    PiMode piMode = PiMode::Residual;
    ScheduleParams schedule;
    std::string padMode = "reflect"; // how inputs are padded to the downsampling multiple
    bool addsMu = false;              // some ports add mu to the network output
    std::map<std::string, std::string> provenance; // training data, steps, time, hardware, ...
};

struct ModelInfo {
    std::string path;
    std::string format;        // "torch-zip", "safetensors", "torchscript"
    std::string layout;        // "state_dict", "trainer(ema)", "trainer(online)", "wrapper", ...
    UNetConfig config;
    ModelMetadata metadata;
    long long parameterCount = 0;
    bool scheduleFromCheckpoint = false; // Theta/Sigma read from the wrapper's buffers
    std::string metadataSource;         // "embedded", "sidecar", "defaults", "defaults+options"
};

} // namespace rdbm

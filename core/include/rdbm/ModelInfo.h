#pragma once
// Plain description of a loaded model: architecture, what it predicts, the pi it was
// trained with, its schedule and where it came from. Torch-free so the GUI can show it.
#include <map>
#include <string>
#include <vector>

#include "rdbm/RddmSchedule.h"
#include "rdbm/Schedule.h"

namespace rdbm {

enum class Objective { X0, PiEps, Eps };
enum class PiMode { Residual, One, Zero };

std::string toString(Objective o);   // "x0", "pi_eps", "eps"
std::string toString(PiMode p);      // "residual", "one", "zero"
Objective objectiveFromString(const std::string& s); // accepts reference names too (pred_x_start, pred_noise)
PiMode piModeFromString(const std::string& s);

// The two methods the project hosts (docs/method.md §2-§5 and §8).
enum class Method { Rdbm, Rddm };
std::string toString(Method m); // "rdbm", "rddm"
Method methodFromString(const std::string& s); // throws Error(Usage)

// What an RDDM network predicts, by the reference's names (docs/method.md §8.3).
enum class RddmObjective { ResNoise, ResAddNoise, X0Noise, X0AddNoise, Res, Noise };
std::string toString(RddmObjective o); // "pred_res_noise", ..., "pred_res", "pred_noise"
RddmObjective rddmObjectiveFromString(const std::string& s); // throws Error(Usage)
bool isRddmObjectiveName(const std::string& s);
// 2 for the objectives with a residual and a noise output, 1 for pred_res and pred_noise.
int rddmOutputCount(RddmObjective o);

// RDDM's settings: objective, UnetRes layout and schedule (docs/method.md §8).
struct RddmParams {
    RddmObjective objective = RddmObjective::ResNoise;
    // UnetRes layout: 1 one encoder and two decoders, 0 two U-Nets (unet0 residual,
    // unet1 noise; the reference restoration setting), -1 one U-Net.
    int shareEncoder = 0;
    int T = 1000;
    double sumScale = 1.0;
};

// The lucidrains-style U-Net of docs/method.md §6.
struct UNetConfig {
    int dim = 32;
    std::vector<int> dimMults{1, 2, 4, 8};
    int channels = 3;        // output channels
    int inChannels = 6;      // cat(x_t, mu)
    int groups = 8;          // resnet_block_groups
    int heads = 4;
    int dimHead = 32;
    // Width of the whole-photo statistics the time embedding also takes (`stats_mlp.*`,
    // docs/method.md §6.3): 0 for the reference network, 12 for a network that is told
    // the photo's tone, so a tile or a clean photo is not corrected blind.
    int globalStats = 0;
    // Multiple that inputs are padded to: 2^(levels-1).
    int downsampleFactor() const { return 1 << (static_cast<int>(dimMults.size()) - 1); }
};

struct ModelMetadata {
    Method method = Method::Rdbm;
    RddmParams rddm; // used when method is Rddm
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

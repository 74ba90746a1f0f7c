#pragma once
// Picks the bare network's state dict out of whatever layout a checkpoint has:
//  - a bare state dict (net.state_dict()),
//  - the diffusion wrapper's state dict (network under "model." plus schedule buffers
//    thetas, Theta, Sigma, ... for RDBM; alphas_cumsum, betas2_cumsum, ... for RDDM),
//  - the reference trainer's {step, model, opt, ema, scaler, version}, whose EMA copy
//    lives under "ema.ema_model." (preferred) and the online weights under "model.".
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/CheckpointReader.h"
#include "rdbm/RddmSchedule.h"

namespace rdbm::checkpoint {

struct NetworkWeights {
    TensorMap weights;  // keys exactly as the bare network's state dict (prefixes stripped)
    std::string layout; // "state_dict" | "wrapper" | "trainer(ema)" | "trainer(online)"
    std::optional<std::vector<float>> Theta, Sigma; // the wrapper's schedule buffers when present
    // RDDM's ResidualDiffusion buffers (alphas_cumsum, betas2_cumsum, ...) when present:
    // the file is an RDDM model and these are its schedule.
    std::optional<RddmBuffers> rddm;
    std::optional<long long> step;
    std::string note; // why the choice differs from what was asked (e.g. EMA never initialised)
};

// Throws Error(Checkpoint) "<path>: ..." naming what was found when no network is there.
NetworkWeights selectNetworkWeights(const CheckpointContents& contents, bool preferEma);

} // namespace rdbm::checkpoint

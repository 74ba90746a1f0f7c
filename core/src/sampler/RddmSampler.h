#pragma once
// The RDDM sampler at tensor level (docs/method.md §8.4): the reference's ddim_sample with
// its "use_pred_noise" update, over the same step pairs as RDBM.
//
// Start: x = mu + sqrt(sum_scale) * n, n ~ N(0, I) (given, or drawn from the seed).
// At each pair (t, t_next) the network's output becomes a residual res, a noise eps and
// a clean image x0 by the objective's rule (res and x0 clamped to [-1, 1]); then
//   t_next < 0:  x' = x0
//   otherwise:   x' = x - (abar_t - abar_n) res - (bbar_t - sqrt(bbar2_n - s2)) eps + sqrt(s2) z,
//                s2 = eta * (bbar2_t - bbar2_n) * bbar2_n / bbar2_t,  z ~ N(0, I),
// every coefficient in float32 in the reference's order. eta = 0 is the deterministic
// sampler (no z drawn). The generator is seeded per call: the first state's noise (when
// not given) comes first, then one z per update, as the reference draws them from torch's
// global generator after torch.manual_seed(seed).
//
// The network returns its outputs concatenated along channels: [res | eps] (or [x0 | eps],
// by objective) for two-output layouts, a single output otherwise; tiles blend them as
// one tensor before this update sees them.
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "rdbm/ModelInfo.h"
#include "rdbm/RddmSchedule.h"
#include "sampler/Denoiser.h"
#include "sampler/RdbmSampler.h"

namespace rdbm {

struct RddmSamplerSettings {
    RddmObjective objective = RddmObjective::ResNoise;
    int steps = 10;
    double eta = 0.0;
    uint64_t seed = 0;
};

// The objective's reading of one network output (all [B, C, H, W], float32).
struct RddmPrediction {
    torch::Tensor residual, noise, x0;
};

// The reference's model_predictions: x the current state, mu the degraded image, out the
// network output (channels = outputs * mu's channels). Throws Error(Runtime) when out has
// too few channels for the objective.
RddmPrediction rddmPrediction(RddmObjective objective, const RddmSchedule& schedule, const torch::Tensor& out,
                              const torch::Tensor& x, const torch::Tensor& mu, int t);

class RddmSampler {
public:
    // Throws Error(Usage) for steps outside 1..T or eta outside [0, 1].
    RddmSampler(const RddmSchedule& schedule, const RddmSamplerSettings& settings);

    // mu: NCHW float32 in [-1, 1]. initialNoise: standard-normal noise of mu's shape for
    // the first state, or undefined to draw it from the seed. Returns the final x.
    torch::Tensor sample(const Denoiser& net, const torch::Tensor& mu, const torch::Tensor& initialNoise = {},
                         const StepTensorCallback& onStep = {}) const;

    const std::vector<std::pair<int, int>>& stepPairs() const { return pairs_; }

private:
    RddmSchedule schedule_;
    RddmSamplerSettings settings_;
    std::vector<std::pair<int, int>> pairs_;
};

} // namespace rdbm

#pragma once
// The bridge sampler at tensor level (docs/method.md §5): starts at mu, calls the network
// once per sampled step pair (t, t_next) and moves x toward the predicted x0.
//
// Deterministic (eta = 0): exactly the reference's ddim_sample, float32 coefficient
// arithmetic in the reference's order:
//   x0 objective:    x' = mu + (S_n/S_t)(x - mu) + (Th_n - Th_t S_n/S_t)(x0h - mu)
//   pi_eps / eps:    x' = mu + (Th_n/Th_t)(x - mu) - ((Th_n/Th_t) S_t - S_n) pe
//   at t = T-1:      x' = mu + Th_n (x0h - mu)   (x0)   or   x' = mu   (pi_eps / eps)
//   t_next < 0:      x' = x0h
//   pi = 0 models:   x' = mu + Th_n (x0h - mu)   (the noise-free limit)
// Where the reference divides 0 by 0 at t = T-1 (Theta = Sigma = 0): for x0 models the
// reported pi*eps is zero; for pi_eps / eps models the predicted x0 is mu, since the
// network cannot tell anything about x0 there (the reference itself returns NaN for
// S = 1), and the network's pi*eps is reported but used by no update. pi = 0 models
// report zero pi*eps everywhere.
//
// Stochastic (eta in (0,1]), beyond the reference: with pe = (x - mu - Th_t (x0h - mu)) / S_t
// (or the network's pi*eps), the next state re-draws part of the noise,
//   x' = mu + Th_n (x0h - mu) + sqrt(1 - eta^2) S_n pe + eta S_n m z,   z ~ N(0, I),
// where the modulation m is x0h - mu (residual), 1 (one) or 0 (zero). With eta = 0 this
// is the reference x0 rule rewritten; the deterministic path is taken then, bit for bit.
// For pi = 0 models pe is 0, so only the fresh-noise term remains (the user asked for it).
// z is drawn on the CPU from a generator seeded per call, so results are reproducible,
// device-independent and thread-safe.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "rdbm/ModelInfo.h"
#include "rdbm/Schedule.h"
#include "sampler/Denoiser.h"

namespace rdbm {

struct SamplerSettings {
    Objective objective = Objective::X0;
    PiMode modelPi = PiMode::Residual; // the pi the model was trained with
    int steps = 10;
    double eta = 0.0;
    PiMode noiseModulation = PiMode::Residual;
    uint64_t seed = 0;
};

// What the callback sees after each step; tensors share the sampler's storage and are
// only valid during the call.
struct StepTensors {
    int step = 0; // 1..steps
    int steps = 0;
    int t = 0, tNext = 0;
    torch::Tensor xt;    // x after this step
    torch::Tensor x0;    // predicted x0 at t
    torch::Tensor piEps; // predicted pi*eps at t (zeros where undefined or pi = 0); RDDM: the predicted noise
    torch::Tensor residual; // RDDM only: the predicted residual mu - x0 at t (undefined for RDBM)
};

// Return false to stop: the sampler then throws Error(Cancelled) after that step.
using StepTensorCallback = std::function<bool(const StepTensors&)>;

class RdbmSampler {
public:
    // Throws Error(Usage) for steps outside 1..T or eta outside [0,1].
    RdbmSampler(const RdbmSchedule& schedule, const SamplerSettings& settings);

    // mu: NCHW float32 in [-1,1]. Returns the final x (the reference's last frame).
    torch::Tensor sample(const Denoiser& net, const torch::Tensor& mu,
                         const StepTensorCallback& onStep = {}) const;

    const std::vector<std::pair<int, int>>& stepPairs() const { return pairs_; }
    const SamplerSettings& settings() const { return settings_; }

private:
    RdbmSchedule schedule_;
    SamplerSettings settings_;
    std::vector<std::pair<int, int>> pairs_;
};

} // namespace rdbm

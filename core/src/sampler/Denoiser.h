#pragma once
// The network as the sampler sees it: one call at integer timestep t on NCHW tensors
// in [-1,1] units, returning the network's raw output (x0, pi*eps or eps, by objective).
// Inputs and output are float32 on the model's device; padding, dtype and the
// "adds mu" convention are the implementation's business.
#include <cstdint>
#include <functional>

#include <torch/types.h>

namespace rdbm {

using Denoiser = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& mu, int64_t t)>;

// For a network told the whole photo's statistics (docs/method.md §6.1): given the whole
// photo's mu ([1,3,H,W], before tiling or border padding), the Denoiser that every call
// of that restoration uses, tiles and whole-image passes alike.
using PhotoBinder = std::function<Denoiser(const torch::Tensor& wholeMu)>;

} // namespace rdbm

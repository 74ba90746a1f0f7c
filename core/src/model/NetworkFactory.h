#pragma once
// Builds the Denoiser a Model samples with, from either the reference U-Net's weights
// or a TorchScript module. Both return float32 on the model's device whatever the
// compute dtype, pad inputs to the network's multiple and add mu when the metadata
// says the network predicts a residual on top of it.
#include <string>

#include <torch/types.h>

#include "checkpoint/RawTensor.h"
#include "rdbm/ModelInfo.h"
#include "sampler/Denoiser.h"

namespace rdbm {

struct LoadedNetwork {
    Denoiser denoiser;
    PhotoBinder bindToPhoto; // set for a network that takes whole-photo statistics
    long long parameterCount = 0;
};

// Any dtype, strides and offset -> a contiguous float32 CPU tensor owning its data.
torch::Tensor rawToTorch(const checkpoint::RawTensor& raw);

// Weights must already have passed validateWeights for config.
LoadedNetwork makeUNetNetwork(const UNetConfig& config, const checkpoint::TensorMap& weights, const std::string& source,
                              const ModelMetadata& meta, const torch::Device& device, torch::ScalarType dtype);

// RDDM's UnetRes in the given layout (docs/method.md §8.5); the Denoiser returns its
// outputs concatenated along channels. Weights must already have passed
// validateUNetResWeights.
LoadedNetwork makeUNetResNetwork(const UNetConfig& config, int shareEncoder, const checkpoint::TensorMap& weights,
                                 const std::string& source, const ModelMetadata& meta, const torch::Device& device,
                                 torch::ScalarType dtype);

// forward(x_t, mu, t) with t a float [B] tensor (an int64 one when the module wants it,
// found out by a probe call at load). Throws Error(Checkpoint) naming the file.
LoadedNetwork makeTorchScriptNetwork(const std::string& path, const ModelMetadata& meta, int padMultiple,
                                     const torch::Device& device, torch::ScalarType dtype);

} // namespace rdbm

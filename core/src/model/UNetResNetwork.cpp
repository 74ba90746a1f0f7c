// RDDM's UnetRes as a Denoiser: weights converted from the checkpoint's raw tensors,
// loaded by name, moved to the device and dtype, then frozen for inference.
#include <map>

#include <torch/torch.h>

#include "model/NetworkFactory.h"
#include "net/UNetRes.h"

namespace rdbm {

LoadedNetwork makeUNetResNetwork(const UNetConfig& config, int shareEncoder, const checkpoint::TensorMap& weights,
                                 const std::string& source, const ModelMetadata& meta, const torch::Device& device,
                                 torch::ScalarType dtype) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, raw] : weights) tensors.emplace(key, rawToTorch(raw));

    auto net = std::make_shared<UNetRes>(config, shareEncoder);
    net->loadWeights(tensors, source);
    tensors.clear();
    net->to(device, dtype);
    net->freezeForInference();

    LoadedNetwork loaded;
    for (const auto& p : net->parameters()) loaded.parameterCount += p.numel();
    const PadMode padMode = padModeFromString(meta.padMode);
    loaded.denoiser = [net, padMode, dtype](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        const torch::Tensor time = torch::full({x.size(0)}, static_cast<float>(t),
                                               torch::TensorOptions().dtype(torch::kFloat32).device(x.device()));
        return net->forwardPadded(x.to(dtype), mu.to(dtype), time, padMode).to(torch::kFloat32);
    };
    return loaded;
}

} // namespace rdbm

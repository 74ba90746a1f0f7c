// The reference U-Net as a Denoiser: weights converted from the checkpoint's raw
// tensors, loaded by name, moved to the device and dtype, then frozen for inference.
#include <cstring>
#include <map>

#include <torch/torch.h>

#include "model/NetworkFactory.h"
#include "net/PhotoStatistics.h"
#include "net/UNet.h"

namespace rdbm {

torch::Tensor rawToTorch(const checkpoint::RawTensor& raw) {
    const std::vector<float> values = raw.toFloat32();
    torch::Tensor t = torch::empty(raw.shape, torch::TensorOptions().dtype(torch::kFloat32));
    if (!values.empty()) std::memcpy(t.data_ptr<float>(), values.data(), values.size() * sizeof(float));
    return t;
}

LoadedNetwork makeUNetNetwork(const UNetConfig& config, const checkpoint::TensorMap& weights, const std::string& source,
                              const ModelMetadata& meta, const torch::Device& device, torch::ScalarType dtype) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, raw] : weights) tensors.emplace(key, rawToTorch(raw));

    auto net = std::make_shared<UNet>(config);
    net->loadWeights(tensors, source);
    tensors.clear();
    net->to(device, dtype);
    net->freezeForInference();

    LoadedNetwork loaded;
    for (const auto& p : net->parameters()) loaded.parameterCount += p.numel();
    const PadMode padMode = padModeFromString(meta.padMode);
    const bool addsMu = meta.addsMu;
    const auto call = [net, padMode, addsMu, dtype](const torch::Tensor& x, const torch::Tensor& mu, int64_t t,
                                                    const torch::Tensor& stats) {
        const torch::Tensor time =
            torch::full({x.size(0)}, static_cast<float>(t), torch::TensorOptions().dtype(torch::kFloat32).device(x.device()));
        torch::Tensor out = net->forwardPadded(x.to(dtype), mu.to(dtype), time, padMode, stats).to(torch::kFloat32);
        return addsMu ? out + mu : out;
    };
    loaded.denoiser = [call](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        return call(x, mu, t, torch::Tensor());
    };
    if (config.globalStats > 0) loaded.bindToPhoto = statisticsBinder(call);
    return loaded;
}

} // namespace rdbm

#pragma once
// The reference RDBM network (docs/method.md §6) as a LibTorch module. Its
// named_parameters() are exactly the reference state-dict keys (`init_conv.weight`,
// `downs.0.2.fn.fn.to_qkv.weight`, `ups.0.3.1.weight`, `mid_attn.fn.norm.g`, ...), so
// reference weights load by name and trained weights save under reference names.
//
// Inference: call freezeForInference() once; forward then reuses the standardized
// (channels-last) conv weights and records no gradients outside train() mode.
// Training: train() mode standardizes per call, differentiably, like the reference.
// Create with std::make_shared<UNet>(config). Internal header (includes LibTorch).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "net/UNetBlocks.h"
#include "rdbm/ModelInfo.h"

namespace rdbm {

enum class PadMode { Reflect, Replicate, Zero };
PadMode padModeFromString(const std::string& s); // "reflect", "replicate", "zero"; throws Error(Usage)

// Pads the bottom and right of an NCHW tensor up to a multiple of `multiple`.
// Reflection falls back to replication when a pad is not smaller than its side.
torch::Tensor padToMultiple(const torch::Tensor& x, int64_t multiple, PadMode mode);

class UNet : public torch::nn::Module {
public:
    explicit UNet(const UNetConfig& config); // throws Error(Checkpoint) for unusable configs

    const UNetConfig& config() const { return config_; }

    // x, mu: [B, C, H, W] with C_x + C_mu = inChannels and H, W multiples of
    // config().downsampleFactor(); t: float [B] timesteps. Returns [B, channels, H, W].
    // stats: [B or 1, 12] whole-photo statistics (net/PhotoStatistics.h) for a network
    // with config().globalStats; left undefined, they are taken from mu itself (training
    // crops, a photo restored in one call). Ignored by the reference network.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                          const torch::Tensor& stats = {});
    // Any H, W: pads x and mu (bottom/right) to the downsampling multiple, crops the result.
    // Statistics taken from mu are the unpadded mu's.
    torch::Tensor forwardPadded(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                                PadMode padMode = PadMode::Reflect, const torch::Tensor& stats = {});
    torch::Tensor forwardPadded(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                                const std::string& padMode, const torch::Tensor& stats = {}) {
        return forwardPadded(x, mu, t, padModeFromString(padMode), stats);
    }

    // Copies every parameter from `weights` (converting dtype and device). Throws
    // Error(Checkpoint) naming missing, unexpected and mismatched keys; sourceName
    // prefixes the message. Refreezes when frozen.
    void loadWeights(const std::map<std::string, torch::Tensor>& weights, const std::string& sourceName = "weights");

    // eval() and standardize the conv weights once. Later forwards use them until the
    // module trains again, changes dtype/device, or its weights change in place.
    void freezeForInference();
    bool frozen() const { return frozen_; }
    // Training drops the frozen weights; moving to another device or dtype refreezes.
    void train(bool on = true) override;
    void to(torch::Device device, torch::Dtype dtype, bool nonBlocking = false) override;
    void to(torch::Dtype dtype, bool nonBlocking = false) override;
    void to(torch::Device device, bool nonBlocking = false) override;

private:
    struct Level : torch::nn::Module {
        std::shared_ptr<unet::ResnetBlock> block1, block2;
        std::shared_ptr<unet::AttentionUnit> attn;
        std::shared_ptr<unet::Conv> resample; // downs.i.3, ups.i.3 or ups.i.3.1
        bool upsample = false;
    };

    torch::Tensor timeEmbedding(const torch::Tensor& t) const;
    // [B, 4 dim]: the statistics' share of the time embedding (stats_mlp).
    torch::Tensor statsEmbedding(const torch::Tensor& mu, const torch::Tensor& stats, int64_t batch) const;
    void checkInputs(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t, bool padded) const;

    UNetConfig config_;
    bool frozen_ = false;
    std::shared_ptr<unet::Conv> initConv_, finalConv_;
    std::shared_ptr<unet::Linear> timeLinear1_, timeLinear2_;
    std::shared_ptr<unet::Linear> statsLinear1_, statsLinear2_; // config_.globalStats > 0 only
    std::vector<std::shared_ptr<Level>> downs_, ups_;
    std::shared_ptr<unet::ResnetBlock> midBlock1_, midBlock2_, finalResBlock_;
    std::shared_ptr<unet::AttentionUnit> midAttn_;
    std::vector<std::shared_ptr<unet::WSConv>> wsConvs_;
    std::vector<std::shared_ptr<unet::Conv>> convs_;
};

} // namespace rdbm

#pragma once
// RDDM's UnetRes (docs/method.md §8.5) as a LibTorch module built from the U-Net's blocks;
// named_parameters() are the reference keys (see UNetResLayout.h), so official weights
// load by name. forward returns the outputs concatenated along channels: [first | second]
// (residual and noise for share_encoder 1 and 0) or the one output (share_encoder -1).
// Inference: call freezeForInference() after loading and moving it. In train() mode it
// records gradients and standardizes its conv weights per call (rdbm-train --method rddm).
// Internal header (includes LibTorch).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "net/UNet.h"
#include "net/UNetBlocks.h"
#include "rdbm/ModelInfo.h"

namespace rdbm {

class UNetRes : public torch::nn::Module {
public:
    // Throws Error(Checkpoint) for unusable configurations, Error(Usage) for a bad layout.
    UNetRes(const UNetConfig& config, int shareEncoder);

    const UNetConfig& config() const { return config_; }
    int shareEncoder() const { return shareEncoder_; }
    int outputs() const { return shareEncoder_ == -1 ? 1 : 2; }

    // x, mu: [B, 3, H, W], H and W multiples of config().downsampleFactor(); t: float [B].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t);
    // Any H, W: pads bottom/right to the multiple and crops the result.
    torch::Tensor forwardPadded(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                                PadMode padMode);

    // Copies every parameter; throws Error(Checkpoint) listing what does not fit.
    void loadWeights(const std::map<std::string, torch::Tensor>& weights, const std::string& sourceName);
    // eval() and prepare the conv weights once (after the final to()).
    void freezeForInference();

private:
    struct Level : torch::nn::Module {
        std::shared_ptr<unet::ResnetBlock> block1, block2;
        std::shared_ptr<unet::AttentionUnit> attn;
        std::shared_ptr<unet::Conv> resample;
        bool upsample = false;
    };

    void buildSharedEncoder();
    std::shared_ptr<Level> addUpLevel(torch::nn::Module& parent, size_t i, int64_t blockIn, int64_t out, int64_t in,
                                      bool last);
    torch::Tensor forwardSharedEncoder(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t);
    torch::Tensor timeEmbedding(const torch::Tensor& t) const;

    UNetConfig config_;
    int shareEncoder_;
    std::shared_ptr<UNet> unet0_, unet1_; // share_encoder 0 and -1
    // share_encoder 1
    std::shared_ptr<unet::Conv> initConv_, finalConv1_, finalConv2_;
    std::shared_ptr<unet::Linear> timeLinear1_, timeLinear2_;
    std::vector<std::shared_ptr<Level>> downs_, ups_, upsNoSkip_;
    std::shared_ptr<unet::ResnetBlock> midBlock1_, midBlock2_, finalResBlock1_, finalResBlock2_;
    std::shared_ptr<unet::AttentionUnit> midAttn_;
};

} // namespace rdbm

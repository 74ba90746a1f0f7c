#include "net/UNetRes.h"

#include <cmath>
#include <optional>

#include "net/UNetResLayout.h"
#include "rdbm/Error.h"

namespace rdbm {

using unet::AttentionUnit;
using unet::Conv;
using unet::Node;
using unet::ResnetBlock;

UNetRes::UNetRes(const UNetConfig& config, int shareEncoder) : config_(config), shareEncoder_(shareEncoder) {
    checkUNetConfig(config_, "RDDM UnetRes");
    if (shareEncoder == 0 || shareEncoder == -1) {
        unet0_ = register_module("unet0", std::make_shared<UNet>(config_));
        if (shareEncoder == 0) unet1_ = register_module("unet1", std::make_shared<UNet>(config_));
    } else if (shareEncoder == 1) {
        buildSharedEncoder();
    } else {
        throw Error(ErrorKind::Usage, "share_encoder must be 1, 0 or -1, got " + std::to_string(shareEncoder));
    }
}

std::shared_ptr<UNetRes::Level> UNetRes::addUpLevel(torch::nn::Module& parent, size_t i, int64_t blockIn, int64_t out,
                                                    int64_t in, bool last) {
    const int64_t timeDim = 4 * static_cast<int64_t>(config_.dim), groups = config_.groups;
    auto level = parent.register_module(std::to_string(i), std::make_shared<Level>());
    level->block1 = level->register_module("0", std::make_shared<ResnetBlock>(blockIn, out, timeDim, groups));
    level->block2 = level->register_module("1", std::make_shared<ResnetBlock>(blockIn, out, timeDim, groups));
    level->attn =
        level->register_module("2", std::make_shared<AttentionUnit>(out, config_.heads, config_.dimHead, true));
    if (last) {
        level->resample = level->register_module("3", std::make_shared<Conv>(out, in, 3, 1, 1));
    } else {
        auto seq = level->register_module("3", std::make_shared<Node>()); // Sequential(Upsample, Conv2d)
        level->resample = seq->register_module("1", std::make_shared<Conv>(out, in, 3, 1, 1));
        level->upsample = true;
    }
    return level;
}

void UNetRes::buildSharedEncoder() {
    const int64_t dim = config_.dim, timeDim = 4 * dim, groups = config_.groups;
    std::vector<int64_t> dims{dim};
    for (int m : config_.dimMults) dims.push_back(dim * m);
    const size_t levels = config_.dimMults.size();

    initConv_ = register_module("init_conv", std::make_shared<Conv>(config_.inChannels, dim, 7, 1, 3));
    auto timeMlp = register_module("time_mlp", std::make_shared<Node>());
    timeLinear1_ = timeMlp->register_module("1", std::make_shared<unet::Linear>(dim, timeDim));
    timeLinear2_ = timeMlp->register_module("3", std::make_shared<unet::Linear>(timeDim, timeDim));

    auto downsNode = register_module("downs", std::make_shared<Node>());
    for (size_t i = 0; i < levels; ++i) {
        const int64_t in = dims[i], out = dims[i + 1];
        auto level = downsNode->register_module(std::to_string(i), std::make_shared<Level>());
        level->block1 = level->register_module("0", std::make_shared<ResnetBlock>(in, in, timeDim, groups));
        level->block2 = level->register_module("1", std::make_shared<ResnetBlock>(in, in, timeDim, groups));
        level->attn =
            level->register_module("2", std::make_shared<AttentionUnit>(in, config_.heads, config_.dimHead, true));
        level->resample = level->register_module("3", i + 1 == levels ? std::make_shared<Conv>(in, out, 3, 1, 1)
                                                                      : std::make_shared<Conv>(in, out, 4, 2, 1));
        downs_.push_back(level);
    }
    const int64_t mid = dims.back();
    midBlock1_ = register_module("mid_block1", std::make_shared<ResnetBlock>(mid, mid, timeDim, groups));
    midAttn_ = register_module("mid_attn", std::make_shared<AttentionUnit>(mid, config_.heads, config_.dimHead, false));
    midBlock2_ = register_module("mid_block2", std::make_shared<ResnetBlock>(mid, mid, timeDim, groups));

    auto upsNode = register_module("ups", std::make_shared<Node>());
    auto noSkipNode = register_module("ups_no_skip", std::make_shared<Node>());
    for (size_t i = 0; i < levels; ++i) {
        const bool last = i + 1 == levels;
        const int64_t in = dims[levels - 1 - i], out = dims[levels - i];
        ups_.push_back(addUpLevel(*upsNode, i, out + in, out, in, last));
        upsNoSkip_.push_back(addUpLevel(*noSkipNode, i, out, out, in, last));
    }
    finalResBlock1_ = register_module("final_res_block_1", std::make_shared<ResnetBlock>(dim, dim, timeDim, groups));
    finalConv1_ = register_module("final_conv_1", std::make_shared<Conv>(dim, config_.channels, 1, 1, 0));
    finalResBlock2_ =
        register_module("final_res_block_2", std::make_shared<ResnetBlock>(2 * dim, dim, timeDim, groups));
    finalConv2_ = register_module("final_conv_2", std::make_shared<Conv>(dim, config_.channels, 1, 1, 0));
}

torch::Tensor UNetRes::timeEmbedding(const torch::Tensor& t) const {
    // As the U-Net's: sinusoidal features in float32, Linear, exact GELU, Linear.
    const int64_t half = config_.dim / 2;
    const double step = std::log(10000.0) / static_cast<double>(half - 1);
    const auto opts = torch::TensorOptions().dtype(torch::kFloat).device(t.device());
    const torch::Tensor freqs = at::exp(at::arange(half, opts) * (-step));
    const torch::Tensor angles = t.to(torch::kFloat).unsqueeze(1) * freqs.unsqueeze(0);
    torch::Tensor emb = at::cat({angles.sin(), angles.cos()}, -1).to(timeLinear1_->weight.scalar_type());
    return timeLinear2_->forward(at::gelu(timeLinear1_->forward(emb)));
}

torch::Tensor UNetRes::forwardSharedEncoder(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& tIn) {
    std::optional<torch::NoGradGuard> noGrad; // training (rdbm-train --method rddm) needs the graph
    if (!is_training()) noGrad.emplace();
    torch::Tensor t = tIn.to(x.device());
    if (t.size(0) != x.size(0)) t = t.expand({x.size(0)});
    const torch::Tensor timeAct = at::silu(timeEmbedding(t));

    torch::Tensor h = initConv_->forward(at::cat({x, mu}, 1).contiguous(at::MemoryFormat::ChannelsLast));
    const torch::Tensor initOut = h;
    std::vector<torch::Tensor> skips;
    for (const auto& level : downs_) {
        h = level->block1->forward(h, timeAct);
        skips.push_back(h);
        h = level->attn->forward(level->block2->forward(h, timeAct));
        skips.push_back(h);
        h = level->resample->forward(h);
    }
    h = midBlock2_->forward(midAttn_->forward(midBlock1_->forward(h, timeAct)), timeAct);

    auto upsample = [](const std::shared_ptr<Level>& level, torch::Tensor v) {
        if (level->upsample) v = at::upsample_nearest2d(v, {2 * v.size(2), 2 * v.size(3)}, 2.0, 2.0);
        return level->resample->forward(v);
    };
    // Residual decoder: the middle features up without skip connections.
    torch::Tensor res = h;
    for (const auto& level : upsNoSkip_)
        res = upsample(level,
                       level->attn->forward(level->block2->forward(level->block1->forward(res, timeAct), timeAct)));
    res = finalConv1_->forward(finalResBlock1_->forward(res, timeAct));

    // Noise decoder: the U-Net's, with the skips.
    for (const auto& level : ups_) {
        h = level->block1->forward(at::cat({h, skips.back()}, 1), timeAct);
        skips.pop_back();
        h = level->block2->forward(at::cat({h, skips.back()}, 1), timeAct);
        skips.pop_back();
        h = upsample(level, level->attn->forward(h));
    }
    const torch::Tensor noise = finalConv2_->forward(finalResBlock2_->forward(at::cat({h, initOut}, 1), timeAct));
    return at::cat({res.contiguous(), noise.contiguous()}, 1);
}

torch::Tensor UNetRes::forward(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t) {
    if (shareEncoder_ == 1) {
        if (x.dim() != 4 || mu.dim() != 4 || x.size(1) + mu.size(1) != config_.inChannels)
            throw Error(ErrorKind::Usage, "UnetRes input: x and mu must be NCHW with " +
                                              std::to_string(config_.inChannels) + " channels together");
        const int64_t f = config_.downsampleFactor();
        if (x.size(2) % f || x.size(3) % f)
            throw Error(ErrorKind::Usage, "UnetRes input: size is not a multiple of " + std::to_string(f));
        return forwardSharedEncoder(x, mu, t);
    }
    const torch::Tensor first = unet0_->forward(x, mu, t);
    if (!unet1_) return first;
    return at::cat({first, unet1_->forward(x, mu, t)}, 1);
}

torch::Tensor UNetRes::forwardPadded(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                                     PadMode padMode) {
    const int64_t f = config_.downsampleFactor(), H = x.size(2), W = x.size(3);
    if (H % f == 0 && W % f == 0) return forward(x, mu, t);
    std::optional<torch::NoGradGuard> noGrad;
    if (!is_training()) noGrad.emplace();
    const torch::Tensor out = forward(padToMultiple(x, f, padMode), padToMultiple(mu, f, padMode), t);
    return out.narrow(2, 0, H).narrow(3, 0, W).contiguous();
}

void UNetRes::loadWeights(const std::map<std::string, torch::Tensor>& weights, const std::string& sourceName) {
    ShapeMap shapes;
    for (const auto& [key, value] : weights) shapes[key] = value.sizes().vec();
    validateUNetResWeights(config_, shareEncoder_, shapes, sourceName);
    torch::NoGradGuard noGrad;
    for (auto& param : named_parameters(/*recurse=*/true)) {
        auto it = weights.find(param.key());
        if (it == weights.end()) // cannot happen while the layout table and the modules agree
            throw Error(ErrorKind::Checkpoint, sourceName + ": no weights for '" + param.key() + "'");
        param.value().copy_(it->second);
    }
}

void UNetRes::freezeForInference() {
    eval();
    if (unet0_) unet0_->freezeForInference();
    if (unet1_) unet1_->freezeForInference();
    if (shareEncoder_ != 1) return;
    for (const auto& m : modules(/*include_self=*/false)) {
        if (auto ws = std::dynamic_pointer_cast<unet::WSConv>(m)) ws->freeze();
        if (auto conv = std::dynamic_pointer_cast<unet::Conv>(m)) conv->freeze();
    }
}

} // namespace rdbm

#include "net/UNet.h"

#include <cmath>
#include <optional>
#include <sstream>

#include "net/PhotoStatistics.h"
#include "net/UNetLayout.h"
#include "rdbm/Error.h"

namespace rdbm {

using unet::AttentionUnit;
using unet::Conv;
using unet::Node;
using unet::ResnetBlock;

PadMode padModeFromString(const std::string& s) {
    if (s == "reflect") return PadMode::Reflect;
    if (s == "replicate") return PadMode::Replicate;
    if (s == "zero" || s == "constant") return PadMode::Zero;
    throw Error(ErrorKind::Usage, "unknown pad mode '" + s + "' (expected reflect, replicate or zero)");
}

torch::Tensor padToMultiple(const torch::Tensor& x, int64_t multiple, PadMode mode) {
    const int64_t H = x.size(-2), W = x.size(-1);
    const int64_t ph = (multiple - H % multiple) % multiple, pw = (multiple - W % multiple) % multiple;
    if (ph == 0 && pw == 0) return x;
    // Reflection needs each pad smaller than its side (tiny tiles): replicate instead.
    if (mode == PadMode::Reflect && (ph >= H || pw >= W)) mode = PadMode::Replicate;
    switch (mode) {
    case PadMode::Reflect: return at::reflection_pad2d(x, {0, pw, 0, ph});
    case PadMode::Replicate: return at::replication_pad2d(x, {0, pw, 0, ph});
    case PadMode::Zero: break;
    }
    return at::constant_pad_nd(x, {0, pw, 0, ph}, 0.0);
}

UNet::UNet(const UNetConfig& config) : config_(config) {
    checkUNetConfig(config_, "U-Net");
    const int64_t dim = config_.dim, timeDim = 4 * dim, groups = config_.groups;
    const int64_t heads = config_.heads, dimHead = config_.dimHead;
    std::vector<int64_t> dims{dim};
    for (int m : config_.dimMults) dims.push_back(dim * m);
    const size_t levels = config_.dimMults.size();

    // Registration order follows the reference, so named_parameters() lists the keys
    // in its state-dict order: init_conv, time_mlp, downs, ups, mid_*, final_*.
    initConv_ = register_module("init_conv", std::make_shared<Conv>(config_.inChannels, dim, 7, 1, 3));
    auto timeMlp = register_module("time_mlp", std::make_shared<Node>());
    timeLinear1_ = timeMlp->register_module("1", std::make_shared<unet::Linear>(dim, timeDim));
    timeLinear2_ = timeMlp->register_module("3", std::make_shared<unet::Linear>(timeDim, timeDim));
    if (config_.globalStats > 0) {
        // Not in the reference. The last layer starts at zero, so a network fine-tuned
        // from a reference checkpoint starts out computing exactly what that one did.
        auto statsMlp = register_module("stats_mlp", std::make_shared<Node>());
        statsLinear1_ = statsMlp->register_module("0", std::make_shared<unet::Linear>(config_.globalStats, timeDim));
        statsLinear2_ = statsMlp->register_module("2", std::make_shared<unet::Linear>(timeDim, timeDim));
        torch::NoGradGuard noGrad;
        statsLinear2_->weight.zero_();
        statsLinear2_->bias.zero_();
    }

    auto downsNode = register_module("downs", std::make_shared<Node>());
    auto upsNode = register_module("ups", std::make_shared<Node>());
    for (size_t i = 0; i < levels; ++i) {
        const bool last = i + 1 == levels;
        const int64_t in = dims[i], out = dims[i + 1];
        auto level = downsNode->register_module(std::to_string(i), std::make_shared<Level>());
        level->block1 = level->register_module("0", std::make_shared<ResnetBlock>(in, in, timeDim, groups));
        level->block2 = level->register_module("1", std::make_shared<ResnetBlock>(in, in, timeDim, groups));
        level->attn = level->register_module("2", std::make_shared<AttentionUnit>(in, heads, dimHead, true));
        level->resample = level->register_module(
            "3", last ? std::make_shared<Conv>(in, out, 3, 1, 1) : std::make_shared<Conv>(in, out, 4, 2, 1));
        downs_.push_back(level);
    }
    for (size_t i = 0; i < levels; ++i) {
        const bool last = i + 1 == levels;
        const int64_t in = dims[levels - 1 - i], out = dims[levels - i];
        auto level = upsNode->register_module(std::to_string(i), std::make_shared<Level>());
        level->block1 = level->register_module("0", std::make_shared<ResnetBlock>(out + in, out, timeDim, groups));
        level->block2 = level->register_module("1", std::make_shared<ResnetBlock>(out + in, out, timeDim, groups));
        level->attn = level->register_module("2", std::make_shared<AttentionUnit>(out, heads, dimHead, true));
        if (last) {
            level->resample = level->register_module("3", std::make_shared<Conv>(out, in, 3, 1, 1));
        } else {
            // nn.Sequential(Upsample, Conv2d): the conv is element 1.
            auto seq = level->register_module("3", std::make_shared<Node>());
            level->resample = seq->register_module("1", std::make_shared<Conv>(out, in, 3, 1, 1));
            level->upsample = true;
        }
        ups_.push_back(level);
    }

    const int64_t mid = dims.back();
    midBlock1_ = register_module("mid_block1", std::make_shared<ResnetBlock>(mid, mid, timeDim, groups));
    midAttn_ = register_module("mid_attn", std::make_shared<AttentionUnit>(mid, heads, dimHead, false));
    midBlock2_ = register_module("mid_block2", std::make_shared<ResnetBlock>(mid, mid, timeDim, groups));
    finalResBlock_ = register_module("final_res_block", std::make_shared<ResnetBlock>(2 * dim, dim, timeDim, groups));
    finalConv_ = register_module("final_conv", std::make_shared<Conv>(dim, config_.channels, 1, 1, 0));

    for (const auto& m : modules(/*include_self=*/false)) {
        if (auto ws = std::dynamic_pointer_cast<unet::WSConv>(m)) wsConvs_.push_back(ws);
        if (auto conv = std::dynamic_pointer_cast<unet::Conv>(m)) convs_.push_back(conv);
    }
}

void UNet::checkInputs(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t, bool padded) const {
    auto fail = [](const std::string& what) { throw Error(ErrorKind::Usage, "U-Net input: " + what); };
    auto shape = [](const torch::Tensor& v) { return formatShape(v.sizes().vec()); };
    if (!x.defined() || !mu.defined() || !t.defined()) fail("undefined tensor");
    if (x.dim() != 4 || mu.dim() != 4) fail("x and mu must be NCHW, got " + shape(x) + " and " + shape(mu));
    if (x.size(0) != mu.size(0) || x.size(2) != mu.size(2) || x.size(3) != mu.size(3))
        fail("x " + shape(x) + " and mu " + shape(mu) + " differ in batch or size");
    if (x.size(1) + mu.size(1) != config_.inChannels)
        fail("x " + shape(x) + " and mu " + shape(mu) + " give " + std::to_string(x.size(1) + mu.size(1)) +
             " input channels, the network takes " + std::to_string(config_.inChannels));
    if (t.dim() != 1 || (t.size(0) != x.size(0) && t.size(0) != 1))
        fail("t must have shape [" + std::to_string(x.size(0)) + "], got " + shape(t));
    const int64_t f = config_.downsampleFactor();
    if (!padded && (x.size(2) % f || x.size(3) % f))
        fail("size " + std::to_string(x.size(2)) + "x" + std::to_string(x.size(3)) + " is not a multiple of " +
             std::to_string(f) + " (use forwardPadded)");
    const torch::Tensor& w = initConv_->weight;
    if (x.scalar_type() != w.scalar_type() || mu.scalar_type() != w.scalar_type() || x.device() != w.device() ||
        mu.device() != w.device()) {
        std::ostringstream msg;
        msg << "U-Net input is " << x.scalar_type() << " on " << x.device() << " but the weights are "
            << w.scalar_type() << " on " << w.device();
        throw Error(ErrorKind::Runtime, msg.str());
    }
}

torch::Tensor UNet::timeEmbedding(const torch::Tensor& t) const {
    // Sinusoidal embedding in float32 as the reference: f_k = exp(-k ln(10000) / (dim/2 - 1)).
    const int64_t half = config_.dim / 2;
    const double step = std::log(10000.0) / static_cast<double>(half - 1);
    const auto opts = torch::TensorOptions().dtype(torch::kFloat).device(t.device());
    const torch::Tensor freqs = at::exp(at::arange(half, opts) * (-step));
    const torch::Tensor angles = t.to(torch::kFloat).unsqueeze(1) * freqs.unsqueeze(0);
    torch::Tensor emb = at::cat({angles.sin(), angles.cos()}, -1).to(timeLinear1_->weight.scalar_type());
    emb = at::gelu(timeLinear1_->forward(emb)); // exact (erf) GELU as nn.GELU()
    return timeLinear2_->forward(emb);
}

torch::Tensor UNet::statsEmbedding(const torch::Tensor& mu, const torch::Tensor& statsIn, int64_t batch) const {
    torch::Tensor stats = statsIn.defined() ? statsIn : photoStatistics(mu);
    if (stats.dim() != 2 || stats.size(1) != config_.globalStats || (stats.size(0) != batch && stats.size(0) != 1))
        throw Error(ErrorKind::Runtime, "U-Net: the photo statistics must be [" + std::to_string(batch) + " or 1, " +
                                            std::to_string(config_.globalStats) + "], got " +
                                            formatShape(stats.sizes().vec()));
    stats = stats.to(statsLinear1_->weight.device(), statsLinear1_->weight.scalar_type());
    const torch::Tensor e = statsLinear2_->forward(at::gelu(statsLinear1_->forward(stats)));
    return e.size(0) == batch ? e : e.expand({batch, e.size(1)});
}

torch::Tensor UNet::forward(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& tIn,
                            const torch::Tensor& stats) {
    checkInputs(x, mu, tIn, false);
    std::optional<torch::NoGradGuard> noGrad;
    if (!is_training()) noGrad.emplace();

    torch::Tensor t = tIn.to(x.device());
    if (t.size(0) != x.size(0)) t = t.expand({x.size(0)});
    torch::Tensor embedding = timeEmbedding(t);
    if (config_.globalStats > 0) embedding = embedding + statsEmbedding(mu, stats, x.size(0));
    // Every ResnetBlock's mlp starts with SiLU of the same embedding: compute it once.
    const torch::Tensor timeAct = at::silu(embedding);

    // Channels-last from here on (see UNetBlocks.h); the result goes back to NCHW.
    torch::Tensor h = initConv_->forward(at::cat({x, mu}, 1).contiguous(at::MemoryFormat::ChannelsLast));
    const torch::Tensor initOut = h; // never modified in place below
    std::vector<torch::Tensor> skips;
    skips.reserve(2 * downs_.size());
    for (const auto& level : downs_) {
        h = level->block1->forward(h, timeAct);
        skips.push_back(h);
        h = level->attn->forward(level->block2->forward(h, timeAct));
        skips.push_back(h);
        h = level->resample->forward(h);
    }

    h = midBlock1_->forward(h, timeAct);
    h = midAttn_->forward(h);
    h = midBlock2_->forward(h, timeAct);

    for (const auto& level : ups_) {
        h = level->block1->forward(at::cat({h, skips.back()}, 1), timeAct);
        skips.pop_back();
        h = level->block2->forward(at::cat({h, skips.back()}, 1), timeAct);
        skips.pop_back();
        h = level->attn->forward(h);
        if (level->upsample) h = at::upsample_nearest2d(h, {2 * h.size(2), 2 * h.size(3)}, 2.0, 2.0);
        h = level->resample->forward(h);
    }

    h = finalResBlock_->forward(at::cat({h, initOut}, 1), timeAct);
    return finalConv_->forward(h).contiguous();
}

torch::Tensor UNet::forwardPadded(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                                  PadMode padMode, const torch::Tensor& statsIn) {
    checkInputs(x, mu, t, true);
    const int64_t f = config_.downsampleFactor(), H = x.size(2), W = x.size(3);
    if (H % f == 0 && W % f == 0) return forward(x, mu, t, statsIn);
    std::optional<torch::NoGradGuard> noGrad;
    if (!is_training()) noGrad.emplace();
    // The padding is not part of the photo, so it must not move its statistics.
    const torch::Tensor stats = config_.globalStats > 0 && !statsIn.defined() ? photoStatistics(mu) : statsIn;
    const torch::Tensor out = forward(padToMultiple(x, f, padMode), padToMultiple(mu, f, padMode), t, stats);
    return out.narrow(2, 0, H).narrow(3, 0, W).contiguous();
}

void UNet::loadWeights(const std::map<std::string, torch::Tensor>& weights, const std::string& sourceName) {
    ShapeMap shapes;
    for (const auto& [key, value] : weights) shapes[key] = value.sizes().vec();
    validateWeights(config_, shapes, sourceName);

    torch::NoGradGuard noGrad;
    for (auto& param : named_parameters(/*recurse=*/true)) {
        auto it = weights.find(param.key());
        if (it == weights.end()) // cannot happen while the layout table and the modules agree
            throw Error(ErrorKind::Checkpoint, sourceName + ": no weights for '" + param.key() + "'");
        param.value().copy_(it->second);
    }
    if (frozen_) freezeForInference();
}

void UNet::freezeForInference() {
    eval();
    for (const auto& ws : wsConvs_) ws->freeze();
    for (const auto& conv : convs_) conv->freeze();
    frozen_ = true;
}

void UNet::train(bool on) {
    torch::nn::Module::train(on);
    if (on && frozen_) {
        for (const auto& ws : wsConvs_) ws->unfreeze();
        for (const auto& conv : convs_) conv->unfreeze();
        frozen_ = false;
    }
}

void UNet::to(torch::Device device, torch::Dtype dtype, bool nonBlocking) {
    torch::nn::Module::to(device, dtype, nonBlocking);
    if (frozen_) freezeForInference();
}

void UNet::to(torch::Dtype dtype, bool nonBlocking) {
    torch::nn::Module::to(dtype, nonBlocking);
    if (frozen_) freezeForInference();
}

void UNet::to(torch::Device device, bool nonBlocking) {
    torch::nn::Module::to(device, nonBlocking);
    if (frozen_) freezeForInference();
}

} // namespace rdbm

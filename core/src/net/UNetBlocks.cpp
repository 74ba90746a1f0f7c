#include "net/UNetBlocks.h"

#include <cmath>

namespace rdbm::unet {

namespace {

// PyTorch's default init for conv and linear layers: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
// for weight and bias (kaiming_uniform with a = sqrt(5)), so a fresh net trains as the
// reference's would.
torch::Tensor uniformInit(torch::IntArrayRef shape, int64_t fanIn) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(fanIn));
    return torch::empty(shape).uniform_(-bound, bound);
}

double normEps(const torch::Tensor& x) { return x.scalar_type() == torch::kFloat ? 1e-5 : 1e-3; }

torch::Tensor standardize(const torch::Tensor& w, double eps) {
    auto [var, mean] = at::var_mean(w, {1, 2, 3}, /*unbiased=*/false, /*keepdim=*/true);
    return (w - mean) * (var + eps).rsqrt();
}

torch::Tensor silu(torch::Tensor h) { return inPlaceOk(h) ? at::silu_(h) : at::silu(h); }

torch::Tensor addResidual(torch::Tensor h, const torch::Tensor& r) {
    return inPlaceOk(h) && inPlaceOk(r) ? h.add_(r) : h + r;
}

} // namespace

Conv::Conv(int64_t in, int64_t out, int64_t kernel, int64_t stride_, int64_t padding_, bool withBias)
    : stride(stride_), padding(padding_) {
    const int64_t fanIn = in * kernel * kernel;
    weight = register_parameter("weight", uniformInit({out, in, kernel, kernel}, fanIn));
    if (withBias) bias = register_parameter("bias", uniformInit({out}, fanIn));
}

torch::Tensor Conv::forward(const torch::Tensor& x) const {
    return at::conv2d(x, weight, bias, {stride, stride}, {padding, padding});
}

WSConv::WSConv(int64_t in, int64_t out) {
    weight = register_parameter("weight", uniformInit({out, in, 3, 3}, in * 9));
    bias = register_parameter("bias", uniformInit({out}, in * 9));
}

torch::Tensor WSConv::forward(const torch::Tensor& x) const {
    // The frozen copy is used only while it still describes the weights: not training,
    // same dtype and device, and no in-place update (optimizer step, load) since.
    const bool useFrozen = frozen_.defined() && !is_training() && frozen_.scalar_type() == x.scalar_type() &&
                           frozen_.device() == x.device() && weight._version() == frozenVersion_;
    const torch::Tensor w = useFrozen ? frozen_ : standardize(weight, normEps(x));
    return at::conv2d(x, w, bias, {1, 1}, {1, 1});
}

void WSConv::freeze() {
    torch::NoGradGuard noGrad;
    // Standardize in float32 with the eps the reference uses for this dtype, then cast.
    const double eps = weight.scalar_type() == torch::kFloat ? 1e-5 : 1e-3;
    frozen_ = standardize(weight.detach().to(torch::kFloat), eps).to(weight.scalar_type()).contiguous();
    frozenVersion_ = weight._version();
}

GroupNorm::GroupNorm(int64_t channels) {
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

ChannelNorm::ChannelNorm(int64_t channels) { g = register_parameter("g", torch::ones({1, channels, 1, 1})); }

torch::Tensor ChannelNorm::forward(const torch::Tensor& x) const {
    auto [var, mean] = at::var_mean(x, {1}, /*unbiased=*/false, /*keepdim=*/true);
    if (!inPlaceOk(x) || !inPlaceOk(g)) return (x - mean) * (var + normEps(x)).rsqrt() * g;
    torch::Tensor y = x - mean;
    return y.mul_(var.add_(normEps(x)).rsqrt_()).mul_(g);
}

Linear::Linear(int64_t in, int64_t out) {
    weight = register_parameter("weight", uniformInit({out, in}, in));
    bias = register_parameter("bias", uniformInit({out}, in));
}

torch::Tensor Linear::forward(const torch::Tensor& x) const { return at::linear(x, weight, bias); }

Block::Block(int64_t in, int64_t out, int64_t groups_) : groups(groups_) {
    proj = register_module("proj", std::make_shared<WSConv>(in, out));
    norm = register_module("norm", std::make_shared<GroupNorm>(out));
}

torch::Tensor Block::forward(const torch::Tensor& x, const torch::Tensor& scaleShift) const {
    torch::Tensor h = proj->forward(x);
    if (!scaleShift.defined())
        return silu(at::group_norm(h, groups, norm->weight, norm->bias, 1e-5));

    // GroupNorm's affine and the time modulation fused into one per-sample affine:
    // (n*w + b)*(s+1) + shift = n*(w*(s+1)) + (b*(s+1) + shift). Treating the batch as
    // one sample of B*C channels in B*groups groups normalizes each sample alone.
    const int64_t B = h.size(0), C = h.size(1);
    const torch::Tensor scale1 = scaleShift.narrow(1, 0, C) + 1;
    const torch::Tensor gain = (norm->weight * scale1).reshape({B * C});
    const torch::Tensor offset = at::addcmul(scaleShift.narrow(1, C, C), norm->bias, scale1).reshape({B * C});
    const auto sizes = h.sizes().vec();
    torch::Tensor n = at::group_norm(h.reshape({1, B * C, sizes[2], sizes[3]}), B * groups, gain, offset, 1e-5);
    return silu(n.view(sizes));
}

ResnetBlock::ResnetBlock(int64_t in, int64_t out, int64_t timeDim, int64_t groups) {
    auto mlpNode = register_module("mlp", std::make_shared<Node>());
    mlp = mlpNode->register_module("1", std::make_shared<Linear>(timeDim, out * 2));
    block1 = register_module("block1", std::make_shared<Block>(in, out, groups));
    block2 = register_module("block2", std::make_shared<Block>(out, out, groups));
    if (in != out) resConv = register_module("res_conv", std::make_shared<Conv>(in, out, 1, 1, 0));
}

torch::Tensor ResnetBlock::forward(const torch::Tensor& x, const torch::Tensor& timeAct) const {
    torch::Tensor h = block1->forward(x, mlp->forward(timeAct));
    h = block2->forward(h, torch::Tensor());
    return addResidual(h, resConv ? resConv->forward(x) : x);
}

AttentionUnit::AttentionUnit(int64_t channels, int64_t heads_, int64_t dimHead_, bool linear_)
    : heads(heads_), dimHead(dimHead_), linear(linear_) {
    const int64_t hidden = heads * dimHead;
    auto pre = register_module("fn", std::make_shared<Node>());     // Residual.fn = PreNorm
    auto attn = pre->register_module("fn", std::make_shared<Node>()); // PreNorm.fn = (Linear)Attention
    norm = pre->register_module("norm", std::make_shared<ChannelNorm>(channels));
    toQkv = attn->register_module("to_qkv", std::make_shared<Conv>(channels, hidden * 3, 1, 1, 0, false));
    if (linear) {
        auto out = attn->register_module("to_out", std::make_shared<Node>());
        toOut = out->register_module("0", std::make_shared<Conv>(hidden, channels, 1, 1, 0));
        outNorm = out->register_module("1", std::make_shared<ChannelNorm>(channels));
    } else {
        toOut = attn->register_module("to_out", std::make_shared<Conv>(hidden, channels, 1, 1, 0));
    }
}

torch::Tensor AttentionUnit::forward(const torch::Tensor& x) const {
    const torch::Tensor y = norm->forward(x);
    return addResidual(linear ? linearAttention(y) : fullAttention(y), x);
}

torch::Tensor AttentionUnit::linearAttention(const torch::Tensor& x) const {
    const int64_t B = x.size(0), H = x.size(2), W = x.size(3), N = H * W;
    const torch::Tensor qkv = toQkv->forward(x).view({B, 3, heads, dimHead, N});
    const torch::Tensor q = at::softmax(qkv.select(1, 0), -2); // over the head's features
    const torch::Tensor k = at::softmax(qkv.select(1, 1), -1); // over positions
    const torch::Tensor v = qkv.select(1, 2);
    // The reference scales q by dim_head^-0.5 and v by 1/N; both fold into the small
    // dimHead x dimHead context.
    torch::Tensor context = at::matmul(k, v.transpose(-1, -2));
    const double factor = 1.0 / (std::sqrt(static_cast<double>(dimHead)) * static_cast<double>(N));
    context = inPlaceOk(context) ? context.mul_(factor) : context * factor;
    const torch::Tensor out = at::matmul(context.transpose(-1, -2), q); // B h e N
    return outNorm->forward(toOut->forward(out.reshape({B, heads * dimHead, H, W})));
}

torch::Tensor AttentionUnit::fullAttention(const torch::Tensor& x) const {
    const int64_t B = x.size(0), H = x.size(2), W = x.size(3), N = H * W;
    const torch::Tensor qkv = toQkv->forward(x).view({B, 3, heads, dimHead, N});
    const torch::Tensor q = qkv.select(1, 0) * (1.0 / std::sqrt(static_cast<double>(dimHead)));
    const torch::Tensor k = qkv.select(1, 1), v = qkv.select(1, 2);
    const torch::Tensor attn = at::softmax(at::matmul(q.transpose(-1, -2), k), -1); // B h i j
    // v attn^T is the reference's (attn v^T)^T, already in the B (h d) N layout.
    const torch::Tensor out = at::matmul(v, attn.transpose(-1, -2));
    return toOut->forward(out.reshape({B, heads * dimHead, H, W}));
}

} // namespace rdbm::unet

#include "net/UNetBlocks.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "net/FullAttentionKernel.h"
#include "net/LinearAttentionKernel.h"

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

torch::Tensor siluMaybeInPlace(torch::Tensor h) { return inPlaceOk(h) ? at::silu_(h) : at::silu(h); }

torch::Tensor addResidual(torch::Tensor h, const torch::Tensor& r) {
    return inPlaceOk(h) && inPlaceOk(r) ? h.add_(r) : h + r;
}

std::atomic<bool>& fusedFlag() {
    static std::atomic<bool> flag{[] {
        // Off unless asked for: on the build machine neither kernel has yet beaten LibTorch
        // with OpenBLAS's AVX-512 kernels inside a whole network call (see the header).
        const char* v = std::getenv("RDBM_FUSED_KERNELS");
        return v != nullptr && std::strcmp(v, "1") == 0;
    }()};
    return flag;
}

} // namespace

FlopCount& threadFlopCount() {
    thread_local FlopCount count;
    return count;
}

namespace {
void countConvolution(const torch::Tensor& out, int64_t in, int64_t kernel) {
    threadFlopCount().convolution += 2.0 * static_cast<double>(out.numel()) * static_cast<double>(in * kernel * kernel);
}
} // namespace

bool fusedKernelsEnabled() { return fusedFlag().load(std::memory_order_relaxed); }
void setFusedKernelsEnabled(bool on) { fusedFlag().store(on, std::memory_order_relaxed); }

torch::Tensor pixelMatrix(const torch::Tensor& x) {
    const int64_t B = x.size(0), C = x.size(1), N = x.size(2) * x.size(3);
    return x.contiguous(at::MemoryFormat::ChannelsLast).permute({0, 2, 3, 1}).reshape({B, N, C});
}

torch::Tensor fromPixelMatrix(const torch::Tensor& m, int64_t H, int64_t W) {
    return m.view({m.size(0), H, W, m.size(2)}).permute({0, 3, 1, 2});
}

void PreparedWeight::set(const torch::Tensor& source, torch::Tensor prepared) {
    prepared_ = std::move(prepared);
    version_ = source._version();
}

bool PreparedWeight::usableFor(const torch::Tensor& source, const torch::Tensor& x, bool training) const {
    return prepared_.defined() && !training && prepared_.scalar_type() == x.scalar_type() &&
           prepared_.device() == x.device() && source._version() == version_;
}

Conv::Conv(int64_t in, int64_t out, int64_t kernel_, int64_t stride_, int64_t padding_, bool withBias)
    : kernel(kernel_), stride(stride_), padding(padding_) {
    const int64_t fanIn = in * kernel * kernel;
    weight = register_parameter("weight", uniformInit({out, in, kernel, kernel}, fanIn));
    if (withBias) bias = register_parameter("bias", uniformInit({out}, fanIn));
}

torch::Tensor Conv::forward(const torch::Tensor& x) const {
    if (kernel == 1 && stride == 1 && padding == 0) {
        // A pointwise conv is a matrix product on the pixel matrix (no layout reorders).
        const torch::Tensor w = weight.view({weight.size(0), weight.size(1)});
        torch::Tensor out = fromPixelMatrix(at::linear(pixelMatrix(x), w, bias), x.size(2), x.size(3));
        countConvolution(out, weight.size(1), 1);
        return out;
    }
    const torch::Tensor& w = prepared_.usableFor(weight, x, is_training()) ? prepared_.get() : weight;
    torch::Tensor out = at::conv2d(x, w, bias, {stride, stride}, {padding, padding});
    countConvolution(out, weight.size(1), kernel);
    return out;
}

void Conv::freeze() {
    torch::NoGradGuard noGrad;
    if (kernel > 1) prepared_.set(weight, weight.detach().contiguous(at::MemoryFormat::ChannelsLast));
}

WSConv::WSConv(int64_t in, int64_t out) {
    weight = register_parameter("weight", uniformInit({out, in, 3, 3}, in * 9));
    bias = register_parameter("bias", uniformInit({out}, in * 9));
}

torch::Tensor WSConv::forward(const torch::Tensor& x) const {
    const torch::Tensor w =
        prepared_.usableFor(weight, x, is_training()) ? prepared_.get() : standardize(weight, normEps(x));
    torch::Tensor out = at::conv2d(x, w, bias, {1, 1}, {1, 1});
    countConvolution(out, weight.size(1), 3);
    return out;
}

void WSConv::freeze() {
    torch::NoGradGuard noGrad;
    // Standardize in float32 with the eps the reference uses for this dtype, then cast.
    const double eps = weight.scalar_type() == torch::kFloat ? 1e-5 : 1e-3;
    prepared_.set(weight, standardize(weight.detach().to(torch::kFloat), eps)
                              .to(weight.scalar_type())
                              .contiguous(at::MemoryFormat::ChannelsLast));
}

GroupNorm::GroupNorm(int64_t channels) {
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

ChannelNorm::ChannelNorm(int64_t channels) { g = register_parameter("g", torch::ones({1, channels, 1, 1})); }

torch::Tensor ChannelNorm::forward(const torch::Tensor& x) const {
    // Channels-last activations are the [B, pixels, C] matrix, where this is a LayerNorm
    // over contiguous rows (one pass, several times faster than var_mean across strides).
    if (x.dim() == 4 && x.is_contiguous(at::MemoryFormat::ChannelsLast) && g.is_contiguous()) {
        const int64_t C = x.size(1);
        return fromPixelMatrix(at::layer_norm(pixelMatrix(x), {C}, g.view({C}), {}, normEps(x)), x.size(2), x.size(3));
    }
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
    const torch::Tensor h = proj->forward(x);
    if (!scaleShift.defined()) return siluMaybeInPlace(at::group_norm(h, groups, norm->weight, norm->bias, 1e-5));

    // GroupNorm's affine and the time modulation fused into one per-sample affine:
    // (n*w + b)*(s+1) + shift = n*(w*(s+1)) + (b*(s+1) + shift).
    const int64_t B = h.size(0), C = h.size(1);
    const torch::Tensor scale1 = scaleShift.narrow(1, 0, C) + 1;
    const torch::Tensor gain = norm->weight * scale1;
    const torch::Tensor offset = at::addcmul(scaleShift.narrow(1, C, C), norm->bias, scale1);
    if (B == 1) // the common inference case: one GroupNorm call does it all
        return siluMaybeInPlace(at::group_norm(h, groups, gain.view({C}), offset.view({C}), 1e-5));
    const torch::Tensor n = at::group_norm(h, groups, {}, {}, 1e-5);
    return siluMaybeInPlace(at::addcmul(offset.view({B, C, 1, 1}), n, gain.view({B, C, 1, 1})));
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
    auto pre = register_module("fn", std::make_shared<Node>());       // Residual.fn = PreNorm
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
    {
        // The reference's products: the qkv and output projections, then per head either
        // k^T v and q context (linear) or q k^T and attn v (full).
        const double B = static_cast<double>(x.size(0)), C = static_cast<double>(x.size(1));
        const double N = static_cast<double>(x.size(2) * x.size(3)), dh = static_cast<double>(dimHead);
        const double hid = static_cast<double>(heads) * dh;
        threadFlopCount().convolution += 2.0 * B * N * C * 4.0 * hid;
        threadFlopCount().attention += linear ? 2.0 * 2.0 * B * N * hid * dh : 2.0 * 2.0 * B * N * N * hid;
    }
    const torch::Tensor y = norm->forward(x);
    const bool recording = torch::GradMode::is_enabled() && (y.requires_grad() || toQkv->weight.requires_grad());
    const torch::Tensor a =
        linear ? (recording ? linearAttention(y) : linearAttentionChunked(y)) : fullAttention(y, !recording);
    return addResidual(a, x);
}

// Linear attention on the pixel matrix X [B, N, C], per head h with features d, e:
//   q = softmax_d(X Wq^T) * dim_head^-0.5,  k = softmax_N(X Wk^T),  v = X Wv^T / N,
//   context_h = k_h^T v_h [d, e],  out_h = q_h context_h,  y = out Wo^T + bo.
// Folding the scales into the small context and Wo into M_h = context_h Wo_h^T [d, C]
// gives y = q M + bo: the [N, heads*dim_head] output of the reference is never formed.
torch::Tensor AttentionUnit::linearAttention(const torch::Tensor& x) const {
    const int64_t B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), N = H * W;
    const int64_t hidden = heads * dimHead;
    const torch::Tensor X = pixelMatrix(x);
    const torch::Tensor Wqkv = toQkv->weight.view({3 * hidden, C});
    const torch::Tensor q = at::softmax(at::matmul(X, Wqkv.narrow(0, 0, hidden).t()).view({B, N, heads, dimHead}), -1);
    const torch::Tensor k = at::softmax(at::matmul(X, Wqkv.narrow(0, hidden, hidden).t()), 1);
    const torch::Tensor v = at::matmul(X, Wqkv.narrow(0, 2 * hidden, hidden).t());

    torch::Tensor context = at::matmul(k.view({B, N, heads, dimHead}).permute({0, 2, 3, 1}),  // B h d N
                                       v.view({B, N, heads, dimHead}).permute({0, 2, 1, 3})); // B h N e
    const double factor = 1.0 / (std::sqrt(static_cast<double>(dimHead)) * static_cast<double>(N));
    context = inPlaceOk(context) ? context.mul_(factor) : context * factor;

    const torch::Tensor Wo = toOut->weight.view({C, heads, dimHead}).permute({1, 2, 0}); // h e C
    const torch::Tensor M = at::matmul(context, Wo).reshape({B, hidden, C});             // B (h d) C
    const torch::Tensor y = at::baddbmm(toOut->bias.view({1, 1, C}), q.reshape({B, N, hidden}), M);
    return outNorm->forward(fromPixelMatrix(y, H, W));
}

namespace {
// Rows per chunk so that a [rows, width] intermediate holds about `budget` values.
int64_t chunkRows(int64_t width, int64_t N, int64_t budget) {
    return std::min<int64_t>(N, std::max<int64_t>(64, budget / width));
}
} // namespace

// The same linear attention without gradients, in chunks of pixels. The softmax over
// positions is accumulated online (running max per feature, rescaling the partial sums
// when it grows), so each chunk's keys and values are used once while in cache.
torch::Tensor AttentionUnit::linearAttentionChunked(const torch::Tensor& x) const {
    const int64_t B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), N = H * W;
    if (fusedKernelsEnabled() && x.device().is_cpu() && x.scalar_type() == torch::kFloat &&
        toQkv->weight.scalar_type() == torch::kFloat && linearAttentionKernelFits({N, C, heads, dimHead})) {
        const torch::Tensor X = pixelMatrix(x).contiguous();
        const torch::Tensor wQkv = toQkv->weight.contiguous(), wOut = toOut->weight.contiguous();
        const torch::Tensor bOut = toOut->bias.contiguous();
        torch::Tensor y = at::empty({B, N, C}, x.options());
        for (int64_t b = 0; b < B; ++b)
            linearAttentionForward(X[b].data_ptr<float>(), wQkv.data_ptr<float>(), wOut.data_ptr<float>(),
                                   bOut.data_ptr<float>(), y[b].data_ptr<float>(), {N, C, heads, dimHead});
        return outNorm->forward(fromPixelMatrix(y, H, W));
    }
    const int64_t hidden = heads * dimHead, rows = chunkRows(hidden, N, 1 << 18); // ~1 MiB
    const torch::Tensor X = pixelMatrix(x);
    const torch::Tensor Wqkv = toQkv->weight.view({3 * hidden, C});
    const torch::Tensor WqT = Wqkv.narrow(0, 0, hidden).t(), WkT = Wqkv.narrow(0, hidden, hidden).t();
    const torch::Tensor WvT = Wqkv.narrow(0, 2 * hidden, hidden).t();

    torch::Tensor runMax = at::full({B, 1, hidden}, -std::numeric_limits<double>::infinity(), x.options());
    torch::Tensor expSum = at::zeros({B, 1, hidden}, x.options());
    torch::Tensor context = at::zeros({B, heads, dimHead, dimHead}, x.options()); // B h d e
    for (int64_t start = 0; start < N; start += rows) {
        const int64_t n = std::min(rows, N - start);
        const torch::Tensor Xc = X.narrow(1, start, n);
        torch::Tensor k = at::matmul(Xc, WkT); // B n (h d)
        const torch::Tensor v = at::matmul(Xc, WvT);
        const torch::Tensor newMax = at::maximum(runMax, at::amax(k, {1}, /*keepdim=*/true));
        const torch::Tensor rescale = (runMax - newMax).exp_(); // 0 on the first chunk
        k.sub_(newMax).exp_();
        expSum.mul_(rescale).add_(k.sum(1, /*keepdim=*/true));
        context.mul_(rescale.view({B, heads, dimHead, 1}));
        context.add_(at::matmul(k.view({B, n, heads, dimHead}).permute({0, 2, 3, 1}),   // B h d n
                                v.view({B, n, heads, dimHead}).permute({0, 2, 1, 3}))); // B h n e
        runMax = newMax;
    }
    const double factor = 1.0 / (std::sqrt(static_cast<double>(dimHead)) * static_cast<double>(N));
    context.div_(expSum.view({B, heads, dimHead, 1})).mul_(factor);

    const torch::Tensor Wo = toOut->weight.view({C, heads, dimHead}).permute({1, 2, 0}); // h e C
    const torch::Tensor M = at::matmul(context, Wo).reshape({B, hidden, C});             // B (h d) C
    const torch::Tensor bias = toOut->bias.view({1, 1, C});
    torch::Tensor y = at::empty({B, N, C}, x.options());
    for (int64_t start = 0; start < N; start += rows) {
        const int64_t n = std::min(rows, N - start);
        const torch::Tensor q = at::softmax(at::matmul(X.narrow(1, start, n), WqT).view({B, n, heads, dimHead}), -1);
        y.narrow(1, start, n).copy_(at::baddbmm(bias, q.view({B, n, hidden}), M));
    }
    return outNorm->forward(fromPixelMatrix(y, H, W));
}

// Full softmax attention on the pixel matrix; the scale is folded into Wq.
torch::Tensor AttentionUnit::fullAttention(const torch::Tensor& x, bool chunked) const {
    const int64_t B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), N = H * W;
    const int64_t hidden = heads * dimHead;
    const torch::Tensor X = pixelMatrix(x);
    const torch::Tensor Wqkv = toQkv->weight.view({3 * hidden, C});
    const double scale = 1.0 / std::sqrt(static_cast<double>(dimHead));
    auto perHead = [&](const torch::Tensor& m, int64_t n) {
        return m.view({B, n, heads, dimHead}).permute({0, 2, 1, 3}); // B h n d
    };
    const torch::Tensor WqT = (Wqkv.narrow(0, 0, hidden) * scale).t();
    const torch::Tensor Wo = toOut->weight.view({C, hidden});
    if (chunked && fusedKernelsEnabled() && x.device().is_cpu() && x.scalar_type() == torch::kFloat &&
        Wqkv.scalar_type() == torch::kFloat && fullAttentionKernelFits({B, N, heads, dimHead})) {
        const torch::Tensor qm = at::matmul(X, WqT).contiguous();
        const torch::Tensor km = at::matmul(X, Wqkv.narrow(0, hidden, hidden).t()).contiguous();
        const torch::Tensor vm = at::matmul(X, Wqkv.narrow(0, 2 * hidden, hidden).t()).contiguous();
        torch::Tensor out = at::empty({B, N, hidden}, x.options());
        fullAttentionForward(qm.data_ptr<float>(), km.data_ptr<float>(), vm.data_ptr<float>(), out.data_ptr<float>(),
                             {B, N, heads, dimHead});
        return fromPixelMatrix(at::linear(out, Wo, toOut->bias), H, W);
    }
    const torch::Tensor kT = perHead(at::matmul(X, Wqkv.narrow(0, hidden, hidden).t()), N).transpose(-1, -2);
    const torch::Tensor v = perHead(at::matmul(X, Wqkv.narrow(0, 2 * hidden, hidden).t()), N);
    // Each query row's softmax is independent: without gradients, take the queries in
    // chunks so the [heads, queries, N] similarity matrix stays bounded on large inputs.
    const int64_t rows = chunked ? chunkRows(heads * N, N, 1 << 22) : N; // ~16 MiB
    auto attend = [&](int64_t start, int64_t n) {
        const torch::Tensor q = perHead(at::matmul(X.narrow(1, start, n), WqT), n);
        const torch::Tensor attn = at::softmax(at::matmul(q, kT), -1); // B h i j
        const torch::Tensor out = at::matmul(attn, v).permute({0, 2, 1, 3}).reshape({B, n, hidden});
        return at::linear(out, Wo, toOut->bias); // B n C
    };
    if (rows >= N) return fromPixelMatrix(attend(0, N), H, W);
    torch::Tensor y = at::empty({B, N, C}, x.options());
    for (int64_t start = 0; start < N; start += rows) {
        const int64_t n = std::min(rows, N - start);
        y.narrow(1, start, n).copy_(attend(start, n));
    }
    return fromPixelMatrix(y, H, W);
}

} // namespace rdbm::unet

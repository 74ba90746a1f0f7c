#pragma once
// The building blocks of the reference U-Net (docs/method.md §6) as LibTorch modules whose
// registered names reproduce the reference's state-dict keys (`block1.proj.weight`,
// `fn.fn.to_qkv.weight`, `mlp.1.bias`, ...).
//
// Speed: activations flow in channels-last layout (the UNet converts its input), where
// oneDNN's convolutions run several times faster than on NCHW; 1x1 convolutions and
// attention work on the [B, pixels, channels] view of that layout with plain matrix
// products. Every block also accepts NCHW input. In-place updates are used only where
// no gradient is being recorded.
#include <torch/torch.h>

namespace rdbm::unet {

// A name-only node of the key tree (the reference's nn.Sequential / wrapper levels).
struct Node : torch::nn::Module {};

// A copy of a parameter prepared once for inference (standardized, channels-last),
// usable while the module is not training, the input has its dtype and device, and the
// parameter has not changed in place (optimizer step, load) since it was made.
class PreparedWeight {
public:
    void set(const torch::Tensor& source, torch::Tensor prepared);
    void clear() { prepared_ = torch::Tensor(); }
    bool defined() const { return prepared_.defined(); }
    bool usableFor(const torch::Tensor& source, const torch::Tensor& x, bool training) const;
    const torch::Tensor& get() const { return prepared_; }

private:
    torch::Tensor prepared_;
    int64_t version_ = -1;
};

struct Conv : torch::nn::Module {
    Conv(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, bool bias = true);
    torch::Tensor forward(const torch::Tensor& x) const;
    void freeze();
    void unfreeze() { prepared_.clear(); }
    torch::Tensor weight, bias;
    int64_t kernel, stride, padding;

private:
    PreparedWeight prepared_;
};

// Weight-standardized conv: per output channel (w - mean) * rsqrt(var + eps), eps 1e-5
// for float32 inputs and 1e-3 otherwise. Standardized per call (and differentiable)
// unless frozen, which computes it once for inference.
struct WSConv : torch::nn::Module {
    WSConv(int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor& x) const;
    void freeze();
    void unfreeze() { prepared_.clear(); }
    bool frozen() const { return prepared_.defined(); }
    torch::Tensor weight, bias;

private:
    PreparedWeight prepared_;
};

struct GroupNorm : torch::nn::Module {
    explicit GroupNorm(int64_t channels);
    torch::Tensor weight, bias;
};

// LayerNorm over channels with a gain only (key `g`, shape [1, C, 1, 1]).
struct ChannelNorm : torch::nn::Module {
    explicit ChannelNorm(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x) const;
    torch::Tensor g;
};

struct Linear : torch::nn::Module {
    Linear(int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor& x) const;
    torch::Tensor weight, bias;
};

// WS-conv 3x3 -> GroupNorm -> optional x*(scale+1)+shift -> SiLU.
struct Block : torch::nn::Module {
    Block(int64_t in, int64_t out, int64_t groups);
    // scaleShift: [B, 2*out] (scale then shift) or undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& scaleShift) const;
    std::shared_ptr<WSConv> proj;
    std::shared_ptr<GroupNorm> norm;
    int64_t groups;
};

struct ResnetBlock : torch::nn::Module {
    ResnetBlock(int64_t in, int64_t out, int64_t timeDim, int64_t groups);
    // timeAct: SiLU of the time embedding (the first layer of every block's `mlp`).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& timeAct) const;
    std::shared_ptr<Linear> mlp;  // registered as mlp.1
    std::shared_ptr<Block> block1, block2;
    std::shared_ptr<Conv> resConv; // null when in == out
};

// Residual(PreNorm(LinearAttention)) or Residual(PreNorm(Attention)): keys fn.norm.g,
// fn.fn.to_qkv.weight and fn.fn.to_out.{0.*,1.g} (linear) or fn.fn.to_out.* (full).
struct AttentionUnit : torch::nn::Module {
    AttentionUnit(int64_t channels, int64_t heads, int64_t dimHead, bool linear);
    torch::Tensor forward(const torch::Tensor& x) const;
    std::shared_ptr<ChannelNorm> norm;
    std::shared_ptr<Conv> toQkv, toOut;
    std::shared_ptr<ChannelNorm> outNorm; // linear attention only (to_out.1)
    int64_t heads, dimHead;
    bool linear;

private:
    // Training: whole-tensor formulas. Inference: the same sums over chunks of pixels, so
    // the [pixels, heads*dim_head] intermediates stay small and in cache.
    torch::Tensor linearAttention(const torch::Tensor& x) const;
    torch::Tensor linearAttentionChunked(const torch::Tensor& x) const;
    torch::Tensor fullAttention(const torch::Tensor& x, bool chunked) const;
};

// The fused CPU kernels (net/LinearAttentionKernel.h, net/FullAttentionKernel.h) for
// float32 inference; off unless the environment sets RDBM_FUSED_KERNELS=1. Both match the
// LibTorch formulas to float32 rounding (tests/core/test_fused_kernels.cpp), and alone the
// linear one is 1.5-2x faster on the top levels of a tile, but inside a whole network call
// on the build machine (OpenBLAS with AVX-512, one thread) neither has yet been faster
// than LibTorch (128-px call 88 vs 94-115 ms CPU; 256x256 469-534 vs 551-592 ms), so the
// LibTorch path is the default.
bool fusedKernelsEnabled();
void setFusedKernelsEnabled(bool on);

// Multiply-add work done by the calling thread's network calls, counted as the reference
// formulation does it (2 FLOPs per multiply-add): convolutions (1x1 ones included) and the
// attention's matrix products. Norms, activations and additions (a few percent) are not
// counted. For benchmarks: reset, run one call, read.
struct FlopCount {
    double convolution = 0.0;
    double attention = 0.0;
};
FlopCount& threadFlopCount();

// Whether an in-place update is safe: nothing records gradients through t.
inline bool inPlaceOk(const torch::Tensor& t) { return !(t.requires_grad() && torch::GradMode::is_enabled()); }

// [B, C, H, W] in channels-last layout as the [B, H*W, C] matrix it is in memory (a view;
// other layouts are converted first), and back.
torch::Tensor pixelMatrix(const torch::Tensor& x);
torch::Tensor fromPixelMatrix(const torch::Tensor& m, int64_t H, int64_t W);

} // namespace rdbm::unet

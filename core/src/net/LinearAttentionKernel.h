#pragma once
// The U-Net's linear attention for inference, fused over blocks of pixels (docs/method.md §6).
//
// Why: on a 128-px tile the top level has 16 channels and 4x32 attention features, so the
// unfused path writes and rereads q, k and v matrices 8x wider than its input (25 MB per
// call at 16384 pixels); those matrix products run at a tenth of the CPU's rate because
// they wait on memory. Here each block of pixels is projected, exponentiated and folded
// into the 32x32 per-head contexts while it is in L1, and the output pass never forms q
// for more than one block. Plain float pointers: no LibTorch, so it can be tested and
// benchmarked on its own.
#include <cstdint>

namespace rdbm::unet {

struct LinearAttentionShape {
    int64_t pixels = 0;   // N, rows of the pixel matrix
    int64_t channels = 0; // C
    int64_t heads = 0;
    int64_t dimHead = 0;
};

// Whether the kernel takes this shape: 32-wide heads (the reference's dim_head), channel
// counts that are multiples of 16 up to 256, and attention features at least 4x the
// channels (where it beats LibTorch); other shapes use the LibTorch formulas.
bool linearAttentionKernelFits(const LinearAttentionShape& shape);

// x: [N, C] row-major (one image's channels-last pixels); wQkv: [3*heads*dimHead, C]
// (the to_qkv 1x1 conv); wOut: [C, heads*dimHead] and bOut: [C] (to_out.0); y: [N, C].
// Computes, per head h with features d, e:
//   q = softmax_d(x Wq^T) / sqrt(dimHead),  k = softmax_N(x Wk^T),  v = x Wv^T / N,
//   y = sum_h q_h (k_h^T v_h) Wo_h^T + bOut,
// the reference's LinearAttention before its output norm, to float32 rounding.
// Runs on the calling thread's intra-op threads (heads, then pixel blocks, in parallel).
void linearAttentionForward(const float* x, const float* wQkv, const float* wOut, const float* bOut, float* y,
                            const LinearAttentionShape& shape);

// exp(v[i]) in place to about 2 ulp for v[i] >= -87 (smaller inputs give about 1e-38, not
// 0); exposed for its test.
void expInPlace(float* v, int64_t n);

} // namespace rdbm::unet

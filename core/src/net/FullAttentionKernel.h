#pragma once
// The softmax core of the U-Net's full (middle) attention for inference, fused per block of
// queries (docs/method.md §6): scores, softmax and the weighted sum of values, without the
// [heads, N, N] score matrix LibTorch writes and rereads. On the bundled net at 256x256
// that matrix is 64 MiB per call and its products and softmax were over half the call.
// Plain float pointers; the projections around it stay LibTorch matrix products.
#include <cstdint>

namespace rdbm::unet {

struct FullAttentionShape {
    int64_t batch = 0;
    int64_t pixels = 0; // N, positions per image
    int64_t heads = 0;
    int64_t dimHead = 0;
};

// Whether the kernel takes this shape: 32-wide heads (the reference's dim_head).
bool fullAttentionKernelFits(const FullAttentionShape& shape);

// q, k, v: [B, N, heads*dimHead] row-major, q already scaled by dimHead^-1/2;
// out: [B, N, heads*dimHead] = per head softmax_j(q k_j^T) v. Runs on the calling thread's
// intra-op threads (images x heads x query blocks in parallel).
void fullAttentionForward(const float* q, const float* k, const float* v, float* out, const FullAttentionShape& shape);

} // namespace rdbm::unet

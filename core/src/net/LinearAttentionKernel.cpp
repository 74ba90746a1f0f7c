#include "net/LinearAttentionKernel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include <ATen/Parallel.h>

#include "net/VectorMath.h"

namespace rdbm::unet {

using namespace vec;

namespace {

constexpr int64_t kBlock = 64;             // pixels per block: a block's k and v stay in L1
constexpr int64_t DH = 32;                 // the head width the kernel is written for
constexpr int64_t kMaxChannelVectors = 16; // C <= 256: the output row's accumulators

} // namespace

namespace detail {

// One head's context, folded into the output projection: M_h [DH, C] = ctx_h Wo_h^T, where
// ctx_h[d][e] = sum_n softmax_n(k)[n][d] v[n][e] / (sqrt(DH) N). The softmax over pixels
// is accumulated online, block by block, rescaling when a block raises a feature's maximum.
RDBM_VECTOR_CLONES
void foldHeadContext32(const float* __restrict__ x, const float* __restrict__ wQkv, const float* __restrict__ wOut,
                       float* __restrict__ m, const LinearAttentionShape& s, int64_t head) {
    const int64_t N = s.pixels, C = s.channels, hid = s.heads * DH, j0 = head * DH;
    std::vector<float> wk(static_cast<size_t>(C * DH)), wv(static_cast<size_t>(C * DH)); // [C][DH]
    for (int64_t d = 0; d < DH; ++d)
        for (int64_t c = 0; c < C; ++c) {
            wk[static_cast<size_t>(c * DH + d)] = wQkv[(hid + j0 + d) * C + c];
            wv[static_cast<size_t>(c * DH + d)] = wQkv[(2 * hid + j0 + d) * C + c];
        }
    alignas(64) float K[kBlock * DH], V[kBlock * DH], ctx[DH * DH] = {};
    F16 runMax0 = splat(-std::numeric_limits<float>::infinity()), runMax1 = runMax0;
    F16 sum0{}, sum1{};
    for (int64_t start = 0; start < N; start += kBlock) {
        const int64_t P = std::min(kBlock, N - start);
        // Four pixels at a time: four independent accumulator chains per vector, so the
        // multiply-adds are not serialised on their latency. Rows past the image repeat
        // its last pixel and are never read.
        for (int64_t p = 0; p < P; p += 4) {
            F16 k0[4] = {}, k1[4] = {}, v0[4] = {}, v1[4] = {};
            const float* xr[4];
            for (int64_t i = 0; i < 4; ++i) xr[i] = x + std::min(start + p + i, N - 1) * C;
            for (int64_t c = 0; c < C; ++c) {
                const F16 wk0 = load(&wk[static_cast<size_t>(c * DH)]),
                          wk1 = load(&wk[static_cast<size_t>(c * DH + 16)]);
                const F16 wv0 = load(&wv[static_cast<size_t>(c * DH)]),
                          wv1 = load(&wv[static_cast<size_t>(c * DH + 16)]);
                for (int64_t i = 0; i < 4; ++i) {
                    const F16 xv = splat(xr[i][c]);
                    k0[i] += xv * wk0;
                    k1[i] += xv * wk1;
                    v0[i] += xv * wv0;
                    v1[i] += xv * wv1;
                }
            }
            for (int64_t i = 0; i < 4; ++i) {
                store(K + (p + i) * DH, k0[i]);
                store(K + (p + i) * DH + 16, k1[i]);
                store(V + (p + i) * DH, v0[i]);
                store(V + (p + i) * DH + 16, v1[i]);
            }
        }
        F16 bmax0 = splat(-std::numeric_limits<float>::infinity()), bmax1 = bmax0;
        for (int64_t p = 0; p < P; ++p) {
            bmax0 = vmax(bmax0, load(K + p * DH));
            bmax1 = vmax(bmax1, load(K + p * DH + 16));
        }
        const F16 new0 = vmax(runMax0, bmax0), new1 = vmax(runMax1, bmax1);
        if (hmax(bmax0 - runMax0) > 0.0f || hmax(bmax1 - runMax1) > 0.0f) {
            // Features whose maximum did not move get exp(0) = 1; on the first block the
            // context and sums are still 0, whatever the factor.
            alignas(64) float scale[DH];
            store(scale, vexp(runMax0 - new0));
            store(scale + 16, vexp(runMax1 - new1));
            for (int64_t d = 0; d < DH; ++d) {
                store(ctx + d * DH, load(ctx + d * DH) * scale[d]);
                store(ctx + d * DH + 16, load(ctx + d * DH + 16) * scale[d]);
            }
            sum0 *= load(scale);
            sum1 *= load(scale + 16);
            runMax0 = new0;
            runMax1 = new1;
        }
        for (int64_t p = 0; p < P; ++p) {
            const F16 e0 = vexp(load(K + p * DH) - runMax0), e1 = vexp(load(K + p * DH + 16) - runMax1);
            store(K + p * DH, e0);
            store(K + p * DH + 16, e1);
            sum0 += e0;
            sum1 += e1;
        }
        // Four context rows at a time, for the same reason.
        for (int64_t d = 0; d < DH; d += 4) {
            F16 a0[4], a1[4];
            for (int64_t i = 0; i < 4; ++i) {
                a0[i] = load(ctx + (d + i) * DH);
                a1[i] = load(ctx + (d + i) * DH + 16);
            }
            for (int64_t p = 0; p < P; ++p) {
                const F16 vp0 = load(V + p * DH), vp1 = load(V + p * DH + 16);
                for (int64_t i = 0; i < 4; ++i) {
                    const F16 kd = splat(K[p * DH + d + i]);
                    a0[i] += kd * vp0;
                    a1[i] += kd * vp1;
                }
            }
            for (int64_t i = 0; i < 4; ++i) {
                store(ctx + (d + i) * DH, a0[i]);
                store(ctx + (d + i) * DH + 16, a1[i]);
            }
        }
    }
    alignas(64) float sum[DH];
    store(sum, sum0);
    store(sum + 16, sum1);
    const float factor = 1.0f / (std::sqrt(static_cast<float>(DH)) * static_cast<float>(N));
    for (int64_t d = 0; d < DH; ++d) {
        const float f = factor / sum[d];
        float* mr = m + (j0 + d) * C;
        for (int64_t c = 0; c < C; c += 16) {
            F16 acc{};
            for (int64_t e = 0; e < DH; ++e) {
                alignas(64) float w[16];
                for (int64_t i = 0; i < 16; ++i) w[i] = wOut[(c + i) * hid + j0 + e];
                acc += splat(ctx[d * DH + e] * f) * load(w);
            }
            store(mr + c, acc);
        }
    }
}

// Output rows [start, start+P): y = softmax_d(x Wq^T) M + b, per head. wqT is [heads][C][DH].
RDBM_VECTOR_CLONES
void outputBlock32(const float* __restrict__ x, const float* __restrict__ wqT, const float* __restrict__ m,
                   const float* __restrict__ bOut, float* __restrict__ y, const LinearAttentionShape& s, int64_t start,
                   int64_t P) {
    const int64_t C = s.channels, cv = C / 16, heads = s.heads;
    for (int64_t p = 0; p < P; ++p) {
        const float* xr = x + (start + p) * C;
        // Four partial sums per output vector (by feature index mod 4), added at the end,
        // so the multiply-adds over the heads' features form four independent chains.
        F16 acc[4][kMaxChannelVectors];
        for (int64_t i = 0; i < cv; ++i) {
            acc[0][i] = load(bOut + 16 * i);
            acc[1][i] = acc[2][i] = acc[3][i] = F16{};
        }
        for (int64_t h0 = 0; h0 < heads; h0 += 2) {
            // Two heads' queries at once (four accumulator chains).
            const int64_t hn = std::min<int64_t>(2, heads - h0);
            F16 q[2][2] = {};
            for (int64_t c = 0; c < C; ++c) {
                const F16 xv = splat(xr[c]);
                for (int64_t j = 0; j < hn; ++j) {
                    const float* w = wqT + ((h0 + j) * C + c) * DH;
                    q[j][0] += xv * load(w);
                    q[j][1] += xv * load(w + 16);
                }
            }
            for (int64_t j = 0; j < hn; ++j) {
                const float mx = hmax(vmax(q[j][0], q[j][1]));
                const F16 e0 = vexp(q[j][0] - mx), e1 = vexp(q[j][1] - mx);
                const float inv = 1.0f / hsum(e0 + e1);
                alignas(64) float qn[DH];
                store(qn, e0 * inv);
                store(qn + 16, e1 * inv);
                const float* mh = m + (h0 + j) * DH * C;
                for (int64_t d = 0; d < DH; d += 4)
                    for (int64_t u = 0; u < 4; ++u) {
                        const F16 qd = splat(qn[d + u]);
                        for (int64_t i = 0; i < cv; ++i) acc[u][i] += qd * load(mh + (d + u) * C + 16 * i);
                    }
            }
        }
        float* yr = y + (start + p) * C;
        for (int64_t i = 0; i < cv; ++i) store(yr + 16 * i, (acc[0][i] + acc[1][i]) + (acc[2][i] + acc[3][i]));
    }
}

RDBM_VECTOR_CLONES
void expArray(float* v, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) store(v + i, vexp(load(v + i)));
    if (i < n) {
        alignas(64) float tail[16] = {};
        std::copy(v + i, v + n, tail);
        store(tail, vexp(load(tail)));
        std::copy(tail, tail + (n - i), v + i);
    }
}

} // namespace detail

void expInPlace(float* v, int64_t n) { detail::expArray(v, n); }

bool linearAttentionKernelFits(const LinearAttentionShape& s) {
    // Measured on the bundled net (one thread, AVX-512): the kernel is 1.5-2x faster where the
    // attention features are 4x or more the channels (16 and 32 channels: LibTorch's q, k,
    // v are memory-bound there) and slower at 2x (64 channels), where LibTorch's BLAS wins.
    return s.dimHead == DH && s.heads > 0 && s.channels > 0 && s.channels % 16 == 0 &&
           s.channels <= 16 * kMaxChannelVectors && s.heads * DH >= 4 * s.channels;
}

void linearAttentionForward(const float* x, const float* wQkv, const float* wOut, const float* bOut, float* y,
                            const LinearAttentionShape& s) {
    const int64_t C = s.channels, hid = s.heads * DH;
    std::vector<float> m(static_cast<size_t>(hid * C));
    at::parallel_for(0, s.heads, 1, [&](int64_t begin, int64_t end) {
        for (int64_t h = begin; h < end; ++h) detail::foldHeadContext32(x, wQkv, wOut, m.data(), s, h);
    });
    std::vector<float> wqT(static_cast<size_t>(C * hid)); // [heads][C][DH]
    for (int64_t h = 0; h < s.heads; ++h)
        for (int64_t d = 0; d < DH; ++d)
            for (int64_t c = 0; c < C; ++c) wqT[static_cast<size_t>((h * C + c) * DH + d)] = wQkv[(h * DH + d) * C + c];
    const int64_t blocks = (s.pixels + kBlock - 1) / kBlock;
    at::parallel_for(0, blocks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t b = begin; b < end; ++b) {
            const int64_t start = b * kBlock;
            detail::outputBlock32(x, wqT.data(), m.data(), bOut, y, s, start, std::min(kBlock, s.pixels - start));
        }
    });
}

} // namespace rdbm::unet

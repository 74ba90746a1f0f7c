#include "net/FullAttentionKernel.h"

#include <algorithm>
#include <limits>
#include <vector>

#include <ATen/Parallel.h>

#include "net/VectorMath.h"

namespace rdbm::unet {

using namespace vec;

namespace {

constexpr int64_t DH = 32;      // the head width the kernel is written for
constexpr int64_t kQueries = 4; // queries per block: four independent accumulator chains

} // namespace

namespace detail {

// Queries [q0, q0 + nq) of one image and head (q, out: row stride hid). kT: the head's keys
// transposed, [DH][Npad], zero past N; v: the head's values, [N][DH]; scores: [kQueries][Npad].
RDBM_VECTOR_CLONES
void attendBlock(const float* q, const float* kT, const float* v, float* out, int64_t N, int64_t Npad, int64_t hid,
                 int64_t q0, int64_t nq, float* scores) {
    alignas(64) float qs[kQueries][DH];
    for (int64_t i = 0; i < kQueries; ++i)
        for (int64_t d = 0; d < DH; ++d) qs[i][d] = i < nq ? q[(q0 + i) * hid + d] : 0.0f;
    F16 mx[kQueries];
    for (int64_t i = 0; i < kQueries; ++i) mx[i] = splat(-std::numeric_limits<float>::infinity());
    for (int64_t j = 0; j < Npad; j += 16) {
        F16 s[kQueries] = {};
        for (int64_t d = 0; d < DH; ++d) {
            const F16 kd = load(kT + d * Npad + j);
            for (int64_t i = 0; i < kQueries; ++i) s[i] += splat(qs[i][d]) * kd;
        }
        if (j + 16 > N) // keys past N do not exist
            for (int64_t lane = N - j; lane < 16; ++lane)
                for (int64_t i = 0; i < kQueries; ++i) s[i][lane] = -std::numeric_limits<float>::infinity();
        for (int64_t i = 0; i < kQueries; ++i) {
            store(scores + i * Npad + j, s[i]);
            mx[i] = vmax(mx[i], s[i]);
        }
    }
    float total[kQueries];
    for (int64_t i = 0; i < kQueries; ++i) {
        const F16 m = splat(hmax(mx[i]));
        F16 sum{};
        for (int64_t j = 0; j < Npad; j += 16) {
            const F16 e = vexp(load(scores + i * Npad + j) - m);
            store(scores + i * Npad + j, e);
            sum += e;
        }
        total[i] = hsum(sum);
    }
    // Keys past N scored -inf, so their weights are exp(-87 - ...) ~ 0 and their values (read
    // up to N only) do not matter.
    F16 o0[kQueries] = {}, o1[kQueries] = {};
    for (int64_t j = 0; j < N; ++j) {
        const F16 v0 = load(v + j * DH), v1 = load(v + j * DH + 16);
        for (int64_t i = 0; i < kQueries; ++i) {
            const F16 p = splat(scores[i * Npad + j]);
            o0[i] += p * v0;
            o1[i] += p * v1;
        }
    }
    for (int64_t i = 0; i < nq; ++i) {
        const float inv = 1.0f / total[i];
        store(out + (q0 + i) * hid, o0[i] * inv);
        store(out + (q0 + i) * hid + 16, o1[i] * inv);
    }
}

} // namespace detail

bool fullAttentionKernelFits(const FullAttentionShape& s) {
    return s.dimHead == DH && s.heads > 0 && s.pixels > 0 && s.batch > 0;
}

void fullAttentionForward(const float* q, const float* k, const float* v, float* out, const FullAttentionShape& s) {
    const int64_t N = s.pixels, hid = s.heads * DH, Npad = (N + 15) / 16 * 16;
    const int64_t units = s.batch * s.heads;
    // Keys transposed per image and head, [DH][Npad]: the score loop then reads 16 keys'
    // feature d as one vector. Values gathered per image and head, [N][DH]: one head's
    // values are then contiguous instead of 4*DH floats apart.
    std::vector<float> kT(static_cast<size_t>(units * DH * Npad), 0.0f), vh(static_cast<size_t>(units * N * DH));
    at::parallel_for(0, units, 1, [&](int64_t begin, int64_t end) {
        for (int64_t u = begin; u < end; ++u) {
            const int64_t b = u / s.heads, h = u % s.heads;
            float* dst = kT.data() + u * DH * Npad;
            float* vdst = vh.data() + u * N * DH;
            for (int64_t n = 0; n < N; ++n)
                for (int64_t d = 0; d < DH; ++d) {
                    dst[d * Npad + n] = k[(b * N + n) * hid + h * DH + d];
                    vdst[n * DH + d] = v[(b * N + n) * hid + h * DH + d];
                }
        }
    });
    const int64_t blocks = (N + kQueries - 1) / kQueries;
    at::parallel_for(0, units * blocks, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> scores(static_cast<size_t>(kQueries * Npad));
        for (int64_t w = begin; w < end; ++w) {
            const int64_t u = w / blocks, blk = w % blocks;
            const int64_t b = u / s.heads, h = u % s.heads;
            const int64_t offset = b * N * hid + h * DH;
            const int64_t q0 = blk * kQueries;
            detail::attendBlock(q + offset, kT.data() + u * DH * Npad, vh.data() + u * N * DH, out + offset, N, Npad,
                                hid, q0, std::min(kQueries, N - q0), scores.data());
        }
    });
}

} // namespace rdbm::unet

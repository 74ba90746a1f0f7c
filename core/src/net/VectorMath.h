#pragma once
// Vector helpers shared by the fused CPU kernels (LinearAttentionKernel.cpp,
// FullAttentionKernel.cpp). Header-only and inline, so each of a kernel's clones (below)
// compiles them for its own instruction set.
#include <cstdint>
#include <cstring>

// The kernels' loops are written for the compiler to vectorize; the distribution's
// baseline is SSE2, so their hot functions are also compiled for AVX2 and AVX-512 and the
// loader picks the best one for the CPU (GCC function multi-versioning).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define RDBM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define RDBM_VECTOR_CLONES
#endif

namespace rdbm::unet::vec {

// GCC/Clang vector extensions: 16 floats, which the compiler maps onto one AVX-512, two
// AVX2 or four SSE registers in the respective clone. Loads and stores go through memcpy
// (no alignment assumed).
typedef float F16 __attribute__((vector_size(64)));
typedef int32_t I16 __attribute__((vector_size(64)));

inline F16 load(const float* p) {
    F16 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store(float* p, F16 v) { std::memcpy(p, &v, sizeof v); }
// A shuffle of lane 0, which compiles to one broadcast. (The initializer list
// F16{v, v, ...} compiled to sixteen masked lane inserts in GCC 12's AVX-512 clone, in
// every inner loop; "F16{} + v" would not be an identity for -0.0.)
inline F16 splat(float v) {
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
    const F16 first = {v};
    return __builtin_shufflevector(first, first, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
#else // older GCC lacks __builtin_shufflevector
    return F16{v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v};
#endif
}
inline F16 vmax(F16 a, F16 b) { return a > b ? a : b; }
inline float hmax(F16 v) {
    float m = v[0];
    for (int i = 1; i < 16; ++i) m = v[i] > m ? v[i] : m;
    return m;
}
inline float hsum(F16 v) {
    float s = 0.0f;
    for (int i = 0; i < 16; ++i) s += v[i];
    return s;
}

// Cephes' single-precision exp: 2^k * p(r) with r = x - k ln2 in [-ln2/2, ln2/2]; k comes
// from truncating a positive number (a floor that needs no SSE4.1), and 2^k is built in
// the exponent bits. About 2 ulp for x >= -87; below that about 1e-38 instead of 0.
inline F16 vexp(F16 x) {
    x = vmax(x, splat(-87.0f));
    x = x < 88.0f ? x : splat(88.0f);
    const I16 k = __builtin_convertvector(x * 1.44269504088896341f + 128.5f, I16) - 128;
    const F16 n = __builtin_convertvector(k, F16);
    const F16 r = x - n * 0.693359375f + n * 2.12194440e-4f;
    const F16 z = r * r;
    const F16 p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r +
                   1.6666665459e-1f) *
                      r +
                  5.0000001201e-1f;
    const I16 bits = (k + 127) << 23;
    F16 scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return (p * z + r + 1.0f) * scale;
}

} // namespace rdbm::unet::vec

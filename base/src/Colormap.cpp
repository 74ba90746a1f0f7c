// Diverging blue-white-red colour map for signed maps such as pi*eps.
// Anchors are ColorBrewer's RdBu (as matplotlib's 'RdBu_r': blue negative, red positive),
// a palette designed for perceptually even diverging data, with its near-white centre
// replaced by pure white so that exactly zero reads as "no signal".
#include "rdbm/Colormap.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rdbm {
namespace {

// From -1 (deep blue) through 0 (white) to +1 (deep red), evenly spaced.
constexpr int kAnchors = 11;
constexpr unsigned char kRdBuR[kAnchors][3] = {
    {0x05, 0x30, 0x61}, {0x21, 0x66, 0xac}, {0x43, 0x93, 0xc3}, {0x92, 0xc5, 0xde},
    {0xd1, 0xe5, 0xf0}, {0xff, 0xff, 0xff}, {0xfd, 0xdb, 0xc7}, {0xf4, 0xa5, 0x82},
    {0xd6, 0x60, 0x4d}, {0xb2, 0x18, 0x2b}, {0x67, 0x00, 0x1f},
};

std::uint8_t toByte(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 255.0))); }

} // namespace

Rgb8 divergingColor(float v, float limit) {
    if (std::isnan(v)) return {255, 255, 255};
    if (!(limit > 0.0f) || !std::isfinite(limit)) limit = 1e-6f;
    const double s = std::clamp(static_cast<double>(v) / limit, -1.0, 1.0); // in [-1, 1]
    const double pos = (s + 1.0) * 0.5 * (kAnchors - 1);                    // in [0, 10]
    const int i = std::min(static_cast<int>(pos), kAnchors - 2);
    const double f = pos - i;
    const auto mix = [&](int c) { return (1.0 - f) * kRdBuR[i][c] + f * kRdBuR[i + 1][c]; };
    return {toByte(mix(0)), toByte(mix(1)), toByte(mix(2))};
}

void divergingColormap(const float* values, int count, float limit, std::uint8_t* rgbOut) {
    for (int i = 0; i < count; ++i) {
        const Rgb8 c = divergingColor(values[i], limit);
        rgbOut[3 * i + 0] = c.r;
        rgbOut[3 * i + 1] = c.g;
        rgbOut[3 * i + 2] = c.b;
    }
}

float symmetricLimit(const float* values, int count, double percentile) {
    constexpr float kFloor = 1e-6f;
    std::vector<float> mags;
    mags.reserve(count > 0 ? static_cast<size_t>(count) : 0);
    for (int i = 0; i < count; ++i)
        if (std::isfinite(values[i])) mags.push_back(std::fabs(values[i]));
    if (mags.empty()) return kFloor;
    if (!(percentile >= 0.0)) percentile = 0.0; // also catches NaN
    percentile = std::min(percentile, 1.0);
    // Linear interpolation between order statistics, as numpy.percentile does by default.
    const double rank = percentile * static_cast<double>(mags.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(rank));
    const size_t hi = std::min(lo + 1, mags.size() - 1);
    std::nth_element(mags.begin(), mags.begin() + static_cast<long>(lo), mags.end());
    const float vLo = mags[lo];
    float vHi = vLo;
    if (hi != lo) vHi = *std::min_element(mags.begin() + static_cast<long>(lo) + 1, mags.end());
    const double limit = vLo + (rank - static_cast<double>(lo)) * (vHi - vLo);
    return std::max(static_cast<float>(limit), kFloor);
}

} // namespace rdbm

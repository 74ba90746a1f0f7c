#pragma once
// Tiles that agree on the global picture. A tile sees only its own pixels, so a model that
// makes a global correction (exposure, haze) guesses it per tile: on one 512x342 low-light
// photo, 128-px tiles scored 8.5 dB where the same model run whole scored 18.2 dB.
//
// This denoiser runs the tiled prediction and, at the same step, one whole-image call on
// a copy of x and mu area-downscaled to fit the network's whole-image budget. The result
// keeps the tiles' fine detail and takes its coarse band from the whole-image call:
//     out = tiled - up(down(tiled)) + up(whole(down(x), down(mu)))
// (down: area average by an integer factor; up: bilinear), a two-level Laplacian
// pyramid. Applied to x0 predictions only: they are images, so their coarse band is the
// photo's tone and haze; a pi*eps or eps prediction has no such meaning.
// See docs/method.md §5.4.
#include <cstdint>

#include <torch/types.h>

#include "sampler/Denoiser.h"

namespace rdbm {

class GlobalContextDenoiser {
public:
    // tiled: the tiled prediction; whole: the network itself; factor >= 2: the downscale;
    // multiple: the network's downsampling factor (the small image is padded by the network).
    GlobalContextDenoiser(Denoiser tiled, Denoiser whole, int factor);

    torch::Tensor operator()(const torch::Tensor& x, const torch::Tensor& mu, int64_t t) const;

    // The smallest integer factor that brings height x width within maxPixels.
    static int factorFor(int64_t height, int64_t width, long long maxPixels);

private:
    Denoiser tiled_, whole_;
    int factor_;
};

} // namespace rdbm

#include "sampler/GlobalContextDenoiser.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <torch/torch.h>

#include "rdbm/Error.h"
#include "sampler/TilePlan.h"

namespace rdbm {

namespace {

namespace F = torch::nn::functional;

constexpr int64_t kMargin = 8; // pixels of the downscaled image

// Area average over factor x factor blocks; a ragged edge is averaged over what is there.
torch::Tensor down(const torch::Tensor& x, int factor) {
    const int64_t h = (x.size(2) + factor - 1) / factor, w = (x.size(3) + factor - 1) / factor;
    return F::interpolate(x, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kArea));
}

torch::Tensor up(const torch::Tensor& x, int64_t h, int64_t w) {
    return F::interpolate(
        x, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false));
}

} // namespace

GlobalContextDenoiser::GlobalContextDenoiser(Denoiser tiled, Denoiser whole, int factor)
    : tiled_(std::move(tiled)), whole_(std::move(whole)), factor_(factor) {
    if (factor < 2)
        throw Error(ErrorKind::Usage, "global-context factor must be at least 2, got " + std::to_string(factor));
}

int GlobalContextDenoiser::factorFor(int64_t height, int64_t width, long long maxPixels) {
    return globalContextFactor(height, width, maxPixels);
}

torch::Tensor GlobalContextDenoiser::operator()(const torch::Tensor& x, const torch::Tensor& mu, int64_t t) const {
    const int64_t h = x.size(2), w = x.size(3);
    const torch::Tensor xs = down(x, factor_), mus = down(mu, factor_);
    // The small call's own border (zero-padded convolutions on a few rows that stand for
    // many full-size rows) tinted the photo's last rows; a mirrored margin moves that
    // border outside the part that is used.
    const int64_t hs = xs.size(2), ws = xs.size(3);
    const int64_t margin = std::min<int64_t>({kMargin, hs - 1, ws - 1});
    torch::Tensor coarse;
    if (margin > 0) {
        const auto pad = F::PadFuncOptions({margin, margin, margin, margin}).mode(torch::kReflect);
        coarse = whole_(F::pad(xs, pad), F::pad(mus, pad), t).narrow(2, margin, hs).narrow(3, margin, ws);
    } else {
        coarse = whole_(xs, mus, t);
    }
    const torch::Tensor fine = tiled_(x, mu, t);
    return fine - up(down(fine, factor_), h, w) + up(coarse, h, w);
}

} // namespace rdbm

#include "sampler/GlobalContextDenoiser.h"

#include <cmath>
#include <utility>

#include <torch/torch.h>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

namespace F = torch::nn::functional;

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
    if (factor < 2) throw Error(ErrorKind::Usage, "global-context factor must be at least 2, got " + std::to_string(factor));
}

int GlobalContextDenoiser::factorFor(int64_t height, int64_t width, long long maxPixels) {
    int f = 2;
    while (((height + f - 1) / f) * ((width + f - 1) / f) > maxPixels) ++f;
    return f;
}

torch::Tensor GlobalContextDenoiser::operator()(const torch::Tensor& x, const torch::Tensor& mu, int64_t t) const {
    const int64_t h = x.size(2), w = x.size(3);
    const torch::Tensor coarse = whole_(down(x, factor_), down(mu, factor_), t);
    const torch::Tensor fine = tiled_(x, mu, t);
    return fine - up(down(fine, factor_), h, w) + up(coarse, h, w);
}

} // namespace rdbm

#include "net/PhotoStatistics.h"

#include <cmath>
#include <string>

#include <ATen/ATen.h>

#include "rdbm/Error.h"

namespace rdbm {

torch::Tensor photoStatistics(const torch::Tensor& muIn) {
    if (muIn.dim() != 4 || muIn.size(1) != 3)
        throw Error(ErrorKind::Runtime,
                    "photo statistics need a [B, 3, H, W] image, got " + std::to_string(muIn.dim()) + " dimensions" +
                        (muIn.dim() >= 2 ? " and " + std::to_string(muIn.size(1)) + " channels" : ""));
    torch::Tensor mu = muIn.detach().to(torch::kFloat32);
    // at::quantile sorts; a stride keeps a 24-Mpx photo's sort near a 1-Mpx one's.
    const int64_t pixels = mu.size(2) * mu.size(3);
    const int64_t stride = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(std::sqrt(pixels / 1.0e6))));
    if (stride > 1) mu = mu.slice(2, 0, mu.size(2), stride).slice(3, 0, mu.size(3), stride);
    const int64_t B = mu.size(0);
    const torch::Tensor flat = mu.reshape({B, 3, -1});
    const torch::Tensor qs = torch::tensor({0.01, 0.5, 0.99}, flat.options());
    const torch::Tensor quantiles = at::quantile(flat, qs, /*dim=*/-1); // [3 q, B, 3 c]
    const torch::Tensor mean = flat.mean(-1).unsqueeze(-1);             // [B, 3, 1]
    return at::cat({mean, quantiles.permute({1, 2, 0})}, -1).reshape({B, kPhotoStatisticsWidth}).contiguous();
}

PhotoBinder statisticsBinder(StatisticsCall call) {
    return [call](const torch::Tensor& wholeMu) -> Denoiser {
        const torch::Tensor stats = photoStatistics(wholeMu);
        return
            [call, stats](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) { return call(x, mu, t, stats); };
    };
}

} // namespace rdbm

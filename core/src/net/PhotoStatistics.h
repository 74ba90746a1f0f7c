#pragma once
// What a network is told about the whole photo (docs/method.md §6.1). A tile or a small
// crop cannot tell a dark photo from a dark corner, or a clean photo from a slightly
// hazy one; these twelve numbers can, and every tile of a restoration gets the same.
// Internal header (includes LibTorch).
#include <torch/types.h>

#include "net/UNetLayout.h" // kPhotoStatisticsWidth
#include "sampler/Denoiser.h"

namespace rdbm {

// mu: [B, 3, H, W] float. Returns [B, 12] float32 on mu's device: for each channel c,
// columns 4c..4c+3 hold mean, q01, q50, q99. Photos over about a million pixels are
// read with a stride (the statistics of a subsample differ by far less than the
// network can tell). Throws Error(Runtime) for a non-3-channel input.
torch::Tensor photoStatistics(const torch::Tensor& mu);

// A network call that takes statistics (undefined: each call's own mu's).
using StatisticsCall = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& mu, int64_t t,
                                                   const torch::Tensor& stats)>;
// The PhotoBinder of such a call: the whole photo's statistics, computed once, go to every call.
PhotoBinder statisticsBinder(StatisticsCall call);

} // namespace rdbm

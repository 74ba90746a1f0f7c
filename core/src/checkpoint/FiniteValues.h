#pragma once
// NaN and infinity in weights: such a network restores every photo to black (or NaN)
// while looking like success, so loaders refuse it, naming the tensor.
#include <string>

#include "checkpoint/RawTensor.h"

namespace rdbm::checkpoint {

// Empty when every floating-point tensor holds only finite values; otherwise the first
// offender: "tensor 'init_conv.weight' holds 12 NaN and 0 infinite values of 864".
std::string describeNonFinite(const TensorMap& tensors);

} // namespace rdbm::checkpoint

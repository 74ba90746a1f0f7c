#include "checkpoint/FiniteValues.h"

#include <cmath>

namespace rdbm::checkpoint {

std::string describeNonFinite(const TensorMap& tensors) {
    for (const auto& [name, t] : tensors) {
        if (t.dtype != DType::F32 && t.dtype != DType::F16 && t.dtype != DType::BF16 && t.dtype != DType::F64) continue;
        // F64 values beyond float range become infinite here too: a float32 network cannot use them.
        const std::vector<float> v = t.toFloat32();
        size_t nan = 0, inf = 0;
        for (float x : v) {
            if (std::isnan(x)) ++nan;
            else if (std::isinf(x)) ++inf;
        }
        if (nan || inf)
            return "tensor '" + name + "' holds " + std::to_string(nan) + " NaN and " + std::to_string(inf) +
                   " infinite values of " + std::to_string(v.size());
    }
    return {};
}

} // namespace rdbm::checkpoint

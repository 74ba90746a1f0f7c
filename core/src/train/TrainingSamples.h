#pragma once
// One training sample: a random crop (at a random scale for synthetic data), a random
// horizontal flip and, for clean-only sets, a synthetic degradation of a random task.
// Deterministic in its seed. Torch-free: runs on the loader thread.
#include <cstdint>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "rdbm/Degradations.h"
#include "train/TrainingImages.h"

namespace rdbm::train {

struct SampleSpec {
    int crop = 128;
    std::vector<DegradationKind> tasks;
    double strengthMin = 0.6, strengthMax = 1.4;
    double scaleMin = 0.5;
    double identityFraction = 0.0; // share of samples whose input is the clean crop itself
};

struct Sample {
    cv::Mat clean, degraded; // float32 RGB crop x crop in [0,1]
    int image = 0;           // index into the set
};

Sample makeSample(const ImageSet& set, const SampleSpec& spec, std::uint64_t seed);

} // namespace rdbm::train

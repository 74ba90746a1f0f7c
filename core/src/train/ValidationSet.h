#pragma once
// The held-out images a run is scored on: fixed for the whole run (and across resumes),
// so validation numbers are comparable from one check to the next. Torch-free.
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "rdbm/Degradations.h"
#include "train/TrainingImages.h"

namespace rdbm::train {

struct ValidationItem {
    std::string name;       // file name
    std::string task;       // degradation name, or "paired"
    cv::Mat clean, degraded; // float32 RGB size x size in [0,1]
};

// Each photo downscaled so its short side is about 2*size (the training crops' typical
// scale), centre-cropped to size x size, then degraded once per task with a seed fixed
// by (image, task) and strength 1. At most maxImages photos are used.
std::vector<ValidationItem> makeSyntheticValidation(const ImageSet& set, const std::vector<DegradationKind>& tasks,
                                                    int size, int maxImages);
// Paired photos centre-cropped to size x size (no rescaling: it would change the degradation).
std::vector<ValidationItem> makePairedValidation(const ImageSet& set, int size, int maxImages);

} // namespace rdbm::train

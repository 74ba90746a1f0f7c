#pragma once
// The benchmark's tasks: how a clean photo becomes the input a restorer is given.
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace rdbm::bench {

struct QualityTask {
    std::string name;   // "lowlight", "lowlight-alt", "haze", "haze-alt", "clean", "jpeg30", "noise15"
    std::string family; // "project" (the training generators), "alt" (AltDegradations) or "everyday"
    std::string about;  // one line for the report
};

const std::vector<QualityTask>& allQualityTasks();
// A comma-separated subset of the names above; throws Error(Usage) on an unknown name.
std::vector<QualityTask> parseQualityTasks(const std::string& csv);
// Deterministic for (task, clean, seed).
cv::Mat degradeForTask(const QualityTask& task, const cv::Mat& clean, std::uint64_t seed);

} // namespace rdbm::bench

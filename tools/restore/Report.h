#pragma once
// --report FILE.json: what ran, on what, how long it took and how good the result is.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "Options.h"
#include "rdbm/ModelInfo.h"

namespace rdbm::cli {

struct QualityMetrics {
    double psnr = 0.0; // +inf for identical images (written as null)
    double ssim = 0.0;
};

struct ImageRecord {
    std::string input, output;
    std::string status = "pending"; // "ok", "error", "cancelled", "skipped"
    std::string error;
    int width = 0, height = 0, bitDepth = 0, outputBitDepth = 0;
    bool grayscale = false, alpha = false;
    double readSeconds = 0.0, restoreSeconds = 0.0, writeSeconds = 0.0, totalSeconds = 0.0;
    std::vector<double> stepSeconds;
    int networkCalls = 0, tiles = 0, tileSize = 0, borderPad = 0;
    double processedAreaRatio = 1.0; // pixels each call processed over the photo's (tiles' overlaps)
    std::string reference;
    std::optional<QualityMetrics> inputMetrics, outputMetrics;
    std::string trajectoryDir;
    int trajectoryFrames = 0;
    // --seeds: the runs averaged and their spread (rdbm/Uncertainty.h); seeds 0 otherwise.
    int seeds = 0;
    std::uint64_t firstSeed = 0;
    double maxStd = 0.0, meanStd = 0.0, stdScale = 0.0;
    std::string uncertaintyPath; // --uncertainty, empty if none
    std::string record;          // the run record embedded in the output (JSON), empty if none
};

struct RunRecord {
    const RestoreOptions* options = nullptr;
    std::optional<ModelInfo> model;
    std::string deviceResolved, deviceDescription;
    double loadSeconds = 0.0, totalSeconds = 0.0;
    std::vector<ImageRecord> images;
    int exitCode = 0;
    std::string error; // a failure before any image ran (e.g. the checkpoint)
};

nlohmann::json modelInfoJson(const ModelInfo& info);
nlohmann::json reportJson(const RunRecord& run);

} // namespace rdbm::cli

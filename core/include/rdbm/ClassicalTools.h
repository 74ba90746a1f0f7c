#pragma once
// Classical one-shot corrections: the baselines a diffusion restoration has to beat, and a
// column of the application's comparison. No learning, no torch: each is a closed-form
// operation of OpenCV on a float32 RGB image in [0,1] (see docs/method.md §10).
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace rdbm {

enum class ClassicalTool {
    AutoLevels,       // per-channel 1st-99th percentile stretch (Photoshop "Auto Tone")
    AutoContrast,     // the same stretch with one range for all channels: keeps colour balance
    GammaToMean,      // one gamma that brings the mean luminance to 0.5
    Clahe,            // contrast-limited adaptive histogram equalisation of L* in CIELAB
    DarkChannelPrior, // He et al. 2009 dehazing, transmission refined by a guided filter
};

std::string toString(ClassicalTool tool); // "autolevels", "autocontrast", "gamma", "clahe", "dcp"
// Accepts the names above (case-insensitive). Throws Error(Usage) on anything else.
ClassicalTool classicalToolFromString(const std::string& name);
const std::vector<ClassicalTool>& allClassicalTools();
// The tool a user would reach for first for a degradation: "lowlight" -> AutoLevels,
// "haze" -> DarkChannelPrior. Empty for tasks with no classical counterpart here.
std::vector<ClassicalTool> classicalToolsFor(const std::string& task);

// rgb: float32 RGB HxWx3 in [0,1]. Returns a new image of the same size and type, in [0,1].
// Throws Error(Image) on another type or an empty image.
cv::Mat applyClassical(ClassicalTool tool, const cv::Mat& rgb);

// He, Sun and Tang's guided filter (ECCV 2010) of a single-channel float32 image p,
// guided by the single-channel float32 image I: edge-preserving smoothing with window
// radius r and regulariser eps. Exposed for tests.
cv::Mat guidedFilter(const cv::Mat& guide, const cv::Mat& p, int radius, double eps);

} // namespace rdbm

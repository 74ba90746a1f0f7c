#pragma once
// The individual degradation generators behind rdbm::degradation(). Each takes a float32
// RGB image, draws every parameter from the given RNG, and returns a new float32 RGB
// image that may stray slightly outside [0,1] (the caller clamps and rounds).
#include <opencv2/core/mat.hpp>

#include "degradation/DegradationRng.h"

namespace rdbm::degradation {

cv::Mat applyRain(const cv::Mat& img, DegradationRng& rng, double strength);
cv::Mat applySnow(const cv::Mat& img, DegradationRng& rng, double strength);
cv::Mat applyLowLight(const cv::Mat& img, DegradationRng& rng, double strength);
cv::Mat applyHaze(const cv::Mat& img, DegradationRng& rng, double strength);
cv::Mat applyBlur(const cv::Mat& img, DegradationRng& rng, double strength);

// Adds signal-dependent Gaussian noise in place: variance = shot * x + read^2 per channel.
void addSensorNoise(cv::Mat& img, DegradationRng& rng, double shot, double read);
// A smooth random single-channel field with features about featurePx wide: stretched
// to [0,1] when normalize is set, otherwise the raw interpolation of uniform [0,1)
// values (its statistics then do not depend on the image size).
cv::Mat smoothRandomField(int rows, int cols, double featurePx, DegradationRng& rng, bool normalize = true);

} // namespace rdbm::degradation

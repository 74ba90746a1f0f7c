#pragma once
// The classical corrections behind rdbm::applyClassical; inputs are checked there.
#include <opencv2/core/mat.hpp>

namespace rdbm::classical {

// Stretches the 1st..99th percentile to [0,1], per channel or with one range for all.
cv::Mat percentileStretch(const cv::Mat& rgb, bool perChannel);
// x^g with g chosen so that the mean Rec. 601 luminance becomes 0.5.
cv::Mat gammaToMean(const cv::Mat& rgb);
// CLAHE (clip 2, 8x8 tiles) on L* of CIELAB; a and b are kept.
cv::Mat claheLightness(const cv::Mat& rgb);
// Dark channel prior dehazing with guided-filter refinement of the transmission.
cv::Mat darkChannelDehaze(const cv::Mat& rgb);

} // namespace rdbm::classical

#pragma once
// --uncertainty MAP.png (issue 11 §5): the per-pixel standard deviation of N seeds'
// restorations drawn through the shared colour map's non-negative half (white at 0,
// deep red at the scale) with a labelled colour bar to its right.
#include <opencv2/core/mat.hpp>

namespace rdbm::cli {

// The scale of the map: the 99th percentile of the values (a few extreme pixels do not
// wash out the rest; brighter ones saturate), never below 1e-6.
float uncertaintyScale(const cv::Mat& stdMap);

// stdMap: float32 HxW >= 0. Returns float32 RGB in [0,1]: the map at full size on the
// left, then the colour bar from 0 (bottom) to `scale` (top) with tick labels; at least
// 160 px high so that the labels stay readable beside small images.
cv::Mat uncertaintyHeatMap(const cv::Mat& stdMap, float scale);

} // namespace rdbm::cli

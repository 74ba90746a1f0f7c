#pragma once
// Conversions between the core's float images (cv::Mat, RGB in [0,1]) and what the
// views show. Done on worker threads so the GUI thread only receives finished QImages.
#include <QImage>

#include <opencv2/core/mat.hpp>

namespace rdbm::app {

// float32 (or 8-bit) RGB HxWx3 -> 8-bit RGB QImage (deep copy), rounded and clamped.
QImage toQImage(const cv::Mat& rgb);
// The same, first shrunk (area averaging) so that it holds at most maxPixels pixels.
QImage toPreview(const cv::Mat& rgb, long long maxPixels);
// 8-bit RGB QImage -> float32 RGB in [0,1] (for tests and for images given as QImage).
cv::Mat toFloatRgb(const QImage& image);
// Mean over the channels of a float32 HxWxC map, shrunk to at most maxPixels (0: no limit).
cv::Mat channelMean(const cv::Mat& map, long long maxPixels = 0);
// Size that fits maxPixels keeping the aspect ratio (unchanged when it already fits).
cv::Size fitPixels(const cv::Size& size, long long maxPixels);
// A signed map rendered with the shared diverging colour map (limit <= 0: robust automatic).
QImage signedMapImage(const cv::Mat& map, float limit = 0.0f);

} // namespace rdbm::app

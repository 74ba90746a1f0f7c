#pragma once
// Full-reference quality metrics on float32 images in [0,1] (same size, same channels).
#include <opencv2/core/mat.hpp>

namespace rdbm {

double psnr(const cv::Mat& a, const cv::Mat& b, double peak = 1.0); // +inf when identical
// Gaussian-window SSIM (Wang et al. 2004): 11x11, sigma 1.5, K1 0.01, K2 0.03; channel mean.
double ssim(const cv::Mat& a, const cv::Mat& b, double peak = 1.0);

} // namespace rdbm

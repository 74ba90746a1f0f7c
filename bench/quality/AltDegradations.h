#pragma once
// A second degradation family for the quality benchmark, written independently of the
// training degradations (core/src/degradation) so that a model cannot score by having learnt
// one generator's quirks:
//   low light: a linear-light exposure cut, Poisson-Gaussian sensor noise in linear light,
//     then a pure 1/2.2 power-law camera curve (training uses the sRGB curve and mild
//     Gaussian noise);
//   haze: depth from the colour-attenuation prior (Zhu, Mai, Shao 2015: far = bright and
//     unsaturated), with a bluish airlight (training: a vertical gradient and a random field).
// Plus the everyday inputs a restorer must leave alone or only improve: JPEG at quality 30
// and Gaussian noise of sigma 15/255. Every output is rounded to 8-bit levels.
#include <cstdint>
#include <string>

#include <opencv2/core/mat.hpp>

namespace rdbm::bench {

cv::Mat altLowLight(const cv::Mat& clean, std::uint64_t seed);
cv::Mat altHaze(const cv::Mat& clean, std::uint64_t seed);
cv::Mat jpegRoundTrip(const cv::Mat& clean, int quality);
cv::Mat gaussianNoise(const cv::Mat& clean, double sigma, std::uint64_t seed);
cv::Mat quantize8(const cv::Mat& rgb);

} // namespace rdbm::bench

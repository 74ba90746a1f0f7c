#pragma once
// Synthetic degradations for training and demos: the five tasks of the RDBM paper
// (rain streaks, low light, snow, haze, blur) and a mixture of them. Every generator
// draws from its own seeded RNG, so the same (image, kind, seed, strength) gives the
// same output bit for bit; nothing touches OpenCV's global RNG.
//
// Rain and snow are spatially local: most pixels of the output equal the input (after
// 8-bit rounding), which is where a per-pixel noise scale pi = x0 - mu matters. Low
// light, haze and blur change every pixel and carry mild sensor noise.
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace rdbm {

enum class DegradationKind { Rain, LowLight, Snow, Haze, Blur, Mixed };

std::string toString(DegradationKind k); // "rain", "lowlight", "snow", "haze", "blur", "mixed"
// Accepts the names above (case-insensitive; also "low-light", "low_light"). Throws Error(Usage).
DegradationKind degradationKindFromString(const std::string& s);
// A comma-separated list such as "rain,lowlight,snow"; "all" is the five single tasks.
// Throws Error(Usage) on an unknown or empty entry.
std::vector<DegradationKind> parseDegradationList(const std::string& csv);
std::string toString(const std::vector<DegradationKind>& kinds); // comma-separated
// The five single tasks, in the paper's order.
const std::vector<DegradationKind>& singleDegradationKinds();

// clean: float32 RGB HxWx3 in [0,1] (see ImageIO.h). strength scales severity: 1 is
// typical of the paper's data sets, 0 leaves the image as it is (apart from 8-bit
// rounding), up to 2 is harsh. The result is float32 RGB in [0,1], same size, rounded
// to 8-bit levels like a photo saved to disk. Throws Error(Image) on a wrong type or size.
cv::Mat degrade(const cv::Mat& clean, DegradationKind kind, std::uint64_t seed, double strength = 1.0);

} // namespace rdbm

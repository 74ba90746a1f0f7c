#pragma once
// The signed, diverging colour map used for pi*eps maps everywhere (GUI heat map,
// command-line trajectory PNGs, contact sheets): blue for negative, white at zero,
// red for positive. Plain types so Qt code can use it without OpenCV or torch.
#include <cstdint>

namespace rdbm {

struct Rgb8 { std::uint8_t r, g, b; };

// v is clamped to [-limit, limit]; limit must be > 0.
Rgb8 divergingColor(float v, float limit);

// Maps a HxW float buffer to packed RGB8 (3*w*h bytes).
void divergingColormap(const float* values, int count, float limit, std::uint8_t* rgbOut);

// A robust symmetric limit: the given percentile of |v| (e.g. 0.99), never below 1e-6.
float symmetricLimit(const float* values, int count, double percentile = 0.99);

} // namespace rdbm

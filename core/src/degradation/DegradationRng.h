#pragma once
// The degradations' random source: std::mt19937_64 (fully specified by the standard)
// with uniform and normal draws computed here, not by std::*_distribution, whose
// algorithms differ between standard libraries. Same seed, same numbers, everywhere.
#include <cmath>
#include <cstdint>
#include <random>

#include <opencv2/core/mat.hpp>

namespace rdbm::degradation {

class DegradationRng {
public:
    explicit DegradationRng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi] (inclusive); the tiny modulo bias is irrelevant here.
    int uniformInt(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1u;
        return lo + static_cast<int>(engine_() % span);
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal by Box-Muller, caching the second value.
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u1 = uniform();
        while (u1 <= 0.0) u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double a = 2.0 * 3.14159265358979323846 * u2;
        spare_ = r * std::sin(a);
        hasSpare_ = true;
        return r * std::cos(a);
    }
    // A seed for an independent child generator (one per stage of a mixture).
    std::uint64_t childSeed() { return engine_() ^ 0x9E3779B97F4A7C15ull; }

    // A float32 matrix of the given size and channels filled with N(0, sigma^2).
    cv::Mat normalField(int rows, int cols, int channels, double sigma);
    // A float32 single-channel field of uniform values in [0, 1).
    cv::Mat uniformField(int rows, int cols);

private:
    std::mt19937_64 engine_;
    bool hasSpare_ = false;
    double spare_ = 0.0;
};

} // namespace rdbm::degradation

// rdbm::degradation(): input checks, the per-kind dispatch, the mixture, and the final
// clamp and 8-bit rounding; plus the kinds' names.
#include "rdbm/Degradations.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <sstream>

#include <opencv2/core.hpp>

#include "degradation/DegradationRng.h"
#include "degradation/Generators.h"
#include "rdbm/Error.h"

namespace rdbm {

std::string toString(DegradationKind k) {
    switch (k) {
    case DegradationKind::Rain: return "rain";
    case DegradationKind::LowLight: return "lowlight";
    case DegradationKind::Snow: return "snow";
    case DegradationKind::Haze: return "haze";
    case DegradationKind::Blur: return "blur";
    case DegradationKind::Mixed: return "mixed";
    }
    return "rain";
}

DegradationKind degradationKindFromString(const std::string& s) {
    std::string n;
    for (char c : s)
        if (c != '-' && c != '_' && c != ' ') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "rain") return DegradationKind::Rain;
    if (n == "lowlight" || n == "dark") return DegradationKind::LowLight;
    if (n == "snow") return DegradationKind::Snow;
    if (n == "haze" || n == "fog") return DegradationKind::Haze;
    if (n == "blur") return DegradationKind::Blur;
    if (n == "mixed" || n == "mix") return DegradationKind::Mixed;
    throw Error(ErrorKind::Usage,
                "unknown degradation '" + s + "' (expected rain, lowlight, snow, haze, blur or mixed)");
}

const std::vector<DegradationKind>& singleDegradationKinds() {
    static const std::vector<DegradationKind> kinds{DegradationKind::Rain, DegradationKind::LowLight,
                                                    DegradationKind::Snow, DegradationKind::Haze,
                                                    DegradationKind::Blur};
    return kinds;
}

std::vector<DegradationKind> parseDegradationList(const std::string& csv) {
    std::vector<DegradationKind> kinds;
    std::stringstream in(csv);
    std::string item;
    while (std::getline(in, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (item.empty()) throw Error(ErrorKind::Usage, "empty entry in degradation list '" + csv + "'");
        if (item == "all") {
            for (auto k : singleDegradationKinds()) kinds.push_back(k);
            continue;
        }
        kinds.push_back(degradationKindFromString(item));
    }
    if (kinds.empty()) throw Error(ErrorKind::Usage, "empty degradation list");
    return kinds;
}

std::string toString(const std::vector<DegradationKind>& kinds) {
    std::string s;
    for (auto k : kinds) s += (s.empty() ? "" : ",") + toString(k);
    return s;
}

namespace {

cv::Mat applySingle(const cv::Mat& img, DegradationKind kind, degradation::DegradationRng& rng, double strength) {
    switch (kind) {
    case DegradationKind::Rain: return degradation::applyRain(img, rng, strength);
    case DegradationKind::LowLight: return degradation::applyLowLight(img, rng, strength);
    case DegradationKind::Snow: return degradation::applySnow(img, rng, strength);
    case DegradationKind::Haze: return degradation::applyHaze(img, rng, strength);
    case DegradationKind::Blur: return degradation::applyBlur(img, rng, strength);
    case DegradationKind::Mixed: break;
    }
    return img.clone();
}

// Two or three distinct tasks, each at a somewhat reduced strength, applied in the
// order light meets them: haze in the air, rain/snow in front, then the camera's
// blur, then the exposure.
cv::Mat applyMixed(const cv::Mat& img, degradation::DegradationRng& rng, double strength) {
    std::array<DegradationKind, 5> pool{DegradationKind::Rain, DegradationKind::LowLight, DegradationKind::Snow,
                                        DegradationKind::Haze, DegradationKind::Blur};
    for (int i = static_cast<int>(pool.size()) - 1; i > 0; --i) std::swap(pool[static_cast<size_t>(i)], pool[static_cast<size_t>(rng.uniformInt(0, i))]);
    const int count = rng.uniformInt(2, 3);
    const std::array<DegradationKind, 5> order{DegradationKind::Haze, DegradationKind::Rain, DegradationKind::Snow,
                                               DegradationKind::Blur, DegradationKind::LowLight};
    cv::Mat out = img;
    for (auto kind : order) {
        if (std::find(pool.begin(), pool.begin() + count, kind) == pool.begin() + count) continue;
        degradation::DegradationRng stage(rng.childSeed());
        out = applySingle(out, kind, stage, strength * rng.uniform(0.6, 1.0));
        cv::min(cv::max(out, 0.0), 1.0, out);
    }
    return out;
}

} // namespace

cv::Mat degrade(const cv::Mat& clean, DegradationKind kind, std::uint64_t seed, double strength) {
    if (clean.empty() || clean.type() != CV_32FC3)
        throw Error(ErrorKind::Image, "degrade: expected a non-empty float32 RGB image, got type " +
                                          std::to_string(clean.type()) + " of size " + std::to_string(clean.cols) +
                                          "x" + std::to_string(clean.rows));
    if (!std::isfinite(strength) || strength < 0.0 || strength > 4.0)
        throw Error(ErrorKind::Usage, "degrade: strength must be in [0, 4], got " + std::to_string(strength));
    const cv::Mat img = clean.isContinuous() ? clean : clean.clone();
    degradation::DegradationRng rng(seed);
    cv::Mat out = kind == DegradationKind::Mixed ? applyMixed(img, rng, strength) : applySingle(img, kind, rng, strength);
    // Clamp and round to 8-bit levels, like a photo written to disk.
    out.convertTo(out, CV_32FC3, 255.0);
    cv::Mat rounded(out.size(), CV_32FC3);
    const size_t n = out.total() * 3;
    const float* src = out.ptr<float>();
    auto* dst = rounded.ptr<float>();
    for (size_t i = 0; i < n; ++i) dst[i] = std::nearbyint(std::clamp(src[i], 0.0f, 255.0f)) / 255.0f;
    return rounded;
}

} // namespace rdbm

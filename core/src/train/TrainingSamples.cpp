#include "train/TrainingSamples.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/DegradationRng.h"

namespace rdbm::train {

Sample makeSample(const ImageSet& set, const SampleSpec& spec, std::uint64_t seed) {
    degradation::DegradationRng rng(seed);
    Sample s;
    s.image = rng.uniformInt(0, static_cast<int>(set.images.size()) - 1);
    const TrainingImage& img = set.images[static_cast<size_t>(s.image)];
    const int w = img.clean.cols, h = img.clean.rows;

    // Source window side: crop / scale, never larger than the image.
    int side = spec.crop;
    if (!set.paired && spec.scaleMin < 1.0) {
        const double lo = std::max(spec.scaleMin, double(spec.crop) / std::min(w, h));
        const double scale = lo >= 1.0 ? 1.0 : rng.uniform(lo, 1.0);
        side = std::min(std::min(w, h), static_cast<int>(std::lround(spec.crop / scale)));
    }
    const int x = rng.uniformInt(0, w - side), y = rng.uniformInt(0, h - side);
    const bool flip = rng.chance(0.5);
    auto cut = [&](const cv::Mat& src) {
        cv::Mat c = src(cv::Rect(x, y, side, side));
        cv::Mat r;
        if (side != spec.crop) cv::resize(c, r, cv::Size(spec.crop, spec.crop), 0, 0, cv::INTER_AREA);
        else r = c.clone();
        if (flip) cv::flip(r, r, 1);
        return toUnitFloat(r);
    };
    s.clean = cut(img.clean);
    if (set.paired) {
        s.degraded = cut(img.degraded);
    } else {
        const auto task = spec.tasks[static_cast<size_t>(rng.uniformInt(0, static_cast<int>(spec.tasks.size()) - 1))];
        double strength = rng.uniform(spec.strengthMin, spec.strengthMax);
        // Identity pairs teach the model to leave a clean photo alone. Drawn only when
        // asked for, so runs without them keep their exact random streams.
        if (spec.identityFraction > 0.0 && rng.chance(spec.identityFraction)) strength = 0.0;
        s.degraded = degrade(s.clean, task, rng.next(), strength);
    }
    return s;
}

} // namespace rdbm::train

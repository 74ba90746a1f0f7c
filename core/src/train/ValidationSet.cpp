#include "train/ValidationSet.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "train/SeedMix.h"

namespace rdbm::train {
namespace {

constexpr std::uint64_t kValidationSeed = 0x5EED0F0A11DA7Eull; // independent of the run's seed

cv::Mat centreCrop(const cv::Mat& img, int size) {
    const int side = std::min({size, img.cols, img.rows});
    return img(cv::Rect((img.cols - side) / 2, (img.rows - side) / 2, side, side)).clone();
}

} // namespace

std::vector<ValidationItem> makeSyntheticValidation(const ImageSet& set, const std::vector<DegradationKind>& tasks,
                                                    int size, int maxImages) {
    std::vector<ValidationItem> items;
    const int n = std::min(static_cast<int>(set.images.size()), std::max(0, maxImages));
    for (auto task : tasks)
        for (int i = 0; i < n; ++i) {
            const cv::Mat& src = set.images[static_cast<size_t>(i)].clean;
            cv::Mat img = src;
            const int shortSide = std::min(src.cols, src.rows);
            if (shortSide > 2 * size) {
                const double f = 2.0 * size / shortSide;
                cv::resize(src, img, cv::Size(int(std::lround(src.cols * f)), int(std::lround(src.rows * f))), 0, 0,
                           cv::INTER_AREA);
            }
            ValidationItem item;
            item.name = set.images[static_cast<size_t>(i)].name;
            item.task = toString(task);
            item.clean = toUnitFloat(centreCrop(img, size));
            item.degraded = degrade(item.clean, task, mixSeed(kValidationSeed, static_cast<std::uint64_t>(i),
                                                             static_cast<std::uint64_t>(task) + 1),
                                    1.0);
            items.push_back(std::move(item));
        }
    return items;
}

std::vector<ValidationItem> makePairedValidation(const ImageSet& set, int size, int maxImages) {
    std::vector<ValidationItem> items;
    const int n = std::min(static_cast<int>(set.images.size()), std::max(0, maxImages));
    for (int i = 0; i < n; ++i) {
        const auto& img = set.images[static_cast<size_t>(i)];
        items.push_back({img.name, "paired", toUnitFloat(centreCrop(img.clean, size)),
                         toUnitFloat(centreCrop(img.degraded, size))});
    }
    return items;
}

} // namespace rdbm::train

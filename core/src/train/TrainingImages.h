#pragma once
// The photos a training run reads: clean images (degraded on the fly) or clean/degraded
// pairs matched by file name. Loaded once into memory as 8-bit RGB; files that cannot
// be used are reported by name and skipped.
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace rdbm::train {

struct TrainingImage {
    std::string name;  // file name (the clean one for pairs)
    cv::Mat clean;     // CV_8UC3 RGB
    cv::Mat degraded;  // CV_8UC3 RGB, same size; empty for clean-only sets
};

struct ImageSet {
    std::vector<TrainingImage> images;
    std::vector<std::string> warnings; // one line per skipped file or unmatched name
    bool paired = false;
    std::string source; // the folder(s), for provenance
};

// Every supported image in dir (sorted by name). Images larger than maxSide on their
// long side are downscaled; ones whose short side is below minSide are skipped.
// role ("training", "validation") words the messages. Throws Error(Usage) when dir is
// missing or yields no usable image.
ImageSet loadCleanImages(const std::string& dir, int maxSide, int minSide, const std::string& role);

// Pairs matched by file name, or by name without extension when the formats differ.
// Unmatched files, unreadable files and size mismatches are skipped with a warning.
ImageSet loadPairedImages(const std::string& cleanDir, const std::string& degradedDir, int maxSide, int minSide,
                          const std::string& role);

// Float32 RGB in [0,1] from an 8-bit image.
cv::Mat toUnitFloat(const cv::Mat& rgb8);

} // namespace rdbm::train

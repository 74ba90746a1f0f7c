#include "train/TrainingImages.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"

namespace rdbm::train {
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> listImages(const std::string& dir, const std::string& role) {
    std::error_code ec;
    if (dir.empty()) throw Error(ErrorKind::Usage, role + " data: no folder given");
    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::Usage, role + " data: '" + dir + "' is not a folder");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        if (it->is_regular_file(ec) && isSupportedImageExtension(p.string())) files.push_back(p);
    }
    if (ec) throw Error(ErrorKind::Usage, role + " data: cannot list '" + dir + "': " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

cv::Mat to8Bit(const cv::Mat& rgbFloat) {
    cv::Mat out;
    rgbFloat.convertTo(out, CV_8UC3, 255.0); // rounds and saturates
    return out;
}

// Downscales so the long side is at most maxSide (area interpolation).
cv::Mat limitSize(const cv::Mat& img, int maxSide) {
    const int longSide = std::max(img.cols, img.rows);
    if (maxSide <= 0 || longSide <= maxSide) return img;
    const double f = double(maxSide) / longSide;
    cv::Mat out;
    cv::resize(img, out, cv::Size(std::max(1, int(std::lround(img.cols * f))), std::max(1, int(std::lround(img.rows * f)))),
               0, 0, cv::INTER_AREA);
    return out;
}

std::string sizeText(const cv::Mat& m) { return std::to_string(m.cols) + "x" + std::to_string(m.rows); }

void requireSome(const ImageSet& set, const std::string& role, const std::string& where) {
    if (!set.images.empty()) return;
    std::string msg = role + " data: no usable images in " + where;
    if (!set.warnings.empty()) {
        msg += " (" + std::to_string(set.warnings.size()) + " skipped; first: " + set.warnings.front() + ")";
    }
    throw Error(ErrorKind::Usage, msg);
}

} // namespace

cv::Mat toUnitFloat(const cv::Mat& rgb8) {
    cv::Mat out;
    rgb8.convertTo(out, CV_32FC3, 1.0 / 255.0);
    return out;
}

ImageSet loadCleanImages(const std::string& dir, int maxSide, int minSide, const std::string& role) {
    ImageSet set;
    set.source = dir;
    for (const auto& path : listImages(dir, role)) {
        const std::string name = path.filename().string();
        cv::Mat img;
        try {
            img = to8Bit(readImage(path.string()).rgb);
        } catch (const Error& e) {
            set.warnings.push_back("skipped " + name + ": " + e.what());
            continue;
        }
        img = limitSize(img, maxSide);
        if (std::min(img.cols, img.rows) < minSide) {
            set.warnings.push_back("skipped " + name + ": " + sizeText(img) + " is smaller than " +
                                   std::to_string(minSide) + " pixels on a side");
            continue;
        }
        set.images.push_back({name, img, cv::Mat()});
    }
    requireSome(set, role, "'" + dir + "'");
    return set;
}

ImageSet loadPairedImages(const std::string& cleanDir, const std::string& degradedDir, int maxSide, int minSide,
                          const std::string& role) {
    ImageSet set;
    set.paired = true;
    set.source = cleanDir + " + " + degradedDir;
    const auto cleanFiles = listImages(cleanDir, role + " (clean)");
    const auto degradedFiles = listImages(degradedDir, role + " (degraded)");
    std::map<std::string, fs::path> byName, byStem;
    std::map<std::string, int> stemCount;
    for (const auto& p : degradedFiles) {
        byName[p.filename().string()] = p;
        ++stemCount[p.stem().string()];
        byStem[p.stem().string()] = p;
    }
    std::map<std::string, bool> used;
    for (const auto& cleanPath : cleanFiles) {
        const std::string name = cleanPath.filename().string();
        fs::path degradedPath;
        if (auto it = byName.find(name); it != byName.end()) {
            degradedPath = it->second;
        } else if (auto st = byStem.find(cleanPath.stem().string()); st != byStem.end() && stemCount[st->first] == 1) {
            degradedPath = st->second;
        } else {
            set.warnings.push_back("skipped " + name + ": no degraded file of that name in '" + degradedDir + "'");
            continue;
        }
        used[degradedPath.filename().string()] = true;
        cv::Mat clean, degraded;
        try {
            clean = to8Bit(readImage(cleanPath.string()).rgb);
            degraded = to8Bit(readImage(degradedPath.string()).rgb);
        } catch (const Error& e) {
            set.warnings.push_back("skipped " + name + ": " + e.what());
            continue;
        }
        if (clean.size() != degraded.size()) {
            set.warnings.push_back("skipped " + name + ": clean is " + sizeText(clean) + " but degraded " +
                                   degradedPath.filename().string() + " is " + sizeText(degraded));
            continue;
        }
        clean = limitSize(clean, maxSide);
        degraded = limitSize(degraded, maxSide);
        if (std::min(clean.cols, clean.rows) < minSide) {
            set.warnings.push_back("skipped " + name + ": " + sizeText(clean) + " is smaller than " +
                                   std::to_string(minSide) + " pixels on a side");
            continue;
        }
        set.images.push_back({name, clean, degraded});
    }
    for (const auto& p : degradedFiles)
        if (!used.count(p.filename().string()))
            set.warnings.push_back("skipped " + p.filename().string() + " in '" + degradedDir +
                                   "': no clean file of that name");
    requireSome(set, role, "'" + cleanDir + "' paired with '" + degradedDir + "'");
    return set;
}

} // namespace rdbm::train

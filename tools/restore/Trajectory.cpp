#include "Trajectory.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "rdbm/Colormap.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"

namespace rdbm::cli {
namespace {

std::string numbered(const char* stem, int i) {
    char name[64];
    std::snprintf(name, sizeof name, "%s_%03d.png", stem, i);
    return name;
}

// [N,H,W,3] float32 from N continuous HxW RGB frames.
std::vector<unsigned char> stackNpy(const std::vector<cv::Mat>& frames) {
    if (frames.empty()) return encodeNpyFloat32(nullptr, {0, 0, 0, 3});
    const cv::Mat& first = frames.front();
    const size_t perFrame = first.total() * 3;
    std::vector<float> data(perFrame * frames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
        const cv::Mat f = frames[i].isContinuous() ? frames[i] : frames[i].clone();
        std::memcpy(data.data() + i * perFrame, f.ptr<float>(), perFrame * sizeof(float));
    }
    return encodeNpyFloat32(data.data(), {static_cast<long>(frames.size()), first.rows, first.cols, 3});
}

cv::Mat channelMean(const cv::Mat& rgb) {
    cv::Mat mean;
    cv::transform(rgb, mean, cv::Matx13f(1.f / 3, 1.f / 3, 1.f / 3));
    return mean.isContinuous() ? mean : mean.clone();
}

} // namespace

std::vector<std::string> trajectoryFileNames(int steps) {
    std::vector<std::string> names;
    for (int i = 0; i <= steps; ++i) names.push_back(numbered("xt", i));
    for (int i = 1; i <= steps; ++i) names.push_back(numbered("x0", i));
    for (int i = 1; i <= steps; ++i) names.push_back(numbered("pieps", i));
    for (const char* n : {"xt.npy", "x0.npy", "pieps.npy", "trajectory.json"}) names.emplace_back(n);
    return names;
}

TrajectoryRecorder::TrajectoryRecorder(const cv::Mat& mu) { xt_.push_back(mu.clone()); }

void TrajectoryRecorder::add(const StepFrame& frame) {
    if (frame.xt.empty() || frame.x0.empty() || frame.piEps.empty())
        throw Error(ErrorKind::Runtime, "trajectory: the sampler emitted a step without images");
    xt_.push_back(frame.xt.clone());
    x0_.push_back(frame.x0.clone());
    piEps_.push_back(frame.piEps.clone());
    t_.push_back(frame.t);
    tNext_.push_back(frame.tNext);
}

std::vector<std::string> TrajectoryRecorder::write(const std::string& dir, bool overwrite) const {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::Runtime, dir + ": cannot create the trajectory folder: " + ec.message());

    std::vector<std::string> written;
    WriteOptions png;
    png.overwrite = overwrite;
    const auto writePng = [&](const std::string& name, const cv::Mat& rgb) {
        Image img;
        img.rgb = rgb;
        img.bitDepth = 8;
        const std::string path = dir + "/" + name;
        writeImage(path, img, png);
        written.push_back(path);
    };
    const auto writeFile = [&](const std::string& name, const std::vector<unsigned char>& bytes) {
        const std::string path = dir + "/" + name;
        writeFileAtomic(path, bytes, overwrite);
        written.push_back(path);
    };

    for (size_t i = 0; i < xt_.size(); ++i) writePng(numbered("xt", static_cast<int>(i)), xt_[i]);
    for (size_t i = 0; i < x0_.size(); ++i) writePng(numbered("x0", static_cast<int>(i + 1)), x0_[i]);

    // One limit over every step's pi*eps so colours mean the same in all frames.
    std::vector<cv::Mat> means;
    std::vector<float> all;
    for (const cv::Mat& pe : piEps_) {
        means.push_back(channelMean(pe));
        all.insert(all.end(), means.back().ptr<float>(), means.back().ptr<float>() + means.back().total());
    }
    const float limit = symmetricLimit(all.data(), static_cast<int>(all.size()), 0.99);
    for (size_t i = 0; i < means.size(); ++i) {
        cv::Mat rgb8(means[i].size(), CV_8UC3);
        divergingColormap(means[i].ptr<float>(), static_cast<int>(means[i].total()), limit, rgb8.ptr<std::uint8_t>());
        cv::Mat rgb;
        rgb8.convertTo(rgb, CV_32FC3, 1.0 / 255.0);
        writePng(numbered("pieps", static_cast<int>(i + 1)), rgb);
    }

    writeFile("xt.npy", stackNpy(xt_));
    writeFile("x0.npy", stackNpy(x0_));
    writeFile("pieps.npy", stackNpy(piEps_));

    nlohmann::json info;
    info["frames"] = xt_.size();
    info["steps"] = x0_.size();
    info["t"] = t_;
    info["t_next"] = tNext_;
    info["pieps_colormap_limit"] = limit;
    info["pieps_colormap"] = "diverging blue-white-red (RdBu), channel mean, white at 0, limit = 99th percentile of |pi*eps|";
    info["xt_note"] = "xt.npy frame 0 is the input mu; frame k is x after step k; values in [0,1]";
    info["pieps_note"] = "pi*eps in the model's [-1,1] units (zero at t = T-1)";
    const std::string text = info.dump(2) + "\n";
    writeFile("trajectory.json", std::vector<unsigned char>(text.begin(), text.end()));
    return written;
}

} // namespace rdbm::cli

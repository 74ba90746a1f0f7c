#include "Trajectory.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <opencv2/core.hpp>

#include "rdbm/Colormap.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"
#include "rdbm/TrajectoryLayout.h"

namespace rdbm::cli {
namespace {

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
    std::vector<std::string> names = trajectory::imageFileNames(steps);
    for (const char* n : {"xt.npy", "x0.npy", "pieps.npy", trajectory::kManifestName}) names.emplace_back(n);
    return names;
}

TrajectoryRecorder::TrajectoryRecorder(const cv::Mat& mu) { xt_.push_back(mu.clone()); }

void TrajectoryRecorder::add(const StepFrame& frame) {
    if (frame.xt.empty() || frame.x0.empty() || frame.piEps.empty())
        throw Error(ErrorKind::Runtime, "trajectory: the sampler emitted a step without images");
    xt_.push_back(frame.xt.clone());
    x0_.push_back(frame.x0.clone());
    piEps_.push_back(frame.piEps.clone());
    if (!frame.residual.empty()) residual_.push_back(frame.residual.clone());
    t_.push_back(frame.t);
    tNext_.push_back(frame.tNext);
}

std::vector<std::string> TrajectoryRecorder::write(const std::string& dir, bool overwrite) const {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::Runtime, dir + ": cannot create the trajectory folder: " + ec.message());

    using trajectory::fileName;
    using trajectory::Frame;
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

    for (size_t i = 0; i < xt_.size(); ++i) writePng(fileName(Frame::Xt, static_cast<int>(i)), xt_[i]);
    for (size_t i = 0; i < x0_.size(); ++i) writePng(fileName(Frame::X0, static_cast<int>(i + 1)), x0_[i]);

    // One limit over every step's pi*eps so colours mean the same in all frames.
    std::vector<cv::Mat> means;
    std::vector<float> all;
    for (const cv::Mat& pe : piEps_) {
        means.push_back(channelMean(pe));
        all.insert(all.end(), means.back().ptr<float>(), means.back().ptr<float>() + means.back().total());
    }
    const float limit = symmetricLimit(all.data(), static_cast<int>(all.size()), trajectory::kPiEpsLimitPercentile);
    for (size_t i = 0; i < means.size(); ++i) {
        cv::Mat rgb8(means[i].size(), CV_8UC3);
        divergingColormap(means[i].ptr<float>(), static_cast<int>(means[i].total()), limit, rgb8.ptr<std::uint8_t>());
        cv::Mat rgb;
        rgb8.convertTo(rgb, CV_32FC3, 1.0 / 255.0);
        writePng(fileName(Frame::PiEps, static_cast<int>(i + 1)), rgb);
    }

    writeFile("xt.npy", stackNpy(xt_));
    writeFile("x0.npy", stackNpy(x0_));
    writeFile("pieps.npy", stackNpy(piEps_));
    if (!residual_.empty()) writeFile("residual.npy", stackNpy(residual_));

    trajectory::Manifest manifest;
    manifest.writer = "rdbm-restore";
    manifest.width = xt_.front().cols;
    manifest.height = xt_.front().rows;
    manifest.t = t_;
    manifest.tNext = tNext_;
    manifest.piEpsLimit = limit;
    for (const std::string& path : written) manifest.files.push_back(std::filesystem::path(path).filename().string());
    const std::string text = trajectory::manifestJson(manifest);
    writeFile(trajectory::kManifestName, std::vector<unsigned char>(text.begin(), text.end()));
    return written;
}

} // namespace rdbm::cli

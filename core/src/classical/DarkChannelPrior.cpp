// Single-image dehazing by the dark channel prior (He, Sun, Tang, CVPR 2009), with the
// transmission refined by a guided filter (He, Sun, Tang, ECCV 2010) instead of soft matting.
// Sizes scale with the photo: the paper's 15-px patch and 60-px filter radius are for
// photos of about 600 px.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "classical/Corrections.h"
#include "rdbm/ClassicalTools.h"

namespace rdbm {

cv::Mat guidedFilter(const cv::Mat& guide, const cv::Mat& p, int radius, double eps) {
    const cv::Size win(2 * radius + 1, 2 * radius + 1);
    auto box = [&](const cv::Mat& m) {
        cv::Mat o;
        cv::boxFilter(m, o, CV_32F, win, cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        return o;
    };
    const cv::Mat meanI = box(guide), meanP = box(p);
    const cv::Mat varI = box(guide.mul(guide)) - meanI.mul(meanI);
    const cv::Mat covIP = box(guide.mul(p)) - meanI.mul(meanP);
    const cv::Mat a = covIP / (varI + eps);
    const cv::Mat b = meanP - a.mul(meanI);
    return box(a).mul(guide) + box(b);
}

namespace classical {

namespace {

cv::Mat darkChannel(const cv::Mat& rgb, int patch) {
    std::vector<cv::Mat> ch;
    cv::split(rgb, ch);
    cv::Mat m = cv::min(cv::min(ch[0], ch[1]), ch[2]);
    cv::erode(m, m, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(patch, patch)), cv::Point(-1, -1), 1,
              cv::BORDER_REFLECT);
    return m;
}

} // namespace

cv::Mat darkChannelDehaze(const cv::Mat& rgb) {
    const int side = std::max(rgb.rows, rgb.cols);
    const int patch = std::max(3, (side * 15 / 600) | 1);
    const int radius = std::max(4, side * 60 / 600);
    const double omega = 0.95, t0 = 0.1;

    const cv::Mat dark = darkChannel(rgb, patch);
    // Airlight: among the 0.1 % of pixels with the brightest dark channel, the brightest
    // input pixel (by channel sum), as in the paper.
    const int total = dark.rows * dark.cols;
    const int count = std::max(1, total / 1000);
    std::vector<std::pair<float, int>> order;
    order.reserve(static_cast<size_t>(total));
    for (int y = 0; y < dark.rows; ++y) {
        const float* r = dark.ptr<float>(y);
        for (int x = 0; x < dark.cols; ++x) order.emplace_back(r[x], y * dark.cols + x);
    }
    std::nth_element(order.begin(), order.begin() + (count - 1), order.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    cv::Vec3f air(0, 0, 0);
    float best = -1.0f;
    for (int k = 0; k < count; ++k) {
        const int i = order[static_cast<size_t>(k)].second;
        const cv::Vec3f v = rgb.at<cv::Vec3f>(i / rgb.cols, i % rgb.cols);
        if (v[0] + v[1] + v[2] > best) best = v[0] + v[1] + v[2], air = v;
    }
    for (int c = 0; c < 3; ++c) air[c] = std::max(air[c], 0.05f);

    cv::Mat normalised(rgb.size(), CV_32FC3);
    rgb.forEach<cv::Vec3f>([&](const cv::Vec3f& v, const int* pos) {
        normalised.at<cv::Vec3f>(pos[0], pos[1]) = cv::Vec3f(v[0] / air[0], v[1] / air[1], v[2] / air[2]);
    });
    cv::Mat transmission = 1.0 - omega * darkChannel(normalised, patch);
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    transmission = guidedFilter(gray, transmission, radius, 1e-3);

    cv::Mat out(rgb.size(), CV_32FC3);
    for (int y = 0; y < rgb.rows; ++y) {
        const auto* in = rgb.ptr<cv::Vec3f>(y);
        const float* t = transmission.ptr<float>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            const float tt = std::max(t[x], static_cast<float>(t0));
            for (int c = 0; c < 3; ++c) o[x][c] = std::clamp((in[x][c] - air[c]) / tt + air[c], 0.0f, 1.0f);
        }
    }
    return out;
}

} // namespace classical
} // namespace rdbm

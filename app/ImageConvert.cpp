#include "ImageConvert.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Colormap.h"

namespace rdbm::app {

cv::Size fitPixels(const cv::Size& size, long long maxPixels) {
    const long long pixels = static_cast<long long>(size.width) * size.height;
    if (maxPixels <= 0 || pixels <= maxPixels) return size;
    const double scale = std::sqrt(static_cast<double>(maxPixels) / static_cast<double>(pixels));
    return {std::max(1, static_cast<int>(size.width * scale)), std::max(1, static_cast<int>(size.height * scale))};
}

QImage toQImage(const cv::Mat& rgb) {
    if (rgb.empty()) return {};
    cv::Mat bytes;
    if (rgb.depth() == CV_8U) {
        bytes = rgb;
    } else {
        rgb.convertTo(bytes, CV_8U, 255.0); // saturating, rounds to nearest
    }
    if (bytes.channels() == 1) cv::cvtColor(bytes, bytes, cv::COLOR_GRAY2RGB);
    QImage out(bytes.cols, bytes.rows, QImage::Format_RGB888);
    for (int y = 0; y < bytes.rows; ++y)
        std::copy_n(bytes.ptr<uchar>(y), static_cast<size_t>(bytes.cols) * 3, out.scanLine(y));
    return out;
}

QImage toPreview(const cv::Mat& rgb, long long maxPixels) {
    if (rgb.empty()) return {};
    const cv::Size target = fitPixels(rgb.size(), maxPixels);
    if (target == rgb.size()) return toQImage(rgb);
    cv::Mat small;
    cv::resize(rgb, small, target, 0, 0, cv::INTER_AREA);
    return toQImage(small);
}

cv::Mat toFloatRgb(const QImage& image) {
    if (image.isNull()) return {};
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    cv::Mat out(rgb.height(), rgb.width(), CV_32FC3);
    for (int y = 0; y < rgb.height(); ++y) {
        const uchar* src = rgb.constScanLine(y);
        float* dst = out.ptr<float>(y);
        for (int i = 0; i < rgb.width() * 3; ++i) dst[i] = src[i] / 255.0f;
    }
    return out;
}

cv::Mat channelMean(const cv::Mat& map, long long maxPixels) {
    if (map.empty()) return {};
    cv::Mat f;
    map.convertTo(f, CV_32F);
    cv::Mat mean;
    if (f.channels() == 1) {
        mean = f.clone();
    } else {
        cv::Mat flat = f.reshape(1, f.rows * f.cols); // one row per pixel
        cv::reduce(flat, mean, 1, cv::REDUCE_AVG);
        mean = mean.reshape(1, f.rows);
    }
    const cv::Size target = fitPixels(mean.size(), maxPixels);
    if (target != mean.size()) cv::resize(mean, mean, target, 0, 0, cv::INTER_AREA);
    return mean;
}

QImage signedMapImage(const cv::Mat& map, float limit) {
    if (map.empty()) return {};
    cv::Mat m = map.channels() == 1 ? map : channelMean(map);
    if (m.depth() != CV_32F) m.convertTo(m, CV_32F);
    if (!m.isContinuous()) m = m.clone();
    const int count = m.rows * m.cols;
    if (limit <= 0.0f) limit = symmetricLimit(m.ptr<float>(), count);
    QImage out(m.cols, m.rows, QImage::Format_RGB888);
    std::vector<std::uint8_t> rgb(static_cast<size_t>(count) * 3);
    divergingColormap(m.ptr<float>(), count, limit, rgb.data());
    for (int y = 0; y < m.rows; ++y)
        std::copy_n(rgb.data() + static_cast<size_t>(y) * m.cols * 3, static_cast<size_t>(m.cols) * 3, out.scanLine(y));
    return out;
}

} // namespace rdbm::app

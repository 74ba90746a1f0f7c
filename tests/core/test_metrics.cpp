// PSNR and SSIM against hand-computed cases and against scikit-image
// (fixture metrics_reference, see tests/fixtures/make_metrics_reference.py).
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Error.h"
#include "rdbm/Metrics.h"

using namespace rdbm;

namespace {

cv::Mat readRaw(const std::string& path, int h, int w, int c) {
    cv::Mat m(h, w, CV_32FC(c));
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    in.read(reinterpret_cast<char*>(m.data), static_cast<std::streamsize>(m.total() * m.elemSize()));
    EXPECT_EQ(in.gcount(), static_cast<std::streamsize>(m.total() * m.elemSize())) << path;
    return m;
}

cv::Mat gradient(int h, int w) {
    cv::Mat m(h, w, CV_32FC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            m.at<cv::Vec3f>(y, x) = {float(x) / w, float(y) / h, 0.5f * float(x + y) / (w + h)};
    return m;
}

} // namespace

TEST(Metrics, PsnrIsInfiniteForIdenticalImages) {
    const cv::Mat a = gradient(20, 30);
    EXPECT_TRUE(std::isinf(psnr(a, a.clone())));
    EXPECT_GT(psnr(a, a.clone()), 0.0);
}

TEST(Metrics, PsnrOfConstantOffsetIsTwentyDecibels) {
    // MSE = 0.01 -> 10 log10(1 / 0.01) = 20 dB; with peak 2: 10 log10(4 / 0.01).
    const cv::Mat a(16, 16, CV_32FC3, cv::Scalar::all(0.4));
    const cv::Mat b(16, 16, CV_32FC3, cv::Scalar::all(0.5));
    EXPECT_NEAR(psnr(a, b), 20.0, 1e-5);
    EXPECT_NEAR(psnr(a, b, 2.0), 10.0 * std::log10(400.0), 1e-5);
}

TEST(Metrics, PsnrAveragesOverAllChannels) {
    // Only one channel of three differs by 0.3: MSE = 0.09 / 3 = 0.03.
    cv::Mat a(8, 8, CV_32FC3, cv::Scalar(0.2, 0.2, 0.2));
    cv::Mat b(8, 8, CV_32FC3, cv::Scalar(0.5, 0.2, 0.2));
    EXPECT_NEAR(psnr(a, b), 10.0 * std::log10(1.0 / 0.03), 1e-4);
}

TEST(Metrics, SsimIsOneForIdenticalAndBelowOneOtherwise) {
    const cv::Mat a = gradient(32, 40);
    EXPECT_NEAR(ssim(a, a.clone()), 1.0, 1e-12);
    cv::Mat b = a.clone();
    cv::randn(b, 0.0, 0.05);
    b += a;
    const double s = ssim(a, b);
    EXPECT_LT(s, 0.99);
    EXPECT_GT(s, 0.0);
}

TEST(Metrics, SsimOfConstantImagesFollowsTheLuminanceTerm) {
    // No variance anywhere: SSIM = (2 mx my + C1) / (mx^2 + my^2 + C1) exactly.
    const double x = 0.3, y = 0.6, c1 = 0.01 * 0.01;
    const cv::Mat a(15, 15, CV_32FC1, cv::Scalar(x));
    const cv::Mat b(15, 15, CV_32FC1, cv::Scalar(y));
    const double expected = (2 * x * y + c1) / (x * x + y * y + c1);
    EXPECT_NEAR(ssim(a, b), expected, 1e-6);
}

TEST(Metrics, MatchesScikitImage) {
    const std::string dir = RDBM_FIXTURE_DIR "/metrics_reference/";
    std::ifstream cases(dir + "cases.txt");
    ASSERT_TRUE(cases.good()) << "missing fixture " << dir;
    std::string line;
    int count = 0;
    while (std::getline(cases, line)) {
        std::istringstream in(line);
        std::string name;
        int h, w, c;
        double refPsnr, refSsim;
        in >> name >> h >> w >> c >> refPsnr >> refSsim;
        const cv::Mat a = readRaw(dir + name + "_a.f32", h, w, c);
        const cv::Mat b = readRaw(dir + name + "_b.f32", h, w, c);
        EXPECT_NEAR(psnr(a, b), refPsnr, 1e-6 * refPsnr) << name;
        EXPECT_NEAR(ssim(a, b), refSsim, 1e-7) << name;
        EXPECT_NEAR(ssim(b, a), refSsim, 1e-7) << name << " (symmetric)";
        ++count;
    }
    EXPECT_EQ(count, 4);
}

TEST(Metrics, RefusesMismatchedOrTinyImages) {
    const cv::Mat a(20, 20, CV_32FC3, cv::Scalar::all(0.5));
    const cv::Mat b(20, 21, CV_32FC3, cv::Scalar::all(0.5));
    const cv::Mat g(20, 20, CV_32FC1, cv::Scalar::all(0.5));
    EXPECT_THROW(psnr(a, b), Error);
    EXPECT_THROW(ssim(a, g), Error);
    try {
        ssim(a, b);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Image);
        EXPECT_NE(std::string(e.what()).find("20x20x3 vs 21x20x3"), std::string::npos) << e.what();
    }
    const cv::Mat tiny(10, 30, CV_32FC3, cv::Scalar::all(0.5));
    EXPECT_THROW(ssim(tiny, tiny), Error);
}

// The classical baselines: each does what its name promises on images built to show it,
// and leaves what it should alone.
#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/ClassicalTools.h"
#include "rdbm/Degradations.h"
#include "rdbm/Error.h"
#include "rdbm/Metrics.h"

namespace {

using rdbm::ClassicalTool;

// A photo-like test image: smooth colour gradients plus fine texture.
cv::Mat texturedImage(int w = 160, int h = 120) {
    cv::Mat img(h, w, CV_32FC3);
    cv::RNG rng(7);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float u = float(x) / w, v = float(y) / h;
            const float tex = 0.08f * std::sin(x * 0.7f) * std::cos(y * 0.5f);
            img.at<cv::Vec3f>(y, x) = cv::Vec3f(0.15f + 0.7f * u + tex, 0.2f + 0.6f * v + tex, 0.5f + 0.3f * (u - v) + tex);
        }
    cv::Mat noise(h, w, CV_32FC3);
    rng.fill(noise, cv::RNG::UNIFORM, -0.03, 0.03);
    img += noise;
    return cv::min(cv::max(img, 0.0), 1.0);
}

double lumaMean(const cv::Mat& rgb) {
    cv::Mat g;
    cv::cvtColor(rgb, g, cv::COLOR_RGB2GRAY);
    return cv::mean(g)[0];
}

TEST(Classical, NamesRoundTripAndUnknownNamesAreRefused) {
    for (ClassicalTool t : rdbm::allClassicalTools()) EXPECT_EQ(rdbm::classicalToolFromString(rdbm::toString(t)), t);
    EXPECT_EQ(rdbm::classicalToolFromString("DCP"), ClassicalTool::DarkChannelPrior);
    EXPECT_THROW(rdbm::classicalToolFromString("retinex"), rdbm::Error);
    EXPECT_EQ(rdbm::classicalToolsFor("haze").front(), ClassicalTool::DarkChannelPrior);
    EXPECT_TRUE(rdbm::classicalToolsFor("rain").empty());
}

TEST(Classical, RefusesImagesOfAnotherType) {
    cv::Mat u8(8, 8, CV_8UC3, cv::Scalar::all(10));
    EXPECT_THROW(rdbm::applyClassical(ClassicalTool::AutoLevels, u8), rdbm::Error);
    EXPECT_THROW(rdbm::applyClassical(ClassicalTool::Clahe, cv::Mat()), rdbm::Error);
}

TEST(Classical, AutoLevelsUndoesALinearDarkening) {
    const cv::Mat clean = texturedImage();
    const cv::Mat dark = clean * 0.25 + cv::Scalar::all(0.02);
    // A percentile stretch is blind to an affine change of the input: the darkened photo
    // comes out as the clean one does, up to the percentiles' 1/4096 bins.
    for (ClassicalTool t : {ClassicalTool::AutoContrast, ClassicalTool::AutoLevels}) {
        const cv::Mat out = rdbm::applyClassical(t, dark);
        EXPECT_GT(rdbm::psnr(out, rdbm::applyClassical(t, clean)), 40.0) << rdbm::toString(t);
        EXPECT_GT(rdbm::psnr(out, clean), rdbm::psnr(dark, clean) + 5.0) << rdbm::toString(t);
    }
}

TEST(Classical, AutoLevelsLeavesAFlatImageAlone) {
    const cv::Mat flat(16, 16, CV_32FC3, cv::Scalar(0.4, 0.5, 0.6));
    const cv::Mat out = rdbm::applyClassical(ClassicalTool::AutoLevels, flat);
    EXPECT_LE(cv::norm(out, flat, cv::NORM_INF), 1e-6);
}

TEST(Classical, GammaToMeanBringsTheMeanToAHalf) {
    cv::Mat dark;
    cv::pow(texturedImage(), 3.0, dark);
    ASSERT_LT(lumaMean(dark), 0.2);
    EXPECT_NEAR(lumaMean(rdbm::applyClassical(ClassicalTool::GammaToMean, dark)), 0.5, 0.08);
}

TEST(Classical, ClaheRaisesLocalContrastAndKeepsTheSize) {
    const cv::Mat flat = texturedImage() * 0.2 + 0.4;
    const cv::Mat out = rdbm::applyClassical(ClassicalTool::Clahe, flat);
    ASSERT_EQ(out.size(), flat.size());
    ASSERT_EQ(out.type(), CV_32FC3);
    cv::Scalar m0, s0, m1, s1;
    cv::meanStdDev(flat.reshape(1), m0, s0);
    cv::meanStdDev(out.reshape(1), m1, s1);
    EXPECT_GT(s1[0], 1.5 * s0[0]);
}

TEST(Classical, GuidedFilterKeepsEdgesOfItsGuideAndAveragesFlatGuides) {
    cv::Mat step(40, 40, CV_32F, cv::Scalar(0.2f));
    step(cv::Rect(20, 0, 20, 40)).setTo(0.8f);
    // Guided by itself with a tiny eps, an edge survives.
    const cv::Mat self = rdbm::guidedFilter(step, step, 4, 1e-6);
    EXPECT_LE(cv::norm(self, step, cv::NORM_INF), 1e-2);
    // A constant guide carries no edges: the output is the box mean of p.
    const cv::Mat flat(40, 40, CV_32F, cv::Scalar(0.5f));
    const cv::Mat smoothed = rdbm::guidedFilter(flat, step, 4, 1e-3);
    // Box of a box at the edge's first bright column: (4 * 0.2 + 5 * 0.8) / 9.
    EXPECT_NEAR(smoothed.at<float>(20, 20), 0.533, 0.01);
    EXPECT_GT(smoothed.at<float>(20, 22), smoothed.at<float>(20, 17));
}

TEST(Classical, DarkChannelPriorClearsHaze) {
    const cv::Mat clean = texturedImage(200, 150);
    const cv::Mat hazy = rdbm::degrade(clean, rdbm::DegradationKind::Haze, 3, 1.0);
    const double before = rdbm::psnr(hazy, clean);
    const double after = rdbm::psnr(rdbm::applyClassical(ClassicalTool::DarkChannelPrior, hazy), clean);
    EXPECT_GT(after, before + 3.0) << "hazy " << before << " dB, dehazed " << after << " dB";
}

} // namespace

// The synthetic degradations: reproducible per seed, different across seeds, local
// for rain and snow, global for haze and low light, and well-formed outputs.
#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Degradations.h"
#include "rdbm/Error.h"

namespace {

using rdbm::DegradationKind;

const DegradationKind kAll[] = {DegradationKind::Rain, DegradationKind::LowLight, DegradationKind::Snow,
                                DegradationKind::Haze, DegradationKind::Blur,     DegradationKind::Mixed};

// A textured test photo on 8-bit levels: smooth colour gradients, a few shapes and
// fine detail, so that blur and noise have something to act on.
cv::Mat testImage(int w = 160, int h = 120) {
    cv::Mat img(h, w, CV_32FC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float u = float(x) / w, v = float(y) / h;
            img.at<cv::Vec3f>(y, x) = cv::Vec3f(0.2f + 0.6f * u, 0.3f + 0.4f * v,
                                                0.5f + 0.3f * std::sin(0.4f * x) * std::cos(0.3f * y));
        }
    cv::rectangle(img, cv::Rect(20, 20, 40, 30), cv::Scalar(0.9, 0.1, 0.1), cv::FILLED);
    cv::circle(img, cv::Point(110, 70), 25, cv::Scalar(0.05, 0.05, 0.3), cv::FILLED);
    img.convertTo(img, CV_32FC3, 255.0);
    for (auto it = img.begin<cv::Vec3f>(); it != img.end<cv::Vec3f>(); ++it)
        for (int c = 0; c < 3; ++c) (*it)[c] = std::round((*it)[c]) / 255.0f;
    return img;
}

// Fraction of pixels whose largest channel change is below one 8-bit level.
double unchangedFraction(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat d = cv::abs(a - b);
    std::vector<cv::Mat> ch;
    cv::split(d, ch);
    const cv::Mat m = cv::max(ch[0], cv::max(ch[1], ch[2]));
    return cv::countNonZero(m < 0.999 / 255.0) / double(m.total());
}

double maxAbsDiff(const cv::Mat& a, const cv::Mat& b) { return cv::norm(a, b, cv::NORM_INF); }

TEST(Degradations, SameSeedGivesIdenticalOutput) {
    const cv::Mat img = testImage();
    for (auto k : kAll) {
        const cv::Mat a = rdbm::degrade(img, k, 1234);
        const cv::Mat b = rdbm::degrade(img, k, 1234);
        ASSERT_EQ(a.size(), b.size());
        EXPECT_EQ(0, std::memcmp(a.data, b.data, a.total() * a.elemSize())) << rdbm::toString(k);
    }
}

TEST(Degradations, DifferentSeedsGiveDifferentOutputs) {
    const cv::Mat img = testImage();
    for (auto k : kAll) {
        const cv::Mat a = rdbm::degrade(img, k, 1);
        const cv::Mat b = rdbm::degrade(img, k, 2);
        EXPECT_GT(maxAbsDiff(a, b), 0.02) << rdbm::toString(k);
    }
}

TEST(Degradations, OutputIsFloatRgbOnEightBitLevels) {
    const cv::Mat img = testImage();
    for (auto k : kAll) {
        const cv::Mat d = rdbm::degrade(img, k, 7, 2.0);
        ASSERT_EQ(d.type(), CV_32FC3);
        ASSERT_EQ(d.size(), img.size());
        double lo = 0, hi = 0;
        cv::minMaxLoc(d.reshape(1), &lo, &hi);
        EXPECT_GE(lo, 0.0);
        EXPECT_LE(hi, 1.0);
        cv::Mat scaled = d * 255.0, rounded;
        scaled.convertTo(rounded, CV_32S);
        rounded.convertTo(rounded, CV_32F);
        EXPECT_LT(cv::norm(scaled, rounded, cv::NORM_INF), 1e-3) << rdbm::toString(k);
        EXPECT_GT(maxAbsDiff(d, img), 0.05) << rdbm::toString(k) << " should visibly change the image";
    }
}

TEST(Degradations, LeavesOpenCvGlobalRngAlone) {
    const cv::Mat img = testImage();
    const auto before = cv::theRNG().state;
    for (auto k : kAll) rdbm::degrade(img, k, 99);
    EXPECT_EQ(before, cv::theRNG().state);
}

// Rain and snow are local: most pixels keep their value exactly (to the 8-bit level),
// while a noticeable part of the frame is covered.
TEST(Degradations, RainAndSnowAreSpatiallyLocal) {
    const cv::Mat img = testImage(256, 192);
    for (auto k : {DegradationKind::Rain, DegradationKind::Snow})
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            const double unchanged = unchangedFraction(img, rdbm::degrade(img, k, seed));
            EXPECT_GE(unchanged, 0.5) << rdbm::toString(k) << " seed " << seed;
            EXPECT_LE(unchanged, 0.99) << rdbm::toString(k) << " seed " << seed << " barely changed anything";
        }
}

TEST(Degradations, HazeAndLowLightAreGlobal) {
    const cv::Mat img = testImage(256, 192);
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const cv::Mat dark = rdbm::degrade(img, DegradationKind::LowLight, seed);
        EXPECT_LT(unchangedFraction(img, dark), 0.1) << "lowlight seed " << seed;
        EXPECT_LT(cv::mean(dark)[0] + cv::mean(dark)[1] + cv::mean(dark)[2],
                  0.7 * (cv::mean(img)[0] + cv::mean(img)[1] + cv::mean(img)[2]));

        const cv::Mat hazy = rdbm::degrade(img, DegradationKind::Haze, seed);
        EXPECT_LT(unchangedFraction(img, hazy), 0.1) << "haze seed " << seed;
        cv::Scalar m0, s0, m1, s1;
        cv::meanStdDev(img, m0, s0);
        cv::meanStdDev(hazy, m1, s1);
        EXPECT_LT(s1[0] + s1[1] + s1[2], 0.9 * (s0[0] + s0[1] + s0[2])) << "haze should reduce contrast";
    }
}

TEST(Degradations, BlurRemovesFineDetail) {
    const cv::Mat img = testImage(256, 192);
    // Edge energy at a scale of a few pixels (a light pre-smoothing keeps the mild
    // sensor noise that blur adds from counting as detail).
    auto detail = [](const cv::Mat& m) {
        cv::Mat gray, lap;
        cv::cvtColor(m, gray, cv::COLOR_RGB2GRAY);
        cv::GaussianBlur(gray, gray, cv::Size(0, 0), 1.0);
        cv::Laplacian(gray, lap, CV_32F);
        cv::Scalar mean, sd;
        cv::meanStdDev(lap, mean, sd);
        return sd[0];
    };
    for (std::uint64_t seed = 1; seed <= 4; ++seed)
        EXPECT_LT(detail(rdbm::degrade(img, DegradationKind::Blur, seed)), 0.7 * detail(img)) << "seed " << seed;
}

TEST(Degradations, StrengthZeroKeepsTheImage) {
    const cv::Mat img = testImage();
    for (auto k : kAll) EXPECT_LT(maxAbsDiff(img, rdbm::degrade(img, k, 5, 0.0)), 1e-6) << rdbm::toString(k);
}

TEST(Degradations, StrengthScalesSeverity) {
    const cv::Mat img = testImage(256, 192);
    for (auto k : {DegradationKind::Rain, DegradationKind::Snow, DegradationKind::Haze, DegradationKind::LowLight})
        EXPECT_LT(cv::norm(img, rdbm::degrade(img, k, 3, 0.5)), cv::norm(img, rdbm::degrade(img, k, 3, 1.5)))
            << rdbm::toString(k);
}

TEST(Degradations, RejectsBadInput) {
    cv::Mat gray(10, 10, CV_32FC1, cv::Scalar(0.5));
    try {
        rdbm::degrade(gray, DegradationKind::Rain, 1);
        FAIL() << "expected an error";
    } catch (const rdbm::Error& e) {
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Image);
    }
    EXPECT_THROW(rdbm::degrade(cv::Mat(), DegradationKind::Haze, 1), rdbm::Error);
    EXPECT_THROW(rdbm::degrade(testImage(), DegradationKind::Haze, 1, -1.0), rdbm::Error);
}

TEST(Degradations, NamesRoundTrip) {
    for (auto k : kAll) EXPECT_EQ(k, rdbm::degradationKindFromString(rdbm::toString(k)));
    EXPECT_EQ(DegradationKind::LowLight, rdbm::degradationKindFromString("Low-Light"));
    EXPECT_THROW(rdbm::degradationKindFromString("hail"), rdbm::Error);

    const auto list = rdbm::parseDegradationList("rain, snow,haze");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[1], DegradationKind::Snow);
    EXPECT_EQ("rain,snow,haze", rdbm::toString(list));
    EXPECT_EQ(rdbm::parseDegradationList("all"), rdbm::singleDegradationKinds());
    EXPECT_THROW(rdbm::parseDegradationList("rain,,snow"), rdbm::Error);
    EXPECT_THROW(rdbm::parseDegradationList(""), rdbm::Error);
}

} // namespace

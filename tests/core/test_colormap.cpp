// The diverging colour map: exact white at zero, blue below, red above, clamping and
// the robust symmetric limit (numpy.percentile's linear rule).
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "rdbm/Colormap.h"

using namespace rdbm;

TEST(Colormap, ZeroIsExactlyWhite) {
    const Rgb8 c = divergingColor(0.0f, 0.5f);
    EXPECT_EQ(c.r, 255);
    EXPECT_EQ(c.g, 255);
    EXPECT_EQ(c.b, 255);
    const Rgb8 n = divergingColor(std::numeric_limits<float>::quiet_NaN(), 1.0f);
    EXPECT_EQ(n.r + n.g + n.b, 3 * 255);
}

TEST(Colormap, NegativeIsBluePositiveIsRed) {
    for (float v : {0.1f, 0.5f, 1.0f}) {
        const Rgb8 pos = divergingColor(v, 1.0f);
        const Rgb8 neg = divergingColor(-v, 1.0f);
        EXPECT_GT(pos.r, pos.b) << v;
        EXPECT_GT(neg.b, neg.r) << v;
    }
    // The ends are ColorBrewer RdBu's darkest classes.
    const Rgb8 red = divergingColor(1.0f, 1.0f), blue = divergingColor(-1.0f, 1.0f);
    EXPECT_EQ(red.r, 0x67);
    EXPECT_EQ(red.g, 0x00);
    EXPECT_EQ(red.b, 0x1f);
    EXPECT_EQ(blue.r, 0x05);
    EXPECT_EQ(blue.g, 0x30);
    EXPECT_EQ(blue.b, 0x61);
}

TEST(Colormap, DarkensMonotonicallyAwayFromZeroAndClamps) {
    int lastSum = 3 * 255;
    for (int i = 1; i <= 40; ++i) {
        const Rgb8 c = divergingColor(0.025f * i, 1.0f);
        const int sum = c.r + c.g + c.b;
        EXPECT_LE(sum, lastSum) << i;
        lastSum = sum;
    }
    lastSum = 3 * 255;
    for (int i = 1; i <= 40; ++i) {
        const Rgb8 c = divergingColor(-0.025f * i, 1.0f);
        const int sum = c.r + c.g + c.b;
        EXPECT_LE(sum, lastSum) << i;
        lastSum = sum;
    }
    const Rgb8 beyond = divergingColor(7.0f, 2.0f), atLimit = divergingColor(2.0f, 2.0f);
    EXPECT_EQ(beyond.r, atLimit.r);
    EXPECT_EQ(beyond.g, atLimit.g);
    EXPECT_EQ(beyond.b, atLimit.b);
    // Scale invariance: v / limit is all that matters.
    const Rgb8 a = divergingColor(0.375f, 1.0f), b = divergingColor(0.09375f, 0.25f);
    EXPECT_EQ(a.r, b.r);
    EXPECT_EQ(a.g, b.g);
    EXPECT_EQ(a.b, b.b);
}

TEST(Colormap, BufferMatchesPerValueColours) {
    const std::vector<float> v = {-2.0f, -0.5f, 0.0f, 0.25f, 3.0f};
    std::vector<std::uint8_t> rgb(3 * v.size(), 0);
    divergingColormap(v.data(), static_cast<int>(v.size()), 1.0f, rgb.data());
    for (size_t i = 0; i < v.size(); ++i) {
        const Rgb8 c = divergingColor(v[i], 1.0f);
        EXPECT_EQ(rgb[3 * i], c.r);
        EXPECT_EQ(rgb[3 * i + 1], c.g);
        EXPECT_EQ(rgb[3 * i + 2], c.b);
    }
}

TEST(Colormap, SymmetricLimitIsAPercentileOfMagnitudes) {
    std::vector<float> v;
    for (int i = 1; i <= 100; ++i) v.push_back(i % 2 ? float(i) : -float(i));
    // numpy.percentile(range(1, 101), 99) = 99.01
    EXPECT_NEAR(symmetricLimit(v.data(), 100, 0.99), 99.01f, 1e-4);
    EXPECT_NEAR(symmetricLimit(v.data(), 100, 0.5), 50.5f, 1e-4);
    EXPECT_FLOAT_EQ(symmetricLimit(v.data(), 100, 1.0), 100.0f);
    v.push_back(std::numeric_limits<float>::infinity());
    v.push_back(std::numeric_limits<float>::quiet_NaN());
    EXPECT_FLOAT_EQ(symmetricLimit(v.data(), 102, 1.0), 100.0f); // non-finite values ignored
}

TEST(Colormap, SymmetricLimitNeverBelowFloor) {
    const std::vector<float> zeros(50, 0.0f);
    EXPECT_FLOAT_EQ(symmetricLimit(zeros.data(), 50), 1e-6f);
    EXPECT_FLOAT_EQ(symmetricLimit(nullptr, 0), 1e-6f);
}

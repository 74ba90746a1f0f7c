// RawTensor: dtype conversions (float16 subnormals, inf, bfloat16), strided reads and
// the bounds check every reader relies on.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "checkpoint/RawTensor.h"
#include "rdbm/Error.h"

using namespace rdbm::checkpoint;

namespace {
template <class T>
std::vector<unsigned char> bytesOf(const std::vector<T>& v) {
    std::vector<unsigned char> b(v.size() * sizeof(T));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}
} // namespace

TEST(RawTensor, HalfConversionIsExact) {
    EXPECT_EQ(halfToFloat(0x3c00), 1.0f);
    EXPECT_EQ(halfToFloat(0xc000), -2.0f);
    EXPECT_EQ(halfToFloat(0x7bff), 65504.0f);
    EXPECT_EQ(halfToFloat(0x0400), std::ldexp(1.0f, -14));    // smallest normal
    EXPECT_EQ(halfToFloat(0x0001), std::ldexp(1.0f, -24));    // smallest subnormal
    EXPECT_EQ(halfToFloat(0x03ff), std::ldexp(1023.0f, -24)); // largest subnormal
    EXPECT_EQ(halfToFloat(0x0155), std::ldexp(341.0f, -24));
    EXPECT_TRUE(std::signbit(halfToFloat(0x8000)));
    EXPECT_EQ(halfToFloat(0x7c00), INFINITY);
    EXPECT_EQ(halfToFloat(0xfc00), -INFINITY);
    EXPECT_TRUE(std::isnan(halfToFloat(0x7e00)));
    // Every finite half against the definition.
    for (uint32_t h = 0; h < 0x10000; ++h) {
        const uint32_t e = (h >> 10) & 31, m = h & 1023;
        if (e == 31) continue;
        const float mag = e == 0 ? std::ldexp(float(m), -24) : std::ldexp(float(1024 + m), int(e) - 25);
        ASSERT_EQ(halfToFloat(static_cast<uint16_t>(h)), (h & 0x8000) ? -mag : mag) << h;
    }
}

TEST(RawTensor, BFloat16IsTheUpperHalf) {
    EXPECT_EQ(bfloat16ToFloat(0x3f80), 1.0f);
    EXPECT_EQ(bfloat16ToFloat(0xc060), -3.5f);
    EXPECT_TRUE(std::isnan(bfloat16ToFloat(0x7fc0)));
}

TEST(RawTensor, StridedReadsAndContiguity) {
    // Storage 0..11; view shape (2, 3), strides (1, 4), offset 1: [[1, 5, 9], [2, 6, 10]].
    std::vector<int32_t> s(12);
    for (int i = 0; i < 12; ++i) s[static_cast<size_t>(i)] = i;
    RawTensor t = makeContiguous(DType::I32, {12}, bytesOf(s));
    EXPECT_TRUE(t.isContiguous());
    t.shape = {2, 3};
    t.strides = {1, 4};
    t.offset = 1;
    EXPECT_FALSE(t.isContiguous());
    EXPECT_EQ(t.toInt64(), (std::vector<int64_t>{1, 5, 9, 2, 6, 10}));
    EXPECT_EQ(t.toFloat32(), (std::vector<float>{1, 5, 9, 2, 6, 10}));
    const auto bytes = t.contiguousBytes();
    ASSERT_EQ(bytes.size(), 24u);
    int32_t third;
    std::memcpy(&third, bytes.data() + 8, 4);
    EXPECT_EQ(third, 9);
    // Size-1 dimensions do not break contiguity whatever their stride.
    RawTensor u = makeContiguous(DType::F32, {1, 3}, bytesOf(std::vector<float>{1, 2, 3}));
    u.strides = {99, 1};
    EXPECT_TRUE(u.isContiguous());
    // Broadcast (stride 0) views read the same element.
    RawTensor b = u;
    b.shape = {2, 3};
    b.strides = {0, 1};
    EXPECT_EQ(b.toFloat32(), (std::vector<float>{1, 2, 3, 1, 2, 3}));
}

TEST(RawTensor, ViewsOutsideTheStorageAreRejected) {
    RawTensor t = makeContiguous(DType::F32, {4}, bytesOf(std::vector<float>{1, 2, 3, 4}));
    EXPECT_EQ(checkTensorView(t), "");
    t.offset = 1;
    EXPECT_NE(checkTensorView(t).find("need 5 elements but the storage holds 4"), std::string::npos) << checkTensorView(t);
    EXPECT_THROW(t.toFloat32(), rdbm::Error);
    t.offset = 0;
    t.shape = {2, 2};
    t.strides = {3, 1}; // last element at 4
    EXPECT_NE(checkTensorView(t), "");
    t.strides = {-1, 1};
    EXPECT_NE(checkTensorView(t).find("negative stride"), std::string::npos);
    t.strides = {1};
    EXPECT_NE(checkTensorView(t).find("rank"), std::string::npos);
    t.shape = {int64_t(1) << 40, int64_t(1) << 40};
    t.strides = {1, 1};
    EXPECT_NE(checkTensorView(t).find("overflow"), std::string::npos);
    t.shape = {0, 7};
    t.strides = {100, 100};
    EXPECT_EQ(checkTensorView(t), ""); // empty tensors touch nothing
    EXPECT_TRUE(t.toFloat32().empty());
    EXPECT_THROW(makeContiguous(DType::F64, {2}, {0, 0, 0, 0, 0, 0, 0, 0}), rdbm::Error);
}

TEST(RawTensor, IntegerReadsRefuseFloats) {
    RawTensor t = makeContiguous(DType::F32, {1}, bytesOf(std::vector<float>{1}));
    EXPECT_THROW(t.toInt64(), rdbm::Error);
    RawTensor b = makeContiguous(DType::Bool, {3}, {0, 1, 2});
    EXPECT_EQ(b.toInt64(), (std::vector<int64_t>{0, 1, 1}));
    EXPECT_EQ(toString(DType::Bool), "BOOL");
    EXPECT_EQ(dtypeSize(DType::BF16), 2u);
}

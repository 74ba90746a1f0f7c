#pragma once
// Shared by the checkpoint suites: fixture paths and exact comparison of what
// readCheckpoint produced against the "<stem>.expected.json" the fixture script wrote.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>

#include "checkpoint/CheckpointReader.h"

namespace checkpoint_test {

inline std::string fixture(const std::string& name) { return std::string(RDBM_FIXTURE_DIR) + "/ckpt/" + name; }

inline nlohmann::json loadExpected(const std::string& stem) {
    std::ifstream f(fixture(stem + ".expected.json"));
    EXPECT_TRUE(f.good()) << "missing " << fixture(stem + ".expected.json");
    return nlohmann::json::parse(f);
}

inline double expectedNumber(const nlohmann::json& v) {
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (s == "inf") return std::numeric_limits<double>::infinity();
        if (s == "-inf") return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return v.get<double>();
}

// Exact: float32 values equal bit for bit (NaN matches NaN), float64 likewise, ints exactly.
inline void expectTensorEquals(const rdbm::checkpoint::RawTensor& t, const nlohmann::json& e, const std::string& key) {
    using rdbm::checkpoint::DType;
    SCOPED_TRACE("tensor " + key);
    EXPECT_EQ(rdbm::checkpoint::toString(t.dtype), e["dtype"].get<std::string>());
    EXPECT_EQ(t.shape, e["shape"].get<std::vector<int64_t>>());
    const auto& values = e["values"];
    ASSERT_EQ(static_cast<size_t>(t.numel()), values.size());
    if (t.dtype == DType::F64) {
        const auto bytes = t.contiguousBytes();
        for (size_t i = 0; i < values.size(); ++i) {
            double v;
            std::memcpy(&v, bytes.data() + 8 * i, 8);
            const double want = expectedNumber(values[i]);
            if (std::isnan(want)) EXPECT_TRUE(std::isnan(v)) << "at " << i;
            else EXPECT_EQ(v, want) << "at " << i;
        }
    } else if (t.dtype == DType::F32 || t.dtype == DType::F16 || t.dtype == DType::BF16) {
        const auto got = t.toFloat32();
        for (size_t i = 0; i < values.size(); ++i) {
            const float want = static_cast<float>(expectedNumber(values[i]));
            if (std::isnan(want)) EXPECT_TRUE(std::isnan(got[i])) << "at " << i;
            else EXPECT_EQ(got[i], want) << "at " << i;
            EXPECT_EQ(std::signbit(got[i]), std::signbit(want)) << "sign at " << i;
        }
    } else {
        const auto got = t.toInt64();
        for (size_t i = 0; i < values.size(); ++i) EXPECT_EQ(got[i], values[i].get<int64_t>()) << "at " << i;
    }
}

// Every expected tensor, scalar and string is present with its exact value, and nothing else.
inline void expectContentsEqual(const rdbm::checkpoint::CheckpointContents& c, const nlohmann::json& e) {
    ASSERT_FALSE(e["tensors"].empty());
    EXPECT_EQ(c.tensors.size(), e["tensors"].size());
    for (auto it = e["tensors"].begin(); it != e["tensors"].end(); ++it) {
        auto t = c.tensors.find(it.key());
        ASSERT_NE(t, c.tensors.end()) << "missing tensor " << it.key();
        expectTensorEquals(t->second, it.value(), it.key());
    }
    const auto scalars = e["scalars"].get<std::map<std::string, double>>();
    const auto strings = e["strings"].get<std::map<std::string, std::string>>();
    EXPECT_EQ(c.scalars, scalars);
    EXPECT_EQ(c.strings, strings);
}

} // namespace checkpoint_test

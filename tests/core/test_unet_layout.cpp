// The U-Net parameter layout without LibTorch: key names and shapes per configuration,
// parameter counts against the table in docs/method.md §6 and exact counts from the Python reference
// (tests/fixtures/rdbm_reference.py), configuration inference from shapes, and the
// weight checker's report.
#include <string>

#include <gtest/gtest.h>

#include "net/UNetLayout.h"
#include "rdbm/Error.h"

using namespace rdbm;

namespace {

UNetConfig makeConfig(int dim, std::vector<int> mults, int heads = 4, int dimHead = 32, int groups = 8) {
    UNetConfig c;
    c.dim = dim;
    c.dimMults = std::move(mults);
    c.heads = heads;
    c.dimHead = dimHead;
    c.groups = groups;
    return c;
}

void expectSameConfig(const UNetConfig& a, const UNetConfig& b) {
    EXPECT_EQ(a.dim, b.dim);
    EXPECT_EQ(a.dimMults, b.dimMults);
    EXPECT_EQ(a.channels, b.channels);
    EXPECT_EQ(a.inChannels, b.inChannels);
    EXPECT_EQ(a.groups, b.groups);
    EXPECT_EQ(a.heads, b.heads);
    EXPECT_EQ(a.dimHead, b.dimHead);
}

// The message of the Error(Checkpoint) that validateWeights throws ("" if none).
std::string validationMessage(const UNetConfig& c, const ShapeMap& shapes) {
    try {
        validateWeights(c, shapes, "model.pt");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
        return e.what();
    }
    return "";
}

} // namespace

TEST(UNetLayout, ParameterCountsMatchTheSpecTable) {
    const struct {
        int dim;
        double millions, tolerance;
    } rows[] = {{8, 0.68, 0.005}, {16, 2.47, 0.005}, {24, 5.35, 0.005}, {32, 9.33, 0.005}, {64, 36.3, 0.05}};
    for (const auto& row : rows)
        EXPECT_NEAR(parameterCount(makeConfig(row.dim, {1, 2, 4, 8})) / 1e6, row.millions, row.tolerance) << row.dim;
}

TEST(UNetLayout, ParameterCountsEqualThePythonReference) {
    // sum(p.numel() for p in rdbm_reference.Unet(...).parameters())
    EXPECT_EQ(parameterCount(makeConfig(8, {1, 2, 4, 8})), 684331);
    EXPECT_EQ(parameterCount(makeConfig(32, {1, 2, 4, 8})), 9334435);
    EXPECT_EQ(parameterCount(makeConfig(64, {1, 2, 4, 8})), 36261187);
    EXPECT_EQ(parameterCount(makeConfig(16, {1, 2, 4})), 728275);
    EXPECT_EQ(parameterCount(makeConfig(8, {1, 2}, 2, 16, 4)), 55371);
    EXPECT_EQ(parameterCount(makeConfig(12, {2, 3}, 3, 16, 4)), 254871);
}

TEST(UNetLayout, KeysAndShapesFollowTheReferenceNaming) {
    const ShapeMap s = expectedShapes(makeConfig(8, {1, 2, 4, 8}));
    EXPECT_EQ(s.size(), 276u); // len(state_dict()) of the reference
    auto shape = [&](const std::string& key) {
        auto it = s.find(key);
        return it == s.end() ? std::vector<int64_t>{-1} : it->second;
    };
    EXPECT_EQ(shape("init_conv.weight"), (std::vector<int64_t>{8, 6, 7, 7}));
    EXPECT_EQ(shape("time_mlp.1.weight"), (std::vector<int64_t>{32, 8}));
    EXPECT_EQ(shape("time_mlp.3.bias"), (std::vector<int64_t>{32}));
    EXPECT_EQ(shape("downs.0.0.mlp.1.weight"), (std::vector<int64_t>{16, 32}));
    EXPECT_EQ(shape("downs.0.2.fn.fn.to_qkv.weight"), (std::vector<int64_t>{384, 8, 1, 1}));
    EXPECT_EQ(shape("downs.0.2.fn.fn.to_out.0.weight"), (std::vector<int64_t>{8, 128, 1, 1}));
    EXPECT_EQ(shape("downs.0.2.fn.fn.to_out.1.g"), (std::vector<int64_t>{1, 8, 1, 1}));
    EXPECT_EQ(shape("downs.0.2.fn.norm.g"), (std::vector<int64_t>{1, 8, 1, 1}));
    EXPECT_EQ(shape("downs.0.3.weight"), (std::vector<int64_t>{8, 8, 4, 4}));
    EXPECT_EQ(shape("downs.1.3.weight"), (std::vector<int64_t>{16, 8, 4, 4}));
    EXPECT_EQ(shape("downs.3.3.weight"), (std::vector<int64_t>{64, 32, 3, 3})); // last level: 3x3
    EXPECT_EQ(shape("mid_block1.block1.proj.weight"), (std::vector<int64_t>{64, 64, 3, 3}));
    EXPECT_EQ(shape("mid_attn.fn.fn.to_out.weight"), (std::vector<int64_t>{64, 128, 1, 1}));
    EXPECT_EQ(shape("mid_attn.fn.norm.g"), (std::vector<int64_t>{1, 64, 1, 1}));
    EXPECT_EQ(shape("ups.0.0.block1.proj.weight"), (std::vector<int64_t>{64, 96, 3, 3}));
    EXPECT_EQ(shape("ups.0.0.res_conv.weight"), (std::vector<int64_t>{64, 96, 1, 1}));
    EXPECT_EQ(shape("ups.0.3.1.weight"), (std::vector<int64_t>{32, 64, 3, 3}));
    EXPECT_EQ(shape("ups.3.3.weight"), (std::vector<int64_t>{8, 8, 3, 3}));
    EXPECT_EQ(shape("final_res_block.res_conv.weight"), (std::vector<int64_t>{8, 16, 1, 1}));
    EXPECT_EQ(shape("final_conv.weight"), (std::vector<int64_t>{3, 8, 1, 1}));
    EXPECT_EQ(s.count("ups.3.3.1.weight"), 0u);
    EXPECT_EQ(s.count("downs.0.0.res_conv.weight"), 0u); // no res_conv when channels stay
    EXPECT_EQ(s.count("mid_attn.fn.fn.to_qkv.bias"), 0u);
}

TEST(UNetLayout, InfersEveryConfigurationFromItsShapes) {
    const UNetConfig configs[] = {
        makeConfig(8, {1, 2, 4, 8}),    makeConfig(16, {1, 2, 4}),  makeConfig(32, {1}),
        makeConfig(8, {1, 1, 2, 2, 4}), makeConfig(64, {1, 2, 4, 8}),
    };
    for (const auto& c : configs) expectSameConfig(inferUNetConfig(expectedShapes(c), "x"), c);

    // What shapes cannot tell comes from hints (metadata).
    const UNetConfig small = makeConfig(8, {1, 2}, 2, 16, 4);
    expectSameConfig(inferUNetConfig(expectedShapes(small), "x", {4, std::nullopt, 16}), small);
    expectSameConfig(inferUNetConfig(expectedShapes(small), "x", {4, 2, std::nullopt}), small);
    UNetConfig odd = makeConfig(12, {2, 3}, 3, 16, 4);
    odd.channels = 1;
    odd.inChannels = 2;
    expectSameConfig(inferUNetConfig(expectedShapes(odd), "x", {4, 3, std::nullopt}), odd);

    // Without hints: dim_head 32 when it divides the width, else 4 heads, else one; groups 8.
    const UNetConfig guessed = inferUNetConfig(expectedShapes(small), "x", {4, std::nullopt, std::nullopt});
    EXPECT_EQ(guessed.heads, 1);
    EXPECT_EQ(guessed.dimHead, 32);
    const UNetConfig guessed48 = inferUNetConfig(expectedShapes(odd), "x", {4, std::nullopt, std::nullopt});
    EXPECT_EQ(guessed48.heads, 4);
    EXPECT_EQ(guessed48.dimHead, 12);
    EXPECT_EQ(inferUNetConfig(expectedShapes(makeConfig(16, {1, 2})), "x").groups, 8);
}

// RDBM Studio's statistics input (stats_mlp) is read from its shapes; only the width the
// code computes is accepted.
TEST(UNetLayout, PhotoStatisticsInputIsInferredAndChecked) {
    UNetConfig c = makeConfig(16, {1, 2, 4, 8});
    c.globalStats = kPhotoStatisticsWidth;
    const ShapeMap shapes = expectedShapes(c);
    EXPECT_EQ(shapes.at("stats_mlp.0.weight"), (std::vector<int64_t>{64, kPhotoStatisticsWidth}));
    EXPECT_EQ(shapes.at("stats_mlp.2.weight"), (std::vector<int64_t>{64, 64}));
    EXPECT_EQ(inferUNetConfig(shapes, "x").globalStats, kPhotoStatisticsWidth);
    EXPECT_EQ(parameterCount(c) - parameterCount(makeConfig(16, {1, 2, 4, 8})), 64 * 12 + 64 + 64 * 64 + 64);
    EXPECT_EQ(inferUNetConfig(expectedShapes(makeConfig(16, {1, 2})), "x").globalStats, 0);

    ShapeMap wrongWidth = shapes;
    wrongWidth["stats_mlp.0.weight"] = {64, 5};
    EXPECT_THROW(inferUNetConfig(wrongWidth, "x"), Error);
    // A reference checkpoint checked against a statistics network names the missing keys.
    try {
        validateWeights(c, expectedShapes(makeConfig(16, {1, 2, 4, 8})), "ref.pt");
        FAIL() << "missing stats_mlp keys were accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("stats_mlp.0.weight"), std::string::npos) << e.what();
    }
}

TEST(UNetLayout, InferenceRejectsForeignOrInconsistentShapes) {
    auto kindAndMessage = [](const ShapeMap& shapes, const UNetLayoutHints& hints = {}) {
        try {
            inferUNetConfig(shapes, "ckpt.safetensors", hints);
        } catch (const Error& e) {
            return std::make_pair(e.kind(), std::string(e.what()));
        }
        return std::make_pair(ErrorKind::Usage, std::string("no error"));
    };
    auto [kind, msg] = kindAndMessage({{"conv.weight", {8, 6, 3, 3}}});
    EXPECT_EQ(kind, ErrorKind::Checkpoint);
    EXPECT_NE(msg.find("ckpt.safetensors"), std::string::npos) << msg;
    EXPECT_NE(msg.find("init_conv.weight"), std::string::npos) << msg;

    ShapeMap shapes = expectedShapes(makeConfig(8, {1, 2, 4, 8}));
    std::tie(kind, msg) = kindAndMessage(shapes, {3, std::nullopt, std::nullopt}); // 3 groups of 8 channels
    EXPECT_EQ(kind, ErrorKind::Checkpoint);
    EXPECT_NE(msg.find("groups"), std::string::npos) << msg;

    std::tie(kind, msg) = kindAndMessage(shapes, {std::nullopt, 5, std::nullopt}); // 128 is not 5 heads
    EXPECT_EQ(kind, ErrorKind::Checkpoint);
    EXPECT_NE(msg.find("heads"), std::string::npos) << msg;

    shapes["downs.1.3.weight"] = {20, 8, 4, 4}; // not a multiple of dim
    std::tie(kind, msg) = kindAndMessage(shapes);
    EXPECT_EQ(kind, ErrorKind::Checkpoint);
    EXPECT_NE(msg.find("downs.1.3.weight"), std::string::npos) << msg;
}

TEST(UNetLayout, ValidateAcceptsExactShapes) {
    const UNetConfig c = makeConfig(16, {1, 2, 4});
    EXPECT_NO_THROW(validateWeights(c, expectedShapes(c), "model.pt"));
}

TEST(UNetLayout, ValidateReportsMissingUnexpectedAndMismatchedKeys) {
    const UNetConfig c = makeConfig(8, {1, 2, 4, 8});
    ShapeMap shapes = expectedShapes(c);
    shapes.erase("mid_attn.fn.norm.g");
    shapes["extra.weight"] = {3};
    shapes["init_conv.weight"] = {8, 3, 7, 7};
    const std::string msg = validationMessage(c, shapes);
    EXPECT_NE(msg.find("model.pt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1 missing keys"), std::string::npos) << msg;
    EXPECT_NE(msg.find("mid_attn.fn.norm.g"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1 unexpected keys"), std::string::npos) << msg;
    EXPECT_NE(msg.find("extra.weight [3]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1 shape mismatches"), std::string::npos) << msg;
    EXPECT_NE(msg.find("init_conv.weight (expected [8, 6, 7, 7], found [8, 3, 7, 7])"), std::string::npos) << msg;
}

TEST(UNetLayout, ValidateShowsTenOfEachWithCounts) {
    const UNetConfig c = makeConfig(8, {1, 2, 4, 8});
    ShapeMap shapes; // an empty file: every key is missing
    shapes["model.init_conv.weight"] = {8, 6, 7, 7};
    const std::string msg = validationMessage(c, shapes);
    EXPECT_NE(msg.find("276 missing keys"), std::string::npos) << msg;
    EXPECT_NE(msg.find("... and 266 more"), std::string::npos) << msg;
    EXPECT_NE(msg.find("model.init_conv.weight"), std::string::npos) << msg;
    // Ten listed: count the indented entries of the missing list.
    const size_t start = msg.find("276 missing keys"), end = msg.find("... and 266 more");
    size_t lines = 0;
    for (size_t p = msg.find("\n    ", start); p != std::string::npos && p < end; p = msg.find("\n    ", p + 1)) ++lines;
    EXPECT_EQ(lines, 11u); // ten keys and the "... and N more" line
}

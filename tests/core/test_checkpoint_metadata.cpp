// The project's metadata JSON: round trip, strict values with the source and key in
// every message, embedded in safetensors, and sidecar lookup.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "checkpoint/CheckpointReader.h"
#include "checkpoint/MetadataJson.h"
#include "rdbm/Error.h"
#include "test_checkpoint_expect.h"

using namespace rdbm;
using namespace rdbm::checkpoint;
namespace fs = std::filesystem;

namespace {

std::string errorOf(const std::string& json) {
    ModelMetadata m;
    UNetConfig c;
    try {
        applyMetadataJson(json, "side.json", m, &c);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(CheckpointMetadata, RoundTrip) {
    ModelMetadata m;
    m.objective = Objective::Eps;
    m.piMode = PiMode::One;
    m.schedule.kind = ScheduleKind::Sigmoid;
    m.schedule.T = 250;
    m.schedule.lambda = 1.0 / 255.0;
    m.padMode = "replicate";
    m.addsMu = true;
    m.provenance = {{"data", "DIV2K \"crops\""}, {"steps", "500000"}, {"hardware", "ü"}};
    UNetConfig c;
    c.dim = 24;
    c.dimMults = {1, 2, 2, 4, 8};
    c.channels = 1;
    c.inChannels = 2;
    c.groups = 4;
    c.heads = 2;
    c.dimHead = 16;

    const std::string json = metadataToJson(m, c);
    ModelMetadata m2;
    UNetConfig c2;
    applyMetadataJson(json, "x", m2, &c2);
    EXPECT_EQ(m2.objective, m.objective);
    EXPECT_EQ(m2.piMode, m.piMode);
    EXPECT_EQ(m2.schedule.kind, m.schedule.kind);
    EXPECT_EQ(m2.schedule.T, 250);
    EXPECT_EQ(m2.schedule.lambda, 1.0 / 255.0); // exact: doubles print round-trippable
    EXPECT_EQ(m2.padMode, "replicate");
    EXPECT_TRUE(m2.addsMu);
    EXPECT_EQ(m2.provenance, m.provenance);
    EXPECT_EQ(c2.dim, 24);
    EXPECT_EQ(c2.dimMults, c.dimMults);
    EXPECT_EQ(c2.channels, 1);
    EXPECT_EQ(c2.inChannels, 2);
    EXPECT_EQ(c2.groups, 4);
    EXPECT_EQ(c2.heads, 2);
    EXPECT_EQ(c2.dimHead, 16);
    EXPECT_EQ(metadataToJson(m2, c2), json);
}

TEST(CheckpointMetadata, PartialJsonOverridesOnlyWhatItNames) {
    ModelMetadata m;
    m.objective = Objective::PiEps;
    UNetConfig c;
    applyMetadataJson(R"({"lambda": 0.5, "architecture": {"dim": 8}, "future_key": [1]})", "s", m, &c);
    EXPECT_EQ(m.objective, Objective::PiEps);
    EXPECT_EQ(m.schedule.lambda, 0.5);
    EXPECT_EQ(m.schedule.T, 100);
    EXPECT_EQ(c.dim, 8);
    EXPECT_EQ(c.dimMults, (std::vector<int>{1, 2, 4, 8}));
    applyMetadataJson(R"({"objective": "pred_x_start", "pi_mode": "1", "pad_mode": "constant"})", "s", m, nullptr);
    EXPECT_EQ(m.objective, Objective::X0);
    EXPECT_EQ(m.piMode, PiMode::One);
    EXPECT_EQ(m.padMode, "zero");
}

TEST(CheckpointMetadata, BadValuesNameSourceAndKey) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"objective": "magic"})", "side.json: metadata key 'objective': unknown objective 'magic'"},
        {R"({"pi_mode": 2})", "metadata key 'pi_mode': expected a string"},
        {R"({"schedule": "quadratic"})", "metadata key 'schedule': unknown schedule 'quadratic'"},
        {R"({"lambda": -1})", "metadata key 'lambda'"},
        {R"({"lambda": "big"})", "metadata key 'lambda': expected a number"},
        {R"({"T": 0})", "metadata key 'T': 0 is out of range"},
        {R"({"T": 10.5})", "metadata key 'T': expected an integer"},
        {R"({"pad_mode": "mirror"})", "metadata key 'pad_mode': unknown value 'mirror'"},
        {R"({"adds_mu": "yes"})", "metadata key 'adds_mu'"},
        {R"({"architecture": {"dim": -4}})", "metadata key 'architecture.dim'"},
        {R"({"architecture": {"dim_mults": []}})", "metadata key 'architecture.dim_mults'"},
        {R"({"architecture": {"dim_mults": [1, "2"]}})", "metadata key 'architecture.dim_mults'"},
        {R"({"architecture": 3})", "metadata key 'architecture'"},
        {R"({"provenance": {"a": {"b": 1}}})", "metadata key 'provenance.a'"},
        {R"({"objective": )", "side.json: metadata is not valid JSON"},
        {R"([1, 2])", "side.json: metadata is not a JSON object"},
    };
    for (const auto& [json, words] : cases) {
        const std::string e = errorOf(json);
        EXPECT_NE(e.find(words), std::string::npos) << json << " -> " << e;
        EXPECT_EQ(e.rfind("side.json: ", 0), 0u) << e;
    }
    // A failed apply leaves the inputs untouched.
    ModelMetadata m;
    UNetConfig c;
    EXPECT_THROW(applyMetadataJson(R"({"lambda": 0.25, "architecture": {"dim": 4}, "T": -1})", "s", m, &c), Error);
    EXPECT_EQ(m.schedule.lambda, ModelMetadata{}.schedule.lambda);
    EXPECT_EQ(c.dim, UNetConfig{}.dim);
}

TEST(CheckpointMetadata, EmbeddedInSafetensors) {
    const auto contents = readCheckpoint(checkpoint_test::fixture("all_dtypes.safetensors"));
    ModelMetadata m;
    UNetConfig c;
    applyMetadataJson(contents.metadata.at(kSafetensorsMetadataKey), "all_dtypes.safetensors", m, &c);
    EXPECT_EQ(m.objective, Objective::PiEps);
    EXPECT_EQ(m.schedule.lambda, 10.0 / 255.0);
    EXPECT_EQ(m.padMode, "replicate");
    EXPECT_TRUE(m.addsMu);
    EXPECT_EQ(c.dim, 16);
    EXPECT_EQ(c.dimMults, (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(m.provenance.at("data"), "fixture");
}

TEST(CheckpointMetadata, SidecarLookup) {
    const fs::path dir = fs::temp_directory_path() / "rdbm_ckpt_sidecar_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto touch = [](const fs::path& p) { std::ofstream(p) << "{}"; };
    const std::string ckpt = (dir / "model.pt").string();
    touch(ckpt);
    EXPECT_FALSE(findSidecar(ckpt).has_value());
    touch(dir / "model.json");
    EXPECT_EQ(findSidecar(ckpt), (dir / "model.json").string());
    touch(dir / "model.pt.json"); // the more specific name wins
    EXPECT_EQ(findSidecar(ckpt), (dir / "model.pt.json").string());
    const std::string noExt = (dir / "weights").string();
    touch(noExt);
    EXPECT_FALSE(findSidecar(noExt).has_value());
    touch(dir / "weights.json");
    EXPECT_EQ(findSidecar(noExt), (dir / "weights.json").string());
    fs::remove_all(dir);
}

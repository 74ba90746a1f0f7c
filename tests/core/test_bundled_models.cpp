// The models shipped in models/: one per pi setting, same network and training budget,
// loadable without Python, and each one actually restores. Uses the bundled sample photo
// (resources/samples) and the project's own degradation generator.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

#include "rdbm/Degradations.h"
#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Metrics.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace {

const std::string kSource = RDBM_SOURCE_DIR;

std::string modelPath(const std::string& pi) { return kSource + "/models/rdbm-" + pi + ".safetensors"; }

cv::Mat cleanCrop() {
    // A 128x128 crop of the sample's clean photo: cup, saucer and wooden table.
    const rdbm::Image clean = rdbm::readImage(kSource + "/resources/samples/coffee-clean.png");
    return clean.rgb(cv::Rect(200, 120, 128, 128)).clone();
}

double gainDb(const rdbm::Model& model, const cv::Mat& clean, const cv::Mat& degraded) {
    rdbm::SamplerOptions o;
    o.steps = 10;
    o.emitFrames = false;
    const rdbm::RestoreResult r = rdbm::restore(model, degraded, o);
    EXPECT_EQ(r.image.size(), degraded.size());
    return rdbm::psnr(r.image, clean) - rdbm::psnr(degraded, clean);
}

// 10-step restoration of the sample crop degraded with `kind`: output minus input PSNR.
double gainFor(const std::string& pi, rdbm::DegradationKind kind, std::uint64_t seed) {
    const cv::Mat clean = cleanCrop();
    const cv::Mat degraded = rdbm::degrade(clean, kind, seed, 1.0);
    const double gain = gainDb(*rdbm::Model::load(modelPath(pi)), clean, degraded);
    std::printf("[          ] pi=%s model, %s: %+.2f dB\n", pi.c_str(), rdbm::toString(kind).c_str(), gain);
    return gain;
}

} // namespace

TEST(BundledModels, ThreeModelsDifferOnlyInPi) {
    const char* names[] = {"residual", "one", "zero"};
    std::shared_ptr<rdbm::Model> first;
    for (const char* name : names) {
        SCOPED_TRACE(name);
        const std::string path = modelPath(name);
        ASSERT_TRUE(std::filesystem::exists(path)) << path;
        EXPECT_LT(std::filesystem::file_size(path), 10u * 1000 * 1000) << "bundled models must stay small";
        EXPECT_TRUE(std::filesystem::exists(kSource + "/models/rdbm-" + std::string(name) + ".md")) << "model card";
        const auto model = rdbm::Model::load(path);
        const rdbm::ModelInfo& info = model->info();
        EXPECT_EQ(info.format, "safetensors");
        EXPECT_EQ(info.metadataSource, "embedded");
        EXPECT_EQ(rdbm::toString(info.metadata.piMode), name);
        ASSERT_TRUE(info.metadata.provenance.count("steps"));
        if (!first) {
            first = model;
            continue;
        }
        const rdbm::ModelInfo& a = first->info();
        EXPECT_EQ(info.config.dim, a.config.dim);
        EXPECT_EQ(info.config.dimMults, a.config.dimMults);
        EXPECT_EQ(info.parameterCount, a.parameterCount);
        EXPECT_EQ(rdbm::toString(info.metadata.objective), rdbm::toString(a.metadata.objective));
        EXPECT_EQ(info.metadata.schedule.T, a.metadata.schedule.T);
        EXPECT_DOUBLE_EQ(info.metadata.schedule.lambda, a.metadata.schedule.lambda);
        // The same training recipe: every key that describes it must agree.
        for (const char* key : {"steps", "seed", "degradations", "degradation_strength", "batch", "crop", "lr",
                                "lr_schedule", "ema_decay", "data_images"}) {
            const auto mine = info.metadata.provenance.find(key), theirs = a.metadata.provenance.find(key);
            ASSERT_NE(mine, info.metadata.provenance.end()) << key;
            ASSERT_NE(theirs, a.metadata.provenance.end()) << key;
            EXPECT_EQ(mine->second, theirs->second) << key;
        }
    }
}

TEST(BundledModels, ResidualModelBrightensALowLightPhoto) {
    EXPECT_GT(gainFor("residual", rdbm::DegradationKind::LowLight, 11), 5.0);
}

TEST(BundledModels, ResidualModelClearsHaze) {
    EXPECT_GT(gainFor("residual", rdbm::DegradationKind::Haze, 3), 5.0);
}

TEST(BundledModels, EveryPiModelClearsHaze) {
    EXPECT_GT(gainFor("one", rdbm::DegradationKind::Haze, 3), 4.0);
    EXPECT_GT(gainFor("zero", rdbm::DegradationKind::Haze, 3), 4.0);
}

TEST(BundledModels, EveryPiModelRestoresLowLight) {
    EXPECT_GT(gainFor("one", rdbm::DegradationKind::LowLight, 11), 3.0);
    EXPECT_GT(gainFor("zero", rdbm::DegradationKind::LowLight, 11), 3.0);
}

TEST(BundledModels, MetadataIsReadWithoutTheWeights) {
    // The application's model menu describes each bundled model from its metadata alone.
    for (const char* name : {"residual", "one", "zero"}) {
        SCOPED_TRACE(name);
        const rdbm::ModelMetadata peeked = rdbm::peekModelMetadata(modelPath(name));
        const rdbm::ModelMetadata loaded = rdbm::Model::load(modelPath(name))->info().metadata;
        EXPECT_EQ(rdbm::toString(peeked.piMode), name);
        EXPECT_EQ(peeked.provenance, loaded.provenance);
        EXPECT_EQ(peeked.provenance.at("degradations"), "lowlight,haze");
    }
    // A file cut short is refused with the checkpoint's name, as loading it would be.
    const std::string cut = (std::filesystem::temp_directory_path() / "rdbm-peek-truncated.safetensors").string();
    std::filesystem::copy_file(modelPath("one"), cut, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(cut, 100);
    try {
        rdbm::peekModelMetadata(cut);
        ADD_FAILURE() << "a truncated file was accepted";
    } catch (const rdbm::Error& e) {
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Checkpoint);
        EXPECT_NE(std::string(e.what()).find("rdbm-peek-truncated"), std::string::npos) << e.what();
    }
    std::filesystem::remove(cut);
}

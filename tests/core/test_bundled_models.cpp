// The models shipped in models/: one per pi setting, same network and training budget,
// loadable without Python, and each one actually restores. Uses the bundled sample photo
// (resources/samples) and the project's own degradation generator.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

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

// Identity pairs in training (docs/training.md section 5): a photo with nothing to correct
// comes back nearly as it was. The session-5 models repainted this crop to about 15 dB.
TEST(BundledModels, EveryPiModelLeavesACleanPhotoAlmostAlone) {
    const cv::Mat clean = cleanCrop();
    for (const char* pi : {"residual", "one", "zero"}) {
        rdbm::SamplerOptions o;
        o.steps = 10;
        o.emitFrames = false;
        const cv::Mat out = rdbm::restore(*rdbm::Model::load(modelPath(pi)), clean, o).image;
        const double kept = rdbm::psnr(out, clean);
        std::printf("[          ] pi=%s model, clean crop: %.2f dB\n", pi, kept);
        EXPECT_GT(kept, 25.0) << pi;
    }
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

namespace {

// Mean absolute step between neighbouring pixels across the given vertical lines (x-1|x)
// and horizontal lines (y-1|y), over all channels.
double stepEnergy(const cv::Mat& img, const std::vector<int>& xs, const std::vector<int>& ys) {
    double sum = 0.0;
    long long n = 0;
    for (const int x : xs)
        for (int y = 0; y < img.rows; ++y, ++n) {
            const cv::Vec3f a = img.at<cv::Vec3f>(y, x - 1), b = img.at<cv::Vec3f>(y, x);
            sum += (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2])) / 3.0;
        }
    for (const int y : ys)
        for (int x = 0; x < img.cols; ++x, ++n) {
            const cv::Vec3f a = img.at<cv::Vec3f>(y - 1, x), b = img.at<cv::Vec3f>(y, x);
            sum += (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2])) / 3.0;
        }
    return n ? sum / static_cast<double>(n) : 0.0;
}

struct SeamFigures {
    double border = 0.0, elsewhere = 0.0;
    size_t tiles = 0;
};

// Restores a low-light 256x192 crop in 64-px tiles and in one call, and compares the
// step of their difference across every tile edge inside the image with its step across
// every other line. The difference cancels the photo's own edges, which would otherwise
// decide the figures by where the tile edges happen to fall.
SeamFigures seams(int overlap, bool globalContext) {
    const rdbm::Image clean = rdbm::readImage(kSource + "/resources/samples/coffee-clean.png");
    const cv::Mat crop = clean.rgb(cv::Rect(160, 100, 256, 192)).clone();
    const cv::Mat dark = rdbm::degrade(crop, rdbm::DegradationKind::LowLight, 7, 1.0);
    rdbm::SamplerOptions o;
    o.steps = 10;
    o.tileSize = 64;
    o.tileOverlap = overlap;
    o.globalContext = globalContext;
    o.emitFrames = false;
    // Tile blending alone: the reflected border (tested below) moves the tile grid by 16 px,
    // and with it this measure read 0.0058 at tile edges vs 0.0050 elsewhere, although the
    // tiled result then agreed better with the one-call result (31.0 vs 30.0 dB).
    o.borderPad = 0;
    const auto model = rdbm::Model::load(modelPath("residual"));
    const rdbm::RestoreResult r = rdbm::restore(*model, dark, o);
    o.tileSize = 1024;
    const cv::Mat difference = r.image - rdbm::restore(*model, dark, o).image;
    std::set<int> edgeX, edgeY;
    for (const cv::Rect& t : r.tileRects) {
        for (const int x : {t.x, t.x + t.width})
            if (x > 0 && x < crop.cols) edgeX.insert(x);
        for (const int y : {t.y, t.y + t.height})
            if (y > 0 && y < crop.rows) edgeY.insert(y);
    }
    std::vector<int> otherX, otherY;
    for (int x = 1; x < crop.cols; ++x)
        if (!edgeX.count(x)) otherX.push_back(x);
    for (int y = 1; y < crop.rows; ++y)
        if (!edgeY.count(y)) otherY.push_back(y);
    SeamFigures f;
    f.tiles = r.tileRects.size();
    f.border = stepEnergy(difference, {edgeX.begin(), edgeX.end()}, {edgeY.begin(), edgeY.end()});
    f.elsewhere = stepEnergy(difference, otherX, otherY);
    std::printf("[          ] overlap %d, global context %s: %zu tiles, step across tile edges %.5f, elsewhere %.5f\n",
                overlap, globalContext ? "on" : "off", f.tiles, f.border, f.elsewhere);
    return f;
}

} // namespace

// The blended tiles leave no seam: across tile edges their difference from the one-call
// result changes no more than across any other line. Abutting tiles without blending (overlap 0, no global context)
// show why the check is needed: there each tile's own brightness makes a visible step.
TEST(BundledModels, BlendedTilesLeaveNoSeam) {
    const SeamFigures blended = seams(16, true);
    ASSERT_GE(blended.tiles, 12u);
    EXPECT_LE(blended.border, 1.05 * blended.elsewhere);
    const SeamFigures abutting = seams(0, false);
    EXPECT_GT(abutting.border, 1.2 * abutting.elsewhere) << "the measure no longer sees seams";
}

namespace {

// How far each row of the green channel stands out from the mean of its two neighbours,
// for the rows next to the bottom edge (the worst of the last `rows` rows, in 8-bit units).
double bottomRowLine(const cv::Mat& image, int rows) {
    std::vector<cv::Mat> channels;
    cv::split(image, channels);
    cv::Mat rowMeans;
    cv::reduce(channels[1], rowMeans, 1, cv::REDUCE_AVG, CV_64F);
    double worst = 0.0;
    for (int y = image.rows - rows; y < image.rows - 1; ++y)
        worst = std::max(worst, std::abs(rowMeans.at<double>(y) -
                                         0.5 * (rowMeans.at<double>(y - 1) + rowMeans.at<double>(y + 1))));
    return 255.0 * worst;
}

} // namespace

// The session-5 bundled models drew a false-colour line along the photo's bottom rows
// (about 9 units in 8 bits), built up over the steps where the network's zero-padded border
// met the photo's edge. A reflected border around every call (automatic for models
// rdbm-train made) removes it; a foreign checkpoint keeps no border, as its reference code
// runs it. Today's bundled models draw little of it even without a border (about 2 units),
// so the measure is checked on a planted line instead.
TEST(BundledModels, ReflectedBorderRemovesTheEdgeLine) {
    const rdbm::Image dark = rdbm::readImage(kSource + "/resources/samples/coffee-dark.png");
    const cv::Mat corner = dark.rgb(cv::Rect(dark.rgb.cols - 256, dark.rgb.rows - 128, 256, 128)).clone();
    const auto model = rdbm::Model::load(modelPath("residual"));
    rdbm::SamplerOptions o;
    o.steps = 10;
    o.emitFrames = false;
    o.borderPad = 0;
    const rdbm::RestoreResult bare = rdbm::restore(*model, corner, o);
    o.borderPad = -1;
    const rdbm::RestoreResult bordered = rdbm::restore(*model, corner, o);
    EXPECT_EQ(bare.borderPad, 0);
    EXPECT_EQ(bordered.borderPad, 16);
    ASSERT_EQ(bordered.image.size(), corner.size());
    const double lineBare = bottomRowLine(bare.image, 4), lineBordered = bottomRowLine(bordered.image, 4);
    std::printf("[          ] bottom-row line: %.1f without a border, %.1f with it (8-bit units)\n", lineBare,
                lineBordered);
    EXPECT_LT(lineBordered, 3.0);
    cv::Mat planted = bordered.image.clone();
    planted.row(planted.rows - 3) += cv::Scalar(0.0, 10.0 / 255.0, 0.0);
    EXPECT_GT(bottomRowLine(planted, 4), 6.5) << "the measure no longer sees a line";

    // A small photo gets a border smaller than its sides (reflection needs that), and the
    // tiles of a bordered run are reported on the photo, clipped to it.
    o.steps = 2;
    EXPECT_EQ(rdbm::restore(*model, corner(cv::Rect(0, 0, 12, 10)).clone(), o).borderPad, 9);
    o.tileSize = 64;
    const rdbm::RestoreResult tiled = rdbm::restore(*model, corner, o);
    ASSERT_FALSE(tiled.tileRects.empty());
    for (const cv::Rect& t : tiled.tileRects) EXPECT_EQ(t & cv::Rect(0, 0, 256, 128), t);
    EXPECT_EQ(tiled.tileRects.front().tl(), cv::Point(0, 0));
}

// The trainer on a tiny data set (32x32 photos, dim 8): the loss falls, a saved
// checkpoint reloads through Model::load and samples exactly like the in-memory EMA
// model, a resumed run continues bit for bit, bad files are reported by name, and the
// batch loader's thread delivers exactly the batches built directly.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "checkpoint/Checkpoint.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"
#include "rdbm/Trainer.h"
#include "train/BatchLoader.h"
#include "train/TrainingImages.h"
#include "train/TrainerImpl.h"
#include "train/TrainingSamples.h"

namespace fs = std::filesystem;

namespace {

// A smooth random colour picture with a few shapes (8-bit PNG).
void writePhoto(const fs::path& path, int w, int h, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    cv::Mat small(3, 3, CV_8UC3);
    for (auto it = small.begin<cv::Vec3b>(); it != small.end<cv::Vec3b>(); ++it)
        *it = cv::Vec3b(cv::saturate_cast<uchar>(255 * u(rng)), cv::saturate_cast<uchar>(255 * u(rng)),
                        cv::saturate_cast<uchar>(255 * u(rng)));
    cv::Mat img;
    cv::resize(small, img, cv::Size(w, h), 0, 0, cv::INTER_CUBIC);
    cv::circle(img, cv::Point(int(u(rng) * w), int(u(rng) * h)), std::max(2, w / 6),
               cv::Scalar(255 * u(rng), 255 * u(rng), 255 * u(rng)), cv::FILLED);
    cv::rectangle(img, cv::Rect(int(u(rng) * w / 2), int(u(rng) * h / 2), w / 4, h / 5),
                  cv::Scalar(255 * u(rng), 255 * u(rng), 255 * u(rng)), cv::FILLED);
    ASSERT_TRUE(cv::imwrite(path.string(), img));
}

class TrainingTest : public ::testing::Test {
protected:
    void SetUp() override {
        torch::set_num_threads(1); // tiny tensors: more threads only add contention
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        root = fs::temp_directory_path() / ("rdbm_test_training_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(root);
        fs::create_directories(root / "data");
        fs::create_directories(root / "val");
        for (unsigned i = 0; i < 4; ++i) writePhoto(root / "data" / ("photo" + std::to_string(i) + ".png"), 40, 36, 11 + i);
        for (unsigned i = 0; i < 2; ++i) writePhoto(root / "val" / ("val" + std::to_string(i) + ".png"), 48, 40, 101 + i);
    }
    void TearDown() override { fs::remove_all(root); }

    rdbm::TrainerOptions tinyOptions(const std::string& out) const {
        rdbm::TrainerOptions o;
        o.dataDir = (root / "data").string();
        o.valDir = (root / "val").string();
        o.outDir = (root / out).string();
        o.net.dim = 8;
        o.net.dimMults = {1, 2, 4, 8};
        o.crop = 32;
        o.batch = 4;
        o.lr = 1e-3;
        o.emaDecay = 0.9;
        o.seed = 42;
        o.valSize = 32;
        o.valMaxImages = 2;
        o.samplingSteps = 3;
        o.tasks = {rdbm::DegradationKind::Haze, rdbm::DegradationKind::LowLight};
        return o;
    }

    fs::path root;
};

cv::Mat testInput() {
    cv::Mat img(32, 32, CV_32FC3);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) img.at<cv::Vec3f>(y, x) = cv::Vec3f(x / 32.0f, y / 32.0f, 0.3f);
    return img;
}

TEST_F(TrainingTest, AFewStepsLowerTheLoss) {
    rdbm::Trainer trainer(tinyOptions("out"));
    EXPECT_EQ(trainer.trainingImages(), 4);
    const double before = trainer.evaluateLoss(7, 4);
    for (int i = 0; i < 40; ++i) trainer.trainStep();
    const double after = trainer.evaluateLoss(7, 4);
    EXPECT_EQ(trainer.step(), 40);
    EXPECT_LT(after, 0.8 * before) << "loss before " << before << ", after " << after;
}

TEST_F(TrainingTest, RunLogsValidatesAndSaves) {
    auto o = tinyOptions("run");
    o.steps = 4;
    o.logEvery = 2;
    o.valEvery = 4;
    o.saveEvery = 2;
    rdbm::Trainer trainer(o);
    std::vector<rdbm::TrainProgress> progress;
    std::vector<rdbm::ValidationReport> reports;
    trainer.run([&](const rdbm::TrainProgress& p) { progress.push_back(p); },
                [&](const rdbm::ValidationReport& r) { reports.push_back(r); });
    ASSERT_EQ(progress.size(), 2u);
    EXPECT_EQ(progress.back().step, 4);
    EXPECT_DOUBLE_EQ(progress.back().learningRate, o.lr); // constant schedule
    EXPECT_GT(progress.back().stepsPerSecond, 0.0);
    ASSERT_EQ(reports.size(), 1u);
    ASSERT_EQ(reports[0].tasks.size(), 2u);
    EXPECT_EQ(reports[0].tasks[0].task, "haze");
    EXPECT_EQ(reports[0].tasks[0].images, 2);
    EXPECT_TRUE(std::isfinite(reports[0].overall.psnrOut));
    EXPECT_GT(reports[0].overall.psnrIn, 5.0);
    for (const char* f : {"model.safetensors", "resume.pt", "checkpoint-0000002.safetensors", "train_log.csv",
                          "val_log.csv", "val/step-0000004.png"})
        EXPECT_TRUE(fs::exists(root / "run" / f)) << f;
    std::ifstream log(root / "run" / "val_log.csv");
    std::string header, row;
    std::getline(log, header);
    std::getline(log, row);
    EXPECT_EQ(header, "step,task,images,psnr_in,psnr_out,ssim_in,ssim_out,seconds");
    EXPECT_EQ(row.rfind("4,haze,2,", 0), 0u) << row;
}

class CheckpointTest : public TrainingTest, public ::testing::WithParamInterface<bool> {};

// With and without "adds mu": the loaded model must follow the same convention.
TEST_P(CheckpointTest, ReloadsAndSamplesLikeTheEmaModel) {
    auto o = tinyOptions("ckpt");
    o.addsMu = GetParam();
    o.objective = rdbm::Objective::X0;
    o.piMode = rdbm::PiMode::Residual;
    o.schedule.lambda = 10.0 / 255.0;
    rdbm::Trainer trainer(o);
    for (int i = 0; i < 3; ++i) trainer.trainStep();
    const std::string path = (root / "ckpt" / "model.safetensors").string();
    trainer.saveCheckpoint(path);

    const auto contents = rdbm::checkpoint::readCheckpoint(path);
    ASSERT_TRUE(contents.metadata.count(rdbm::checkpoint::kSafetensorsMetadataKey));
    EXPECT_TRUE(contents.tensors.count("init_conv.weight"));
    EXPECT_TRUE(contents.tensors.count("downs.0.2.fn.fn.to_qkv.weight"));

    const auto loaded = rdbm::Model::load(path);
    const auto& meta = loaded->info().metadata;
    EXPECT_EQ(meta.objective, rdbm::Objective::X0);
    EXPECT_EQ(meta.piMode, rdbm::PiMode::Residual);
    EXPECT_EQ(meta.addsMu, GetParam());
    EXPECT_NEAR(meta.schedule.lambda, 10.0 / 255.0, 1e-9);
    EXPECT_EQ(loaded->info().config.dim, 8);
    ASSERT_TRUE(meta.provenance.count("steps"));
    EXPECT_EQ(meta.provenance.at("steps"), "3");
    EXPECT_EQ(meta.provenance.at("degradations"), "haze,lowlight");
    EXPECT_EQ(meta.provenance.at("seed"), "42");
    EXPECT_TRUE(meta.provenance.count("hardware"));

    rdbm::SamplerOptions so;
    so.steps = 10;
    const cv::Mat input = testInput();
    const cv::Mat a = rdbm::restore(*trainer.emaModel(), input, so).image;
    const cv::Mat b = rdbm::restore(*loaded, input, so).image;
    EXPECT_LE(cv::norm(a, b, cv::NORM_INF), 1e-6);
    EXPECT_GT(cv::norm(a, input, cv::NORM_INF), 1e-3) << "the sampler should change the image";
}

INSTANTIATE_TEST_SUITE_P(AddsMu, CheckpointTest, ::testing::Bool());

// Fine-tuning (--init) starts from the saved weights: architecture and adds_mu come from
// the file (the options ask for another width), the step count starts at 0, and before
// any step the new trainer's EMA model restores exactly like the saved model.
TEST_F(TrainingTest, InitStartsFromACheckpointsWeights) {
    auto o = tinyOptions("base");
    o.addsMu = true;
    rdbm::Trainer base(o);
    for (int i = 0; i < 3; ++i) base.trainStep();
    const std::string path = (root / "base" / "model.safetensors").string();
    base.saveCheckpoint(path);

    auto f = tinyOptions("finetune");
    f.initPath = path;
    f.net.dim = 16; // overridden by the checkpoint's shapes
    f.addsMu = false;
    rdbm::Trainer tuned(f);
    EXPECT_EQ(tuned.step(), 0);
    EXPECT_EQ(tuned.options().net.dim, 8);
    EXPECT_TRUE(tuned.options().addsMu);
    EXPECT_EQ(tuned.parameterCount(), base.parameterCount());
    ASSERT_FALSE(tuned.warnings().empty());
    EXPECT_NE(tuned.warnings().back().find("adds mu"), std::string::npos) << tuned.warnings().back();
    rdbm::SamplerOptions so;
    so.steps = 5;
    const cv::Mat input = testInput();
    const cv::Mat a = rdbm::restore(*rdbm::Model::load(path), input, so).image;
    const cv::Mat b = rdbm::restore(*tuned.emaModel(), input, so).image;
    EXPECT_LE(cv::norm(a, b, cv::NORM_INF), 1e-6);
    tuned.trainStep();
    EXPECT_EQ(tuned.step(), 1);
    EXPECT_NE(tuned.emaModel()->info().metadata.provenance.count("initialised_from"), 0u);

    auto bad = tinyOptions("bad");
    bad.initPath = (root / "data" / "photo0.png").string();
    EXPECT_THROW(rdbm::Trainer{bad}, rdbm::Error);
}

// --init REFERENCE --global-stats: the added stats_mlp starts silent, so the fine-tuned
// network restores exactly as the file did; after training it saves, reloads and restores
// through the whole-photo binding as the trainer's own EMA model does.
TEST_F(TrainingTest, GlobalStatisticsAreAddedToAnInitNetworkAndSurviveReloading) {
    auto o = tinyOptions("plain");
    o.addsMu = true;
    rdbm::Trainer base(o);
    base.trainStep();
    const std::string path = (root / "plain" / "model.safetensors").string();
    base.saveCheckpoint(path);

    auto f = tinyOptions("stats");
    f.initPath = path;
    f.net.globalStats = 12;
    rdbm::Trainer tuned(f);
    EXPECT_EQ(tuned.options().net.globalStats, 12);
    EXPECT_EQ(tuned.parameterCount(), base.parameterCount() + 12 * 32 + 32 + 32 * 32 + 32);
    rdbm::SamplerOptions so;
    so.steps = 3;
    const cv::Mat input = testInput();
    const cv::Mat before = rdbm::restore(*rdbm::Model::load(path), input, so).image;
    EXPECT_LE(cv::norm(before, rdbm::restore(*tuned.emaModel(), input, so).image, cv::NORM_INF), 1e-6);

    for (int i = 0; i < 3; ++i) tuned.trainStep();
    const std::string tunedPath = (root / "stats" / "model.safetensors").string();
    tuned.saveCheckpoint(tunedPath);
    const auto reloaded = rdbm::Model::load(tunedPath);
    EXPECT_EQ(reloaded->info().config.globalStats, 12);
    const cv::Mat a = rdbm::restore(*reloaded, input, so).image;
    EXPECT_LE(cv::norm(a, rdbm::restore(*tuned.emaModel(), input, so).image, cv::NORM_INF), 1e-5);
    EXPECT_GT(cv::norm(a, before, cv::NORM_INF), 1e-6); // trained: no longer the file's network
}

// At the bridge's start x_t = mu whatever the noise, so a run that draws every sample
// there has a loss that does not depend on lambda; with t drawn uniformly it does.
TEST_F(TrainingTest, StartFractionDrawsSamplesWhereXtIsMu) {
    const auto firstLoss = [&](double startFraction, double lambda, const std::string& out) {
        auto o = tinyOptions(out);
        o.startFraction = startFraction;
        o.schedule.lambda = lambda;
        rdbm::Trainer t(o);
        return t.evaluateLoss(7);
    };
    EXPECT_DOUBLE_EQ(firstLoss(1.0, 0.04, "a"), firstLoss(1.0, 0.4, "b"));
    EXPECT_NE(firstLoss(0.0, 0.04, "c"), firstLoss(0.0, 0.4, "d"));
}

// --init MODEL --steps 0: no training, one validation of the model as it is.
TEST_F(TrainingTest, ZeroStepRunScoresTheInitModel) {
    auto o = tinyOptions("scored-base");
    rdbm::Trainer base(o);
    base.trainStep();
    const std::string path = (root / "scored-base" / "model.safetensors").string();
    base.saveCheckpoint(path);

    auto e = tinyOptions("scored");
    e.initPath = path;
    e.steps = 0;
    rdbm::Trainer scorer(e);
    std::vector<rdbm::ValidationReport> reports;
    int progress = 0;
    scorer.run([&](const rdbm::TrainProgress&) { ++progress; },
               [&](const rdbm::ValidationReport& r) { reports.push_back(r); });
    EXPECT_EQ(progress, 0);
    EXPECT_EQ(scorer.step(), 0);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].step, 0);
    const rdbm::ValidationReport again = base.validate(); // the same weights, the same images
    EXPECT_DOUBLE_EQ(reports[0].overall.psnrOut, again.overall.psnrOut);
    EXPECT_DOUBLE_EQ(reports[0].overall.psnrIn, again.overall.psnrIn);
}

// Two uninterrupted steps vs. one step, resume file, a new trainer, one step: the same
// loss and the same weights afterwards (Adam's moments and step count carried over).
TEST_F(TrainingTest, ResumeContinuesExactly) {
    auto o = tinyOptions("straight");
    rdbm::Trainer straight(o);
    for (int i = 0; i < 3; ++i) straight.trainStep();
    const double loss4 = straight.trainStep();
    const double loss5 = straight.trainStep();

    auto o2 = tinyOptions("first");
    rdbm::Trainer first(o2);
    for (int i = 0; i < 3; ++i) first.trainStep();
    const std::string resume = (root / "first" / "resume.pt").string();
    first.saveResume(resume);

    auto o3 = tinyOptions("second");
    o3.seed = 999;              // ignored: the resume file's seed wins
    o3.net.dim = 16;            // ignored: the resume file's network wins
    o3.resumePath = resume;
    rdbm::Trainer second(o3);
    EXPECT_EQ(second.step(), 3);
    EXPECT_EQ(second.options().net.dim, 8);
    EXPECT_EQ(second.options().seed, 42u);
    EXPECT_NEAR(second.trainStep(), loss4, 1e-6);
    EXPECT_NEAR(second.trainStep(), loss5, 1e-6);
    EXPECT_NEAR(second.evaluateLoss(5), straight.evaluateLoss(5), 1e-6);

    const std::string pa = (root / "straight.safetensors").string(), pb = (root / "second.safetensors").string();
    straight.saveCheckpoint(pa);
    second.saveCheckpoint(pb);
    const auto ca = rdbm::checkpoint::readCheckpoint(pa), cb = rdbm::checkpoint::readCheckpoint(pb);
    ASSERT_EQ(ca.tensors.size(), cb.tensors.size());
    double worst = 0;
    for (const auto& [key, t] : ca.tensors) {
        const auto va = t.toFloat32(), vb = cb.tensors.at(key).toFloat32();
        ASSERT_EQ(va.size(), vb.size()) << key;
        for (size_t i = 0; i < va.size(); ++i) worst = std::max(worst, double(std::abs(va[i] - vb[i])));
    }
    EXPECT_LE(worst, 1e-6);

}

// RDDM (--method rddm), one case per UnetRes layout with an objective it fits: the loss
// falls; the checkpoint loads as RDDM with the layout, objective and schedule it was
// trained with and samples exactly like the in-memory EMA model; a resume file carries
// the method and continues the run; --init fine-tunes it (the file's layout wins).
struct RddmCase {
    int shareEncoder;
    rdbm::RddmObjective objective;
};

class RddmTrainingTest : public TrainingTest, public ::testing::WithParamInterface<RddmCase> {};

TEST_P(RddmTrainingTest, TrainsSavesResumesAndReloadsAsRddm) {
    auto o = tinyOptions("rddm");
    o.method = rdbm::Method::Rddm;
    o.rddm = {GetParam().objective, GetParam().shareEncoder, /*T=*/200, /*sumScale=*/1.0};
    o.schedule.T = 100; // RDBM's: ignored
    rdbm::Trainer trainer(o);
    const double before = trainer.evaluateLoss(7, 4);
    for (int i = 0; i < 30; ++i) trainer.trainStep();
    const double after = trainer.evaluateLoss(7, 4);
    EXPECT_LT(after, 0.9 * before) << "loss before " << before << ", after " << after;

    const std::string path = (root / "rddm" / "model.safetensors").string();
    trainer.saveCheckpoint(path);
    const auto loaded = rdbm::Model::load(path);
    const auto& meta = loaded->info().metadata;
    EXPECT_EQ(meta.method, rdbm::Method::Rddm);
    EXPECT_EQ(meta.rddm.shareEncoder, GetParam().shareEncoder);
    EXPECT_EQ(meta.rddm.objective, GetParam().objective);
    EXPECT_EQ(meta.rddm.T, 200);
    EXPECT_DOUBLE_EQ(meta.rddm.sumScale, 1.0);
    EXPECT_EQ(meta.provenance.at("steps"), "30");
    rdbm::SamplerOptions so;
    so.steps = 5;
    so.seed = 3;
    const cv::Mat input = testInput();
    const cv::Mat a = rdbm::restore(*trainer.emaModel(), input, so).image;
    const cv::Mat b = rdbm::restore(*loaded, input, so).image;
    EXPECT_LE(cv::norm(a, b, cv::NORM_INF), 1e-6);

    const std::string resume = (root / "rddm" / "resume.pt").string();
    trainer.saveResume(resume);
    const double next = trainer.trainStep();
    auto r = tinyOptions("rddm-resumed");
    r.resumePath = resume; // method rdbm here: the resume file's method wins
    rdbm::Trainer resumed(r);
    EXPECT_EQ(resumed.options().method, rdbm::Method::Rddm);
    EXPECT_EQ(resumed.options().rddm.shareEncoder, GetParam().shareEncoder);
    EXPECT_EQ(resumed.step(), 30);
    EXPECT_NEAR(resumed.trainStep(), next, 1e-6);

    auto f = tinyOptions("rddm-init");
    f.method = rdbm::Method::Rddm;
    f.rddm = o.rddm;
    f.rddm.shareEncoder = GetParam().shareEncoder == 1 ? 0 : 1; // the file's layout wins
    if (rdbm::rddmOutputCount(GetParam().objective) == 1) f.rddm.shareEncoder = -1;
    f.initPath = path;
    rdbm::Trainer tuned(f);
    EXPECT_EQ(tuned.options().rddm.shareEncoder, GetParam().shareEncoder);
    EXPECT_EQ(tuned.parameterCount(), trainer.parameterCount());
    const cv::Mat c = rdbm::restore(*tuned.emaModel(), input, so).image;
    EXPECT_LE(cv::norm(b, c, cv::NORM_INF), 1e-6);
}

INSTANTIATE_TEST_SUITE_P(Layouts, RddmTrainingTest,
                         ::testing::Values(RddmCase{1, rdbm::RddmObjective::ResNoise},
                                           RddmCase{0, rdbm::RddmObjective::ResNoise},
                                           RddmCase{-1, rdbm::RddmObjective::Res}));

// The RDDM training pair follows the reference's conventions (docs/method.md §8.1, §8.3):
// res = mu - x0, x_t = x0 + abar res + bbar eps, and each objective's targets turn back
// into x0 and eps by the sampler's rules.
TEST(RddmTrainingPair, TargetsFollowTheReferenceConventions) {
    using rdbm::RddmObjective;
    torch::manual_seed(5);
    const torch::Tensor x0 = torch::rand({2, 3, 4, 4}) * 2 - 1, mu = torch::rand({2, 3, 4, 4}) * 2 - 1;
    const torch::Tensor eps = torch::randn({2, 3, 4, 4});
    const torch::Tensor abar = torch::tensor({0.3f, 1.0f}).view({2, 1, 1, 1});
    const torch::Tensor bbar = torch::tensor({0.5f, 1.0f}).view({2, 1, 1, 1});
    auto close = [](const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>() < 1e-6; };
    auto pair = [&](RddmObjective o) { return rdbm::train::makeRddmTrainingPair(o, x0, mu, eps, abar, bbar); };

    const auto resNoise = pair(RddmObjective::ResNoise);
    ASSERT_EQ(resNoise.targets.size(), 2u);
    EXPECT_TRUE(close(resNoise.targets[0], mu - x0));
    EXPECT_TRUE(close(resNoise.xt - abar * resNoise.targets[0] - bbar * resNoise.targets[1], x0));
    // At abar = bbar = 1 (t = T-1, sum_scale 1) x_t is the sampler's first state mu + eps.
    EXPECT_TRUE(close(resNoise.xt[1], mu[1] + eps[1]));
    const auto resAdd = pair(RddmObjective::ResAddNoise);
    EXPECT_TRUE(close(resAdd.targets[1] - resAdd.targets[0], eps));
    const auto x0Noise = pair(RddmObjective::X0Noise);
    EXPECT_TRUE(close(x0Noise.targets[0], x0));
    EXPECT_TRUE(close(x0Noise.targets[1], eps));
    const auto x0Add = pair(RddmObjective::X0AddNoise);
    EXPECT_TRUE(close(x0Add.targets[1] - x0Add.targets[0], eps));
    const auto res = pair(RddmObjective::Res);
    ASSERT_EQ(res.targets.size(), 1u);
    EXPECT_TRUE(close(mu - res.targets[0], x0));
    const auto noise = pair(RddmObjective::Noise);
    ASSERT_EQ(noise.targets.size(), 1u);
    EXPECT_TRUE(close(noise.targets[0], eps));
}

TEST_F(TrainingTest, BadFilesAreReportedAndSkipped) {
    {
        std::ofstream bad(root / "data" / "broken.png", std::ios::binary);
        bad << "this is not a PNG file at all";
    }
    writePhoto(root / "data" / "tiny.png", 16, 16, 5);
    rdbm::Trainer trainer(tinyOptions("bad"));
    EXPECT_EQ(trainer.trainingImages(), 4);
    std::string all;
    for (const auto& w : trainer.warnings()) all += w + "\n";
    EXPECT_NE(all.find("broken.png"), std::string::npos) << all;
    EXPECT_NE(all.find("tiny.png"), std::string::npos) << all;

    fs::create_directories(root / "empty");
    {
        std::ofstream bad(root / "empty" / "junk.jpg", std::ios::binary);
        bad << "junk";
    }
    auto o = tinyOptions("bad2");
    o.dataDir = (root / "empty").string();
    try {
        rdbm::Trainer t(o);
        FAIL() << "expected an error";
    } catch (const rdbm::Error& e) {
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find("junk.jpg"), std::string::npos) << e.what();
    }
}

TEST_F(TrainingTest, PairedSetsMatchByNameAndReportMismatches) {
    fs::create_directories(root / "clean");
    fs::create_directories(root / "deg");
    writePhoto(root / "clean" / "a.png", 40, 40, 1);
    writePhoto(root / "deg" / "a.jpg", 40, 40, 2);   // same stem, other format: matched
    writePhoto(root / "clean" / "b.png", 40, 40, 3);
    writePhoto(root / "deg" / "b.png", 44, 40, 4);   // size mismatch
    writePhoto(root / "clean" / "c.png", 40, 40, 5); // no partner
    writePhoto(root / "deg" / "d.png", 40, 40, 6);   // no partner
    const auto set = rdbm::train::loadPairedImages((root / "clean").string(), (root / "deg").string(), 0, 32, "training");
    ASSERT_EQ(set.images.size(), 1u);
    EXPECT_EQ(set.images[0].name, "a.png");
    std::string all;
    for (const auto& w : set.warnings) all += w + "\n";
    for (const char* name : {"b.png", "c.png", "d.png", "44x40"}) EXPECT_NE(all.find(name), std::string::npos) << all;
}

TEST(LearningRate, WarmsUpLinearlyThenDecaysAlongACosine) {
    rdbm::TrainerOptions o;
    o.lr = 1e-3;
    o.steps = 110;
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 0), 1e-3); // no schedule: constant
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 109), 1e-3);
    o.lrWarmup = 10;
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 0), 1e-4);
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 4), 5e-4);
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 10), 1e-3);
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 100), 1e-3); // warm-up alone stays constant after
    o.lrCosine = true;
    o.lrMin = 1e-5;
    EXPECT_DOUBLE_EQ(rdbm::learningRateAt(o, 10), 1e-3);
    EXPECT_NEAR(rdbm::learningRateAt(o, 60), 0.5 * (1e-3 + 1e-5), 1e-12); // half-way
    EXPECT_NEAR(rdbm::learningRateAt(o, 110), 1e-5, 1e-12);
    EXPECT_NEAR(rdbm::learningRateAt(o, 500), 1e-5, 1e-12); // past the end (resumed longer)
    for (long long s = 11; s < 110; ++s) EXPECT_LT(rdbm::learningRateAt(o, s), rdbm::learningRateAt(o, s - 1)) << s;
}

TEST_F(TrainingTest, ScheduledLearningRateReachesTheOptimizerAndTheLog) {
    auto o = tinyOptions("schedule");
    o.steps = 4;
    o.logEvery = 1;
    o.valEvery = 0;
    o.lrWarmup = 2;
    o.lrCosine = true;
    o.lrMin = 0.0;
    rdbm::Trainer trainer(o);
    std::vector<double> rates;
    trainer.run([&](const rdbm::TrainProgress& p) { rates.push_back(p.learningRate); }, {});
    ASSERT_EQ(rates.size(), 4u);
    for (size_t i = 0; i < rates.size(); ++i) EXPECT_DOUBLE_EQ(rates[i], rdbm::learningRateAt(o, static_cast<long long>(i)));
    EXPECT_DOUBLE_EQ(rates[1], o.lr);
    EXPECT_NEAR(rates[3], 0.5 * o.lr, 1e-12); // step 3: half-way along the cosine, (3-2)/(4-2)
    std::ifstream log(root / "schedule" / "train_log.csv");
    std::string line, last;
    while (std::getline(log, line)) last = line;
    EXPECT_DOUBLE_EQ(std::stod(last.substr(last.rfind(',') + 1)), rates[3]);
    const auto model = rdbm::Model::load((root / "schedule" / "model.safetensors").string());
    const rdbm::ModelInfo& info = model->info();
    ASSERT_TRUE(info.metadata.provenance.count("lr_schedule"));
    EXPECT_EQ(info.metadata.provenance.at("lr_schedule"), "linear warm-up over 2 steps, then cosine decay to 0");
}

TEST_F(TrainingTest, RejectsInconsistentOptions) {
    auto o = tinyOptions("opts");
    o.objective = rdbm::Objective::Eps;
    o.piMode = rdbm::PiMode::Residual;
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.pairedCleanDir = (root / "data").string();
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.objective = rdbm::Objective::PiEps;
    o.addsMu = true;
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.crop = 64; // larger than every photo
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.lrMin = 2 * o.lr; // a "decay" upwards
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.identityFraction = 1.5;
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.startFraction = -0.1;
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    o = tinyOptions("opts");
    o.method = rdbm::Method::Rddm;
    o.net.globalStats = 12; // RDDM's UnetRes takes no statistics
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
    // RDDM: the objective's outputs must be the layout's, and "adds mu" is RDBM's.
    for (const auto& [share, objective] : {std::pair{-1, rdbm::RddmObjective::ResNoise},
                                           std::pair{1, rdbm::RddmObjective::Res},
                                           std::pair{0, rdbm::RddmObjective::Noise}}) {
        o = tinyOptions("opts");
        o.method = rdbm::Method::Rddm;
        o.rddm.shareEncoder = share;
        o.rddm.objective = objective;
        EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error) << share;
    }
    o = tinyOptions("opts");
    o.method = rdbm::Method::Rddm;
    o.addsMu = true;
    EXPECT_THROW(rdbm::Trainer t(o), rdbm::Error);
}

// Identity pairs: about the asked-for share of samples has the clean crop (8-bit rounded)
// as input, and the rest stay degraded; a share of 0 leaves every sample as it was.
TEST_F(TrainingTest, IdentityPairsAppearAtTheAskedShare) {
    const auto set = rdbm::train::loadCleanImages((root / "data").string(), 0, 32, "training");
    rdbm::train::SampleSpec spec;
    spec.crop = 32;
    spec.tasks = {rdbm::DegradationKind::LowLight, rdbm::DegradationKind::Haze};
    spec.strengthMin = spec.strengthMax = 1.0;
    auto isIdentity = [](const rdbm::train::Sample& s) { return cv::norm(s.clean, s.degraded, cv::NORM_INF) <= 0.6 / 255; };
    int identities = 0;
    const int n = 200;
    for (int k = 0; k < n; ++k) {
        spec.identityFraction = 0.0;
        const auto plain = rdbm::train::makeSample(set, spec, static_cast<std::uint64_t>(k));
        EXPECT_FALSE(isIdentity(plain)) << "sample " << k;
        spec.identityFraction = 0.3;
        if (isIdentity(rdbm::train::makeSample(set, spec, static_cast<std::uint64_t>(k)))) ++identities;
    }
    EXPECT_GT(identities, n * 0.3 - 25);
    EXPECT_LT(identities, n * 0.3 + 25);
}

TEST_F(TrainingTest, LoaderThreadDeliversTheDirectlyBuiltBatchesInOrder) {
    const auto set = rdbm::train::loadCleanImages((root / "data").string(), 0, 32, "training");
    rdbm::train::SampleSpec spec;
    spec.crop = 32;
    spec.tasks = rdbm::singleDegradationKinds();
    auto fn = [&](long long batch, int slot) {
        return rdbm::train::makeSample(set, spec, static_cast<std::uint64_t>(batch * 16 + slot));
    };
    rdbm::train::BatchLoader loader(fn, 3, 32, 5, 2);
    for (long long k = 5; k < 9; ++k) {
        const auto got = loader.next();
        const auto want = rdbm::train::BatchLoader::build(fn, 3, 32, k);
        EXPECT_EQ(got.index, k);
        EXPECT_TRUE(torch::equal(got.x0, want.x0));
        EXPECT_TRUE(torch::equal(got.mu, want.mu));
        EXPECT_LE(got.x0.max().item<float>(), 1.0f);
        EXPECT_GE(got.x0.min().item<float>(), -1.0f);
        EXPECT_FALSE(torch::equal(got.x0, got.mu));
    }
}

} // namespace

// rdbm-train's command line: every option reaches TrainerOptions, and mistakes are
// usage errors naming the option.
#include <gtest/gtest.h>

#include "TrainOptions.h"
#include "rdbm/Error.h"

namespace {

using rdbm::cli::parseTrainOptions;

rdbm::ErrorKind kindOf(const std::vector<std::string>& args) {
    try {
        parseTrainOptions(args);
    } catch (const rdbm::Error& e) {
        return e.kind();
    }
    return rdbm::ErrorKind::Cancelled; // "no error"
}

TEST(TrainOptions, ParsesTheDocumentedOptions) {
    const auto cl = parseTrainOptions({"--data", "photos", "--val", "val", "--out", "run", "--pi-mode", "one",
                                       "--objective", "pi_eps", "--adds-mu", "--schedule", "linear", "--lambda", "10/255", "--T",
                                       "50", "--dim", "24", "--dim-mults", "1,2,4", "--crop", "96", "--batch", "6",
                                       "--lr", "2e-4", "--lr-warmup", "50", "--lr-decay", "cosine", "--lr-min",
                                       "1e-5", "--ema", "0.995", "--steps", "300", "--val-every", "100",
                                       "--save-every", "150", "--seed", "7", "--tasks", "rain,haze", "--strength",
                                       "0.5,1.5", "--resume", "r.pt", "--device", "cpu", "--threads", "2", "--global-stats",
                                       "--start-fraction", "0.25"});
    const auto& o = cl.trainer;
    EXPECT_EQ(o.dataDir, "photos");
    EXPECT_EQ(o.valDir, "val");
    EXPECT_EQ(o.outDir, "run");
    EXPECT_EQ(o.piMode, rdbm::PiMode::One);
    EXPECT_EQ(o.objective, rdbm::Objective::PiEps);
    EXPECT_TRUE(o.addsMu);
    EXPECT_EQ(o.schedule.kind, rdbm::ScheduleKind::Linear);
    EXPECT_DOUBLE_EQ(o.schedule.lambda, 10.0 / 255.0);
    EXPECT_EQ(o.schedule.T, 50);
    EXPECT_EQ(o.net.dim, 24);
    EXPECT_EQ(o.net.dimMults, (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(o.crop, 96);
    EXPECT_EQ(o.batch, 6);
    EXPECT_DOUBLE_EQ(o.lr, 2e-4);
    EXPECT_EQ(o.lrWarmup, 50);
    EXPECT_TRUE(o.lrCosine);
    EXPECT_DOUBLE_EQ(o.lrMin, 1e-5);
    EXPECT_DOUBLE_EQ(o.emaDecay, 0.995);
    EXPECT_EQ(o.steps, 300);
    EXPECT_EQ(o.valEvery, 100);
    EXPECT_EQ(o.saveEvery, 150);
    EXPECT_EQ(o.seed, 7u);
    EXPECT_EQ(o.tasks, (std::vector<rdbm::DegradationKind>{rdbm::DegradationKind::Rain, rdbm::DegradationKind::Haze}));
    EXPECT_DOUBLE_EQ(o.strengthMin, 0.5);
    EXPECT_DOUBLE_EQ(o.strengthMax, 1.5);
    EXPECT_EQ(o.resumePath, "r.pt");
    EXPECT_EQ(o.device.kind, rdbm::DeviceSpec::Kind::Cpu);
    EXPECT_EQ(o.threads, 2);
    EXPECT_EQ(o.net.globalStats, 12);
    EXPECT_DOUBLE_EQ(o.startFraction, 0.25);
}

// --method rddm: RDDM's objective names, layout, T and sum_scale; an RDDM objective
// without the method, or an RDBM objective with it, is a usage error.
TEST(TrainOptions, RddmOptions) {
    const auto cl = parseTrainOptions({"--data", "p", "--out", "o", "--method", "rddm", "--objective", "pred_res",
                                       "--share-encoder", "-1", "--sum-scale", "0.5", "--T", "300"});
    const auto& o = cl.trainer;
    EXPECT_EQ(o.method, rdbm::Method::Rddm);
    EXPECT_EQ(o.rddm.objective, rdbm::RddmObjective::Res);
    EXPECT_EQ(o.rddm.shareEncoder, -1);
    EXPECT_DOUBLE_EQ(o.rddm.sumScale, 0.5);
    EXPECT_EQ(o.rddm.T, 300);
    const auto defaults = parseTrainOptions({"--data", "p", "--out", "o", "--method", "rddm"}).trainer;
    EXPECT_EQ(defaults.rddm.objective, rdbm::RddmObjective::ResNoise);
    EXPECT_EQ(defaults.rddm.shareEncoder, 1);
    EXPECT_EQ(defaults.rddm.T, 1000);
    EXPECT_EQ(parseTrainOptions({"--data", "p", "--out", "o"}).trainer.method, rdbm::Method::Rdbm);

    using K = rdbm::ErrorKind;
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--objective", "pred_res_noise"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--method", "rddm", "--objective", "x0"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--method", "ddim"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--method", "rddm", "--share-encoder", "2"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--method", "rddm", "--sum-scale", "0"}), K::Usage);
}

TEST(TrainOptions, PairedFolders) {
    const auto cl = parseTrainOptions({"--paired", "c", "d", "--val-paired", "vc", "vd", "--out", "o"});
    EXPECT_EQ(cl.trainer.pairedCleanDir, "c");
    EXPECT_EQ(cl.trainer.pairedDegradedDir, "d");
    EXPECT_EQ(cl.trainer.valPairedCleanDir, "vc");
    EXPECT_EQ(cl.trainer.valPairedDegradedDir, "vd");
}

TEST(TrainOptions, HelpNeedsNothingElse) {
    EXPECT_TRUE(parseTrainOptions({"--help"}).help);
    EXPECT_NE(rdbm::cli::trainUsage().find("--pi-mode"), std::string::npos);
}

TEST(TrainOptions, MistakesAreUsageErrors) {
    using K = rdbm::ErrorKind;
    EXPECT_EQ(kindOf({"--data", "p"}), K::Usage);                       // no --out
    EXPECT_EQ(kindOf({"--out", "o"}), K::Usage);                        // no data
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--bogus"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--dim"}), K::Usage); // missing value
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--batch", "x"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--pi-mode", "two"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--tasks", "rain,hail"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--lambda", "1/0"}), K::Usage);
    EXPECT_EQ(kindOf({"--paired", "c", "--out", "o"}), K::Usage);
    EXPECT_EQ(kindOf({"--data", "p", "--out", "o", "--start-fraction", "1.5"}), K::Usage);
    try {
        parseTrainOptions({"--data", "p", "--out", "o", "--crop", "3"});
        FAIL();
    } catch (const rdbm::Error& e) {
        EXPECT_NE(std::string(e.what()).find("--crop"), std::string::npos);
    }
}

} // namespace

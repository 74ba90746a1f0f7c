// rdbm-restore's option parser on its own: accepted forms, defaults, and every
// refusal being Error(Usage) with a message naming the problem.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "NpyFile.h"
#include "Options.h"
#include "rdbm/Error.h"

using namespace rdbm;
using namespace rdbm::cli;

namespace {

RestoreOptions parse(std::vector<std::string> args) { return parseRestoreOptions(args); }

void expectUsageError(const std::vector<std::string>& args, const std::string& fragment) {
    try {
        parseRestoreOptions(args);
        ADD_FAILURE() << "accepted, expected an error containing '" << fragment << "'";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

} // namespace

TEST(RestoreOptions, MinimalCommandAndDefaults) {
    const RestoreOptions o = parse({"in.png", "-o", "out.png", "--model", "m.pt"});
    EXPECT_EQ(o.inputs, std::vector<std::string>{"in.png"});
    EXPECT_EQ(o.output, "out.png");
    EXPECT_EQ(o.model, "m.pt");
    EXPECT_EQ(o.steps, 10);
    EXPECT_EQ(o.device, "auto");
    EXPECT_EQ(o.deviceSpec.kind, DeviceSpec::Kind::Auto);
    EXPECT_FALSE(o.half);
    EXPECT_TRUE(o.preferEma);
    EXPECT_FALSE(o.objective.has_value());
    EXPECT_FALSE(o.piMode.has_value());
    EXPECT_FALSE(o.schedule.has_value());
    EXPECT_FALSE(o.lambda.has_value());
    EXPECT_EQ(o.eta, 0.0);
    EXPECT_EQ(o.piNoise, PiMode::Residual);
    EXPECT_EQ(o.tile, 0);
    EXPECT_EQ(o.overlap, 16);
    EXPECT_TRUE(o.globalContext);
    EXPECT_EQ(o.bitDepth, 0);
    EXPECT_FALSE(o.overwrite);
    EXPECT_FALSE(o.quiet);
    EXPECT_EQ(plannedOutputs(o), std::vector<std::string>{"out.png"});
}

TEST(RestoreOptions, EveryOptionInBothForms) {
    const RestoreOptions o = parse({"a.jpg", "b.PNG", "--out-dir=res/", "--model=ck.safetensors", "--steps", "5",
                                    "--device=cuda:1", "--half", "--objective", "pi_eps", "--pi-mode=one",
                                    "--schedule", "linear", "--lambda=0.0392", "--online", "--eta", "0.5",
                                    "--pi-noise", "zero", "--seed=18446744073709551615", "--tile", "256",
                                    "--overlap=64", "--trajectory", "traj", "--report", "r.json",
                                    "--bit-depth=16", "--overwrite", "-q"});
    EXPECT_EQ(o.inputs, (std::vector<std::string>{"a.jpg", "b.PNG"}));
    EXPECT_EQ(o.outDir, "res/");
    EXPECT_EQ(o.model, "ck.safetensors");
    EXPECT_EQ(o.steps, 5);
    EXPECT_EQ(o.deviceSpec.kind, DeviceSpec::Kind::Cuda);
    EXPECT_EQ(o.deviceSpec.index, 1);
    EXPECT_TRUE(o.half);
    EXPECT_EQ(o.objective, Objective::PiEps);
    EXPECT_EQ(o.piMode, PiMode::One);
    EXPECT_EQ(o.schedule, ScheduleKind::Linear);
    EXPECT_DOUBLE_EQ(*o.lambda, 0.0392);
    EXPECT_FALSE(o.preferEma);
    EXPECT_DOUBLE_EQ(o.eta, 0.5);
    EXPECT_EQ(o.piNoise, PiMode::Zero);
    EXPECT_EQ(o.seed, 18446744073709551615ULL);
    EXPECT_EQ(o.tile, 256);
    EXPECT_EQ(o.overlap, 64);
    EXPECT_EQ(o.trajectoryDir, "traj");
    EXPECT_EQ(o.reportPath, "r.json");
    EXPECT_EQ(o.bitDepth, 16);
    EXPECT_TRUE(o.overwrite);
    EXPECT_TRUE(o.quiet);
    EXPECT_EQ(plannedOutputs(o), (std::vector<std::string>{"res/a.jpg", "res/b.PNG"}));
}

TEST(RestoreOptions, OutputsAreNamedAfterInputsInTheOutDir) {
    const RestoreOptions o = parse({"photos/x.tif", "/abs/y.webp", "--out-dir", "out", "--model", "m.pt"});
    EXPECT_EQ(plannedOutputs(o), (std::vector<std::string>{"out/x.tif", "out/y.webp"}));
    expectUsageError({"a/x.png", "b/x.png", "--out-dir", "out", "--model", "m.pt"}, "collide");
    expectUsageError({"raw-photo", "--out-dir", "out", "--model", "m.pt"}, "cannot name an output");
}

TEST(RestoreOptions, GlobalContextCanBeTurnedOff) {
    EXPECT_FALSE(parse({"in.png", "-o", "o.png", "--model", "m.pt", "--no-global-context"}).globalContext);
    EXPECT_THROW(parse({"in.png", "-o", "o.png", "--model", "m.pt", "--no-global-context=1"}), rdbm::Error);
}

TEST(RestoreOptions, DoubleDashEndsOptions) {
    const RestoreOptions o = parse({"--model", "m.pt", "-o", "o.png", "--", "-odd-name.png"});
    EXPECT_EQ(o.inputs, std::vector<std::string>{"-odd-name.png"});
}

TEST(RestoreOptions, HelpAndVersionNeedNothingElse) {
    EXPECT_TRUE(parse({"--help"}).help);
    EXPECT_TRUE(parse({"-h"}).help);
    EXPECT_TRUE(parse({"--version"}).version);
    EXPECT_NE(restoreUsage().find("rdbm-restore INPUT... (-o OUT | --out-dir DIR) --model CKPT"), std::string::npos);
    EXPECT_NE(restoreUsage().find("5 cancelled"), std::string::npos);
}

TEST(RestoreOptions, MissingOrConflictingArguments) {
    expectUsageError({}, "no input image");
    expectUsageError({"a.png", "-o", "b.png"}, "--model");
    expectUsageError({"a.png", "--model", "m.pt"}, "-o OUT");
    expectUsageError({"a.png", "-o", "b.png", "--out-dir", "d", "--model", "m.pt"}, "not both");
    expectUsageError({"a.png", "c.png", "-o", "b.png", "--model", "m.pt"}, "single input");
    expectUsageError({"a.png", "-o", "b.gif", "--model", "m.pt"}, "output format");
    expectUsageError({"a.png", "-o", "b.png", "--model", "m.pt", "--ema", "--online"}, "exclude");
    expectUsageError({"a.png", "c.png", "--out-dir", "d", "--model", "m.pt", "--reference", "g.png"}, "single input");
    expectUsageError({"a.png", "-o", "b.png", "--model"}, "needs a value");
    expectUsageError({"a.png", "-o", "b.png", "--model", "m.pt", "--frobnicate"}, "unknown option '--frobnicate'");
    expectUsageError({"a.png", "-o", "b.png", "--model", "m.pt", "--half=yes"}, "takes no value");
}

TEST(RestoreOptions, BadValues) {
    const std::vector<std::string> base = {"a.png", "-o", "b.png", "--model", "m.pt"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    expectUsageError(with({"--steps", "0"}), "--steps must be between 1");
    expectUsageError(with({"--steps", "ten"}), "--steps expects an integer");
    expectUsageError(with({"--steps", "10x"}), "--steps expects an integer");
    expectUsageError(with({"--eta", "1.5"}), "--eta must be between 0 and 1");
    expectUsageError(with({"--eta", "nan"}), "--eta expects a number");
    expectUsageError(with({"--lambda", "-0.1"}), "--lambda must be in (0, 100]");
    expectUsageError(with({"--lambda", "1e308"}), "--lambda must be in (0, 100], got 1e308"); // issue 15: the metadata's cap
    expectUsageError(with({"--seed", "-3"}), "--seed expects a non-negative integer");
    expectUsageError(with({"--bit-depth", "12"}), "8 or 16");
    expectUsageError(with({"--device", "gpu"}), "--device");
    expectUsageError(with({"--objective", "noise2"}), "--objective");
    expectUsageError(with({"--pi-mode", "half"}), "--pi-mode");
    expectUsageError(with({"--schedule", "quadratic"}), "--schedule");
    expectUsageError(with({"--pi-noise", "some"}), "--pi-noise");
    expectUsageError(with({"--tile", "4"}), "--tile must be 0");
    expectUsageError(with({"--tile", "64", "--overlap", "40"}), "at most half");
    expectUsageError(with({"--overlap", "-1"}), "--overlap must be between 0");
}

// RDDM (issue 9): --method, RDDM's objective names, --sum-scale and --initial-noise.
TEST(RestoreOptions, RddmOptions) {
    const std::vector<std::string> base = {"a.png", "-o", "b.png", "--model", "m.pt"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    const RestoreOptions defaults = parse(base);
    EXPECT_FALSE(defaults.method); // auto: the file decides
    EXPECT_FALSE(defaults.rddmObjective);
    EXPECT_FALSE(defaults.sumScale);
    EXPECT_TRUE(defaults.initialNoise.empty());

    const RestoreOptions o =
        parse(with({"--method", "rddm", "--objective", "pred_res", "--sum-scale", "0.01", "--initial-noise=n.npy"}));
    EXPECT_EQ(o.method, Method::Rddm);
    EXPECT_EQ(o.rddmObjective, RddmObjective::Res);
    EXPECT_FALSE(o.objective);
    EXPECT_DOUBLE_EQ(*o.sumScale, 0.01);
    EXPECT_EQ(o.initialNoise, "n.npy");
    EXPECT_FALSE(parse(with({"--method", "auto"})).method);

    // An RDDM name without --method is RDDM's; pred_res_noise has no RDBM meaning.
    const RestoreOptions autoRddm = parse(with({"--objective", "pred_res_add_noise"}));
    EXPECT_EQ(autoRddm.rddmObjective, RddmObjective::ResAddNoise);
    EXPECT_FALSE(autoRddm.objective);
    // pred_noise is both methods' name: the model decides which applies.
    const RestoreOptions both = parse(with({"--objective", "pred_noise"}));
    EXPECT_EQ(both.rddmObjective, RddmObjective::Noise);
    EXPECT_EQ(both.objective, Objective::Eps);
    EXPECT_FALSE(parse(with({"--method", "rdbm", "--objective", "pred_noise"})).rddmObjective);

    expectUsageError(with({"--method", "rddm", "--objective", "x0"}), "is RDBM's");
    expectUsageError(with({"--method", "rdbm", "--objective", "pred_res"}), "is RDDM's");
    expectUsageError(with({"--method", "ddpm"}), "unknown method");
    expectUsageError(with({"--objective", "pred_everything"}), "pred_res_noise");
    expectUsageError(with({"--sum-scale", "0"}), "--sum-scale must be in (0, 100]");
    expectUsageError(with({"--method", "rdbm", "--initial-noise", "n.npy"}), "for RDDM models");
    expectUsageError({"a.png", "c.png", "--out-dir", "o", "--model", "m.pt", "--initial-noise", "n.npy"},
                     "--initial-noise needs a single input");
}

// --initial-noise's reader: float32 C-order .npy files, refused with the reason otherwise.
TEST(RestoreOptions, NpyFileReader) {
    const std::string dir = ::testing::TempDir();
    auto write = [&](const std::string& name, const std::string& header, size_t floats) {
        std::string h = header;
        while ((10 + h.size() + 1) % 64) h += ' ';
        h += '\n';
        std::string bytes = std::string("\x93NUMPY\x01\x00", 8);
        bytes += static_cast<char>(h.size() & 0xff);
        bytes += static_cast<char>(h.size() >> 8);
        bytes += h;
        std::vector<float> values(floats);
        for (size_t i = 0; i < floats; ++i) values[i] = 0.5f * static_cast<float>(i);
        bytes.append(reinterpret_cast<const char*>(values.data()), floats * sizeof(float));
        std::ofstream(dir + name, std::ios::binary) << bytes;
        return dir + name;
    };
    const NpyArray a =
        readNpyFloat32(write("good.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 2, 4), }", 24));
    EXPECT_EQ(a.shape, (std::vector<int64_t>{1, 3, 2, 4}));
    ASSERT_EQ(a.values.size(), 24u);
    EXPECT_EQ(a.values[23], 11.5f);

    auto refused = [&](const std::string& path, const std::string& fragment) {
        try {
            readNpyFloat32(path);
            ADD_FAILURE() << path << " was read";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    refused(write("f8.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 6), "float32");
    refused(write("fortran.npy", "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 4), "Fortran");
    refused(write("short.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 2, 4), }", 20), "needs 96");
    std::ofstream(dir + "text.npy") << "not numpy";
    refused(dir + "text.npy", "not a NumPy");
    refused(dir + "missing.npy", "cannot read");
}

TEST(RestoreOptions, SeedsAndTheUncertaintyMap) {
    const RestoreOptions o = parse({"in.png", "-o", "out.png", "--model", "m.pt", "--eta", "1", "--seed", "5",
                                    "--seeds", "4", "--uncertainty=std.png"});
    EXPECT_EQ(o.seeds, 4);
    EXPECT_EQ(o.seed, 5u);
    EXPECT_EQ(o.uncertainty, "std.png");
    EXPECT_EQ(parse({"in.png", "-o", "o.png", "--model", "m.pt", "--eta", "0.5", "--seeds=64"}).seeds, 64);
    EXPECT_EQ(parse({"in.png", "-o", "o.png", "--model", "m.pt"}).seeds, 0);
    // RDDM varies with the seed at eta = 0: an automatic method is checked once the model is loaded.
    EXPECT_EQ(parse({"in.png", "-o", "o.png", "--model", "m.pt", "--seeds", "2"}).seeds, 2);
    const std::vector<std::string> base = {"in.png", "-o", "out.png", "--model", "m.pt", "--eta", "1"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    expectUsageError(with({"--seeds", "1"}), "--seeds must be between 2 and 64");
    expectUsageError(with({"--seeds", "65"}), "--seeds must be between 2 and 64");
    expectUsageError(with({"--seeds", "four"}), "--seeds expects an integer");
    expectUsageError(with({"--uncertainty", "std.png"}), "--uncertainty needs --seeds");
    expectUsageError(with({"--seeds", "3", "--uncertainty", "std.jpg"}), "give a .png file");
    expectUsageError(with({"--seeds", "3", "--trajectory", "traj"}), "--trajectory records one run");
    expectUsageError({"a.png", "b.png", "--out-dir", "o", "--model", "m.pt", "--eta", "1", "--seeds", "3",
                      "--uncertainty", "std.png"},
                     "--uncertainty needs a single input");
    expectUsageError({"in.png", "-o", "out.png", "--model", "m.pt", "--method", "rdbm", "--seeds", "3"},
                     "deterministic");
}

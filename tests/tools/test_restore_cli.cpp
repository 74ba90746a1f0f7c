// The rdbm-restore executable end to end, on the golden fixture's small random-weight
// checkpoint: exit codes, refusals to overwrite, atomic outputs, trajectory files,
// the JSON report, greyscale/16-bit pass-through and cancellation by SIGINT.
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "checkpoint/Checkpoint.h"

namespace fs = std::filesystem;

namespace {

const std::string kGolden = RDBM_FIXTURE_DIR "/golden/";
const std::string kCheckpoint = kGolden + "state_dict.pt";

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rdbm-restore-cli-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    std::vector<std::string> entries(const std::string& sub = "") const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path_ / sub)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    fs::path path_;
};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct ToolRun {
    int exitCode = -1;
    std::string out, err;
};

// fork + exec with stdout/stderr in files (never a terminal: plain progress lines).
pid_t spawn(const std::vector<std::string>& args, const std::string& outPath, const std::string& errPath) {
    std::vector<std::string> argv = {RDBM_RESTORE_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(out, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        std::vector<char*> cargs;
        for (std::string& a : argv) cargs.push_back(a.data());
        cargs.push_back(nullptr);
        ::execv(cargs[0], cargs.data());
        ::_exit(127);
    }
    return pid;
}

int waitFor(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

ToolRun runTool(const std::vector<std::string>& args) {
    char outName[] = "/tmp/rdbm-cli-out-XXXXXX", errName[] = "/tmp/rdbm-cli-err-XXXXXX";
    ::close(::mkstemp(outName));
    ::close(::mkstemp(errName));
    ToolRun r;
    r.exitCode = waitFor(spawn(args, outName, errName));
    r.out = readText(outName);
    r.err = readText(errName);
    ::unlink(outName);
    ::unlink(errName);
    return r;
}

cv::Mat testPhoto(int h, int w, int type = CV_8UC3) {
    cv::Mat m(h, w, type);
    cv::randu(m, 0, CV_MAT_DEPTH(type) == CV_16U ? 65536 : 256);
    return m;
}

// "'shape': (4, 40, 56, 3)" -> {4, 40, 56, 3}
std::vector<long> npyShape(const std::string& path) {
    const std::string head = readText(path).substr(0, 256);
    std::smatch m;
    std::vector<long> shape;
    if (!std::regex_search(head, m, std::regex("'shape': \\(([0-9, ]*)\\)"))) return shape;
    std::string dims = m[1];
    std::regex number("[0-9]+");
    for (auto it = std::sregex_iterator(dims.begin(), dims.end(), number); it != std::sregex_iterator(); ++it)
        shape.push_back(std::stol(it->str()));
    return shape;
}

class RestoreCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(fs::exists(kCheckpoint)) << "missing fixture " << kCheckpoint << " (ctest runs fixture_golden first)";
    }
};

} // namespace

TEST(RestoreCliBasics, UsageErrorsExitTwo) {
    ToolRun r = runTool({});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no input image"), std::string::npos) << r.err;
    r = runTool({"a.png", "b.png", "-o", "c.png", "--model", "m.pt"});
    EXPECT_EQ(r.exitCode, 2);
    r = runTool({"a.png", "-o", "c.png", "--model", "m.pt", "--steps", "zero"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--steps"), std::string::npos) << r.err;
}

TEST(RestoreCliBasics, HelpAndVersion) {
    ToolRun r = runTool({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("Usage: rdbm-restore INPUT..."), std::string::npos);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
    r = runTool({"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("rdbm-restore "), std::string::npos);
    EXPECT_NE(r.out.find("LibTorch"), std::string::npos);
}

TEST_F(RestoreCli, RestoresAndWritesAtomically) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(40, 56));
    fs::create_directory(dir / "out");
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out/res.png", "--model", kCheckpoint, "--steps", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(dir.entries("out"), std::vector<std::string>{"res.png"}); // no temporaries left
    const cv::Mat out = cv::imread(dir / "out/res.png", cv::IMREAD_UNCHANGED);
    EXPECT_EQ(out.size(), cv::Size(56, 40));
    EXPECT_EQ(out.type(), CV_8UC3);
    // Plain per-step lines: stderr is not a terminal here.
    EXPECT_NE(r.err.find("step 1/3"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("step 3/3"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("wrote"), std::string::npos) << r.err;
}

TEST_F(RestoreCli, QuietPrintsNothing) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(24, 24));
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "2", "--quiet"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "");
}

TEST_F(RestoreCli, BadImageExitsThreeAndOthersStillRun) {
    TempDir dir;
    cv::imwrite(dir / "good.png", testPhoto(32, 32));
    std::ofstream(dir / "bad.png") << "not an image";
    const ToolRun r = runTool({dir / "bad.png", dir / "good.png", "--out-dir", dir / "out", "--model", kCheckpoint,
                           "--steps", "2", "--report", dir / "report.json"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find(dir / "bad.png"), std::string::npos) << r.err;
    EXPECT_EQ(dir.entries("out"), std::vector<std::string>{"good.png"});
    const nlohmann::json report = nlohmann::json::parse(readText(dir / "report.json"));
    ASSERT_EQ(report["images"].size(), 2u);
    EXPECT_EQ(report["images"][0]["status"], "error");
    EXPECT_EQ(report["images"][1]["status"], "ok");
    EXPECT_EQ(report["exit_code"], 3);
}

TEST_F(RestoreCli, BadCheckpointExitsFour) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    std::ofstream(dir / "junk.pt") << "this is not a checkpoint";
    for (const std::string& ckpt : {dir / "junk.pt", dir / "missing.pt", kGolden + "bad_missing.pt"}) {
        const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", ckpt});
        EXPECT_EQ(r.exitCode, 4) << ckpt << "\n" << r.err;
        EXPECT_FALSE(fs::exists(dir / "out.png"));
    }
}

TEST_F(RestoreCli, NeverOverwritesAnInput) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    const std::string before = readText(dir / "in.png");
    fs::create_symlink(dir / "in.png", dir / "link.png");
    for (const std::vector<std::string>& target :
         {std::vector<std::string>{"-o", dir / "in.png"}, {"-o", dir / "link.png"}, {"--out-dir", dir / ""}}) {
        std::vector<std::string> args = {dir / "in.png", "--model", kCheckpoint, "--overwrite"};
        args.insert(args.end(), target.begin(), target.end());
        const ToolRun r = runTool(args);
        EXPECT_EQ(r.exitCode, 2) << target[1] << "\n" << r.err;
        EXPECT_NE(r.err.find("input"), std::string::npos) << r.err;
    }
    EXPECT_EQ(readText(dir / "in.png"), before);
}

TEST_F(RestoreCli, RefusesExistingOutputsUnlessOverwriting) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    std::ofstream(dir / "out.png") << "precious";
    ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "2"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    EXPECT_EQ(readText(dir / "out.png"), "precious");
    r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "2", "--overwrite"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cv::imread(dir / "out.png").size(), cv::Size(16, 16));
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"in.png", "out.png"}));
}

// --seeds (issue 11 §5): the output is the mean of the seeds' restorations, the map
// their spread, and the report and the embedded run record say so.
TEST_F(RestoreCli, SeedsWriteTheMeanAndAnUncertaintyMap) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(40, 56));
    const std::vector<std::string> common = {dir / "in.png", "--model", kCheckpoint, "--steps", "3", "--eta", "1",
                                             "--device", "cpu", "--bit-depth", "16"};
    auto run = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = common;
        args.insert(args.end(), extra.begin(), extra.end());
        return runTool(args);
    };
    ToolRun r = run({"-o", dir / "mean.png", "--seed", "7", "--seeds", "3", "--uncertainty", dir / "std.png",
                     "--report", dir / "r.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("run 3/3"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("3 seeds 7..9, std max"), std::string::npos) << r.err;

    // The mean of three separate runs, to 16-bit rounding.
    cv::Mat expected = cv::Mat::zeros(40, 56, CV_64FC3);
    for (int seed : {7, 8, 9}) {
        const std::string out = dir / ("seed" + std::to_string(seed) + ".png");
        ASSERT_EQ(run({"-o", out, "--seed", std::to_string(seed), "--quiet"}).exitCode, 0);
        cv::Mat m;
        cv::imread(out, cv::IMREAD_UNCHANGED).convertTo(m, CV_64FC3, 1.0 / 65535.0);
        expected += m / 3.0;
    }
    cv::Mat mean;
    cv::imread(dir / "mean.png", cv::IMREAD_UNCHANGED).convertTo(mean, CV_64FC3, 1.0 / 65535.0);
    ASSERT_EQ(mean.size(), expected.size());
    EXPECT_LT(cv::norm(mean, expected, cv::NORM_INF), 2.0 / 65535.0);
    cv::Mat one;
    cv::imread(dir / "seed7.png", cv::IMREAD_UNCHANGED).convertTo(one, CV_64FC3, 1.0 / 65535.0);
    EXPECT_GT(cv::norm(one, expected, cv::NORM_INF), 1e-3); // the seeds differ

    // The heat map: the image's size plus the colour bar, white where the runs agree.
    const cv::Mat map = cv::imread(dir / "std.png", cv::IMREAD_UNCHANGED);
    EXPECT_EQ(map.type(), CV_8UC3);
    EXPECT_EQ(map.rows, 160); // at least 160 px for the bar's labels
    EXPECT_GT(map.cols, 56 + 60);

    const nlohmann::json j = nlohmann::json::parse(readText(dir / "r.json"));
    const nlohmann::json& u = j["images"][0]["uncertainty"];
    EXPECT_EQ(u["seeds"], 3);
    EXPECT_EQ(u["first_seed"], 7);
    EXPECT_EQ(u["map"], dir / "std.png");
    EXPECT_GT(u["max_std"].get<double>(), 0.0);
    EXPECT_GT(u["mean_std"].get<double>(), 0.0);
    EXPECT_LE(u["mean_std"].get<double>(), u["max_std"].get<double>());
    EXPECT_LE(u["scale"].get<double>(), u["max_std"].get<double>() + 1e-9);
    EXPECT_EQ(j["images"][0]["record"]["seeds"], 3);
    EXPECT_EQ(j["images"][0]["record"]["seed"], 7);

    // Refusals, before anything is written: eta = 0, the map over the input, over an existing file.
    r = run({"-o", dir / "zero.png", "--eta", "0", "--seeds", "2", "--uncertainty", dir / "zero-std.png"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("deterministic"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "zero.png"));
    EXPECT_FALSE(fs::exists(dir / "zero-std.png"));
    const std::string before = readText(dir / "in.png");
    r = run({"-o", dir / "x.png", "--seeds", "2", "--uncertainty", dir / "in.png", "--overwrite"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("input"), std::string::npos) << r.err;
    EXPECT_EQ(readText(dir / "in.png"), before);
    r = run({"-o", dir / "x.png", "--seeds", "2", "--uncertainty", dir / "std.png"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "x.png"));
}

TEST_F(RestoreCli, TrajectoryHasAFramePerStepPlusTheInput) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(40, 56));
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "4",
                           "--trajectory", dir / "traj"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto files = dir.entries("traj");
    const auto count = [&](const std::string& prefix) {
        return std::count_if(files.begin(), files.end(), [&](const std::string& f) { return f.rfind(prefix, 0) == 0 && f.size() > prefix.size() + 4 && f.substr(f.size() - 4) == ".png"; });
    };
    EXPECT_EQ(count("xt_"), 5);
    EXPECT_EQ(count("x0_"), 4);
    EXPECT_EQ(count("pieps_"), 4);
    EXPECT_EQ(npyShape(dir / "traj/xt.npy"), (std::vector<long>{5, 40, 56, 3}));
    EXPECT_EQ(npyShape(dir / "traj/x0.npy"), (std::vector<long>{4, 40, 56, 3}));
    EXPECT_EQ(npyShape(dir / "traj/pieps.npy"), (std::vector<long>{4, 40, 56, 3}));
    // Frame 0 is the input itself.
    const cv::Mat in = cv::imread(dir / "in.png"), first = cv::imread(dir / "traj/xt_000.png");
    EXPECT_EQ(cv::norm(in, first, cv::NORM_INF), 0.0);
    // The last x_t is the output image.
    const cv::Mat out = cv::imread(dir / "out.png"), last = cv::imread(dir / "traj/xt_004.png");
    EXPECT_LE(cv::norm(out, last, cv::NORM_INF), 1.0);
    const nlohmann::json info = nlohmann::json::parse(readText(dir / "traj/trajectory.json"));
    EXPECT_EQ(info["t"], (std::vector<int>{99, 74, 49, 24}));
}

TEST_F(RestoreCli, TrajectoriesOfSeveralInputsGetAFolderEach) {
    TempDir dir;
    cv::imwrite(dir / "a.png", testPhoto(16, 24));
    cv::imwrite(dir / "a.jpg", testPhoto(24, 16));
    const ToolRun r = runTool({dir / "a.png", dir / "a.jpg", "--out-dir", dir / "out", "--model", kCheckpoint,
                               "--steps", "2", "--trajectory", dir / "traj"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(dir.entries("traj"), (std::vector<std::string>{"a.jpg", "a.png"}));
    EXPECT_EQ(npyShape(dir / "traj/a.png/xt.npy"), (std::vector<long>{3, 16, 24, 3}));
    EXPECT_EQ(npyShape(dir / "traj/a.jpg/xt.npy"), (std::vector<long>{3, 24, 16, 3}));
}

TEST_F(RestoreCli, ReportHoldsTimingsMetricsAndModel) {
    TempDir dir;
    const cv::Mat photo = testPhoto(40, 56);
    cv::imwrite(dir / "in.png", photo);
    cv::imwrite(dir / "gt.png", photo); // input == reference: input PSNR is infinite
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "3",
                           "--reference", dir / "gt.png", "--report", dir / "r.json", "--device", "cpu"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(readText(dir / "r.json"));
    EXPECT_EQ(j["exit_code"], 0);
    EXPECT_EQ(j["device"]["resolved"], "cpu");
    EXPECT_EQ(j["sampler"]["steps"], 3);
    EXPECT_EQ(j["model"]["architecture"]["dim"], 8);
    EXPECT_GT(j["model"]["parameters"].get<long long>(), 0);
    EXPECT_GT(j["timings"]["load_s"].get<double>(), 0.0);
    ASSERT_EQ(j["images"].size(), 1u);
    const nlohmann::json& img = j["images"][0];
    EXPECT_EQ(img["input"], dir / "in.png");
    EXPECT_EQ(img["output"], dir / "out.png");
    EXPECT_EQ(img["width"], 56);
    EXPECT_EQ(img["height"], 40);
    EXPECT_EQ(img["timings"]["per_step_s"].size(), 3u);
    EXPECT_EQ(img["network_calls"], 3);
    EXPECT_EQ(img["tile_size"], 0); // one call
    EXPECT_DOUBLE_EQ(img["processed_area_ratio"].get<double>(), 1.0);
    EXPECT_TRUE(img["metrics"]["input"]["psnr_db"].is_null()); // +inf
    EXPECT_DOUBLE_EQ(img["metrics"]["input"]["ssim"].get<double>(), 1.0);
    const double outPsnr = img["metrics"]["output"]["psnr_db"].get<double>();
    EXPECT_GT(outPsnr, 0.0);
    EXPECT_LT(outPsnr, 100.0);
    EXPECT_TRUE(j["versions"]["libtorch"].is_string());
}

TEST_F(RestoreCli, ReportCountsTheAreaTilesProcess) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(40, 56));
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "2",
                               "--tile", "32", "--overlap", "8", "--report", dir / "r.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json img = nlohmann::json::parse(readText(dir / "r.json"))["images"][0];
    EXPECT_EQ(img["tile_size"], 32);
    // 2 x 2 tiles of 32x32 over 40x56 pixels, plus the global-context call on the photo
    // downscaled by 2 (20x28) with its 8-pixel margins (36x44).
    EXPECT_EQ(img["tiles_per_call"], 4);
    EXPECT_NEAR(img["processed_area_ratio"].get<double>(), (4.0 * 32 * 32 + 36.0 * 44) / (40.0 * 56), 1e-9);
}

TEST_F(RestoreCli, GreyAndSixteenBitInputsKeepTheirKind) {
    TempDir dir;
    cv::imwrite(dir / "grey.png", testPhoto(24, 32, CV_8UC1));
    cv::imwrite(dir / "deep.png", testPhoto(24, 32, CV_16UC3));
    const ToolRun r = runTool({dir / "grey.png", dir / "deep.png", "--out-dir", dir / "out", "--model", kCheckpoint,
                           "--steps", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cv::imread(dir / "out/grey.png", cv::IMREAD_UNCHANGED).type(), CV_8UC1);
    EXPECT_EQ(cv::imread(dir / "out/deep.png", cv::IMREAD_UNCHANGED).type(), CV_16UC3);
    const ToolRun eight = runTool({dir / "deep.png", "-o", dir / "deep8.png", "--model", kCheckpoint, "--steps", "2",
                               "--bit-depth", "8"});
    ASSERT_EQ(eight.exitCode, 0) << eight.err;
    EXPECT_EQ(cv::imread(dir / "deep8.png", cv::IMREAD_UNCHANGED).type(), CV_8UC3);
}

TEST_F(RestoreCli, InterruptCancelsWithExitFive) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(192, 192));
    const std::string err = dir / "stderr.txt";
    const pid_t pid = spawn({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "100"},
                            dir / "stdout.txt", err);
    // Interrupt once the first step has been reported.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (readText(err).find("step 1/100") == std::string::npos && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGINT);
    EXPECT_EQ(waitFor(pid), 5) << readText(err);
    EXPECT_FALSE(fs::exists(dir / "out.png"));
    EXPECT_EQ(readText(err).find("step 100/100"), std::string::npos);
    EXPECT_NE(readText(err).find("cancel"), std::string::npos) << readText(err);
}

// --- issue 15: hostile files ----------------------------------------------------------

namespace {

const std::string kHostile = RDBM_FIXTURE_DIR "/hostile/";

// runTool with a deadline: a hang is killed and reported as exit code -2.
ToolRun runToolWithin(const std::vector<std::string>& args, double seconds) {
    char outName[] = "/tmp/rdbm-cli-out-XXXXXX", errName[] = "/tmp/rdbm-cli-err-XXXXXX";
    ::close(::mkstemp(outName));
    ::close(::mkstemp(errName));
    const pid_t pid = spawn(args, outName, errName);
    ToolRun r;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.exitCode = -2;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (r.exitCode != -2) r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readText(outName);
    r.err = readText(errName);
    ::unlink(outName);
    ::unlink(errName);
    return r;
}

// The golden checkpoint's tensors with `change` applied to every float value, as safetensors.
std::string alteredCheckpoint(const std::string& path, const std::function<float(size_t, float)>& change) {
    auto contents = rdbm::checkpoint::readCheckpoint(kCheckpoint);
    size_t index = 0;
    for (auto& [name, t] : contents.tensors) {
        std::vector<float> v = t.toFloat32();
        for (float& x : v) x = change(index++, x);
        std::vector<unsigned char> bytes(v.size() * 4);
        std::memcpy(bytes.data(), v.data(), bytes.size());
        t = rdbm::checkpoint::makeContiguous(rdbm::checkpoint::DType::F32, t.shape, bytes);
    }
    rdbm::checkpoint::writeSafetensors(path, contents.tensors, {}, true);
    return path;
}

} // namespace

TEST_F(RestoreCli, TorchScriptIsNeverLoadedUnlessAskedAndThenInAChild) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    for (const char* name : {"runs-setstate.pt", "runs-forward.pt"}) {
        const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kHostile + name});
        EXPECT_EQ(r.exitCode, 4) << r.err;
        EXPECT_EQ((r.out + r.err).find("RDBM-HOSTILE"), std::string::npos) << r.out << r.err; // no code ran
        EXPECT_NE(r.err.find("such files contain code that runs when they are loaded"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("--allow-torchscript"), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(dir / "out.png"));
    }
    // Asked for: a working export restores; crafted ones that crash LibTorch are one error.
    ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kGolden + "traced.pt", "--steps", "2",
                         "--allow-torchscript"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    for (const char* name : {"crash-reduce.pt", "crash-persid.pt"}) {
        r = runTool({dir / "in.png", "-o", dir / "crash.png", "--model", kHostile + name, "--allow-torchscript"});
        EXPECT_EQ(r.exitCode, 4) << r.err;
        EXPECT_NE(r.err.find("crashed the loader (signal 11, SIGSEGV) in a separate process"), std::string::npos)
            << r.err;
        EXPECT_FALSE(fs::exists(dir / "crash.png"));
    }
}

TEST_F(RestoreCli, NonFiniteWeightsExitFourNamingTheTensor) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    const std::string nan = alteredCheckpoint(dir / "nan.safetensors", [](size_t, float) { return std::nanf(""); });
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", nan});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.err.find("NaN and 0 infinite values"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("tensor '"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.png"));
}

TEST_F(RestoreCli, NonFinitePredictionExitsOneNamingTheStep) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    // Finite but enormous weights: the network's output overflows to infinity.
    const std::string huge = alteredCheckpoint(dir / "huge.safetensors", [](size_t, float) { return 3e38f; });
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", huge, "--steps", "2"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("step 1 of 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("NaN or infinite"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.png"));
}

TEST_F(RestoreCli, LambdaHasTheMetadataRange) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--lambda", "1e308",
                               "--eta", "1"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--lambda must be in (0, 100]"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.png"));
}

TEST_F(RestoreCli, ANamedPipeAsModelDoesNotHang) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    ASSERT_EQ(::mkfifo((dir / "model.pt").c_str(), 0600), 0);
    const ToolRun r = runToolWithin({dir / "in.png", "-o", dir / "out.png", "--model", dir / "model.pt"}, 30);
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.err.find("is not a regular file"), std::string::npos) << r.err;
}

TEST_F(RestoreCli, ReportOnTheOutputIsRefusedBeforeAnythingIsWritten) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    std::ofstream(dir / "out.png") << "precious";
    for (const std::string& report : {dir / "out.png", dir / "./sub/../out.png"}) {
        fs::create_directories(dir / "sub");
        const ToolRun r = runTool({dir / "in.png", "-o", dir / "out.png", "--model", kCheckpoint, "--steps", "2",
                                   "--report", report, "--overwrite"});
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("is also an output image"), std::string::npos) << r.err;
        EXPECT_EQ(readText(dir / "out.png"), "precious");
    }
}

TEST_F(RestoreCli, OverwriteNeverReplacesDevicesOrPipes) {
    TempDir dir;
    cv::imwrite(dir / "in.png", testPhoto(16, 16));
    ASSERT_EQ(::mkfifo((dir / "pipe.png").c_str(), 0600), 0);
    fs::create_symlink("/dev/null", dir / "null.png");
    for (const std::string& out : {dir / "pipe.png", dir / "null.png"}) {
        const ToolRun r = runToolWithin({dir / "in.png", "-o", out, "--model", kCheckpoint, "--steps", "2",
                                         "--overwrite"}, 60);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("is not a regular file"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_fifo(dir / "pipe.png"));
    EXPECT_TRUE(fs::is_symlink(dir / "null.png"));
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

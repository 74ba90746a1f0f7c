// rdbm-restore on folders and the metadata of its outputs (issue 11): --recursive keeps
// relative paths, existing outputs are skipped (per file) unless --overwrite, a summary
// closes the run; the input's ICC profile and GPS EXIF survive a restoration, and the
// run record is embedded and, with --record, written beside the output.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "BatchPlan.h"
#include "ExifOrientation.h"
#include "Options.h"
#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/RestoreRecord.h"
#include "rdbm/Sha256.h"

namespace fs = std::filesystem;
using namespace rdbm;

namespace {

const std::string kCheckpoint = RDBM_FIXTURE_DIR "/golden/state_dict.pt";
const std::string kSamples = RDBM_FIXTURE_DIR "/metadata_samples/";

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rdbm-restore-batch-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    // Every regular file below `sub`, relative to it, sorted.
    std::vector<std::string> files(const std::string& sub) const {
        std::vector<std::string> names;
        for (const auto& e : fs::recursive_directory_iterator(path_ / sub))
            if (e.is_regular_file()) names.push_back(e.path().lexically_relative(path_ / sub).generic_string());
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
    std::string err;
};

// The executable with stderr in a file (no terminal: plain lines).
ToolRun runTool(std::vector<std::string> args) {
    args.insert(args.begin(), RDBM_RESTORE_EXE);
    char errName[] = "/tmp/rdbm-batch-err-XXXXXX";
    ::close(::mkstemp(errName));
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int err = ::open(errName, O_WRONLY | O_TRUNC);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        std::vector<char*> cargs;
        for (std::string& a : args) cargs.push_back(a.data());
        cargs.push_back(nullptr);
        ::execv(cargs[0], cargs.data());
        ::_exit(127);
    }
    int status = 0;
    ToolRun r;
    if (::waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    r.err = readText(errName);
    ::unlink(errName);
    return r;
}

std::vector<std::string> restoreArgs(std::vector<std::string> args) {
    args.insert(args.end(), {"--model", kCheckpoint, "--steps", "2"});
    return args;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// IFD0 of a TIFF-structured EXIF block holds `tag`.
bool ifd0HasTag(const std::vector<std::uint8_t>& exif, std::uint16_t tag) {
    if (exif.size() < 8) return false;
    const bool be = exif[0] == 'M';
    const auto u16 = [&](size_t at) { return be ? exif[at] << 8 | exif[at + 1] : exif[at + 1] << 8 | exif[at]; };
    const size_t ifd = be ? size_t(u16(4)) << 16 | u16(6) : size_t(u16(6)) << 16 | u16(4);
    for (size_t i = 0; ifd + 2 + 12 * i + 12 <= exif.size() && i < size_t(u16(ifd)); ++i)
        if (u16(ifd + 2 + 12 * i) == tag) return true;
    return false;
}

class RestoreBatch : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(fs::exists(kCheckpoint)) << "missing fixture " << kCheckpoint;
        ASSERT_TRUE(fs::exists(kSamples + "photo.png")) << "missing fixture " << kSamples;
    }
};

} // namespace

TEST_F(RestoreBatch, FolderRecursiveKeepsRelativePathsAndSkipsExisting) {
    TempDir dir;
    fs::create_directories(dir / "in/sub/deeper");
    fs::create_directories(dir / "in/.cache");
    fs::copy_file(kSamples + "photo.png", dir / "in/a.png");
    fs::copy_file(kSamples + "photo.jpg", dir / "in/sub/b.jpg");
    fs::copy_file(kSamples + "photo.webp", dir / "in/sub/deeper/c.webp");
    fs::copy_file(kSamples + "photo.png", dir / "in/.cache/hidden.png");
    std::ofstream(dir / "in/notes.txt") << "not an image";
    const std::string inputBytes = readText(dir / "in/sub/b.jpg");
    const std::vector<std::string> expected = {"a.png", "sub/b.jpg", "sub/deeper/c.webp"};

    // Flat: the folder's own images only.
    ToolRun r = runTool(restoreArgs({dir / "in", "--out-dir", dir / "flat"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(dir.files("flat"), std::vector<std::string>{"a.png"});

    // Recursive, with the output folder inside the input folder: earlier results never
    // become inputs, hidden folders are left out.
    const std::string out = dir / "in/restored";
    r = runTool(restoreArgs({dir / "in", "--recursive", "--out-dir", out}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(dir.files("in/restored"), expected);
    EXPECT_NE(r.err.find("summary: 3 done, 0 skipped, 0 failed of 3 in "), std::string::npos) << r.err;
    const std::string firstB = readText(out + "/sub/b.jpg");

    // Again: every output exists, each is named as skipped, nothing is rewritten.
    r = runTool(restoreArgs({dir / "in", "--recursive", "--out-dir", out}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(count(r.err, "already exists (--overwrite replaces it)"), 3u) << r.err;
    EXPECT_NE(r.err.find("skipping " + dir / "in/sub/b.jpg"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("summary: 0 done, 3 skipped, 0 failed"), std::string::npos) << r.err;
    EXPECT_EQ(dir.files("in/restored"), expected);

    // One output removed: only it is made again.
    fs::remove(out + "/sub/deeper/c.webp");
    r = runTool(restoreArgs({dir / "in", "--recursive", "--out-dir", out}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("summary: 1 done, 2 skipped, 0 failed"), std::string::npos) << r.err;
    EXPECT_EQ(dir.files("in/restored"), expected);

    // --overwrite replaces them all (a different seed and eta give different bytes).
    r = runTool(restoreArgs({dir / "in", "--recursive", "--out-dir", out, "--overwrite", "--eta", "1", "--seed", "7"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("summary: 3 done, 0 skipped, 0 failed"), std::string::npos) << r.err;
    EXPECT_NE(readText(out + "/sub/b.jpg"), firstB);
    EXPECT_EQ(readText(dir / "in/sub/b.jpg"), inputBytes) << "an input was modified";
    EXPECT_FALSE(fs::exists(dir / "in/.cache/restored"));
}

// A damaged photo in a folder fails on its own: the others are restored, the summary
// counts it, the exit code says "bad image", and the report records every image.
TEST_F(RestoreBatch, ABadImageIsCountedAndTheRestRun) {
    TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(kSamples + "photo.png", dir / "in/a.png");
    fs::copy_file(kSamples + "photo.jpg", dir / "in/c.jpg");
    const std::string png = readText(kSamples + "photo.png");
    std::ofstream(dir / "in/b.png", std::ios::binary) << png.substr(0, png.size() / 2);
    const ToolRun r = runTool(restoreArgs({dir / "in", "--out-dir", dir / "out", "--report", dir / "r.json"}));
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("summary: 2 done, 0 skipped, 1 failed of 3 in "), std::string::npos) << r.err;
    EXPECT_EQ(dir.files("out"), (std::vector<std::string>{"a.png", "c.jpg"}));
    const nlohmann::json j = nlohmann::json::parse(readText(dir / "r.json"));
    ASSERT_EQ(j["images"].size(), 3u);
    EXPECT_EQ(j["images"][1]["status"], "error");
    EXPECT_EQ(j["images"][2]["status"], "ok");
    EXPECT_EQ(j["images"][2]["record"]["model_sha256"], sha256File(kCheckpoint));
}

TEST_F(RestoreBatch, FolderRefusals) {
    TempDir dir;
    fs::create_directories(dir / "empty/sub");
    fs::copy_file(kSamples + "photo.png", dir / "empty/sub/x.png");
    ToolRun r = runTool(restoreArgs({dir / "empty", "--out-dir", dir / "out"}));
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("no images to restore"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--recursive"), std::string::npos) << r.err;
    r = runTool(restoreArgs({dir / "empty", "-o", dir / "out.png"}));
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
    // The folder's x.png and a file input named x.png would collide in --out-dir.
    fs::copy_file(kSamples + "photo.png", dir / "x.png");
    fs::create_directories(dir / "flat");
    fs::copy_file(kSamples + "photo.png", dir / "flat/x.png");
    r = runTool(restoreArgs({dir / "flat", dir / "x.png", "--out-dir", dir / "out"}));
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("would both be written to"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out/x.png"));
}

TEST_F(RestoreBatch, ProfileExifAndRecordSurviveARestoration) {
    TempDir dir;
    const std::vector<std::uint8_t> icc = readImage(kSamples + "photo.png").metadata.iccProfile;
    ASSERT_EQ(icc.size(), fs::file_size(kSamples + "wide_gamut.icc"));
    const std::string sha = sha256File(kCheckpoint);
    for (const char* name : {"photo.jpg", "photo.png", "photo.webp"}) {
        SCOPED_TRACE(name);
        const std::string out = dir / (std::string("out-") + name);
        const ToolRun r =
            runTool(restoreArgs({kSamples + name, "-o", out, "--record", "--seed", "42", "--eta", "0.5"}));
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const Image back = readImage(out);
        EXPECT_EQ(back.metadata.iccProfile, icc) << "the profile is kept byte for byte";
        EXPECT_TRUE(ifd0HasTag(back.metadata.exif, 0x8825)) << "GPS";
        size_t at = 0;
        EXPECT_EQ(exifOrientationFromTiff(back.metadata.exif.data(), back.metadata.exif.size(), &at), 1);
        EXPECT_NE(at, 0u);
        EXPECT_EQ(back.rgb.cols, 32);
        const std::optional<RestoreRecord> record = readRestoreRecord(out);
        ASSERT_TRUE(record.has_value());
        EXPECT_EQ(record->modelFile, kCheckpoint);
        EXPECT_EQ(record->modelSha256, sha);
        EXPECT_EQ(record->method, "rdbm");
        EXPECT_EQ(record->steps, 2);
        EXPECT_EQ(record->seed, 42u);
        EXPECT_EQ(record->eta, 0.5);
        EXPECT_EQ(record->device, "cpu");
        EXPECT_EQ(record->time.size(), 20u) << record->time;
        // The file beside it holds the same record.
        const RestoreRecord beside = restoreRecordFromJson(readText(out + ".json"), out + ".json");
        EXPECT_EQ(toJson(beside), toJson(*record));
    }
}

TEST_F(RestoreBatch, TiffKeepsEverythingBmpSaysWhatItCannotCarry) {
    TempDir dir;
    ToolRun r = runTool(restoreArgs({kSamples + "photo.jpg", "-o", dir / "out.tif"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err.find("cannot carry"), std::string::npos) << r.err;
    const Image tiff = readImage(dir / "out.tif");
    EXPECT_EQ(tiff.metadata.iccProfile, readImage(kSamples + "photo.jpg").metadata.iccProfile);
    EXPECT_TRUE(ifd0HasTag(tiff.metadata.exif, 0x8825)) << "GPS";
    EXPECT_TRUE(readRestoreRecord(dir / "out.tif").has_value());
    EXPECT_FALSE(fs::exists(dir / "out.tif.json")) << "only with --record";
    r = runTool(restoreArgs({kSamples + "photo.jpg", "-o", dir / "out.bmp"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("BMP output cannot carry the ICC profile, the EXIF data, the run record"), std::string::npos)
        << r.err;
}

TEST(RestoreBatchOptions, FlagsAndFolderPlan) {
    using namespace rdbm::cli;
    TempDir dir;
    fs::create_directories(dir / "in/b/c");
    for (const char* f : {"in/z.png", "in/b/y.jpg", "in/b/c/x.webp", "in/b/readme.txt", "in/.x.png.tmp-1.png"})
        std::ofstream(dir / f) << "x";
    RestoreOptions o = parseRestoreOptions({dir / "in", "--out-dir", dir / "out/", "--model", "m.pt"});
    EXPECT_FALSE(o.recursive);
    EXPECT_FALSE(o.record);
    std::vector<PlannedImage> plan = planImages(o);
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].output, dir / "out/z.png");

    o = parseRestoreOptions(
        {dir / "in", dir / "in/z.png", "--recursive", "--record", "--out-dir", dir / "out", "--model", "m.pt"});
    EXPECT_TRUE(o.recursive);
    EXPECT_TRUE(o.record);
    EXPECT_THROW(planImages(o), Error) << "z.png twice";
    o.inputs = {dir / "in"};
    plan = planImages(o);
    std::vector<std::string> names;
    for (const PlannedImage& p : plan) names.push_back(p.name);
    EXPECT_EQ(names, (std::vector<std::string>{"b/c/x.webp", "b/y.jpg", "z.png"}));
    EXPECT_EQ(plan[1].input, dir / "in/b/y.jpg");
    EXPECT_EQ(plan[1].output, dir / "out/b/y.jpg");

    EXPECT_THROW(parseRestoreOptions({dir / "in", "-o", dir / "o.png", "--model", "m.pt"}), Error);
    EXPECT_THROW(
        parseRestoreOptions({dir / "in", "--out-dir", dir / "o", "--reference", dir / "in/z.png", "--model", "m.pt"}),
        Error);
    EXPECT_THROW(parseRestoreOptions({"a.png", "--recursive=yes", "-o", "b.png", "--model", "m.pt"}), Error);
}

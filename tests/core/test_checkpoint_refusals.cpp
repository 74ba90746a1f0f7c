// Every malformed file gives one Error(Checkpoint) naming the file and the problem,
// never a crash; nothing in a forbidden pickle is ever run.
#include <gtest/gtest.h>

#include <filesystem>

#include "checkpoint/CheckpointReader.h"
#include "rdbm/Error.h"
#include "test_checkpoint_expect.h"

using namespace rdbm::checkpoint;
using checkpoint_test::fixture;

namespace {

struct Case {
    const char* file;
    const char* words; // must appear in the message
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

const Case kCases[] = {
    {"empty.pt", "empty file"},
    {"truncated.pt", "truncated"},
    {"garbage.bin", "not a PyTorch zip archive, safetensors file"},
    {"legacy.pt", "legacy (pre-1.6) format, re-save with PyTorch >= 1.6"},
    {"no_data_pkl.pt", "no data.pkl"},
    {"corrupt_pickle.pt", "corrupt pickle (unexpected end of data"},
    {"bad_opcode.pt", "unsupported opcode 0xff"},
    {"bad_memo.pt", "memo key 7 is not defined"},
    {"top_level_list.pt", "holds a list, not a dict"},
    {"deep_nesting.pt", "nested deeper than"},
    {"forbidden_global.pt", "refuses to load global 'os.system' (only tensor rebuild functions, storage types and "
                            "OrderedDict are allowed)"},
    {"forbidden_stack_global.pt", "refuses to load global 'builtins.eval'"},
    {"pickled_module.pt", "refuses to load global '__main__.Small'"},
    {"missing_storage.pt", "is missing from the archive"},
    {"storage_too_small.pt", "does not fit its storage"},
    {"crc_mismatch.pt", "CRC mismatch"},
    {"st_header_past_eof.safetensors", "header length 1000000 runs past the end of the file"},
    {"st_bad_json.safetensors", "bad safetensors JSON header"},
    {"st_overlap.safetensors", "overlap"},
    {"st_offsets_past_end.safetensors", "outside the data section"},
    {"st_size_mismatch.safetensors", "need 16 bytes"},
    {"st_bad_dtype.safetensors", "unsupported dtype 'C64'"},
    {"does_not_exist.pt", "no such file"},
};

} // namespace

class CheckpointRefusals : public ::testing::TestWithParam<Case> {};

TEST_P(CheckpointRefusals, OneClearMessageNamingFileAndProblem) {
    const Case& c = GetParam();
    const std::string path = fixture(c.file);
    if (std::string(c.file) != "does_not_exist.pt") {
        ASSERT_TRUE(std::filesystem::exists(path)) << "fixture missing: " << path;
    }
    try {
        readCheckpoint(path);
        FAIL() << c.file << " was accepted";
    } catch (const rdbm::Error& e) {
        const std::string msg = e.what();
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Checkpoint);
        EXPECT_EQ(msg.rfind(path + ": ", 0), 0u) << msg; // starts with the file
        EXPECT_EQ(msg.find(path, 1), std::string::npos) << "file named twice: " << msg;
        EXPECT_NE(msg.find(c.words), std::string::npos) << msg;
    }
}

INSTANTIATE_TEST_SUITE_P(Malformed, CheckpointRefusals, ::testing::ValuesIn(kCases),
                         // Not named `info`: the macro's own parameter has that name (-Wshadow).
                         [](const ::testing::TestParamInfo<Case>& testInfo) {
                             std::string n = testInfo.param.file;
                             for (char& ch : n)
                                 if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return n;
                         });

TEST(CheckpointRefusalsExtra, DirectoryIsNotACheckpoint) {
    try {
        readCheckpoint(RDBM_FIXTURE_DIR "/ckpt");
        FAIL();
    } catch (const rdbm::Error& e) {
        EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
    }
}

TEST(CheckpointRefusalsExtra, EveryPrefixOfAValidArchiveFailsCleanly) {
    // Cut a real checkpoint at many lengths: each must give an Error, never a crash or hang.
    const std::string src = fixture("state_dict.pt");
    std::ifstream f(src, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    ASSERT_GT(bytes.size(), 1000u);
    const auto dir = std::filesystem::temp_directory_path() / "rdbm_ckpt_prefix_test";
    std::filesystem::create_directories(dir);
    const std::string cut = (dir / "cut.pt").string();
    int failures = 0;
    for (size_t len = 1; len < bytes.size(); len += 97) {
        {
            std::ofstream o(cut, std::ios::binary | std::ios::trunc);
            o.write(bytes.data(), static_cast<std::streamsize>(len));
        }
        try {
            readCheckpoint(cut);
        } catch (const rdbm::Error& e) {
            EXPECT_EQ(e.kind(), rdbm::ErrorKind::Checkpoint);
            ++failures;
        }
    }
    EXPECT_EQ(failures, static_cast<int>((bytes.size() - 2) / 97 + 1));
    std::filesystem::remove_all(dir);
}

TEST(CheckpointRefusalsExtra, FlippedBytesNeverCrash) {
    // Every byte of data.pkl's region corrupted in turn: an Error or (rarely) a valid but
    // different result, never a crash.
    const std::string src = fixture("state_dict.pt");
    std::ifstream f(src, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto dir = std::filesystem::temp_directory_path() / "rdbm_ckpt_flip_test";
    std::filesystem::create_directories(dir);
    const std::string bad = (dir / "flip.pt").string();
    int errors = 0;
    for (size_t i = 0; i < bytes.size(); i += 13) {
        std::string b = bytes;
        b[i] = static_cast<char>(b[i] ^ 0x5a);
        {
            std::ofstream o(bad, std::ios::binary | std::ios::trunc);
            o.write(b.data(), static_cast<std::streamsize>(b.size()));
        }
        try {
            readCheckpoint(bad);
        } catch (const rdbm::Error& e) {
            EXPECT_EQ(e.kind(), rdbm::ErrorKind::Checkpoint);
            ++errors;
        }
    }
    EXPECT_GT(errors, 0);
    std::filesystem::remove_all(dir);
}

// ICC profile, EXIF and run record through readImage/writeImage (issue 11): photos
// written by Pillow with a non-sRGB profile and GPS EXIF keep both, byte for byte,
// in PNG, JPEG, WebP and TIFF; Pillow reads our outputs back the same.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ExifOrientation.h"
#include "metadata/EmbeddedMetadata.h"
#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/RestoreRecord.h"
#include "rdbm/Sha256.h"

namespace fs = std::filesystem;
using namespace rdbm;

namespace {

const std::string kSamples = RDBM_FIXTURE_DIR "/metadata_samples/";

std::vector<std::uint8_t> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rdbm-metadata-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

// IFD0 of a TIFF-structured EXIF block holds `tag`.
bool ifd0HasTag(const std::vector<std::uint8_t>& exif, std::uint16_t tag) {
    if (exif.size() < 8) return false;
    const bool be = exif[0] == 'M';
    const auto u16 = [&](size_t at) { return be ? exif[at] << 8 | exif[at + 1] : exif[at + 1] << 8 | exif[at]; };
    const auto u32 = [&](size_t at) {
        return be ? std::uint32_t(u16(at)) << 16 | u16(at + 2) : std::uint32_t(u16(at + 2)) << 16 | u16(at);
    };
    const size_t ifd = u32(4);
    if (ifd + 2 > exif.size()) return false;
    const size_t n = static_cast<size_t>(u16(ifd));
    for (size_t i = 0; i < n && ifd + 2 + 12 * i + 12 <= exif.size(); ++i)
        if (u16(ifd + 2 + 12 * i) == tag) return true;
    return false;
}

RestoreRecord sampleRecord() {
    RestoreRecord r;
    r.modelFile = "models/rdbm-derain-64.pt";
    r.modelSha256 = sha256Hex("model", 5);
    r.method = "rdbm";
    r.objective = "x0";
    r.pi = "residual";
    r.steps = 10;
    r.eta = 0.5;
    r.piNoise = "one";
    r.seed = 18446744073709551615ull;
    r.tileSize = 256;
    r.tileOverlap = 16;
    r.device = "cpu";
    r.version = "1.2.3";
    r.time = "2026-12-02T18:11:28Z";
    return r;
}

} // namespace

TEST(Sha256, KnownDigests) {
    EXPECT_EQ(sha256Hex("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; // two blocks
    EXPECT_EQ(sha256Hex(two.data(), two.size()), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    TempDir dir;
    const std::string big(3 << 20, 'a'); // several of the file reader's 1 MiB blocks
    std::ofstream(dir / "f.bin", std::ios::binary) << big;
    EXPECT_EQ(sha256File(dir / "f.bin"), sha256Hex(big.data(), big.size()));
    EXPECT_THROW(sha256File(dir / "missing.bin"), Error);
}

TEST(ImageMetadata, ReadFromEachFormat) {
    const auto icc = readBytes(kSamples + "wide_gamut.icc");
    ASSERT_GT(icc.size(), 128u);
    for (const char* name : {"photo.jpg", "photo.png", "photo.webp", "photo.tif"}) {
        SCOPED_TRACE(name);
        const Image img = readImage(kSamples + name);
        EXPECT_EQ(img.metadata.iccProfile, icc);
        if (std::string(name) == "photo.tif") continue; // Pillow writes no EXIF to TIFF
        ASSERT_FALSE(img.metadata.exif.empty());
        EXPECT_TRUE(ifd0HasTag(img.metadata.exif, 0x8825)) << "GPS IFD pointer";
        size_t at = 0;
        EXPECT_EQ(exifOrientationFromTiff(img.metadata.exif.data(), img.metadata.exif.size(), &at), 1);
        EXPECT_NE(at, 0u) << "the Orientation tag is kept, with value 1";
        EXPECT_EQ(img.rgb.cols, 32) << "orientation 6 was applied";
    }
}

// A TIFF's own descriptive tags (here Orientation 6) come back as an EXIF block. Found
// by fuzz_image under clang: the EXIF header's offset was written through a pointer taken
// before the IFD was appended, which may reallocate the buffer (GCC happened to evaluate
// the arguments the other way round, so only a clang ASan build saw it).
TEST(ImageMetadata, TiffTagsBecomeExifWithoutDanglingWrites) {
    const Image img = readImage(RDBM_TEST_DATA_DIR "/orientation6-grey16.tif");
    EXPECT_EQ(img.rgb.cols, 30) << "the 50x30 photo was turned upright";
    EXPECT_EQ(img.rgb.rows, 50);
    ASSERT_GE(img.metadata.exif.size(), 8u);
    EXPECT_EQ(img.metadata.exif[0], 'I');
    size_t at = 0;
    EXPECT_EQ(exifOrientationFromTiff(img.metadata.exif.data(), img.metadata.exif.size(), &at), 1);
    EXPECT_NE(at, 0u) << "the Orientation tag is kept, with value 1";
}

TEST(ImageMetadata, WrittenOutputsKeepProfileAndExif) {
    TempDir dir;
    const auto icc = readBytes(kSamples + "wide_gamut.icc");
    const Image photo = readImage(kSamples + "photo.jpg");
    for (const char* ext : {"png", "jpg", "webp", "tif"}) {
        SCOPED_TRACE(ext);
        const std::string out = dir / (std::string("out.") + ext);
        const std::vector<std::string> notes = writeImage(out, photo);
        const Image back = readImage(out);
        EXPECT_EQ(back.metadata.iccProfile, icc);
        EXPECT_EQ(back.rgb.size(), photo.rgb.size());
        EXPECT_TRUE(notes.empty()) << notes.front();
        // TIFF keeps the EXIF as tags of its own IFD0 (rebuilt on reading), the rest as is.
        if (std::string(ext) != "tif") {
            EXPECT_EQ(back.metadata.exif, photo.metadata.exif);
        }
        EXPECT_TRUE(ifd0HasTag(back.metadata.exif, 0x010F)) << "Make";
        EXPECT_TRUE(ifd0HasTag(back.metadata.exif, 0x8825));
        EXPECT_EQ(exifOrientationFromTiff(back.metadata.exif.data(), back.metadata.exif.size()), 1);
    }
    // An independent reader (Pillow) sees the same profile, the GPS data and orientation 1.
    const std::string check = "/usr/bin/python3 -c \"import sys; from PIL import Image\n"
                              "p = open(sys.argv[1], 'rb').read()\n"
                              "for f in sys.argv[2:]:\n"
                              "    im = Image.open(f); e = im.getexif(); g = e.get_ifd(0x8825)\n"
                              "    assert im.info.get('icc_profile') == p, f + ': profile'\n"
                              "    assert g.get(1) == 'N' and g.get(3) == 'E', f + ': GPS'\n"
                              "    assert e.get(0x0112) == 1, f + ': orientation'\n"
                              "    assert im.size == (32, 48), f + ': size'\n\" " +
                              kSamples + "wide_gamut.icc " + dir / "out.png" + " " + dir / "out.jpg" + " " +
                              dir / "out.webp" + " " + dir / "out.tif";
    EXPECT_EQ(std::system(check.c_str()), 0);
}

TEST(ImageMetadata, KeepMetadataOffAndBmpSayWhatIsLost) {
    TempDir dir;
    const Image photo = readImage(kSamples + "photo.png");
    WriteOptions bare;
    bare.keepMetadata = false;
    EXPECT_TRUE(writeImage(dir / "bare.png", photo, bare).empty());
    EXPECT_TRUE(readImage(dir / "bare.png").metadata.empty());
    const std::vector<std::string> notes = writeImage(dir / "out.bmp", photo);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find("BMP output cannot carry the ICC profile, the EXIF data"), std::string::npos) << notes[0];
}

// A forged EXIF block whose EXIF, GPS and interoperability pointers all lead back to
// IFD0 (and repeat): copying it into a TIFF stops at the depth limit, stays small and
// leaves a readable file.
TEST(ImageMetadata, LoopingExifIntoTiffStaysBounded) {
    std::vector<std::uint8_t> exif = {'I', 'I', 42, 0, 8, 0, 0, 0};
    const std::uint16_t count = 200;
    exif.push_back(count & 0xFF);
    exif.push_back(count >> 8);
    for (int i = 0; i < count; ++i) {
        const std::uint16_t tags[] = {34665, 34853, 40965};
        const std::uint16_t tag = tags[i % 3];
        const std::uint8_t entry[12] = {std::uint8_t(tag & 0xFF), std::uint8_t(tag >> 8), 4, 0, 1, 0, 0, 0, 8, 0, 0, 0};
        exif.insert(exif.end(), entry, entry + 12);
    }
    exif.insert(exif.end(), {0, 0, 0, 0});
    Image img = readImage(kSamples + "photo.png");
    img.metadata.exif = exif;
    TempDir dir;
    EXPECT_TRUE(writeImage(dir / "loop.tif", img).empty());
    EXPECT_LT(fs::file_size(dir / "loop.tif"), 64u * 1024u);
    EXPECT_EQ(readImage(dir / "loop.tif").rgb.size(), img.rgb.size());
}

// The metadata readers see whatever a file holds: damaged copies of every format (bytes
// overwritten, lengths and offsets among them, and truncations) must never read out of
// bounds or loop; with ASan this catches what plain runs cannot.
TEST(ImageMetadata, DamagedFilesNeverCrashTheReaders) {
    TempDir dir;
    const Image photo = readImage(kSamples + "photo.jpg");
    WriteOptions wo;
    wo.record = toJson(sampleRecord());
    std::mt19937 rng(11);
    for (const char* ext : {"png", "jpg", "webp", "tif"}) {
        SCOPED_TRACE(ext);
        const std::string path = dir / (std::string("d.") + ext);
        writeImage(path, photo, wo);
        const metadata::Bytes clean = readBytes(path);
        const std::string format = ext;
        ASSERT_FALSE(metadata::extractRecord(clean, format).empty());
        for (int i = 0; i < 3000; ++i) {
            metadata::Bytes bytes = clean;
            if (i % 10 == 0) {
                bytes.resize(rng() % bytes.size());
            } else {
                for (int k = 0; k < 1 + i % 4; ++k) bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
            }
            const ImageMetadata m = metadata::extractMetadata(bytes, format);
            EXPECT_LE(m.iccProfile.size(), 16u << 20);
            (void)metadata::extractRecord(bytes, format);
        }
    }
}

TEST(RestoreRecord, JsonRoundTripAndErrors) {
    const RestoreRecord r = sampleRecord();
    const RestoreRecord back = restoreRecordFromJson(toJson(r), "x");
    EXPECT_EQ(toJson(back), toJson(r));
    EXPECT_EQ(back.seed, r.seed);
    EXPECT_THROW(restoreRecordFromJson("[1]", "x"), Error);
    EXPECT_THROW(restoreRecordFromJson("{\"steps\": \"ten\"}", "x"), Error);
}

TEST(RestoreRecord, ReadBackFromEveryWrittenFormat) {
    TempDir dir;
    const Image photo = readImage(kSamples + "photo.jpg");
    RestoreRecord r = sampleRecord();
    r.modelFile = "odd \"name\" <&> ü.pt"; // survives JSON, XMP escaping and UTF-8
    WriteOptions wo;
    wo.record = toJson(r);
    for (const char* ext : {"png", "jpg", "webp", "tif"}) {
        SCOPED_TRACE(ext);
        const std::string out = dir / (std::string("rec.") + ext);
        writeImage(out, photo, wo);
        const std::optional<RestoreRecord> back = readRestoreRecord(out);
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(toJson(*back), toJson(r));
        // The record does not displace the profile.
        EXPECT_EQ(readImage(out).metadata.iccProfile, photo.metadata.iccProfile);
    }
    EXPECT_FALSE(readRestoreRecord(kSamples + "photo.png").has_value());
    EXPECT_THROW(readRestoreRecord(dir / "missing.png"), Error);
}

// Reading and writing photos: exact round trips at 8 and 16 bits, greyscale and alpha
// pass-through, EXIF orientation (crafted JPEG APP1 segments for all eight values, and
// Pillow-made PNG/WebP/TIFF/JPEG files checked against Pillow's exif_transpose), and
// refusals before decoding (missing, empty, unknown content, absurd size, truncation).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"

using namespace rdbm;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = RDBM_FIXTURE_DIR "/image_samples/";

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rdbm-imageio-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    size_t count() const { return static_cast<size_t>(std::distance(fs::directory_iterator(path_), {})); }

private:
    fs::path path_;
};

void writeBytes(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<unsigned char> encode(const std::string& ext, const cv::Mat& m, const std::vector<int>& params = {}) {
    std::vector<unsigned char> bytes;
    EXPECT_TRUE(cv::imencode(ext, m, bytes, params));
    return bytes;
}

// Values exactly representable at the given depth, so round trips must be exact.
cv::Mat quantizedRandom(int h, int w, int bitDepth, unsigned seed) {
    cv::RNG rng(seed);
    const double maxv = bitDepth == 16 ? 65535.0 : 255.0;
    cv::Mat ints(h, w, CV_32SC3);
    rng.fill(ints, cv::RNG::UNIFORM, 0, static_cast<int>(maxv) + 1); // integers in [0, maxv]
    cv::Mat f;
    ints.convertTo(f, CV_32FC3, 1.0 / maxv);
    return f;
}

double maxAbsDiff(const cv::Mat& a, const cv::Mat& b) {
    EXPECT_EQ(a.size(), b.size());
    EXPECT_EQ(a.type(), b.type());
    if (a.size() != b.size() || a.type() != b.type()) return 1e9;
    return cv::norm(a, b, cv::NORM_INF);
}

Image imageOf(const cv::Mat& rgb, int bitDepth) {
    Image img;
    img.rgb = rgb;
    img.bitDepth = bitDepth;
    return img;
}

// 48x32 with flat quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow.
const cv::Vec3f kRed(220 / 255.f, 30 / 255.f, 30 / 255.f), kGreen(30 / 255.f, 200 / 255.f, 30 / 255.f),
    kBlue(30 / 255.f, 30 / 255.f, 210 / 255.f), kYellow(230 / 255.f, 230 / 255.f, 40 / 255.f);

cv::Mat quadrantsBgr8() {
    cv::Mat rgb(32, 48, CV_32FC3);
    rgb(cv::Rect(0, 0, 24, 16)).setTo(cv::Scalar(kRed[0], kRed[1], kRed[2]));
    rgb(cv::Rect(24, 0, 24, 16)).setTo(cv::Scalar(kGreen[0], kGreen[1], kGreen[2]));
    rgb(cv::Rect(0, 16, 24, 16)).setTo(cv::Scalar(kBlue[0], kBlue[1], kBlue[2]));
    rgb(cv::Rect(24, 16, 24, 16)).setTo(cv::Scalar(kYellow[0], kYellow[1], kYellow[2]));
    cv::Mat bgr, bgr8;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    bgr.convertTo(bgr8, CV_8UC3, 255.0);
    return bgr8;
}

// A JPEG with an APP1 "Exif" segment holding only IFD0 / Orientation = n.
std::vector<unsigned char> jpegWithOrientation(int n, bool bigEndian) {
    std::vector<unsigned char> jpeg = encode(".jpg", quadrantsBgr8(), {cv::IMWRITE_JPEG_QUALITY, 98});
    std::vector<unsigned char> tiff;
    const auto u16 = [&](unsigned v) {
        if (bigEndian) tiff.insert(tiff.end(), {static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)});
        else tiff.insert(tiff.end(), {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)});
    };
    const auto u32 = [&](unsigned v) {
        if (bigEndian) { u16(v >> 16); u16(v & 0xFFFF); }
        else { u16(v & 0xFFFF); u16(v >> 16); }
    };
    tiff.insert(tiff.end(), bigEndian ? std::initializer_list<unsigned char>{'M', 'M'}
                                      : std::initializer_list<unsigned char>{'I', 'I'});
    u16(42);
    u32(8);          // IFD0 offset
    u16(1);          // one entry
    u16(0x0112);     // Orientation
    u16(3);          // SHORT
    u32(1);          // count
    u16(static_cast<unsigned>(n));
    u16(0);          // value field padding
    u32(0);          // no next IFD
    std::vector<unsigned char> app1 = {0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    const size_t len = app1.size() - 2;
    app1[2] = static_cast<unsigned char>(len >> 8);
    app1[3] = static_cast<unsigned char>(len & 0xFF);
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end()); // right after SOI
    return jpeg;
}

void expectColour(const cv::Mat& rgb, int y, int x, const cv::Vec3f& expected, float tol, const std::string& what) {
    const cv::Vec3f v = rgb.at<cv::Vec3f>(y, x);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(v[c], expected[c], tol) << what << " at (" << x << "," << y << ")";
}

// Corner colours as displayed: {top-left, top-right, bottom-left, bottom-right}.
void expectCorners(const cv::Mat& rgb, const std::vector<cv::Vec3f>& corners, float tol, const std::string& what) {
    const int w = rgb.cols, h = rgb.rows;
    expectColour(rgb, 2, 2, corners[0], tol, what + " top-left");
    expectColour(rgb, 2, w - 3, corners[1], tol, what + " top-right");
    expectColour(rgb, h - 3, 2, corners[2], tol, what + " bottom-left");
    expectColour(rgb, h - 3, w - 3, corners[3], tol, what + " bottom-right");
}

void expectImageError(const std::string& path, const std::string& fragment, const ReadOptions& options = {}) {
    try {
        readImage(path, options);
        ADD_FAILURE() << path << ": expected an error containing '" << fragment << "'";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Image) << e.what();
        const std::string msg = e.what();
        EXPECT_EQ(msg.rfind(path + ": ", 0), 0u) << msg;
        EXPECT_NE(msg.find(fragment), std::string::npos) << msg;
    }
}

} // namespace

TEST(ImageIO, EightBitRoundTripsAreExact) {
    TempDir dir;
    const cv::Mat rgb = quantizedRandom(21, 34, 8, 1);
    for (const std::string ext : {"png", "tif", "bmp"}) {
        const std::string path = dir / ("a." + ext);
        writeImage(path, imageOf(rgb, 8));
        const Image back = readImage(path);
        EXPECT_EQ(back.bitDepth, 8) << ext;
        EXPECT_FALSE(back.grayscale) << ext;
        EXPECT_TRUE(back.alpha.empty()) << ext;
        EXPECT_EQ(back.format, ext);
        EXPECT_LT(maxAbsDiff(back.rgb, rgb), 1e-6) << ext;
    }
}

TEST(ImageIO, SixteenBitRoundTripsAreExactInPngAndTiff) {
    TempDir dir;
    const cv::Mat rgb = quantizedRandom(17, 23, 16, 2);
    for (const std::string ext : {"png", "tiff"}) {
        const std::string path = dir / ("a." + ext);
        writeImage(path, imageOf(rgb, 16));
        EXPECT_EQ(cv::imread(path, cv::IMREAD_UNCHANGED).depth(), CV_16U) << ext;
        const Image back = readImage(path);
        EXPECT_EQ(back.bitDepth, 16) << ext;
        EXPECT_LT(maxAbsDiff(back.rgb, rgb), 1e-7) << ext;
    }
}

TEST(ImageIO, EightBitFormatsStoreSixteenBitImagesAsEight) {
    TempDir dir;
    const cv::Mat rgb = quantizedRandom(16, 16, 16, 3);
    cv::Mat smooth;
    cv::GaussianBlur(rgb, smooth, cv::Size(7, 7), 3.0); // kind to lossy codecs
    for (const std::string ext : {"jpg", "webp", "bmp"}) {
        const std::string path = dir / ("a." + ext);
        writeImage(path, imageOf(smooth, 16));
        EXPECT_EQ(cv::imread(path, cv::IMREAD_UNCHANGED).depth(), CV_8U) << ext;
        const Image back = readImage(path);
        EXPECT_EQ(back.bitDepth, 8) << ext;
        EXPECT_LT(maxAbsDiff(back.rgb, smooth), ext == "bmp" ? 0.5 / 255 + 1e-6 : 0.08) << ext;
    }
}

TEST(ImageIO, BitDepthOptionOverridesTheSource) {
    TempDir dir;
    const cv::Mat rgb = quantizedRandom(8, 8, 8, 4);
    WriteOptions wide;
    wide.bitDepth = 16;
    writeImage(dir / "wide.png", imageOf(rgb, 8), wide);
    EXPECT_EQ(cv::imread(dir / "wide.png", cv::IMREAD_UNCHANGED).depth(), CV_16U);
    WriteOptions narrow;
    narrow.bitDepth = 8;
    writeImage(dir / "narrow.png", imageOf(quantizedRandom(8, 8, 16, 5), 16), narrow);
    EXPECT_EQ(cv::imread(dir / "narrow.png", cv::IMREAD_UNCHANGED).depth(), CV_8U);
    WriteOptions bad;
    bad.bitDepth = 12;
    try {
        writeImage(dir / "bad.png", imageOf(rgb, 8), bad);
        FAIL() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
    }
}

TEST(ImageIO, GreyscaleIsReplicatedAndWrittenBackAsGrey) {
    TempDir dir;
    cv::Mat grey(12, 20, CV_8UC1);
    cv::randu(grey, 0, 256);
    writeBytes(dir / "grey.png", encode(".png", grey));
    const Image img = readImage(dir / "grey.png");
    ASSERT_EQ(img.rgb.type(), CV_32FC3);
    EXPECT_TRUE(img.grayscale);
    EXPECT_EQ(img.bitDepth, 8);
    std::vector<cv::Mat> planes;
    cv::split(img.rgb, planes);
    cv::Mat expected;
    grey.convertTo(expected, CV_32F, 1.0 / 255);
    for (const cv::Mat& p : planes) EXPECT_LT(maxAbsDiff(p, expected), 1e-6);

    for (const std::string ext : {"png", "jpg", "tif"}) {
        writeImage(dir / ("out." + ext), img);
        const cv::Mat raw = cv::imread(dir / ("out." + ext), cv::IMREAD_UNCHANGED);
        EXPECT_EQ(raw.channels(), 1) << ext;
    }
    cv::Mat back = cv::imread(dir / "out.png", cv::IMREAD_UNCHANGED);
    EXPECT_EQ(cv::norm(back, grey, cv::NORM_INF), 0.0);
}

TEST(ImageIO, SixteenBitGreyFromPillow) {
    const Image img = readImage(kSamples + "grey16.png");
    EXPECT_TRUE(img.grayscale);
    EXPECT_EQ(img.bitDepth, 16);
    ASSERT_EQ(img.rgb.size(), cv::Size(50, 30));
    std::ifstream txt(kSamples + "grey16.txt");
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 50; ++x) {
            int v = -1;
            txt >> v;
            const cv::Vec3f p = img.rgb.at<cv::Vec3f>(y, x);
            ASSERT_NEAR(p[0], v / 65535.0, 1e-7) << x << "," << y;
            ASSERT_EQ(p[0], p[2]);
        }
}

TEST(ImageIO, SixteenBitTiffOrientationIsApplied) {
    const Image stored = readImage(kSamples + "grey16.png");
    const Image img = readImage(kSamples + "grey16_orient6.tif");
    EXPECT_EQ(img.bitDepth, 16);
    ASSERT_EQ(img.rgb.size(), cv::Size(30, 50));
    cv::Mat expected;
    cv::rotate(stored.rgb, expected, cv::ROTATE_90_CLOCKWISE);
    EXPECT_LT(maxAbsDiff(img.rgb, expected), 1e-7);
}

TEST(ImageIO, AlphaIsKeptAsideAndPassedThrough) {
    TempDir dir;
    cv::Mat bgra(10, 16, CV_8UC4);
    cv::randu(bgra, 0, 256);
    writeBytes(dir / "rgba.png", encode(".png", bgra));
    const Image img = readImage(dir / "rgba.png");
    ASSERT_FALSE(img.alpha.empty());
    EXPECT_EQ(img.alpha.type(), CV_32FC1);
    cv::Mat a8;
    cv::extractChannel(bgra, a8, 3);
    cv::Mat expectedAlpha;
    a8.convertTo(expectedAlpha, CV_32F, 1.0 / 255);
    EXPECT_LT(maxAbsDiff(img.alpha, expectedAlpha), 1e-6);
    EXPECT_FLOAT_EQ(img.rgb.at<cv::Vec3f>(3, 4)[0], bgra.at<cv::Vec4b>(3, 4)[2] / 255.0f); // R from BGRA

    writeImage(dir / "out.png", img);
    EXPECT_EQ(cv::norm(cv::imread(dir / "out.png", cv::IMREAD_UNCHANGED), bgra, cv::NORM_INF), 0.0);
    writeImage(dir / "out.tif", img);
    EXPECT_EQ(cv::imread(dir / "out.tif", cv::IMREAD_UNCHANGED).channels(), 4);
    // JPEG and BMP hold no alpha: it is dropped, the colour is still written.
    writeImage(dir / "out.jpg", img);
    EXPECT_EQ(cv::imread(dir / "out.jpg", cv::IMREAD_UNCHANGED).channels(), 3);
    writeImage(dir / "out.bmp", img);
    EXPECT_TRUE(readImage(dir / "out.bmp").alpha.empty());
}

TEST(ImageIO, GreyWithAlphaFromPillow) {
    const Image img = readImage(kSamples + "grey_alpha.png");
    EXPECT_TRUE(img.grayscale);
    ASSERT_FALSE(img.alpha.empty());
    // Pillow wrote grey = 6*x and alpha = 13*y.
    EXPECT_NEAR(img.rgb.at<cv::Vec3f>(5, 7)[1], 42 / 255.0, 1e-6);
    EXPECT_NEAR(img.alpha.at<float>(5, 7), 65 / 255.0, 1e-6);
    EXPECT_NEAR(img.alpha.at<float>(19, 0), 247 / 255.0, 1e-6);
}

TEST(ImageIO, PaletteImagesDecodeToColour) {
    const Image img = readImage(kSamples + "palette.png");
    EXPECT_FALSE(img.grayscale);
    expectCorners(img.rgb, {kRed, kGreen, kBlue, kYellow}, 0.02f, "palette");
}

TEST(ImageIO, JpegExifOrientationAllEightValues) {
    TempDir dir;
    const std::vector<std::vector<cv::Vec3f>> displayed = {
        {kRed, kGreen, kBlue, kYellow},  // 1 as stored
        {kGreen, kRed, kYellow, kBlue},  // 2 mirrored
        {kYellow, kBlue, kGreen, kRed},  // 3 rotated 180
        {kBlue, kYellow, kRed, kGreen},  // 4 flipped
        {kRed, kBlue, kGreen, kYellow},  // 5 transposed
        {kBlue, kRed, kYellow, kGreen},  // 6 rotated 90 clockwise
        {kYellow, kGreen, kBlue, kRed},  // 7 transverse
        {kGreen, kYellow, kRed, kBlue},  // 8 rotated 90 counter-clockwise
    };
    for (int n = 1; n <= 8; ++n) {
        for (bool bigEndian : {true, false}) {
            const std::string path = dir / ("o" + std::to_string(n) + (bigEndian ? "mm" : "ii") + ".jpg");
            writeBytes(path, jpegWithOrientation(n, bigEndian));
            const Image img = readImage(path);
            const cv::Size expectedSize = n >= 5 ? cv::Size(32, 48) : cv::Size(48, 32);
            EXPECT_EQ(img.rgb.size(), expectedSize) << "orientation " << n;
            if (img.rgb.size() == expectedSize)
                expectCorners(img.rgb, displayed[n - 1], 0.06f, "orientation " + std::to_string(n));
        }
    }
}

TEST(ImageIO, ExifOrientationInEveryContainerMatchesPillow) {
    for (int n : {3, 6, 8}) {
        const std::string stem = kSamples + "orient" + std::to_string(n);
        const Image expected = readImage(stem + "_expected.png");
        for (const std::string ext : {"png", "webp", "tif", "jpg"}) {
            const Image img = readImage(stem + "." + ext);
            ASSERT_EQ(img.rgb.size(), expected.rgb.size()) << ext << " orientation " << n;
            // Lossless containers match exactly; JPEG within its quantization error.
            const double tol = ext == "jpg" ? 0.1 : 1e-6;
            cv::Mat diff;
            cv::absdiff(img.rgb, expected.rgb, diff);
            cv::Mat inner = diff(cv::Rect(3, 3, diff.cols - 6, diff.rows - 6));
            EXPECT_LT(ext == "jpg" ? cv::mean(inner)[0] : cv::norm(diff, cv::NORM_INF), tol)
                << ext << " orientation " << n;
        }
    }
}

TEST(ImageIO, RefusesMissingEmptyAndUnknownContent) {
    TempDir dir;
    expectImageError(dir / "missing.png", "no such file");
    writeBytes(dir / "empty.png", {});
    expectImageError(dir / "empty.png", "empty file");
    writeBytes(dir / "text.png", {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'});
    expectImageError(dir / "text.png", "not a recognised image");
    fs::create_directory(dir / "folder.png");
    expectImageError(dir / "folder.png", "directory");
}

TEST(ImageIO, ContentDecidesTheFormatNotTheExtension) {
    TempDir dir;
    const cv::Mat bgr = quadrantsBgr8();
    writeBytes(dir / "really-a-png.jpg", encode(".png", bgr));
    const Image img = readImage(dir / "really-a-png.jpg");
    expectCorners(img.rgb, {kRed, kGreen, kBlue, kYellow}, 1e-6f, "png named jpg");
    writeBytes(dir / "noext", encode(".webp", bgr, {cv::IMWRITE_WEBP_QUALITY, 101}));
    EXPECT_EQ(readImage(dir / "noext").format, "webp");
}

TEST(ImageIO, RefusesAbsurdSizesBeforeDecoding) {
    TempDir dir;
    // PNG: IHDR width and height are bytes 16..23.
    std::vector<unsigned char> png = encode(".png", quadrantsBgr8());
    for (int i = 0; i < 8; ++i) png[16 + i] = i % 4 == 2 ? 0xEA : (i % 4 == 3 ? 0x60 : 0); // 60000 x 60000
    writeBytes(dir / "huge.png", png);
    expectImageError(dir / "huge.png", "too large");

    // JPEG: patch the frame header (FF C0 len(2) precision height(2) width(2)).
    std::vector<unsigned char> jpg = encode(".jpg", quadrantsBgr8());
    const std::vector<unsigned char> marker = {0xFF, 0xC0};
    const auto sof = std::search(jpg.begin(), jpg.end(), marker.begin(), marker.end());
    ASSERT_NE(sof, jpg.end());
    sof[5] = sof[6] = sof[7] = sof[8] = 0xFE; // 65278 x 65278
    writeBytes(dir / "huge.jpg", jpg);
    expectImageError(dir / "huge.jpg", "too large");

    // The limit is an option.
    writeBytes(dir / "small.png", encode(".png", quadrantsBgr8()));
    ReadOptions strict;
    strict.maxPixels = 1000;
    expectImageError(dir / "small.png", "too large", strict);
    EXPECT_NO_THROW(readImage(dir / "small.png"));

    // Zero width.
    std::vector<unsigned char> zero = encode(".png", quadrantsBgr8());
    std::fill(zero.begin() + 16, zero.begin() + 20, 0);
    writeBytes(dir / "zero.png", zero);
    expectImageError(dir / "zero.png", "0x32");
}

TEST(ImageIO, RefusesTruncatedFilesInEveryFormat) {
    TempDir dir;
    cv::Mat bgr(64, 80, CV_8UC3);
    cv::randu(bgr, 0, 256); // noise compresses badly, so every cut lands in pixel data
    const std::vector<std::pair<std::string, std::vector<int>>> formats = {
        {"png", {}}, {"jpg", {}}, {"tif", {}}, {"webp", {cv::IMWRITE_WEBP_QUALITY, 90}}, {"bmp", {}}};
    for (const auto& [ext, params] : formats) {
        const std::vector<unsigned char> whole = encode("." + ext, bgr, params);
        for (double keep : {0.3, 0.7, 0.98}) {
            const std::vector<unsigned char> cut(whole.begin(), whole.begin() + static_cast<long>(whole.size() * keep));
            const std::string path = dir / ("cut" + std::to_string(int(keep * 100)) + "." + ext);
            writeBytes(path, cut);
            EXPECT_THROW(readImage(path), Error) << path;
        }
        writeBytes(dir / ("whole." + ext), whole);
        EXPECT_NO_THROW(readImage(dir / ("whole." + ext))) << ext;
    }
}

TEST(ImageIO, RefusesCorruptDataTheDecoderRejects) {
    TempDir dir;
    cv::Mat bgr(64, 80, CV_8UC3);
    cv::randu(bgr, 0, 256);
    std::vector<unsigned char> png = encode(".png", bgr);
    const std::vector<unsigned char> idat = {'I', 'D', 'A', 'T'};
    const auto at = std::search(png.begin(), png.end(), idat.begin(), idat.end());
    ASSERT_NE(at, png.end());
    std::fill(at + 100, at + 140, 0x5A); // structure intact, pixel data (and its CRC) broken
    writeBytes(dir / "corrupt.png", png);
    expectImageError(dir / "corrupt.png", "decoder failed");
}

// A WebP header whose VP8X chunk libwebp rejects, with "DICM" at byte 128: OpenCV would
// pass it to its DICOM reader (GDCM), which aborted the process (found by fuzz_image).
// A first VP8X chunk declaring a 7937x12033 canvas and a second one declaring 1x9: libwebp
// decodes to the first, so the probe must check that one (found by fuzz_image: OpenCV
// allocated 286 MB for a 130-byte file).
TEST(ImageIO, WebpCanvasIsTheFirstChunks) {
    expectImageError(RDBM_TEST_DATA_DIR "/webp-second-canvas.webp", "VP8X chunk not first");
}

// ImageWidth/ImageLength twice: 59394x16670 first (what libtiff decodes), 1x30 second.
TEST(ImageIO, TiffSizeTagsAppearOnce) {
    expectImageError(RDBM_TEST_DATA_DIR "/tiff-duplicate-size.tif", "size tags appear twice");
}

// 2M rows per strip on a 48x32 image: OpenCV would allocate the whole strip (402 MB).
// The fuzzer's file also repeats SamplesPerPixel, which is refused first.
TEST(ImageIO, TiffStripsMayNotOutgrowTheImage) {
    expectImageError(RDBM_TEST_DATA_DIR "/tiff-tall-strip.tif", "more than the 48x32 image");
    expectImageError(RDBM_TEST_DATA_DIR "/tiff-huge-strip.tif", "layout tag 277 appears twice");
}

// RowsPerStrip and TileWidth twice, the first values large: libtiff keeps the first, and
// OpenCV allocated 597 MB for this 478-byte file (found by fuzz_image).
TEST(ImageIO, TiffLayoutTagsAppearOnce) {
    expectImageError(RDBM_TEST_DATA_DIR "/tiff-repeated-layout-tags.tif", "layout tag 278 appears twice");
}

// A TileWidth of 134 with no TileLength: the decoder takes the 1114142 rows per strip as
// the tile's height, so the probe bounds the widest and tallest of the declared buffers.
TEST(ImageIO, HalfATileDescriptionIsBoundedToo) {
    expectImageError(RDBM_TEST_DATA_DIR "/tiff-half-tile.tif", "more than the 1x30 image");
}

// FF 00 between segments: libjpeg scans past it byte by byte, the probe's walk would skip
// a length, and the two reached different frame headers; OpenCV allocated 839 MB for a
// 25 KB file (found by fuzz_image).
TEST(ImageIO, JpegStuffedZeroOutsideAScanIsRefused) {
    expectImageError(RDBM_TEST_DATA_DIR "/jpeg-stuffed-zero-between-segments.jpg", "marker FF 00 at offset");
}

// A first chunk "/P8X": libwebp decodes the bytes as a bare VP8L bitstream of 14417 px wide,
// the chunk walk saw a small VP8L chunk later.
TEST(ImageIO, WebpFirstChunkIsAnImageChunk) {
    expectImageError(RDBM_TEST_DATA_DIR "/webp-bare-bitstream.webp", "first chunk is not VP8X, VP8 or VP8L");
}

TEST(ImageIO, RefusesASecondSignatureThatWouldReachTheDicomReader) {
    // (Its first chunk, "VP4X", is refused first now; the PNG below reaches the check.)
    expectImageError(RDBM_TEST_DATA_DIR "/webp-with-dicom-signature.webp", "corrupt WebP");
    TempDir dir;
    std::vector<unsigned char> png = encode(".png", quadrantsBgr8());
    png.resize(std::max<size_t>(png.size(), 200));
    std::copy_n("DICM", 4, png.begin() + 128);
    writeBytes(dir / "p.png", png);
    expectImageError(dir / "p.png", "DICOM");
}

TEST(ImageIO, WriteRefusesExistingFilesAndUnknownFormats) {
    TempDir dir;
    const Image img = imageOf(quantizedRandom(8, 8, 8, 6), 8);
    writeImage(dir / "a.png", img);
    try {
        writeImage(dir / "a.png", img);
        FAIL() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
    }
    WriteOptions overwrite;
    overwrite.overwrite = true;
    EXPECT_NO_THROW(writeImage(dir / "a.png", img, overwrite));
    try {
        writeImage(dir / "a.gif", img);
        FAIL() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Image);
    }
    EXPECT_EQ(dir.count(), 1u); // no temporaries, nothing for the refused writes
    EXPECT_TRUE(isSupportedImageExtension("x/Y.JPEG"));
    EXPECT_TRUE(isSupportedImageExtension("a.tif"));
    EXPECT_FALSE(isSupportedImageExtension("a.gif"));
    EXPECT_FALSE(isSupportedImageExtension("dir.png/noext"));
}

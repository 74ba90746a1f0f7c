#include "ImageProbe.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include "ExifOrientation.h"
#include "rdbm/Error.h"

namespace rdbm {
namespace {

// Bounds-checked reads; every "has" failure means the file ends too early.
struct Bytes {
    const unsigned char* p;
    size_t n;
    bool has(size_t off, size_t len) const { return off <= n && len <= n - off; }
    std::uint32_t be16(size_t o) const { return std::uint32_t(p[o]) << 8 | p[o + 1]; }
    std::uint32_t be32(size_t o) const { return be16(o) << 16 | be16(o + 2); }
    std::uint32_t le16(size_t o) const { return std::uint32_t(p[o + 1]) << 8 | p[o]; }
    std::uint32_t le24(size_t o) const { return std::uint32_t(p[o + 2]) << 16 | le16(o); }
    std::uint32_t le32(size_t o) const { return le16(o + 2) << 16 | le16(o); }
    bool tag(size_t o, const char* s) const { return has(o, std::strlen(s)) && std::memcmp(p + o, s, std::strlen(s)) == 0; }
};

class Prober {
public:
    Prober(const unsigned char* data, size_t size, const std::string& name) : b_{data, size}, name_(name) {}

    [[noreturn]] void fail(const std::string& problem) const { throw Error(ErrorKind::Image, name_ + ": " + problem); }
    [[noreturn]] void truncated(const std::string& detail) const { fail("truncated or corrupt file (" + detail + ")"); }

    ImageProbe run() {
        if (b_.n == 0) fail("empty file");
        if (b_.tag(0, "\x89PNG\r\n\x1a\n")) return png();
        if (b_.has(0, 3) && b_.p[0] == 0xFF && b_.p[1] == 0xD8 && b_.p[2] == 0xFF) return jpeg();
        if (b_.tag(0, "II*\0") || b_.tag(0, "MM\0*") || b_.tag(0, "II+\0") || b_.tag(0, "MM\0+")) return tiff();
        if (b_.tag(0, "RIFF") && b_.tag(8, "WEBP")) return webp();
        if (b_.tag(0, "BM")) return bmp();
        fail("not a recognised image (expected PNG, JPEG, TIFF, WebP or BMP content)");
    }

private:
    ImageProbe png() {
        ImageProbe r;
        r.format = "png";
        size_t pos = 8;
        bool sawHeader = false, sawEnd = false;
        while (b_.has(pos, 8)) {
            const std::uint32_t len = b_.be32(pos);
            const std::string type(reinterpret_cast<const char*>(b_.p + pos + 4), 4);
            if (!b_.has(pos + 8, size_t(len) + 4)) truncated("PNG chunk '" + type + "' runs past the end");
            const size_t data = pos + 8;
            if (!sawHeader) {
                if (type != "IHDR" || len < 13) truncated("PNG does not start with an IHDR chunk");
                r.width = b_.be32(data);
                r.height = b_.be32(data + 4);
                const int colourType = b_.p[data + 9];
                r.grayscale = colourType == 0 || colourType == 4;
                sawHeader = true;
            } else if (type == "eXIf") {
                r.orientation = exifOrientationFromTiff(b_.p + data, len);
            } else if (type == "IEND") {
                sawEnd = true;
                break;
            }
            pos = data + len + 4;
        }
        if (!sawHeader) truncated("no PNG header");
        if (!sawEnd) truncated("no PNG IEND chunk");
        return r;
    }

    ImageProbe jpeg() {
        ImageProbe r;
        r.format = "jpg";
        size_t pos = 2;
        bool sawFrame = false, sawExif = false;
        for (;;) {
            if (!b_.has(pos, 2)) truncated("JPEG ends before its image data");
            if (b_.p[pos] != 0xFF) fail("corrupt JPEG (no marker at offset " + std::to_string(pos) + ")");
            while (b_.has(pos, 2) && b_.p[pos + 1] == 0xFF) ++pos; // fill bytes
            if (!b_.has(pos, 2)) truncated("JPEG ends before its image data");
            const int marker = b_.p[pos + 1];
            pos += 2;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            if (marker == 0xD9) fail("corrupt JPEG (end marker before any image data)");
            // libjpeg reads FF 00 between segments as stray bytes and scans on to the next
            // FF, where this walk would skip a "length": the two then reach different frame
            // headers (a 25344x11040 frame behind a 48x32 one took 839 MB: found by
            // fuzz_image). Markers below C0 other than TEM are fatal to libjpeg anyway.
            if (marker < 0xC0) {
                char text[96];
                std::snprintf(text, sizeof text, "corrupt JPEG (marker FF %02X at offset %zu)", marker, pos - 2);
                fail(text);
            }
            if (!b_.has(pos, 2)) truncated("JPEG segment header runs past the end");
            const size_t len = b_.be16(pos);
            if (len < 2) fail("corrupt JPEG (segment length " + std::to_string(len) + ")");
            if (!b_.has(pos, len)) truncated("JPEG segment runs past the end");
            const bool isFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (isFrame) {
                if (len < 8) fail("corrupt JPEG (short frame header)");
                r.height = b_.be16(pos + 3);
                r.width = b_.be16(pos + 5);
                r.grayscale = b_.p[pos + 7] == 1;
                sawFrame = true;
            } else if (marker == 0xE1 && !sawExif && len >= 8 && b_.tag(pos + 2, "Exif")) {
                r.orientation = exifOrientationFromTiff(b_.p + pos + 2, len - 2);
                sawExif = true;
            } else if (marker == 0xDA) {
                if (!sawFrame) fail("corrupt JPEG (scan before frame header)");
                // The entropy-coded data never holds FF D9 (FF is byte-stuffed), so the
                // first one after the scan header is the end of the image.
                static const unsigned char eoi[2] = {0xFF, 0xD9};
                const unsigned char* end = b_.p + b_.n;
                if (std::search(b_.p + pos + len, end, eoi, eoi + 2) == end) truncated("no JPEG end-of-image marker");
                break;
            }
            pos += len;
        }
        if (r.height == 0) fail("unsupported JPEG (height defined after the first scan)");
        return r;
    }

    ImageProbe tiff() {
        ImageProbe r;
        r.format = "tif";
        // run()'s tags stop at their embedded '\0' ("MM\0*" compares "MM"): check the
        // whole 4-byte signature here, before reading past it (found by fuzz_image).
        if (!b_.has(0, 8)) truncated("TIFF header");
        const bool be = b_.p[0] == 'M';
        const std::uint32_t magic = be ? b_.be16(2) : b_.le16(2);
        if (b_.p[1] != b_.p[0] || (magic != 42 && magic != 43)) fail("unknown image format (not a TIFF signature)");
        const bool big = magic == 43;
        const auto u16 = [&](size_t o) { return be ? b_.be16(o) : b_.le16(o); };
        const auto u32 = [&](size_t o) { return be ? b_.be32(o) : b_.le32(o); };
        const auto u64 = [&](size_t o) {
            const std::uint64_t a = u32(o), c = u32(o + 4);
            return be ? (a << 32 | c) : (c << 32 | a);
        };
        std::uint64_t ifd;
        if (big) {
            if (!b_.has(8, 8)) truncated("BigTIFF header");
            ifd = u64(8);
        } else {
            if (!b_.has(4, 4)) truncated("TIFF header");
            ifd = u32(4);
        }
        const size_t countSize = big ? 8 : 2, entrySize = big ? 20 : 12, valueOff = big ? 12 : 8;
        if (ifd >= b_.n || !b_.has(size_t(ifd), countSize)) truncated("TIFF directory offset past the end");
        const std::uint64_t entries = big ? u64(size_t(ifd)) : u16(size_t(ifd));
        if (entries > b_.n / entrySize || !b_.has(size_t(ifd) + countSize, size_t(entries) * entrySize))
            truncated("TIFF directory runs past the end");
        int samples = 1, photometric = 2;
        std::uint64_t rowsPerStrip = 0, tileWidth = 0, tileLength = 0;
        std::set<std::uint32_t> seen;
        for (std::uint64_t i = 0; i < entries; ++i) {
            const size_t e = size_t(ifd) + countSize + size_t(i) * entrySize;
            const std::uint32_t tag = u16(e), type = u16(e + 2);
            // libtiff keeps the first of duplicated tags: a second, small value must not
            // hide the one the decoder allocates for (59394x16670 behind 1x30; a second
            // TileWidth and RowsPerStrip behind which 597 MB were allocated: both found by
            // fuzz_image). No valid TIFF repeats a tag.
            if (tag == 256 || tag == 257 || tag == 258 || tag == 262 || tag == 277 || tag == 278 || tag == 322 ||
                tag == 323) {
                if (!seen.insert(tag).second)
                    fail(tag == 256 || tag == 257 ? std::string("corrupt TIFF (the image size tags appear twice)")
                                                  : "corrupt TIFF (the layout tag " + std::to_string(tag) + " appears twice)");
            }
            std::uint64_t value = 0;
            if (type == 3) value = u16(e + valueOff);          // SHORT
            else if (type == 4) value = u32(e + valueOff);     // LONG
            else if (type == 16 && big) value = u64(e + valueOff); // LONG8
            else continue;
            if (tag == 256) r.width = static_cast<long long>(std::min<std::uint64_t>(value, 1ULL << 40));
            else if (tag == 257) r.height = static_cast<long long>(std::min<std::uint64_t>(value, 1ULL << 40));
            else if (tag == 277) samples = static_cast<int>(value);
            else if (tag == 262) photometric = static_cast<int>(value);
            else if (tag == 278) rowsPerStrip = value;
            else if (tag == 322) tileWidth = value;
            else if (tag == 323) tileLength = value;
        }
        // OpenCV's TIFF decoder allocates one strip or tile buffer as declared (up to 1 GB),
        // whatever the image's size: 2M rows per strip on a 48x32 image took 402 MB for a
        // 184-byte file (found by fuzz_image). Such a buffer may not outgrow the image.
        // Half a tile description (a TileWidth without TileLength) is read with the strip's
        // rows as the tile's height: 134 x 1114142 took 597 MB for a 1x30 image (found by
        // fuzz_image). So the widest and tallest of what the tags declare bound the buffer.
        const bool tiled = tileWidth != 0 || tileLength != 0;
        const std::uint64_t w = static_cast<std::uint64_t>(std::max(0LL, r.width)),
                            h = static_cast<std::uint64_t>(std::max(0LL, r.height));
        const std::uint64_t stripRows = rowsPerStrip == 0 || rowsPerStrip >= 0xFFFFFFFFULL ? h : rowsPerStrip;
        const std::uint64_t bw = std::max(tileWidth, w);
        const std::uint64_t bh = std::max(tileLength, stripRows);
        const std::uint64_t channels = static_cast<std::uint64_t>(std::clamp(samples, 1, 8));
        const double buffer = double(bw) * double(bh) * double(channels) * 8.0; // 64-bit samples at most
        const double image = double(w) * double(h) * double(channels) * 8.0;
        if (buffer > std::max(2.0 * image, 64.0 * 1024 * 1024)) {
            char text[200];
            std::snprintf(text, sizeof text, "corrupt TIFF (a %s of %llux%llu would need %.0f MB, more than the %lldx%lld image)",
                          tiled ? "tile" : "strip", static_cast<unsigned long long>(bw), static_cast<unsigned long long>(bh),
                          buffer / 1e6, r.width, r.height);
            fail(text);
        }
        r.grayscale = samples <= 2 && (photometric == 0 || photometric == 1);
        r.orientation = exifOrientationFromTiff(b_.p, b_.n, &r.tiffOrientationOffset);
        r.bigEndian = be;
        return r;
    }

    ImageProbe webp() {
        ImageProbe r;
        r.format = "webp";
        const size_t riffEnd = size_t(b_.le32(4)) + 8;
        if (riffEnd > b_.n) truncated("WebP RIFF size exceeds the file");
        // libwebp reads the first chunk as VP8X, VP8 or VP8L, and anything else as a bare
        // bitstream (a '/' there is a VP8L signature): the chunk walk below would then
        // describe a different image than the one decoded (found by fuzz_image).
        if (!b_.tag(12, "VP8X") && !b_.tag(12, "VP8 ") && !b_.tag(12, "VP8L"))
            fail("corrupt WebP (the first chunk is not VP8X, VP8 or VP8L)");
        size_t pos = 12;
        bool sawImage = false;
        while (pos + 8 <= riffEnd) {
            const size_t len = b_.le32(pos + 4);
            const size_t data = pos + 8;
            if (len > riffEnd - data) truncated("WebP chunk runs past the end");
            if (b_.tag(pos, "VP8X")) {
                // libwebp takes the canvas from a VP8X chunk only as the first chunk; a later
                // one must not set the size the probe checks (a small second canvas hid a
                // 7937x12033 first one from the pixel limit: found by fuzz_image).
                if (pos != 12 || len < 10) fail("corrupt WebP (VP8X chunk not first or too short)");
                r.width = 1 + b_.le24(data + 4);
                r.height = 1 + b_.le24(data + 7);
                sawImage = true;
            } else if (b_.tag(pos, "VP8 ") && !sawImage) {
                if (len < 10 || !(b_.p[data + 3] == 0x9D && b_.p[data + 4] == 0x01 && b_.p[data + 5] == 0x2A))
                    fail("corrupt WebP (bad VP8 frame header)");
                r.width = b_.le16(data + 6) & 0x3FFF;
                r.height = b_.le16(data + 8) & 0x3FFF;
                sawImage = true;
            } else if (b_.tag(pos, "VP8L") && !sawImage) {
                if (len < 5 || b_.p[data] != 0x2F) fail("corrupt WebP (bad VP8L header)");
                const std::uint32_t bits = b_.le32(data + 1);
                r.width = 1 + (bits & 0x3FFF);
                r.height = 1 + ((bits >> 14) & 0x3FFF);
                sawImage = true;
            } else if (b_.tag(pos, "EXIF")) {
                r.orientation = exifOrientationFromTiff(b_.p + data, len);
            }
            pos = data + len + (len & 1); // chunks are padded to even sizes
        }
        if (!sawImage) truncated("no WebP image chunk");
        return r;
    }

    ImageProbe bmp() {
        ImageProbe r;
        r.format = "bmp";
        if (!b_.has(14, 4)) truncated("BMP header");
        const std::uint32_t dataOffset = b_.le32(10);
        const std::uint32_t dib = b_.le32(14);
        long long bpp = 0, compression = 0;
        if (dib == 12) {
            if (!b_.has(14, 12)) truncated("BMP header");
            r.width = b_.le16(18);
            r.height = b_.le16(20);
            bpp = b_.le16(24);
        } else if (dib >= 40) {
            if (!b_.has(14, 40)) truncated("BMP header");
            r.width = static_cast<std::int32_t>(b_.le32(18));
            r.height = std::llabs(static_cast<std::int32_t>(b_.le32(22))); // negative: top-down rows
            bpp = b_.le16(28);
            compression = b_.le32(30);
        } else {
            fail("unsupported BMP header (size " + std::to_string(dib) + ")");
        }
        if (dataOffset >= b_.n) truncated("BMP pixel data offset past the end");
        if (r.width > 0 && r.height > 0 && (compression == 0 || compression == 3) && bpp > 0) {
            const long long rowBytes = (r.width * bpp + 31) / 32 * 4;
            if (r.height > 0 && rowBytes > 0 &&
                static_cast<long long>(b_.n - dataOffset) / rowBytes < r.height)
                truncated("BMP pixel data shorter than declared");
        }
        return r;
    }

    Bytes b_;
    std::string name_;
};

} // namespace

ImageProbe probeImage(const unsigned char* data, size_t size, const std::string& name, long long maxPixels) {
    const ImageProbe r = Prober(data, size, name).run();
    // OpenCV hands a buffer to the first decoder whose signature matches, and DICOM's is
    // "DICM" at byte 128, not at the start: a WebP that libwebp's own header check rejects
    // then goes to the DICOM reader (GDCM), which aborts the process on crafted data (found
    // by fuzz_image). No supported format needs those bytes to spell that, so refuse.
    if (size >= 132 && std::memcmp(data + 128, "DICM", 4) == 0)
        throw Error(ErrorKind::Image, name + ": " + r.format +
                                          " file that also carries a DICOM signature at byte 128 (refused: "
                                          "DICOM is not supported, and OpenCV would decode it as such)");
    if (r.width <= 0 || r.height <= 0)
        throw Error(ErrorKind::Image, name + ": corrupt header (declared size " + std::to_string(r.width) + "x" +
                                          std::to_string(r.height) + ")");
    if (r.width > maxPixels / r.height) {
        char text[160];
        std::snprintf(text, sizeof text, "image too large: %lldx%lld (%.1f megapixels, limit %.1f)", r.width,
                      r.height, double(r.width) * double(r.height) / 1e6, double(maxPixels) / 1e6);
        throw Error(ErrorKind::Image, name + ": " + text);
    }
    return r;
}

} // namespace rdbm

#include "ExifOrientation.h"

#include <cstdint>
#include <cstring>

#include <opencv2/core.hpp>

namespace rdbm {
namespace {

constexpr std::uint16_t kOrientationTag = 0x0112;

struct TiffBytes {
    const unsigned char* p;
    size_t n;
    bool bigEndian;

    bool has(size_t off, size_t len) const { return off <= n && len <= n - off; }
    std::uint16_t u16(size_t off) const {
        return bigEndian ? static_cast<std::uint16_t>(p[off] << 8 | p[off + 1])
                         : static_cast<std::uint16_t>(p[off + 1] << 8 | p[off]);
    }
    std::uint32_t u32(size_t off) const {
        return bigEndian ? (std::uint32_t(p[off]) << 24 | std::uint32_t(p[off + 1]) << 16 |
                            std::uint32_t(p[off + 2]) << 8 | p[off + 3])
                         : (std::uint32_t(p[off + 3]) << 24 | std::uint32_t(p[off + 2]) << 16 |
                            std::uint32_t(p[off + 1]) << 8 | p[off]);
    }
    std::uint64_t u64(size_t off) const {
        const std::uint64_t a = u32(off), b = u32(off + 4);
        return bigEndian ? (a << 32 | b) : (b << 32 | a);
    }
};

} // namespace

int exifOrientationFromTiff(const unsigned char* data, size_t size, size_t* valueOffset) {
    if (valueOffset) *valueOffset = 0;
    if (data == nullptr) return 1;
    size_t prefix = 0;
    if (size >= 6 && std::memcmp(data, "Exif\0\0", 6) == 0) {
        prefix = 6;
        data += 6;
        size -= 6;
    }
    if (size < 8) return 1;
    TiffBytes t{data, size, false};
    if (data[0] == 'M' && data[1] == 'M') t.bigEndian = true;
    else if (!(data[0] == 'I' && data[1] == 'I')) return 1;

    const std::uint16_t magic = t.u16(2);
    const bool big = magic == 43; // BigTIFF: 8-byte offsets and counts, 20-byte entries
    if (magic != 42 && !big) return 1;
    std::uint64_t ifd = 0;
    if (big) {
        if (!t.has(8, 8)) return 1;
        ifd = t.u64(8);
    } else {
        ifd = t.u32(4);
    }
    const size_t countSize = big ? 8 : 2, entrySize = big ? 20 : 12;
    if (ifd > size || !t.has(static_cast<size_t>(ifd), countSize)) return 1;
    const std::uint64_t entries = big ? t.u64(static_cast<size_t>(ifd)) : t.u16(static_cast<size_t>(ifd));
    for (std::uint64_t i = 0; i < entries; ++i) {
        const size_t e = static_cast<size_t>(ifd) + countSize + static_cast<size_t>(i) * entrySize;
        if (!t.has(e, entrySize)) return 1;
        if (t.u16(e) != kOrientationTag) continue;
        if (t.u16(e + 2) != 3 /* SHORT */) return 1;
        const size_t at = e + (big ? 12 : 8); // the value sits at the start of the value field
        if (valueOffset) *valueOffset = prefix + at;
        const int v = t.u16(at);
        return v >= 1 && v <= 8 ? v : 1;
    }
    return 1;
}

cv::Mat applyExifOrientation(const cv::Mat& stored, int orientation) {
    if (stored.empty() || orientation <= 1 || orientation > 8) return stored;
    cv::Mat out;
    switch (orientation) {
    case 2: cv::flip(stored, out, 1); break;
    case 3: cv::flip(stored, out, -1); break;
    case 4: cv::flip(stored, out, 0); break;
    default: {
        cv::Mat t;
        cv::transpose(stored, t);
        if (orientation == 5) out = t;
        else if (orientation == 6) cv::flip(t, out, 1);
        else if (orientation == 7) cv::flip(t, out, -1);
        else cv::flip(t, out, 0);
    }
    }
    return out;
}

} // namespace rdbm

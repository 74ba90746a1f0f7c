#pragma once
// Reading and writing fixed-size integers in encoded image files, bounds-checked by
// the callers: PNG and JPEG are big-endian, WebP little-endian, TIFF either.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rdbm::metadata {

using Bytes = std::vector<std::uint8_t>;

inline std::uint32_t readU32(const std::uint8_t* p, bool bigEndian) {
    return bigEndian ? std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3]
                     : std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0];
}
inline std::uint16_t readU16(const std::uint8_t* p, bool bigEndian) {
    return static_cast<std::uint16_t>(bigEndian ? p[0] << 8 | p[1] : p[1] << 8 | p[0]);
}
inline void appendU32(Bytes& out, std::uint32_t v, bool bigEndian) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (bigEndian ? 24 - 8 * i : 8 * i)));
}
inline void appendU16(Bytes& out, std::uint16_t v, bool bigEndian) {
    out.push_back(static_cast<std::uint8_t>(bigEndian ? v >> 8 : v));
    out.push_back(static_cast<std::uint8_t>(bigEndian ? v : v >> 8));
}
inline void writeU32(std::uint8_t* p, std::uint32_t v, bool bigEndian) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (bigEndian ? 24 - 8 * i : 8 * i));
}
inline void appendText(Bytes& out, const std::string& text) { out.insert(out.end(), text.begin(), text.end()); }

} // namespace rdbm::metadata

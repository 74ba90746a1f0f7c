// WebP: metadata needs the extended format. A simple file (one VP8 or VP8L chunk) gets
// a VP8X header chunk with the canvas size and flags; then the order the container
// specification asks for: VP8X, ICCP, image data (ALPH, VP8/VP8L), EXIF, XMP.
#include <cstring>

#include "EmbeddedMetadata.h"

namespace rdbm::metadata {
namespace {

struct Chunk {
    std::string fourcc;
    Bytes data;
};

bool isWebp(const Bytes& file) {
    return file.size() >= 12 && std::memcmp(file.data(), "RIFF", 4) == 0 && std::memcmp(&file[8], "WEBP", 4) == 0;
}

std::vector<Chunk> chunksOf(const Bytes& file) {
    std::vector<Chunk> chunks;
    if (!isWebp(file)) return chunks;
    size_t at = 12;
    while (at + 8 <= file.size()) {
        const size_t size = readU32(&file[at + 4], false);
        if (size > file.size() - at - 8) break;
        chunks.push_back({std::string(reinterpret_cast<const char*>(&file[at]), 4),
                          Bytes(file.begin() + static_cast<std::ptrdiff_t>(at + 8),
                                file.begin() + static_cast<std::ptrdiff_t>(at + 8 + size))});
        at += 8 + size + (size & 1);
    }
    return chunks;
}

constexpr std::uint8_t kIccFlag = 0x20, kAlphaFlag = 0x10, kExifFlag = 0x08, kXmpFlag = 0x04;

} // namespace

ImageMetadata webpMetadata(const Bytes& file) {
    ImageMetadata m;
    for (const Chunk& c : chunksOf(file)) {
        if (c.fourcc == "ICCP")
            m.iccProfile = c.data;
        else if (c.fourcc == "EXIF")
            m.exif = normalizedExif(c.data.data(), c.data.size());
    }
    return m;
}

std::string webpRecord(const Bytes& file) {
    for (const Chunk& c : chunksOf(file))
        if (c.fourcc == "XMP ") return recordFromXmp(std::string(c.data.begin(), c.data.end()));
    return {};
}

void embedWebp(Bytes& file, const Embedding& e) {
    std::vector<Chunk> chunks = chunksOf(file);
    if (chunks.empty()) return;
    Bytes header;
    if (chunks.front().fourcc == "VP8X" && chunks.front().data.size() == 10) {
        header = chunks.front().data;
        chunks.erase(chunks.begin());
    } else {
        header.assign(10, 0);
        for (int i = 0; i < 3; ++i) {
            header[4 + i] = static_cast<std::uint8_t>((e.width - 1) >> (8 * i));
            header[7 + i] = static_cast<std::uint8_t>((e.height - 1) >> (8 * i));
        }
        if (e.alpha) header[0] |= kAlphaFlag;
    }
    std::vector<Chunk> ordered;
    if (!e.metadata.iccProfile.empty()) {
        header[0] |= kIccFlag;
        ordered.push_back({"ICCP", e.metadata.iccProfile});
    }
    for (Chunk& c : chunks)
        if (c.fourcc != "ICCP" && c.fourcc != "EXIF" && c.fourcc != "XMP ") ordered.push_back(std::move(c));
    if (!e.metadata.exif.empty()) {
        header[0] |= kExifFlag;
        ordered.push_back({"EXIF", e.metadata.exif});
    }
    if (!e.record.empty()) {
        header[0] |= kXmpFlag;
        const std::string xmp = xmpWithRecord(e.record);
        ordered.push_back({"XMP ", Bytes(xmp.begin(), xmp.end())});
    }
    ordered.insert(ordered.begin(), Chunk{"VP8X", header});

    Bytes out;
    appendText(out, "RIFF");
    appendU32(out, 0, false); // patched below
    appendText(out, "WEBP");
    for (const Chunk& c : ordered) {
        appendText(out, c.fourcc);
        appendU32(out, static_cast<std::uint32_t>(c.data.size()), false);
        out.insert(out.end(), c.data.begin(), c.data.end());
        if (c.data.size() & 1) out.push_back(0);
    }
    writeU32(&out[4], static_cast<std::uint32_t>(out.size() - 8), false);
    file.swap(out);
}

} // namespace rdbm::metadata

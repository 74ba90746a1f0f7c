// PNG: iCCP (zlib-compressed profile), eXIf (raw EXIF) and iTXt "rdbm-record"
// chunks, inserted right after IHDR so that they precede PLTE and IDAT as required.
#include <algorithm>
#include <cstring>

#include <zlib.h>

#include "EmbeddedMetadata.h"

namespace rdbm::metadata {
namespace {

const char kRecordKey[] = "rdbm-record";
constexpr size_t kMaxProfile = 16u << 20; // refuse to inflate beyond this (a bomb guard)

struct Chunk {
    std::string type;
    const std::uint8_t* data;
    size_t size;
};

// Calls f(chunk) for each well-formed chunk until IEND or the first malformed one.
template <class F>
void forEachChunk(const Bytes& file, F f) {
    size_t at = 8;
    while (at + 12 <= file.size()) {
        const size_t size = readU32(&file[at], true);
        if (size > file.size() - at - 12) return;
        const Chunk c{std::string(reinterpret_cast<const char*>(&file[at + 4]), 4), &file[at + 8], size};
        if (c.type == "IEND") return;
        f(c);
        at += 12 + size;
    }
}

Bytes inflateAll(const std::uint8_t* data, size_t size) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return {};
    Bytes out;
    std::uint8_t buffer[16384];
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = static_cast<uInt>(size);
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= kMaxProfile) {
        z.next_out = buffer;
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.insert(out.end(), buffer, buffer + (sizeof buffer - z.avail_out));
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : Bytes{};
}

void appendChunk(Bytes& out, const char* type, const Bytes& data) {
    appendU32(out, static_cast<std::uint32_t>(data.size()), true);
    const size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    const uLong crc = crc32(0L, &out[typeAt], static_cast<uInt>(4 + data.size()));
    appendU32(out, static_cast<std::uint32_t>(crc), true);
}

} // namespace

ImageMetadata pngMetadata(const Bytes& file) {
    ImageMetadata m;
    forEachChunk(file, [&](const Chunk& c) {
        if (c.type == "iCCP") {
            const auto* nul = static_cast<const std::uint8_t*>(std::memchr(c.data, 0, std::min<size_t>(c.size, 80)));
            if (nul == nullptr || nul + 2 > c.data + c.size || nul[1] != 0) return; // method 0: zlib
            m.iccProfile = inflateAll(nul + 2, static_cast<size_t>(c.data + c.size - (nul + 2)));
        } else if (c.type == "eXIf") {
            m.exif = normalizedExif(c.data, c.size);
        }
    });
    return m;
}

std::string pngRecord(const Bytes& file) {
    std::string record;
    forEachChunk(file, [&](const Chunk& c) {
        if ((c.type != "iTXt" && c.type != "tEXt") || c.size < sizeof kRecordKey ||
            std::memcmp(c.data, kRecordKey, sizeof kRecordKey) != 0)
            return;
        const char* p = reinterpret_cast<const char*>(c.data) + sizeof kRecordKey;
        const char* end = reinterpret_cast<const char*>(c.data) + c.size;
        if (c.type == "iTXt") {                   // flag, method, language\0, translated keyword\0, text
            if (end - p < 2 || p[0] != 0) return; // only the uncompressed form is written
            p += 2;
            for (int field = 0; field < 2; ++field) {
                const char* nul = static_cast<const char*>(std::memchr(p, 0, static_cast<size_t>(end - p)));
                if (nul == nullptr) return;
                p = nul + 1;
            }
        }
        record.assign(p, end);
    });
    return record;
}

void embedPng(Bytes& file, const Embedding& e) {
    const size_t afterHeader = 8 + 12 + 13; // signature, IHDR
    Bytes chunks;
    if (!e.metadata.iccProfile.empty()) {
        Bytes data;
        appendText(data, "ICC Profile");
        data.push_back(0); // end of the name
        data.push_back(0); // compression method: zlib
        uLongf size = compressBound(static_cast<uLong>(e.metadata.iccProfile.size()));
        Bytes packed(size);
        if (compress2(packed.data(), &size, e.metadata.iccProfile.data(),
                      static_cast<uLong>(e.metadata.iccProfile.size()), 9) == Z_OK) {
            data.insert(data.end(), packed.begin(), packed.begin() + static_cast<std::ptrdiff_t>(size));
            appendChunk(chunks, "iCCP", data);
        }
    }
    if (!e.metadata.exif.empty()) appendChunk(chunks, "eXIf", e.metadata.exif);
    if (!e.record.empty()) {
        Bytes data;
        appendText(data, kRecordKey);
        for (int i = 0; i < 4; ++i) data.push_back(0); // keyword end, uncompressed, method, no language
        data.push_back(0);                             // no translated keyword
        appendText(data, e.record);
        appendChunk(chunks, "iTXt", data);
    }
    file.insert(file.begin() + static_cast<std::ptrdiff_t>(afterHeader), chunks.begin(), chunks.end());
}

} // namespace rdbm::metadata

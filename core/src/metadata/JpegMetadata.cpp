// JPEG: EXIF in an APP1 "Exif\0\0" segment, the ICC profile in APP2 "ICC_PROFILE"
// segments (numbered, at most 65519 bytes each), the run record in a COM segment
// starting "rdbm-record:". They go after SOI and the JFIF APP0 that must come first.
#include <algorithm>
#include <cstring>
#include <map>

#include "EmbeddedMetadata.h"

namespace rdbm::metadata {
namespace {

const char kIccTag[] = "ICC_PROFILE"; // with its NUL: 12 bytes, then sequence and count
const char kRecordPrefix[] = "rdbm-record:";
constexpr size_t kMaxSegment = 65533; // payload bytes a segment's 16-bit length allows
constexpr size_t kIccChunk = kMaxSegment - 14;

struct Segment {
    std::uint8_t marker;
    size_t at; // of the 0xFF
    const std::uint8_t* data;
    size_t size; // payload, without the length bytes
};

// Calls f for each segment with a length, up to the start of scan.
template <class F>
void forEachSegment(const Bytes& file, F f) {
    if (file.size() < 4 || file[0] != 0xFF || file[1] != 0xD8) return;
    size_t at = 2;
    while (at + 4 <= file.size()) {
        if (file[at] != 0xFF) return;
        const std::uint8_t marker = file[at + 1];
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return; // start of scan, end of image
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        const size_t length = readU16(&file[at + 2], true);
        if (length < 2 || at + 2 + length > file.size()) return;
        f(Segment{marker, at, &file[at + 4], length - 2});
        at += 2 + length;
    }
}

void appendSegment(Bytes& out, std::uint8_t marker, const Bytes& payload) {
    out.push_back(0xFF);
    out.push_back(marker);
    appendU16(out, static_cast<std::uint16_t>(payload.size() + 2), true);
    out.insert(out.end(), payload.begin(), payload.end());
}

} // namespace

ImageMetadata jpegMetadata(const Bytes& file) {
    ImageMetadata m;
    std::map<int, Bytes> iccParts;
    int iccCount = 0;
    forEachSegment(file, [&](const Segment& s) {
        if (s.marker == 0xE1 && s.size > 6 && std::memcmp(s.data, "Exif\0\0", 6) == 0 && m.exif.empty()) {
            m.exif = normalizedExif(s.data, s.size);
        } else if (s.marker == 0xE2 && s.size > 14 && std::memcmp(s.data, kIccTag, sizeof kIccTag) == 0) {
            iccParts[s.data[12]] = Bytes(s.data + 14, s.data + s.size);
            iccCount = s.data[13];
        }
    });
    // All parts 1..count present, or no profile (a partial one would mislead a viewer).
    if (iccCount > 0 && static_cast<int>(iccParts.size()) == iccCount && iccParts.begin()->first == 1 &&
        iccParts.rbegin()->first == iccCount)
        for (const auto& [seq, part] : iccParts) m.iccProfile.insert(m.iccProfile.end(), part.begin(), part.end());
    return m;
}

std::string jpegRecord(const Bytes& file) {
    std::string record;
    forEachSegment(file, [&](const Segment& s) {
        const size_t prefix = sizeof kRecordPrefix - 1;
        if (s.marker == 0xFE && s.size >= prefix && std::memcmp(s.data, kRecordPrefix, prefix) == 0)
            record.assign(reinterpret_cast<const char*>(s.data) + prefix, s.size - prefix);
    });
    return record;
}

std::vector<std::string> embedJpeg(Bytes& file, const Embedding& e) {
    std::vector<std::string> notes;
    if (file.size() < 4 || file[0] != 0xFF || file[1] != 0xD8)
        return {"JPEG output: unexpected encoder output, metadata not added"};
    size_t insertAt = 2;
    forEachSegment(file, [&](const Segment& s) {
        if (s.at == 2 && s.marker == 0xE0) insertAt = 2 + 2 + 2 + s.size; // keep JFIF first
    });
    Bytes segments;
    if (!e.metadata.exif.empty()) {
        if (e.metadata.exif.size() + 6 > kMaxSegment) {
            notes.push_back("JPEG output: the EXIF block (" + std::to_string(e.metadata.exif.size()) +
                            " bytes) exceeds one APP1 segment and is not carried");
        } else {
            Bytes payload;
            appendText(payload, std::string("Exif\0\0", 6));
            payload.insert(payload.end(), e.metadata.exif.begin(), e.metadata.exif.end());
            appendSegment(segments, 0xE1, payload);
        }
    }
    const Bytes& icc = e.metadata.iccProfile;
    const size_t parts = (icc.size() + kIccChunk - 1) / kIccChunk;
    if (parts > 255) {
        notes.push_back("JPEG output: the ICC profile (" + std::to_string(icc.size()) +
                        " bytes) is too large to carry");
    } else {
        for (size_t i = 0; i < parts; ++i) {
            Bytes payload(kIccTag, kIccTag + sizeof kIccTag);
            payload.push_back(static_cast<std::uint8_t>(i + 1));
            payload.push_back(static_cast<std::uint8_t>(parts));
            const size_t from = i * kIccChunk, to = std::min(icc.size(), from + kIccChunk);
            payload.insert(payload.end(), icc.begin() + static_cast<std::ptrdiff_t>(from),
                           icc.begin() + static_cast<std::ptrdiff_t>(to));
            appendSegment(segments, 0xE2, payload);
        }
    }
    if (!e.record.empty()) {
        if (e.record.size() + sizeof kRecordPrefix > kMaxSegment) {
            notes.push_back("JPEG output: the run record is too long for a comment segment");
        } else {
            Bytes payload;
            appendText(payload, kRecordPrefix + e.record);
            appendSegment(segments, 0xFE, payload);
        }
    }
    file.insert(file.begin() + static_cast<std::ptrdiff_t>(insertAt), segments.begin(), segments.end());
    return notes;
}

} // namespace rdbm::metadata

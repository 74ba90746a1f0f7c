// TIFF: the ICC profile (tag 34675), an XMP packet with the run record (tag 700) and
// the EXIF data live in IFD0 (EXIF as IFD0's descriptive tags, such as Make, plus
// pointers to the EXIF and GPS sub-IFDs). Adding them appends the values and a new
// IFD0 (old entries plus the new ones, sorted by tag) at the end and points the header
// at it; everything the old entries refer to stays where it was.
#include <algorithm>
#include <array>
#include <cstring>

#include "EmbeddedMetadata.h"
#include "IfdCopy.h"

namespace rdbm::metadata {
namespace {

constexpr std::uint16_t kIccTag = 34675, kXmpTag = 700;

using Entry = IfdEntry;

struct Ifd {
    bool bigEndian = false;
    size_t offset = 0;
    std::vector<Entry> entries;
    std::uint32_t next = 0;
    bool ok = false;
};

Ifd readIfd0(const Bytes& file) {
    Ifd ifd;
    if (file.size() < 8) return ifd;
    if (std::memcmp(file.data(), "MM\0*", 4) == 0)
        ifd.bigEndian = true;
    else if (std::memcmp(file.data(), "II*\0", 4) != 0)
        return ifd; // BigTIFF and others: left alone
    const size_t at = readU32(&file[4], ifd.bigEndian);
    if (at + 2 > file.size()) return ifd;
    ifd.offset = at;
    const size_t count = readU16(&file[at], ifd.bigEndian);
    if (at + 2 + 12 * count + 4 > file.size()) return ifd;
    for (size_t i = 0; i < count; ++i) {
        Entry e{};
        std::copy_n(&file[at + 2 + 12 * i], 12, e.raw.begin());
        e.tag = readU16(e.raw.data(), ifd.bigEndian);
        ifd.entries.push_back(e);
    }
    ifd.next = readU32(&file[at + 2 + 12 * count], ifd.bigEndian);
    ifd.ok = true;
    return ifd;
}

// The bytes of a BYTE or UNDEFINED entry (the only kinds read here).
Bytes entryBytes(const Bytes& file, const Ifd& ifd, std::uint16_t tag) {
    for (const Entry& e : ifd.entries) {
        if (e.tag != tag) continue;
        const std::uint16_t type = readU16(&e.raw[2], ifd.bigEndian);
        if (type != 1 && type != 7) return {};
        const size_t count = readU32(&e.raw[4], ifd.bigEndian);
        if (count <= 4) return Bytes(e.raw.begin() + 8, e.raw.begin() + 8 + static_cast<std::ptrdiff_t>(count));
        const size_t offset = readU32(&e.raw[8], ifd.bigEndian);
        if (offset > file.size() || count > file.size() - offset) return {};
        return Bytes(file.begin() + static_cast<std::ptrdiff_t>(offset),
                     file.begin() + static_cast<std::ptrdiff_t>(offset + count));
    }
    return {};
}

// Appends `value` (word-aligned) and returns the entry pointing at it.
Entry appendValue(Bytes& file, bool bigEndian, std::uint16_t tag, std::uint16_t type, const Bytes& value) {
    if (file.size() & 1) file.push_back(0);
    Entry e{tag, {}};
    Bytes raw;
    appendU16(raw, tag, bigEndian);
    appendU16(raw, type, bigEndian);
    appendU32(raw, static_cast<std::uint32_t>(value.size()), bigEndian);
    appendU32(raw, static_cast<std::uint32_t>(file.size()), bigEndian);
    std::copy(raw.begin(), raw.end(), e.raw.begin());
    file.insert(file.end(), value.begin(), value.end());
    return e;
}

} // namespace

ImageMetadata tiffMetadata(const Bytes& file) {
    ImageMetadata m;
    const Ifd ifd = readIfd0(file);
    if (!ifd.ok) return m;
    m.iccProfile = entryBytes(file, ifd, kIccTag);
    // The file's own descriptive tags and sub-IFDs, as an EXIF block of the same byte order.
    Bytes exif;
    const std::uint8_t magic[2][4] = {{'I', 'I', 42, 0}, {'M', 'M', 0, 42}};
    exif.assign(magic[ifd.bigEndian], magic[ifd.bigEndian] + 4);
    appendU32(exif, 0, ifd.bigEndian);
    std::vector<Entry> entries =
        copyIfdEntries({file.data(), file.size(), ifd.bigEndian}, ifd.offset, exif, ifd.bigEndian,
                       [](std::uint16_t tag) { return !isImageStructureTag(tag); });
    if (entries.empty()) return m;
    // Appending may reallocate `exif`: take the offset first, then address the header.
    const std::uint32_t at = appendIfd(exif, ifd.bigEndian, std::move(entries), 0);
    writeU32(&exif[4], at, ifd.bigEndian);
    m.exif = normalizedExif(exif.data(), exif.size());
    return m;
}

std::string tiffRecord(const Bytes& file) {
    const Ifd ifd = readIfd0(file);
    if (!ifd.ok) return {};
    const Bytes xmp = entryBytes(file, ifd, kXmpTag);
    return recordFromXmp(std::string(xmp.begin(), xmp.end()));
}

void embedTiff(Bytes& file, const Embedding& e) {
    Ifd ifd = readIfd0(file);
    if (!ifd.ok || file.size() > 0xFFFF0000u) return;
    const auto drop = [&](std::uint16_t tag) {
        ifd.entries.erase(
            std::remove_if(ifd.entries.begin(), ifd.entries.end(), [&](const Entry& x) { return x.tag == tag; }),
            ifd.entries.end());
    };
    if (!e.metadata.iccProfile.empty()) {
        drop(kIccTag);
        ifd.entries.push_back(appendValue(file, ifd.bigEndian, kIccTag, 7, e.metadata.iccProfile));
    }
    const Bytes& exif = e.metadata.exif;
    if (exif.size() >= 8) {
        const bool be = exif[0] == 'M';
        const auto present = [&](std::uint16_t tag) {
            return std::any_of(ifd.entries.begin(), ifd.entries.end(), [&](const Entry& x) { return x.tag == tag; });
        };
        std::vector<Entry> copied =
            copyIfdEntries({exif.data(), exif.size(), be}, readU32(&exif[4], be), file, ifd.bigEndian,
                           [&](std::uint16_t tag) { return !isImageStructureTag(tag) && !present(tag); });
        ifd.entries.insert(ifd.entries.end(), copied.begin(), copied.end());
    }
    if (!e.record.empty()) {
        drop(kXmpTag);
        const std::string xmp = xmpWithRecord(e.record);
        ifd.entries.push_back(appendValue(file, ifd.bigEndian, kXmpTag, 1, Bytes(xmp.begin(), xmp.end())));
    }
    const std::uint32_t at = appendIfd(file, ifd.bigEndian, std::move(ifd.entries), ifd.next);
    writeU32(&file[4], at, ifd.bigEndian);
}

} // namespace rdbm::metadata

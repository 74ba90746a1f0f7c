#include "IfdCopy.h"

#include <algorithm>

namespace rdbm::metadata {
namespace {

constexpr std::uint16_t kExifIfd = 34665, kGpsIfd = 34853, kInteropIfd = 40965;
constexpr int kMaxDepth = 4; // IFD0 -> EXIF -> interoperability, with room; stops loops

// Bytes per value of a TIFF field type, 0 for unknown types.
size_t typeSize(std::uint16_t type) {
    switch (type) {
    case 1:
    case 2:
    case 6:
    case 7: return 1; // BYTE, ASCII, SBYTE, UNDEFINED
    case 3:
    case 8: return 2; // SHORT, SSHORT
    case 4:
    case 9:
    case 11:
    case 13: return 4; // LONG, SLONG, FLOAT, IFD
    case 5:
    case 10:
    case 12: return 8; // RATIONAL, SRATIONAL, DOUBLE
    default: return 0;
    }
}

// The width of the numbers inside a value, for swapping: rationals are two 4-byte numbers.
size_t swapUnit(std::uint16_t type) {
    const size_t size = typeSize(type);
    return type == 5 || type == 10 ? 4 : size;
}

void appendAligned(Bytes& target, const Bytes& value) {
    if (target.size() & 1) target.push_back(0);
    target.insert(target.end(), value.begin(), value.end());
}

std::vector<IfdEntry> copyEntries(const TiffSource& src, size_t ifd, Bytes& target, bool be,
                                  const std::function<bool(std::uint16_t)>& keep, int depth) {
    std::vector<IfdEntry> out;
    if (depth > kMaxDepth || ifd + 2 > src.size) return out;
    const size_t count = readU16(src.data + ifd, src.bigEndian);
    // A forged block could repeat a tag or point sub-IFDs back at themselves: each tag
    // is copied once per IFD, and the copy never grows past a few times the source.
    std::vector<bool> seen(65536, false);
    const size_t budget = target.size() + 4 * src.size + 4096;
    for (size_t i = 0; i < count && target.size() < budget; ++i) {
        const size_t e = ifd + 2 + 12 * i;
        if (e + 12 > src.size) break;
        const std::uint8_t* p = src.data + e;
        const std::uint16_t tag = readU16(p, src.bigEndian), type = readU16(p + 2, src.bigEndian);
        const std::uint32_t n = readU32(p + 4, src.bigEndian);
        const size_t unit = typeSize(type);
        if (!keep(tag) || unit == 0 || n > src.size / unit) continue;
        if (seen[tag]) continue;
        seen[tag] = true;
        const size_t bytes = unit * n;
        const size_t at = bytes <= 4 ? e + 8 : readU32(p + 8, src.bigEndian);
        if (at > src.size || bytes > src.size - at) continue;

        IfdEntry entry;
        entry.tag = tag;
        Bytes head;
        appendU16(head, tag, be);
        appendU16(head, type, be);
        appendU32(head, n, be);
        std::copy(head.begin(), head.end(), entry.raw.begin());
        if ((tag == kExifIfd || tag == kGpsIfd || tag == kInteropIfd) && n == 1 && (type == 4 || type == 13)) {
            const size_t sub = readU32(src.data + at, src.bigEndian);
            std::vector<IfdEntry> inner = copyEntries(
                src, sub, target, be, [](std::uint16_t) { return true; }, depth + 1);
            if (inner.empty()) continue;
            Bytes offset;
            appendU32(offset, appendIfd(target, be, std::move(inner), 0), be);
            std::copy(offset.begin(), offset.end(), entry.raw.begin() + 8);
            out.push_back(entry);
            continue;
        }
        Bytes value(src.data + at, src.data + at + bytes);
        const size_t w = swapUnit(type);
        if (src.bigEndian != be && w > 1)
            for (size_t k = 0; k + w <= value.size(); k += w) std::reverse(value.begin() + k, value.begin() + k + w);
        if (bytes <= 4) {
            std::copy(value.begin(), value.end(), entry.raw.begin() + 8);
        } else {
            appendAligned(target, {});
            Bytes offset;
            appendU32(offset, static_cast<std::uint32_t>(target.size()), be);
            std::copy(offset.begin(), offset.end(), entry.raw.begin() + 8);
            target.insert(target.end(), value.begin(), value.end());
        }
        out.push_back(entry);
    }
    return out;
}

} // namespace

std::vector<IfdEntry> copyIfdEntries(const TiffSource& src, size_t ifdOffset, Bytes& target, bool targetBigEndian,
                                     const std::function<bool(std::uint16_t)>& keep) {
    return copyEntries(src, ifdOffset, target, targetBigEndian, keep, 0);
}

std::uint32_t appendIfd(Bytes& target, bool bigEndian, std::vector<IfdEntry> entries, std::uint32_t next) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const IfdEntry& a, const IfdEntry& b) { return a.tag < b.tag; });
    appendAligned(target, {});
    const auto at = static_cast<std::uint32_t>(target.size());
    appendU16(target, static_cast<std::uint16_t>(entries.size()), bigEndian);
    for (const IfdEntry& e : entries) target.insert(target.end(), e.raw.begin(), e.raw.end());
    appendU32(target, next, bigEndian);
    return at;
}

bool isImageStructureTag(std::uint16_t tag) {
    switch (tag) {
    case 254:
    case 255:
    case 256:
    case 257:
    case 258:
    case 259:
    case 262:
    case 263:
    case 266:
    case 273:
    case 277:
    case 278:
    case 279:
    case 280:
    case 281:
    case 284:
    case 290:
    case 291:
    case 317:
    case 320:
    case 322:
    case 323:
    case 324:
    case 325:
    case 330:
    case 338:
    case 339:
    case 340:
    case 341:
    case 347:
    case 513:
    case 514:
    case 529:
    case 530:
    case 531:
    case 532:
    case 34377: // Photoshop's resources and layers (37724): often megabytes, and not EXIF
    case 37724:
    case 34675: // ICC profile: carried on its own
    case 700:   // XMP: holds the run record
        return true;
    default: return false;
    }
}

} // namespace rdbm::metadata

#include "checkpoint/ZipArchive.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "checkpoint/FormatError.h"

namespace rdbm::checkpoint {

namespace {

constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr uint32_t kEnd64Sig = 0x06064b50, kEnd64LocatorSig = 0x07064b50;
constexpr size_t kEndSize = 22, kCentralSize = 46, kLocalSize = 30;

uint16_t u16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t u32(const unsigned char* p) { return u16(p) | static_cast<uint32_t>(u16(p + 2)) << 16; }
uint64_t u64(const unsigned char* p) { return u32(p) | static_cast<uint64_t>(u32(p + 4)) << 32; }

struct EndRecord {
    uint64_t entries = 0, cdSize = 0, cdOffset = 0;
    uint64_t position = 0; // where the (32-bit) end record starts
};

// Finds the end-of-central-directory record: the last 22+comment bytes of the file.
bool findEnd(std::ifstream& f, uint64_t fileSize, EndRecord& end, std::vector<unsigned char>& tail) {
    const uint64_t tailSize = std::min<uint64_t>(fileSize, kEndSize + 0xffff);
    if (tailSize < kEndSize) return false;
    tail.resize(tailSize);
    f.seekg(static_cast<std::streamoff>(fileSize - tailSize));
    if (!f.read(reinterpret_cast<char*>(tail.data()), static_cast<std::streamsize>(tailSize))) return false;
    for (size_t i = tailSize - kEndSize + 1; i-- > 0;) {
        const unsigned char* p = tail.data() + i;
        if (u32(p) != kEndSig) continue;
        if (i + kEndSize + u16(p + 20) != tailSize) continue; // comment must end at EOF
        end.entries = u16(p + 10);
        end.cdSize = u32(p + 12);
        end.cdOffset = u32(p + 16);
        end.position = fileSize - tailSize + i;
        return true;
    }
    return false;
}

} // namespace

bool ZipArchive::looksLikeZip(const std::string& path) {
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) return false;
    const auto size = static_cast<uint64_t>(f.tellg());
    EndRecord end;
    std::vector<unsigned char> tail;
    return findEnd(f, size, end, tail);
}

void ZipArchive::readBytes(uint64_t offset, void* dst, size_t n) {
    if (offset > fileSize_ || n > fileSize_ - offset)
        throw FormatError("zip archive is truncated (needs bytes " + std::to_string(offset) + ".." +
                          std::to_string(offset + n) + ", file has " + std::to_string(fileSize_) + ")");
    file_.clear();
    file_.seekg(static_cast<std::streamoff>(offset));
    if (!file_.read(static_cast<char*>(dst), static_cast<std::streamsize>(n)))
        throw FormatError("read error at byte " + std::to_string(offset));
}

ZipArchive::ZipArchive(const std::string& path) : file_(path, std::ios::binary | std::ios::ate) {
    if (!file_) throw FormatError("cannot open file");
    fileSize_ = static_cast<uint64_t>(file_.tellg());
    budget_ = 4 * fileSize_ + (uint64_t(16) << 20);

    EndRecord end;
    std::vector<unsigned char> tail;
    if (!findEnd(file_, fileSize_, end, tail))
        throw FormatError("truncated or damaged zip archive (no end-of-central-directory record)");

    // zip64: a locator just before the end record points at the 64-bit end record.
    if (end.position >= 20) {
        unsigned char loc[20];
        readBytes(end.position - 20, loc, sizeof loc);
        if (u32(loc) == kEnd64LocatorSig) {
            const uint64_t end64 = u64(loc + 8);
            unsigned char rec[56];
            if (end64 > end.position || end.position - end64 < sizeof rec)
                throw FormatError("damaged zip64 end record (offset " + std::to_string(end64) + ")");
            readBytes(end64, rec, sizeof rec);
            if (u32(rec) != kEnd64Sig) throw FormatError("damaged zip64 end record (bad signature)");
            end.entries = u64(rec + 32);
            end.cdSize = u64(rec + 40);
            end.cdOffset = u64(rec + 48);
        }
    }
    if (end.cdOffset > end.position || end.cdSize > end.position - end.cdOffset)
        throw FormatError("truncated or damaged zip archive (central directory at " + std::to_string(end.cdOffset) +
                          " + " + std::to_string(end.cdSize) + " bytes lies outside the file)");
    if (end.entries > end.cdSize / kCentralSize)
        throw FormatError("damaged zip archive (" + std::to_string(end.entries) + " entries cannot fit in a " +
                          std::to_string(end.cdSize) + "-byte central directory)");

    std::vector<unsigned char> cd(static_cast<size_t>(end.cdSize));
    readBytes(end.cdOffset, cd.data(), cd.size());
    size_t pos = 0;
    for (uint64_t n = 0; n < end.entries; ++n) {
        if (cd.size() - pos < kCentralSize || u32(cd.data() + pos) != kCentralSig)
            throw FormatError("damaged zip central directory (entry " + std::to_string(n) + ")");
        const unsigned char* p = cd.data() + pos;
        Entry e;
        const uint16_t flags = u16(p + 8);
        e.method = u16(p + 10);
        e.crc = u32(p + 16);
        e.compressedSize = u32(p + 20);
        e.size = u32(p + 24);
        const size_t nameLen = u16(p + 28), extraLen = u16(p + 30), commentLen = u16(p + 32);
        e.localHeaderOffset = u32(p + 42);
        if (cd.size() - pos - kCentralSize < nameLen + extraLen + commentLen)
            throw FormatError("damaged zip central directory (entry " + std::to_string(n) + " runs past its end)");
        e.name.assign(reinterpret_cast<const char*>(p + kCentralSize), nameLen);
        if (flags & 1u) throw FormatError("zip entry '" + e.name + "' is encrypted");

        // zip64 extra field: the 64-bit values of the fields set to 0xffffffff, in order.
        const unsigned char* x = p + kCentralSize + nameLen;
        for (size_t xi = 0; xi + 4 <= extraLen;) {
            const uint16_t id = u16(x + xi), len = u16(x + xi + 2);
            if (xi + 4 + len > extraLen) break;
            if (id == 0x0001) {
                const unsigned char* v = x + xi + 4;
                size_t left = len;
                auto take = [&](uint64_t& field) {
                    if (field != 0xffffffffu) return;
                    if (left < 8) throw FormatError("damaged zip64 extra field for '" + e.name + "'");
                    field = u64(v);
                    v += 8;
                    left -= 8;
                };
                take(e.size);
                take(e.compressedSize);
                take(e.localHeaderOffset);
            }
            xi += 4 + len;
        }
        pos += kCentralSize + nameLen + extraLen + commentLen;
        index_.emplace(e.name, entries_.size());
        entries_.push_back(std::move(e));
    }
}

const ZipArchive::Entry* ZipArchive::find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &entries_[it->second];
}

void ZipArchive::spend(const Entry& e, uint64_t bytes) {
    if (bytes > budget_)
        throw FormatError("zip entry '" + e.name + "' would take the bytes read from this archive past its budget (" +
                          std::to_string(bytes) + " more bytes, " + std::to_string(budget_) +
                          " left of 4x the file size + 16 MiB): a decompression bomb or a damaged size");
    budget_ -= bytes;
}

std::vector<unsigned char> ZipArchive::read(const Entry& e, uint64_t sizeLimit, uint64_t prefixBytes) {
    unsigned char lh[kLocalSize];
    readBytes(e.localHeaderOffset, lh, sizeof lh);
    if (u32(lh) != kLocalSig) throw FormatError("damaged zip entry '" + e.name + "' (bad local header)");
    const uint64_t dataOffset = e.localHeaderOffset + kLocalSize + u16(lh + 26) + u16(lh + 28);
    if (dataOffset > fileSize_ || e.compressedSize > fileSize_ - dataOffset)
        throw FormatError("zip entry '" + e.name + "' runs past the end of the file (truncated archive?)");
    if (e.size > sizeLimit)
        throw FormatError("zip entry '" + e.name + "' is too large (" + std::to_string(e.size) + " bytes, limit " +
                          std::to_string(sizeLimit) + ")");
    // Only the bytes asked for are produced; a whole entry is CRC-checked.
    const bool whole = prefixBytes >= e.size;
    const uint64_t want = whole ? e.size : prefixBytes;
    spend(e, want);

    std::vector<unsigned char> out;
    if (e.method == 0) {
        if (e.compressedSize != e.size)
            throw FormatError("damaged zip entry '" + e.name + "' (stored sizes differ)");
        out.resize(static_cast<size_t>(want));
        readBytes(dataOffset, out.data(), out.size());
    } else if (e.method == 8) {
        if (e.size / 1032 > e.compressedSize + 1) // deflate cannot expand more than ~1032:1
            throw FormatError("damaged zip entry '" + e.name + "' (implausible size)");
        // One spare byte when reading the whole entry: more data than declared shows.
        out.resize(static_cast<size_t>(want) + (whole ? 1 : 0));
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw FormatError("zlib initialisation failed");
        std::vector<unsigned char> packed(static_cast<size_t>(std::min<uint64_t>(e.compressedSize, 1u << 20)));
        int rc = Z_OK;
        uint64_t inPos = 0;
        size_t outPos = 0;
        while (rc == Z_OK && zs.total_out < want + (whole ? 1 : 0)) { // compressed data read in 1 MiB chunks
            if (zs.avail_in == 0 && inPos < e.compressedSize) {
                const size_t n = static_cast<size_t>(std::min<uint64_t>(e.compressedSize - inPos, packed.size()));
                readBytes(dataOffset + inPos, packed.data(), n);
                zs.next_in = packed.data();
                zs.avail_in = static_cast<uInt>(n);
                inPos += n;
            }
            if (zs.avail_out == 0 && outPos < out.size()) {
                zs.next_out = out.data() + outPos;
                zs.avail_out = static_cast<uInt>(std::min<size_t>(out.size() - outPos, 1u << 30));
                outPos += zs.avail_out;
            }
            rc = inflate(&zs, Z_NO_FLUSH); // Z_BUF_ERROR: no progress possible (input or output exhausted)
        }
        const uint64_t produced = zs.total_out;
        inflateEnd(&zs);
        if (whole ? (rc != Z_STREAM_END || produced != e.size) : (produced < want))
            throw FormatError("corrupt compressed data in zip entry '" + e.name + "' (inflates to " +
                              std::to_string(produced) + (whole ? "" : "+") + " bytes, the archive declares " +
                              std::to_string(e.size) + ")");
        out.resize(static_cast<size_t>(want));
    } else {
        throw FormatError("zip entry '" + e.name + "' uses unsupported compression method " + std::to_string(e.method));
    }
    // Some writers can skip CRCs (and write 0); check whenever one is present.
    if (whole && (e.crc != 0 || e.size == 0)) {
        uLong crc = crc32(0L, Z_NULL, 0);
        for (size_t i = 0; i < out.size(); i += 1u << 30)
            crc = crc32(crc, out.data() + i, static_cast<uInt>(std::min<size_t>(out.size() - i, 1u << 30)));
        if (crc != e.crc) throw FormatError("zip entry '" + e.name + "' is corrupt (CRC mismatch)");
    }
    return out;
}

} // namespace rdbm::checkpoint

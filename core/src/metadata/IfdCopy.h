#pragma once
// Copies TIFF directory entries (IFDs) from one TIFF-structured buffer to another: an
// EXIF block into a TIFF file's IFD0 and back. Values are re-encoded in the target's
// byte order, values too large for an entry are appended to the target, and the EXIF,
// GPS and interoperability sub-IFDs are copied with them (their offsets rewritten).
// Maker notes keep their bytes; offsets inside them are the camera maker's and may
// no longer point right (every EXIF editor has this limit).
#include <array>
#include <functional>

#include "ByteOrder.h"

namespace rdbm::metadata {

struct IfdEntry {
    std::uint16_t tag = 0;
    std::array<std::uint8_t, 12> raw{}; // in the target's byte order
};

struct TiffSource {
    const std::uint8_t* data;
    size_t size;
    bool bigEndian;
};

// The entries of the IFD at `ifdOffset` in src for which keep(tag) holds, their values
// appended to `target` (byte order targetBigEndian, offsets counted from its start).
// Malformed entries are left out. `target` must stay below 4 GiB.
std::vector<IfdEntry> copyIfdEntries(const TiffSource& src, size_t ifdOffset, Bytes& target, bool targetBigEndian,
                                     const std::function<bool(std::uint16_t)>& keep);

// Appends an IFD made of `entries` (sorted here) with the given next-IFD offset; returns
// its offset in target.
std::uint32_t appendIfd(Bytes& target, bool bigEndian, std::vector<IfdEntry> entries, std::uint32_t next);

// Tags that describe a TIFF file's own pixels (size, strips, compression, ...), and
// bulky application data (Photoshop layers): never copied between a photo's EXIF and a
// TIFF file's IFD0.
bool isImageStructureTag(std::uint16_t tag);

} // namespace rdbm::metadata

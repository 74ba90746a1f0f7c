#pragma once
// What a photo carries besides its pixels and what rdbm passes from input to output:
// the ICC colour profile and the EXIF block. The pixels are never converted between
// colour spaces: the network sees the file's encoded values (sRGB-encoded for the
// usual camera and web files), and the output keeps the input's profile so a viewer
// shows it in the same colours.
#include <cstdint>
#include <vector>

namespace rdbm {

struct ImageMetadata {
    std::vector<std::uint8_t> iccProfile; // the profile's bytes, empty when none
    // TIFF-structured EXIF (starting "II*\0" or "MM\0*", without JPEG's "Exif\0\0"),
    // with IFD0's Orientation already set to 1: the reader applies it to the pixels.
    std::vector<std::uint8_t> exif;
    bool empty() const { return iccProfile.empty() && exif.empty(); }
};

} // namespace rdbm

#pragma once
// Looks at an encoded image before anything decodes it: the format by content (magic
// bytes, never the extension), the declared size, EXIF orientation, and the structural
// signs of truncation that decoders let through (a JPEG without its end marker decodes
// to grey rows with only a warning).
#include <cstddef>
#include <string>

namespace rdbm {

struct ImageProbe {
    std::string format; // "png", "jpg", "tif", "webp", "bmp"
    long long width = 0, height = 0;
    int orientation = 1;   // EXIF orientation, 1..8
    bool grayscale = false; // declared as grey (PNG colour types 0/4, 1-component JPEG, ...)
    // TIFF only: where IFD0's Orientation value is stored (0 if absent). libtiff applies
    // the tag itself for some sample layouts but not others, so the reader resets it to 1
    // before decoding and applies the orientation itself, like for every other format.
    size_t tiffOrientationOffset = 0;
    bool bigEndian = false;
};

// Throws Error(Image) "<name>: <problem>" for unknown formats, unreadable or truncated
// headers, zero or absurd sizes (width*height > maxPixels).
ImageProbe probeImage(const unsigned char* data, size_t size, const std::string& name, long long maxPixels);

} // namespace rdbm

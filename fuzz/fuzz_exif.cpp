// The EXIF orientation reader on arbitrary TIFF-structured blocks.
#include <cstdint>
#include <cstdlib>

#include "ExifOrientation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    size_t offset = 0;
    const int o = rdbm::exifOrientationFromTiff(data, size, &offset);
    if (o < 1 || o > 8 || (offset != 0 && offset + 2 > size)) std::abort(); // the contract in ExifOrientation.h
    return 0;
}

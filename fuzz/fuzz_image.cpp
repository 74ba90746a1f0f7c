// The image front end: the probe (format by content, declared size, truncation, EXIF)
// and, for inputs it accepts, readImage with OpenCV's decoders behind it.
#include "FuzzInput.h"
#include "ImageProbe.h"
#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        rdbm::probeImage(data, size, "fuzz", 1 << 22);
    } catch (const rdbm::Error&) {
        return 0;
    }
    const rdbm::fuzz::MemFile file(data, size);
    try {
        rdbm::ReadOptions options;
        options.maxPixels = 1 << 22; // 4 MPixel: decoding bigger declared sizes is the probe's job to refuse
        rdbm::readImage(file.path(), options);
    } catch (const rdbm::Error& e) {
        rdbm::fuzz::checkRefusal(file.path(), e.what());
    }
    return 0;
}

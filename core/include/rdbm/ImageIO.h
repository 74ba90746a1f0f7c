#pragma once
// Reading and writing photos: PNG, JPEG, TIFF, WebP, BMP; 8/16-bit; grayscale; alpha
// kept aside and passed through; EXIF orientation applied; ICC profile and EXIF kept
// (rdbm/ImageMetadata.h). Writes are atomic.
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "rdbm/ImageMetadata.h"

namespace rdbm {

struct Image {
    cv::Mat rgb;          // float32 RGB HxWx3 in [0,1] (grayscale inputs are replicated)
    cv::Mat alpha;        // float32 HxW in [0,1], empty when the input had none
    int bitDepth = 8;     // 8 or 16, of the source
    bool grayscale = false;
    std::string format;   // lower-case extension of the source: "png", "jpg", ...
    ImageMetadata metadata; // the source's ICC profile and EXIF (orientation reset to 1)
};

struct ReadOptions {
    long long maxPixels = 200LL * 1000 * 1000; // refuse absurd sizes before decoding
};

// Throws Error(Image) naming the file and the problem.
Image readImage(const std::string& path, const ReadOptions& options = {});

struct WriteOptions {
    int bitDepth = 0;        // 0 keeps image.bitDepth (clamped to what the format holds)
    bool overwrite = false;  // replace an existing file
    int jpegQuality = 95;
    bool keepMetadata = true; // write image.metadata where the format holds it
    std::string record;       // run record JSON (rdbm/RestoreRecord.h) to embed; empty for none
};

// Encodes by the path's extension, writes a temporary file beside it and renames.
// Throws Error(Usage) when the file exists and overwrite is false, Error(Image) otherwise.
// Returns notes on what the format could not carry (BMP: no ICC profile, EXIF or record;
// JPEG: blocks over its segment limits), for the caller to show; empty when all was kept.
std::vector<std::string> writeImage(const std::string& path, const Image& image, const WriteOptions& options = {});

bool isSupportedImageExtension(const std::string& path);

} // namespace rdbm

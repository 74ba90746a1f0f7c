#pragma once
// The ICC profile, EXIF and run record inside encoded files. OpenCV's encoders cannot
// write them, so they are added to the encoded bytes afterwards: PNG iCCP, eXIf and
// iTXt chunks; JPEG APP1 (EXIF), APP2 (ICC) and COM segments; WebP's extended format
// (VP8X with ICCP, EXIF and XMP chunks); a rewritten TIFF IFD0 (ICC, XMP, EXIF tags).
#include <string>
#include <vector>

#include "ByteOrder.h"
#include "rdbm/ImageMetadata.h"

namespace rdbm::metadata {

// What gets embedded into one encoded file.
struct Embedding {
    ImageMetadata metadata;
    std::string record; // the run record's JSON, empty for none
    bool alpha = false; // the encoded image has an alpha channel
    int width = 0, height = 0;
};

// format: "png", "jpg", "tif", "webp", "bmp" (by content, as ImageProbe names it).
// Unreadable metadata is ignored: it never stops a photo from loading.
ImageMetadata extractMetadata(const Bytes& file, const std::string& format);
// The stored run record's JSON, empty when there is none.
std::string extractRecord(const Bytes& file, const std::string& format);
// Adds what `e` holds to the encoded file; returns one note for each thing the format
// cannot carry (for the caller to show), e.g. "BMP cannot carry the ICC profile".
std::vector<std::string> embed(Bytes& file, const std::string& format, const Embedding& e);

// Per format (the files of this folder).
ImageMetadata pngMetadata(const Bytes& file);
std::string pngRecord(const Bytes& file);
void embedPng(Bytes& file, const Embedding& e);
ImageMetadata jpegMetadata(const Bytes& file);
std::string jpegRecord(const Bytes& file);
std::vector<std::string> embedJpeg(Bytes& file, const Embedding& e);
ImageMetadata webpMetadata(const Bytes& file);
std::string webpRecord(const Bytes& file);
void embedWebp(Bytes& file, const Embedding& e);
ImageMetadata tiffMetadata(const Bytes& file);
std::string tiffRecord(const Bytes& file);
void embedTiff(Bytes& file, const Embedding& e);

// XMP packet holding the record (TIFF tag 700, WebP "XMP " chunk) and back.
std::string xmpWithRecord(const std::string& record);
std::string recordFromXmp(const std::string& xmp);
// EXIF as stored: strips a leading "Exif\0\0", checks the TIFF header, sets IFD0's
// Orientation to 1. Empty when it is not a TIFF-structured block.
Bytes normalizedExif(const std::uint8_t* data, size_t size);

} // namespace rdbm::metadata

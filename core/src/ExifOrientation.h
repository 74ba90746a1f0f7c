#pragma once
// EXIF orientation (tag 0x0112): read from a TIFF-structured block (the payload of a
// JPEG APP1 "Exif" segment, a PNG eXIf chunk, a WebP EXIF chunk, or a TIFF file
// itself) and applied to decoded pixels, since OpenCV's IMREAD_UNCHANGED ignores it.
#include <cstddef>

#include <opencv2/core/mat.hpp>

namespace rdbm {

// The orientation stored in IFD0 (1..8); 1 when absent, unreadable or out of range.
// Tolerates a leading "Exif\0\0" (some writers put it in PNG/WebP chunks too).
// valueOffset, when given, receives the byte offset of the stored SHORT value (0 if none).
int exifOrientationFromTiff(const unsigned char* data, size_t size, size_t* valueOffset = nullptr);

// Returns the image as it should be displayed: 2 mirror, 3 rotate 180, 4 flip,
// 5 transpose, 6 rotate 90 clockwise, 7 transverse, 8 rotate 90 counter-clockwise.
cv::Mat applyExifOrientation(const cv::Mat& stored, int orientation);

} // namespace rdbm

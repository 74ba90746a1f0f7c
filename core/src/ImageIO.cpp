// Photo reading and writing on top of OpenCV's codecs. Everything that can be judged
// before decoding (format by content, declared size, truncation) is judged by
// ImageProbe first; EXIF orientation is applied here because IMREAD_UNCHANGED (needed
// for 16 bits and alpha) ignores it. Output formats without alpha (JPEG, BMP) drop it.
#include "rdbm/ImageIO.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <sys/stat.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ExifOrientation.h"
#include "ImageProbe.h"
#include "metadata/EmbeddedMetadata.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"

namespace rdbm {
namespace {

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

// Canonical codec name for an extension, empty when unsupported.
std::string codecFor(const std::string& ext) {
    if (ext == "png") return "png";
    if (ext == "jpg" || ext == "jpeg" || ext == "jpe") return "jpg";
    if (ext == "tif" || ext == "tiff") return "tif";
    if (ext == "webp") return "webp";
    if (ext == "bmp") return "bmp";
    return {};
}

[[noreturn]] void imageError(const std::string& path, const std::string& problem) {
    throw Error(ErrorKind::Image, path + ": " + problem);
}

std::vector<unsigned char> readBytes(const std::string& path, long long maxBytes) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) imageError(path, errno == ENOENT ? "no such file" : std::strerror(errno));
    if (S_ISDIR(st.st_mode)) imageError(path, "is a directory");
    if (!S_ISREG(st.st_mode)) imageError(path, "not a regular file");
    if (st.st_size == 0) imageError(path, "empty file");
    if (st.st_size > maxBytes)
        imageError(path, "file too large (" + std::to_string(st.st_size / (1024 * 1024)) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) imageError(path, std::string("cannot open: ") + std::strerror(errno));
    std::vector<unsigned char> bytes(static_cast<size_t>(st.st_size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size())) imageError(path, "cannot read the whole file");
    return bytes;
}

// Scale of a decoded depth to [0,1]; 0 for depths we do not accept.
double unitScale(int depth) {
    switch (depth) {
    case CV_8U: return 1.0 / 255.0;
    case CV_16U: return 1.0 / 65535.0;
    case CV_32F: return 1.0; // float TIFF, assumed in [0,1]
    default: return 0.0;
    }
}

cv::Mat toUnitFloat(const cv::Mat& m, double scale) {
    cv::Mat f;
    m.convertTo(f, CV_MAKETYPE(CV_32F, m.channels()), scale);
    if (m.depth() == CV_32F) {
        cv::patchNaNs(f, 0.0);
        f = cv::min(cv::max(f, 0.0), 1.0);
    }
    return f;
}

cv::Mat fromUnitFloat(const cv::Mat& f, int bitDepth) {
    // Clamp first: convertTo saturates, but NaN would become 0 silently either way.
    cv::Mat clamped = cv::min(cv::max(f, 0.0), 1.0);
    cv::Mat out;
    if (bitDepth == 16) clamped.convertTo(out, CV_MAKETYPE(CV_16U, f.channels()), 65535.0);
    else clamped.convertTo(out, CV_MAKETYPE(CV_8U, f.channels()), 255.0);
    return out;
}

// An ICC profile names its data colour space at byte 16: a grey profile on colour
// pixels (or the reverse) is invalid, and viewers reject or misread it.
bool iccFitsChannels(const std::vector<std::uint8_t>& icc, bool grey) {
    if (icc.size() < 20) return true;
    const std::string space(reinterpret_cast<const char*>(&icc[16]), 4);
    return grey ? space != "RGB " : space != "GRAY";
}

} // namespace

bool isSupportedImageExtension(const std::string& path) { return !codecFor(lowerExtension(path)).empty(); }

Image readImage(const std::string& path, const ReadOptions& options) {
    // Even a 16-bit RGBA file at the pixel limit, uncompressed, stays under this bound.
    const long long maxBytes = options.maxPixels * 8 + 64LL * 1024 * 1024;
    std::vector<unsigned char> bytes = readBytes(path, maxBytes);
    const ImageProbe probe = probeImage(bytes.data(), bytes.size(), path, options.maxPixels);
    if (probe.tiffOrientationOffset != 0) { // see ImageProbe: the decoder must not rotate
        bytes[probe.tiffOrientationOffset] = probe.bigEndian ? 0 : 1;
        bytes[probe.tiffOrientationOffset + 1] = probe.bigEndian ? 1 : 0;
    }

    cv::Mat decoded;
    try {
        decoded = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        imageError(path, std::string("cannot decode ") + probe.format + ": " + e.what());
    }
    if (decoded.empty()) imageError(path, "corrupt or unsupported " + probe.format + " data (decoder failed)");
    if (decoded.cols != probe.width || decoded.rows != probe.height)
        imageError(path, "decoded size " + std::to_string(decoded.cols) + "x" + std::to_string(decoded.rows) +
                             " differs from the header's " + std::to_string(probe.width) + "x" +
                             std::to_string(probe.height));
    const double scale = unitScale(decoded.depth());
    if (scale == 0.0) imageError(path, "unsupported sample type (expected 8- or 16-bit integers)");

    Image img;
    img.bitDepth = decoded.depth() == CV_8U ? 8 : 16;
    const std::string ext = lowerExtension(path);
    img.format = codecFor(ext).empty() ? probe.format : ext;

    cv::Mat colour;
    cv::Mat alpha;
    switch (decoded.channels()) {
    case 1:
        cv::cvtColor(decoded, colour, cv::COLOR_GRAY2RGB);
        img.grayscale = true;
        break;
    case 2: { // grey + alpha (TIFF can deliver this)
        std::vector<cv::Mat> planes;
        cv::split(decoded, planes);
        cv::cvtColor(planes[0], colour, cv::COLOR_GRAY2RGB);
        alpha = planes[1];
        img.grayscale = true;
        break;
    }
    case 3: cv::cvtColor(decoded, colour, cv::COLOR_BGR2RGB); break;
    case 4: {
        cv::cvtColor(decoded, colour, cv::COLOR_BGRA2RGB);
        cv::extractChannel(decoded, alpha, 3);
        // OpenCV expands grey+alpha PNGs to four channels; the header says what it was.
        img.grayscale = probe.grayscale;
        break;
    }
    default: imageError(path, "unsupported channel count " + std::to_string(decoded.channels()));
    }
    img.metadata = metadata::extractMetadata(bytes, probe.format);
    img.rgb = applyExifOrientation(toUnitFloat(colour, scale), probe.orientation);
    if (!alpha.empty()) img.alpha = applyExifOrientation(toUnitFloat(alpha, scale), probe.orientation);
    return img;
}

std::vector<std::string> writeImage(const std::string& path, const Image& image, const WriteOptions& options) {
    const std::string codec = codecFor(lowerExtension(path));
    if (codec.empty())
        imageError(path, "unsupported output format (use .png, .jpg, .tif, .webp or .bmp)");
    if (options.bitDepth != 0 && options.bitDepth != 8 && options.bitDepth != 16)
        throw Error(ErrorKind::Usage, path + ": bit depth must be 8 or 16, not " + std::to_string(options.bitDepth));
    struct stat st {};
    if (!options.overwrite && ::lstat(path.c_str(), &st) == 0)
        throw Error(ErrorKind::Usage, path + ": already exists (not overwriting)");
    if (image.rgb.empty() || image.rgb.type() != CV_32FC3) imageError(path, "nothing to write (expected float32 RGB)");
    const bool holdsAlpha = codec == "png" || codec == "tif" || codec == "webp";
    const bool writeAlpha = holdsAlpha && !image.alpha.empty();
    if (writeAlpha && (image.alpha.size() != image.rgb.size() || image.alpha.type() != CV_32FC1))
        imageError(path, "alpha plane does not match the image");

    int depth = options.bitDepth != 0 ? options.bitDepth : image.bitDepth;
    if (depth != 16 || !(codec == "png" || codec == "tif")) depth = 8; // the rest hold 8 bits only

    cv::Mat pixels;
    if (image.grayscale && !writeAlpha && codec != "webp") {
        cv::Mat grey;
        cv::cvtColor(image.rgb, grey, cv::COLOR_RGB2GRAY);
        pixels = fromUnitFloat(grey, depth);
    } else if (writeAlpha) {
        cv::Mat bgra;
        cv::cvtColor(image.rgb, bgra, cv::COLOR_RGB2BGRA);
        cv::insertChannel(image.alpha, bgra, 3);
        pixels = fromUnitFloat(bgra, depth);
    } else {
        cv::Mat bgr;
        cv::cvtColor(image.rgb, bgr, cv::COLOR_RGB2BGR);
        pixels = fromUnitFloat(bgr, depth);
    }

    std::vector<int> params;
    if (codec == "jpg") params = {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality};
    if (codec == "webp") params = {cv::IMWRITE_WEBP_QUALITY, std::clamp(options.jpegQuality, 1, 100)};
    std::vector<unsigned char> encoded;
    bool ok = false;
    try {
        ok = cv::imencode("." + codec, pixels, encoded, params);
    } catch (const cv::Exception& e) {
        imageError(path, std::string("cannot encode: ") + e.what());
    }
    if (!ok || encoded.empty()) imageError(path, "cannot encode as " + codec);

    metadata::Embedding embedding;
    if (options.keepMetadata) embedding.metadata = image.metadata;
    embedding.record = options.record;
    embedding.alpha = writeAlpha;
    embedding.width = image.rgb.cols;
    embedding.height = image.rgb.rows;
    std::vector<std::string> notes;
    if (!iccFitsChannels(embedding.metadata.iccProfile, pixels.channels() == 1)) {
        notes.push_back(path + ": the input's ICC profile is for " + (pixels.channels() == 1 ? "colour" : "grey") +
                        " data but this output is not; written without it");
        embedding.metadata.iccProfile.clear();
    }
    for (const std::string& note : metadata::embed(encoded, codec, embedding)) notes.push_back(path + ": " + note);
    writeFileAtomic(path, encoded, options.overwrite);
    return notes;
}

} // namespace rdbm

// Dispatch by format, the EXIF normalisation shared by all formats, and the XMP packet
// that carries the run record in TIFF and WebP.
#include "EmbeddedMetadata.h"

#include <cstring>

#include "ExifOrientation.h"

namespace rdbm::metadata {

namespace {
const char kXmpKey[] = "rdbm:record=\"";
}

Bytes normalizedExif(const std::uint8_t* data, size_t size) {
    if (size >= 6 && std::memcmp(data, "Exif\0\0", 6) == 0) data += 6, size -= 6;
    if (size < 8) return {};
    const bool le = std::memcmp(data, "II*\0", 4) == 0, be = std::memcmp(data, "MM\0*", 4) == 0;
    if (!le && !be) return {};
    Bytes exif(data, data + size);
    size_t at = 0;
    exifOrientationFromTiff(exif.data(), exif.size(), &at);
    if (at != 0 && at + 1 < exif.size()) { // the reader turned the pixels upright: 1 = as stored
        exif[at] = be ? 0 : 1;
        exif[at + 1] = be ? 1 : 0;
    }
    return exif;
}

ImageMetadata extractMetadata(const Bytes& file, const std::string& format) {
    if (format == "png") return pngMetadata(file);
    if (format == "jpg") return jpegMetadata(file);
    if (format == "webp") return webpMetadata(file);
    if (format == "tif") return tiffMetadata(file);
    return {};
}

std::string extractRecord(const Bytes& file, const std::string& format) {
    if (format == "png") return pngRecord(file);
    if (format == "jpg") return jpegRecord(file);
    if (format == "webp") return webpRecord(file);
    if (format == "tif") return tiffRecord(file);
    return {};
}

std::vector<std::string> embed(Bytes& file, const std::string& format, const Embedding& e) {
    const bool icc = !e.metadata.iccProfile.empty(), exif = !e.metadata.exif.empty(), record = !e.record.empty();
    if (!icc && !exif && !record) return {};
    if (format == "png") {
        embedPng(file, e);
        return {};
    }
    if (format == "jpg") return embedJpeg(file, e);
    if (format == "webp") {
        embedWebp(file, e);
        return {};
    }
    if (format == "tif") {
        embedTiff(file, e);
        return {};
    }
    std::string lost = icc ? "the ICC profile" : "";
    if (exif) lost += std::string(lost.empty() ? "" : ", ") + "the EXIF data";
    if (record) lost += std::string(lost.empty() ? "" : ", ") + "the run record";
    return {"BMP output cannot carry " + lost + "; use PNG, JPEG, TIFF or WebP to keep them"};
}

std::string xmpWithRecord(const std::string& record) {
    std::string escaped;
    for (char c : record) {
        switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        case '"': escaped += "&quot;"; break;
        default: escaped += c;
        }
    }
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
           "<rdf:Description rdf:about=\"\" xmlns:rdbm=\"https://github.com/rdbm-studio/ns/1.0/\" " +
           std::string(kXmpKey) + escaped + "\"/></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>";
}

std::string recordFromXmp(const std::string& xmp) {
    const auto start = xmp.find(kXmpKey);
    if (start == std::string::npos) return {};
    const auto from = start + sizeof kXmpKey - 1;
    const auto end = xmp.find('"', from);
    if (end == std::string::npos) return {};
    std::string out;
    for (size_t i = from; i < end; ++i) {
        if (xmp[i] != '&') {
            out += xmp[i];
            continue;
        }
        const auto semi = xmp.find(';', i);
        if (semi == std::string::npos || semi > end) return {};
        const std::string entity = xmp.substr(i, semi - i + 1);
        if (entity == "&amp;")
            out += '&';
        else if (entity == "&lt;")
            out += '<';
        else if (entity == "&gt;")
            out += '>';
        else if (entity == "&quot;")
            out += '"';
        else
            return {};
        i = semi;
    }
    return out;
}

} // namespace rdbm::metadata

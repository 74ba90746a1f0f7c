#include "NpyFile.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>

#include "rdbm/Error.h"

namespace rdbm::cli {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw Error(ErrorKind::Usage, path + ": " + problem);
}

} // namespace

NpyArray readNpyFloat32(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(path, "cannot read the file (" + ec.message() + ")");
    if (size > (1ull << 30)) fail(path, "is larger than 1 GiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open the file");

    char magic[8] = {};
    in.read(magic, 8);
    if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0) fail(path, "is not a NumPy .npy file");
    const int major = static_cast<unsigned char>(magic[6]);
    if (major < 1 || major > 3) fail(path, "has .npy format version " + std::to_string(major) + " (1 to 3 are read)");
    uint32_t headerLength = 0;
    unsigned char lengthBytes[4] = {};
    in.read(reinterpret_cast<char*>(lengthBytes), major == 1 ? 2 : 4);
    for (int i = (major == 1 ? 1 : 3); i >= 0; --i) headerLength = (headerLength << 8) | lengthBytes[i];
    if (!in || headerLength > 65536) fail(path, "has a damaged .npy header");
    std::string header(headerLength, '\0');
    in.read(header.data(), headerLength);
    if (!in) fail(path, "has a truncated .npy header");

    std::smatch m;
    if (!std::regex_search(header, m, std::regex(R"('descr'\s*:\s*'([^']*)')")))
        fail(path, "the .npy header names no dtype");
    if (m[1] != "<f4") fail(path, "holds '" + m[1].str() + "' values; float32 ('<f4') is needed");
    if (std::regex_search(header, std::regex(R"('fortran_order'\s*:\s*True)")))
        fail(path, "is in Fortran order; save a C-ordered array");
    if (!std::regex_search(header, m, std::regex(R"('shape'\s*:\s*\(([^)]*)\))")))
        fail(path, "the .npy header names no shape");

    NpyArray a;
    const std::string dims = m[1];
    const std::regex number(R"(\d+)");
    uint64_t count = 1;
    for (auto it = std::sregex_iterator(dims.begin(), dims.end(), number); it != std::sregex_iterator(); ++it) {
        const int64_t d = std::stoll(it->str());
        a.shape.push_back(d);
        count *= static_cast<uint64_t>(d);
        if (count > (1ull << 28)) fail(path, "is too large");
    }
    const uint64_t dataStart = 6 + 2 + (major == 1 ? 2 : 4) + headerLength;
    if (size - dataStart != count * sizeof(float))
        fail(path, "holds " + std::to_string(size - dataStart) + " bytes of data; its shape needs " +
                       std::to_string(count * sizeof(float)));
    a.values.resize(count);
    in.read(reinterpret_cast<char*>(a.values.data()), static_cast<std::streamsize>(count * sizeof(float)));
    if (!in) fail(path, "the data are truncated");
    return a;
}

} // namespace rdbm::cli

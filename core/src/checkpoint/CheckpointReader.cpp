#include "checkpoint/CheckpointReader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <new>

#include "checkpoint/FormatError.h"
#include "checkpoint/Safetensors.h"
#include "checkpoint/TorchArchive.h"
#include "checkpoint/ZipArchive.h"
#include "rdbm/Error.h"

namespace rdbm::checkpoint {

namespace {

std::string hexBytes(const unsigned char* p, size_t n) {
    static const char hex[] = "0123456789abcdef";
    std::string s;
    for (size_t i = 0; i < n; ++i) {
        if (i) s += ' ';
        s += hex[p[i] >> 4];
        s += hex[p[i] & 15];
    }
    return s;
}

void readAny(const std::string& path, const TensorFilter& wanted, CheckpointContents& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw FormatError("no such file");
    if (fs::is_directory(status)) throw FormatError("is a directory, not a checkpoint file");
    // A named pipe would block the open forever, a device read forever: regular files only.
    if (!fs::is_regular_file(status))
        throw FormatError("is not a regular file (a named pipe, device or socket); checkpoints are read only from "
                          "regular files");
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) throw FormatError("cannot open file (permission denied?)");
    const auto size = static_cast<uint64_t>(f.tellg());
    if (size == 0) throw FormatError("empty file");
    unsigned char head[16] = {};
    const size_t headLen = static_cast<size_t>(std::min<uint64_t>(size, sizeof head));
    f.seekg(0);
    f.read(reinterpret_cast<char*>(head), static_cast<std::streamsize>(headLen));
    f.close();

    const bool zipMagic = headLen >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    if (zipMagic || ZipArchive::looksLikeZip(path)) {
        readTorchArchive(path, wanted, out);
        return;
    }
    // safetensors before the pickle check: a header length's low byte may well be 0x80.
    const bool safetensorsName = fs::path(path).extension() == ".safetensors";
    if ((headLen >= 9 && head[8] == '{') || safetensorsName) {
        readSafetensors(path, wanted, out);
        return;
    }
    if (headLen >= 2 && head[0] == 0x80 && head[1] <= 5) // a pickle stream: torch.save before the zip format
        throw FormatError("legacy (pre-1.6) format, re-save with PyTorch >= 1.6 "
                          "(torch.save(torch.load(f), f) with the default zip format)");
    throw FormatError("not a PyTorch zip archive, safetensors file or TorchScript archive (starts with " +
                      hexBytes(head, std::min<size_t>(headLen, 8)) + ")");
}

} // namespace

CheckpointContents readCheckpoint(const std::string& path, const TensorFilter& wanted) {
    CheckpointContents out;
    out.path = path;
    try {
        readAny(path, wanted, out);
    } catch (const FormatError& e) {
        throw Error(ErrorKind::Checkpoint, path + ": " + e.what());
    } catch (const Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": " + e.what());
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::Checkpoint, path + ": out of memory while reading (damaged sizes or a huge file)");
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Checkpoint, path + ": unreadable (" + std::string(e.what()) + ")");
    }
    return out;
}

} // namespace rdbm::checkpoint

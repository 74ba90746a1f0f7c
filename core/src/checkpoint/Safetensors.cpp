#include "checkpoint/Safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "checkpoint/FormatError.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"

namespace rdbm::checkpoint {

namespace {

// The reference library allows 100 MB; a parsed JSON tree takes several times its text,
// and a real header is about 100 bytes per tensor, so 8 MiB (80,000 tensors) is plenty.
constexpr uint64_t kMaxHeaderBytes = uint64_t(8) << 20;
constexpr int kMaxHeaderDepth = 3;          // {name: {"shape": [dims]}}
constexpr size_t kMaxHeaderValues = 1'000'000;

bool dtypeFromString(const std::string& s, DType& d) {
    static const std::pair<const char*, DType> names[] = {
        {"F32", DType::F32}, {"F16", DType::F16}, {"BF16", DType::BF16}, {"F64", DType::F64}, {"I64", DType::I64},
        {"I32", DType::I32}, {"I16", DType::I16}, {"I8", DType::I8},     {"U8", DType::U8},   {"BOOL", DType::Bool},
    };
    for (const auto& [name, dt] : names)
        if (s == name) {
            d = dt;
            return true;
        }
    return false;
}

struct Span {
    uint64_t begin, end;
    std::string name;
};

} // namespace

void readSafetensors(const std::string& path, const TensorFilter& wanted, CheckpointContents& out) {
    out.format = "safetensors";
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) throw FormatError("cannot open file");
    const auto fileSize = static_cast<uint64_t>(f.tellg());
    if (fileSize < 8) throw FormatError("too short for a safetensors file (" + std::to_string(fileSize) + " bytes)");
    f.seekg(0);
    unsigned char lenBytes[8];
    f.read(reinterpret_cast<char*>(lenBytes), 8);
    uint64_t headerLen = 0;
    for (int i = 8; i-- > 0;) headerLen = headerLen << 8 | lenBytes[i];
    if (headerLen > fileSize - 8)
        throw FormatError("safetensors header length " + std::to_string(headerLen) + " runs past the end of the file (" +
                          std::to_string(fileSize) + " bytes; truncated?)");
    if (headerLen > kMaxHeaderBytes)
        throw FormatError("safetensors header length " + std::to_string(headerLen) + " is implausibly large (limit " +
                          std::to_string(kMaxHeaderBytes) + " bytes)");
    std::string headerText(static_cast<size_t>(headerLen), '\0');
    if (!f.read(headerText.data(), static_cast<std::streamsize>(headerLen))) throw FormatError("read error in header");

    nlohmann::json header;
    try {
        // Nesting and value count are refused while parsing, before a deep or huge tree exists.
        size_t values = 0;
        header = nlohmann::json::parse(headerText, [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > kMaxHeaderDepth)
                throw FormatError("safetensors JSON header nests deeper than " + std::to_string(kMaxHeaderDepth) +
                                  " levels");
            if (++values > kMaxHeaderValues)
                throw FormatError("safetensors JSON header holds more than " + std::to_string(kMaxHeaderValues) +
                                  " values");
            return true;
        });
    } catch (const nlohmann::json::exception& e) {
        throw FormatError(std::string("bad safetensors JSON header: ") + e.what());
    }
    if (!header.is_object()) throw FormatError("bad safetensors JSON header: not an object");

    const uint64_t dataStart = 8 + headerLen, dataSize = fileSize - dataStart;
    std::vector<Span> spans;
    std::vector<std::pair<std::string, RawTensor>> pending;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const auto& v = it.value();
        if (name == "__metadata__") {
            if (!v.is_object()) throw FormatError("safetensors __metadata__ is not an object");
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string())
                    throw FormatError("safetensors __metadata__ value '" + m.key() + "' is not a string");
                out.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "'";
        if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
            throw FormatError(where + " needs dtype, shape and data_offsets");
        const auto& jd = v["dtype"];
        const auto& js = v["shape"];
        const auto& jo = v["data_offsets"];
        if (!jd.is_string()) throw FormatError(where + " has a non-string dtype");
        RawTensor t;
        if (!dtypeFromString(jd.get<std::string>(), t.dtype))
            throw FormatError(where + " has unsupported dtype '" + jd.get<std::string>() +
                              "' (supported: F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL)");
        if (!js.is_array() || js.size() > 64) throw FormatError(where + " has a malformed shape");
        uint64_t numel = 1;
        for (const auto& d : js) {
            if (!d.is_number_unsigned()) throw FormatError(where + " has a malformed shape");
            const uint64_t n = d.get<uint64_t>();
            if (n > (uint64_t(1) << 62) || __builtin_mul_overflow(numel, n, &numel))
                throw FormatError(where + " has an absurd shape");
            t.shape.push_back(static_cast<int64_t>(n));
        }
        if (!jo.is_array() || jo.size() != 2 || !jo[0].is_number_unsigned() || !jo[1].is_number_unsigned())
            throw FormatError(where + " has malformed data_offsets");
        const uint64_t begin = jo[0].get<uint64_t>(), end = jo[1].get<uint64_t>();
        uint64_t bytes = 0;
        if (__builtin_mul_overflow(numel, dtypeSize(t.dtype), &bytes) || bytes > dataSize)
            throw FormatError(where + " of shape " + shapeToString(t.shape) + " is larger than the file's data");
        if (begin > end || end > dataSize)
            throw FormatError(where + " has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                              "] outside the data section (" + std::to_string(dataSize) + " bytes)");
        if (end - begin != bytes)
            throw FormatError(where + " has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                              "] (" + std::to_string(end - begin) + " bytes) but dtype " + toString(t.dtype) +
                              " and shape " + shapeToString(t.shape) + " need " + std::to_string(bytes) + " bytes");
        spans.push_back({begin, end, name});
        t.strides.assign(t.shape.size(), 1);
        for (size_t i = t.shape.size(); i-- > 1;) t.strides[i - 1] = t.strides[i] * t.shape[i];
        t.offset = static_cast<int64_t>(begin); // bytes until the data is read below
        pending.emplace_back(name, std::move(t));
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (size_t i = 1; i < spans.size(); ++i)
        if (spans[i].begin < spans[i - 1].end)
            throw FormatError("tensors '" + spans[i - 1].name + "' and '" + spans[i].name + "' overlap in the file");

    for (auto& [name, t] : pending) {
        if (wanted && !wanted(name)) continue;
        const uint64_t begin = static_cast<uint64_t>(t.offset);
        const size_t n = static_cast<size_t>(t.numel()) * dtypeSize(t.dtype);
        auto bytes = std::make_shared<std::vector<unsigned char>>(n);
        f.clear();
        f.seekg(static_cast<std::streamoff>(dataStart + begin));
        if (n && !f.read(reinterpret_cast<char*>(bytes->data()), static_cast<std::streamsize>(n)))
            throw FormatError("read error in tensor '" + name + "'");
        t.offset = 0;
        t.storage = std::move(bytes);
        out.tensors[name] = std::move(t);
    }
}

void writeSafetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata, bool overwrite) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        header["__metadata__"] = nlohmann::ordered_json::object();
        for (const auto& [k, v] : metadata) header["__metadata__"][k] = v;
    }
    uint64_t offset = 0;
    for (const auto& [name, t] : tensors) {
        if (name == "__metadata__") throw Error(ErrorKind::Checkpoint, path + ": '__metadata__' cannot name a tensor");
        const uint64_t end = offset + static_cast<uint64_t>(t.numel()) * dtypeSize(t.dtype);
        header[name] = {{"dtype", toString(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, end}}};
        offset = end;
    }
    std::string text;
    try {
        text = header.dump();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Checkpoint, path + ": metadata or tensor names are not valid UTF-8 (" + e.what() + ")");
    }
    text.append((8 - text.size() % 8) % 8, ' '); // keep the data 8-byte aligned
    std::vector<unsigned char> file;
    file.reserve(8 + text.size() + static_cast<size_t>(offset));
    for (int i = 0; i < 8; ++i) file.push_back(static_cast<unsigned char>((uint64_t(text.size()) >> (8 * i)) & 0xff));
    file.insert(file.end(), text.begin(), text.end());
    for (const auto& [name, t] : tensors) {
        const auto bytes = t.contiguousBytes(); // any strides in, contiguous out
        file.insert(file.end(), bytes.begin(), bytes.end());
    }
    writeFileAtomic(path, file, overwrite); // temp file + rename: never a half-written file
}

} // namespace rdbm::checkpoint

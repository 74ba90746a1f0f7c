#include "checkpoint/TorchArchive.h"

#include <algorithm>

#include "checkpoint/FormatError.h"
#include "checkpoint/PickleReader.h"
#include "checkpoint/ZipArchive.h"

namespace rdbm::checkpoint {

namespace {

using Kind = PyObject::Kind;

// A real data.pkl is a few hundred bytes per tensor (the tensor bytes live in data/):
// 16 MiB is room for 50,000 tensors, and keeps the reader's peak under 100 MB.
constexpr uint64_t kMaxPickleBytes = uint64_t(16) << 20;
constexpr int kMaxDepth = 100;
constexpr size_t kMaxKeyBytes = 4096;
constexpr size_t kMaxStringLeafBytes = size_t(1) << 20;

// Turns the unpickled object graph into '.'-joined keys: tensors, numbers and strings.
// The graph may share objects (memo references), so walking it as a tree could visit one
// list 2^30 times from a 400-byte pickle: visits are capped by the graph's own size and
// the bytes copied out by the pickle's size, so the output stays proportional to the file.
class Flattener {
public:
    Flattener(CheckpointContents& out, size_t objects, uint64_t pickleBytes)
        : out_(out), maxVisits_(2 * objects + 10'000), maxBytes_(2 * pickleBytes + (size_t(4) << 20)) {}
    std::vector<std::pair<std::string, PyRef>> tensors;

    void visit(PyRef o, const std::string& key, int depth) {
        if (depth > kMaxDepth) throw FormatError("objects nested deeper than " + std::to_string(kMaxDepth) + " levels");
        if (++visits_ > maxVisits_)
            throw FormatError("data.pkl's " + std::to_string(maxVisits_ / 2 - 5'000) +
                              " objects are referenced more than " + std::to_string(maxVisits_) +
                              " times (shared references amplify it; refused)");
        if (key.size() > kMaxKeyBytes)
            throw FormatError("key '" + key.substr(0, 64) + "...' is longer than " + std::to_string(kMaxKeyBytes) + " bytes");
        spend(key.size());
        auto child = [&](const std::string& k) { return key.empty() ? k : key + "." + k; };
        switch (o->kind) {
        case Kind::Dict:
            for (size_t i = 0; i + 1 < o->items.size(); i += 2) {
                PyRef k = o->items[i];
                if (k->kind == Kind::Str) visit(o->items[i + 1], child(k->s), depth + 1);
                else if (k->kind == Kind::Int) visit(o->items[i + 1], child(std::to_string(k->i)), depth + 1);
                // other key types (tuples, floats) cannot name a tensor of a state dict: skipped
            }
            break;
        case Kind::List:
        case Kind::Tuple:
            for (size_t i = 0; i < o->items.size(); ++i) visit(o->items[i], child(std::to_string(i)), depth + 1);
            break;
        case Kind::Tensor: tensors.emplace_back(key, o); break;
        case Kind::Int:
        case Kind::Bool: out_.scalars[key] = static_cast<double>(o->i); break;
        case Kind::Float: out_.scalars[key] = o->f; break;
        case Kind::Str:
            if (o->s.size() > kMaxStringLeafBytes)
                throw FormatError("string value of '" + key + "' is " + std::to_string(o->s.size()) + " bytes (limit " +
                                  std::to_string(kMaxStringLeafBytes) + ")");
            spend(o->s.size());
            out_.strings[key] = o->s;
            break;
        default: break; // None, bytes, sets, dtypes: nothing a network needs
        }
    }

private:
    void spend(size_t bytes) {
        bytes_ += bytes;
        if (bytes_ > maxBytes_)
            throw FormatError("data.pkl's keys and strings add up to more than " + std::to_string(maxBytes_) +
                              " bytes (2x its size + 4 MiB; shared references amplify it; refused)");
    }

    CheckpointContents& out_;
    size_t maxVisits_, maxBytes_, visits_ = 0, bytes_ = 0;
};

// Elements of the storage a tensor view reaches (offset + the furthest element + 1).
uint64_t viewExtent(const PyObject& t) {
    const auto& v = *t.tensor;
    uint64_t last = static_cast<uint64_t>(std::max<int64_t>(v.offset, 0));
    for (size_t i = 0; i < v.shape.size(); ++i) {
        if (v.shape[i] <= 0) return 0;
        if (v.strides[i] < 0) return UINT64_MAX; // refused by checkTensorView later
        uint64_t reach = 0;
        if (__builtin_mul_overflow(static_cast<uint64_t>(v.shape[i] - 1), static_cast<uint64_t>(v.strides[i]), &reach) ||
            __builtin_add_overflow(last, reach, &last))
            return UINT64_MAX;
    }
    return last + 1;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "<top>/<rest>" with exactly one folder level (or none), as torch.save names records.
bool isTopLevelRecord(const std::string& name, const std::string& record) {
    if (name == record) return true;
    if (!endsWith(name, "/" + record)) return false;
    const std::string top = name.substr(0, name.size() - record.size() - 1);
    return !top.empty() && top.find('/') == std::string::npos;
}

std::string listEntries(const ZipArchive& zip) {
    std::string s;
    size_t n = 0;
    for (const auto& e : zip.entries()) {
        if (n++ == 6) return s + ", ...";
        s += (s.empty() ? "" : ", ") + e.name;
    }
    return s.empty() ? "nothing" : s;
}

} // namespace

bool isTorchScriptArchive(const ZipArchive& zip) {
    for (const auto& e : zip.entries())
        if (isTopLevelRecord(e.name, "constants.pkl") || e.name.find("/code/") != std::string::npos ||
            e.name.rfind("code/", 0) == 0)
            return true;
    return false;
}

void readTorchArchive(const std::string& path, const TensorFilter& wanted, CheckpointContents& out) {
    ZipArchive zip(path);

    if (isTorchScriptArchive(zip)) {
        out.format = "torchscript";
        return;
    }

    const ZipArchive::Entry* pkl = nullptr;
    for (const auto& e : zip.entries())
        if (isTopLevelRecord(e.name, "data.pkl") && (!pkl || e.name.size() < pkl->name.size())) pkl = &e;
    if (!pkl)
        throw FormatError("zip archive has no data.pkl, so it is not a torch.save checkpoint (it holds " +
                          listEntries(zip) + ")");
    out.format = "torch-zip";
    const std::string prefix = pkl->name.substr(0, pkl->name.size() - 8); // "<top>/" or ""

    if (const auto* bo = zip.find(prefix + "byteorder")) { // PyTorch >= 2.1 records it
        const auto bytes = zip.read(*bo, 64);
        if (std::string(bytes.begin(), bytes.end()).rfind("big", 0) == 0)
            throw FormatError("big-endian checkpoint (written on a big-endian machine) is not supported");
    }

    const std::vector<unsigned char> pickle = zip.read(*pkl, kMaxPickleBytes);
    PickleReader reader(pickle.data(), pickle.size());
    PyRef root = reader.load();
    if (root->kind != Kind::Dict)
        throw FormatError("data.pkl holds a " + root->kindName() +
                          ", not a dict (expected a state dict or a trainer checkpoint)");
    Flattener flat(out, reader.objectCount(), pickle.size());
    flat.visit(root, "", 0);

    // Only the storages of wanted tensors are read, and of each only the prefix its views
    // reach: an unused 2 GiB storage is never inflated.
    std::map<std::string, uint64_t> extents; // storage key -> elements needed
    for (const auto& [key, obj] : flat.tensors) {
        if (wanted && !wanted(key)) continue;
        uint64_t& need = extents[obj->tensor->storage->s];
        need = std::max(need, viewExtent(*obj));
    }
    std::map<std::string, std::shared_ptr<const std::vector<unsigned char>>> storages;
    for (const auto& [key, obj] : flat.tensors) {
        if (wanted && !wanted(key)) continue;
        const PyObject& st = *obj->tensor->storage;
        auto it = storages.find(st.s);
        if (it == storages.end()) {
            const std::string entryName = prefix + "data/" + st.s;
            const ZipArchive::Entry* e = zip.find(entryName);
            if (!e)
                throw FormatError("storage '" + st.s + "' of tensor '" + key +
                                  "' is missing from the archive (no entry '" + entryName + "')");
            const uint64_t elem = dtypeSize(st.dtype);
            if (static_cast<uint64_t>(st.i) > e->size / elem)
                throw FormatError("storage '" + st.s + "' of tensor '" + key + "' is too small: it holds " +
                                  std::to_string(e->size) + " bytes, data.pkl describes " + std::to_string(st.i) +
                                  " elements of " + std::to_string(elem) + " bytes");
            // A view reaching past the storage is refused by checkTensorView below.
            const uint64_t need = extents[st.s];
            const uint64_t readBytes = need > e->size / elem ? e->size : need * elem;
            auto bytes = std::make_shared<const std::vector<unsigned char>>(zip.read(*e, UINT64_MAX, readBytes));
            it = storages.emplace(st.s, std::move(bytes)).first;
        }
        RawTensor t;
        t.dtype = obj->dtype;
        t.shape = obj->tensor->shape;
        t.strides = obj->tensor->strides;
        t.offset = obj->tensor->offset;
        t.storage = it->second;
        const std::string problem = checkTensorView(t);
        if (!problem.empty()) throw FormatError("tensor '" + key + "' does not fit its storage: " + problem);
        // Stride-0 views would make a huge tensor out of a tiny storage once converted.
        if (t.numel() > static_cast<int64_t>(st.i))
            throw FormatError("tensor '" + key + "' of shape " + shapeToString(t.shape) + " has " +
                              std::to_string(t.numel()) + " elements but its storage holds only " +
                              std::to_string(st.i) + " (repeated elements refused)");
        out.tensors[key] = std::move(t);
    }
}

} // namespace rdbm::checkpoint

#include "checkpoint/TorchArchive.h"

#include <algorithm>

#include "checkpoint/FormatError.h"
#include "checkpoint/PickleReader.h"
#include "checkpoint/ZipArchive.h"

namespace rdbm::ckpt {

namespace {

using Kind = PyObject::Kind;

constexpr uint64_t kMaxPickleBytes = uint64_t(512) << 20;
constexpr int kMaxDepth = 100;
constexpr size_t kMaxVisits = 20'000'000;

// Turns the unpickled object tree into '.'-joined keys: tensors, numbers and strings.
class Flattener {
public:
    explicit Flattener(CheckpointContents& out) : out_(out) {}
    std::vector<std::pair<std::string, PyRef>> tensors;

    void visit(PyRef o, const std::string& key, int depth) {
        if (depth > kMaxDepth) throw FormatError("objects nested deeper than " + std::to_string(kMaxDepth) + " levels");
        if (++visits_ > kMaxVisits) throw FormatError("object graph too large (shared or cyclic references?)");
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
        case Kind::Str: out_.strings[key] = o->s; break;
        default: break; // None, bytes, sets, dtypes: nothing a network needs
        }
    }

private:
    CheckpointContents& out_;
    size_t visits_ = 0;
};

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

void readTorchArchive(const std::string& path, const TensorFilter& wanted, CheckpointContents& out) {
    ZipArchive zip(path);

    for (const auto& e : zip.entries())
        if (isTopLevelRecord(e.name, "constants.pkl") || e.name.find("/code/") != std::string::npos ||
            e.name.rfind("code/", 0) == 0) {
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
    Flattener flat(out);
    flat.visit(root, "", 0);

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
            auto bytes = std::make_shared<const std::vector<unsigned char>>(zip.read(*e));
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
        out.tensors[key] = std::move(t);
    }
}

} // namespace rdbm::ckpt

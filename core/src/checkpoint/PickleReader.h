#pragma once
// A restricted unpickler for what torch.save writes (protocols 2-5): containers,
// numbers, strings, memo and mark operations, and only the globals a checkpoint needs
// (tensor rebuild functions, storage types, dtypes, OrderedDict). Nothing is executed:
// allowed callables are interpreted here, anything else is refused by name. Storage
// references (BINPERSID) become Storage objects; the archive reader loads their bytes.
// Throws FormatError.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "checkpoint/RawTensor.h"

namespace rdbm::checkpoint {

struct PyObject;
using PyRef = PyObject*; // owned by the PickleReader's arena

struct PyObject {
    enum class Kind { None, Bool, Int, Float, Str, Bytes, Tuple, List, Dict, Set, Global, Dtype, Storage, Tensor };
    Kind kind = Kind::None;
    int64_t i = 0;              // Bool, Int; Storage: element count
    double f = 0;               // Float
    std::string s;              // Str, Bytes, Global "module.name", Storage key
    std::vector<PyRef> items;   // Tuple, List, Set; Dict: key, value, key, value, ...
    DType dtype = DType::F32;   // Dtype, Storage, Tensor
    struct TensorView {
        PyRef storage = nullptr;
        std::vector<int64_t> shape, strides;
        int64_t offset = 0;
    };
    std::unique_ptr<TensorView> tensor; // Tensor

    std::string kindName() const;
};

class PickleReader {
public:
    // Every count is capped, so a small hostile pickle cannot make a large graph: a
    // real checkpoint's pickle has a few objects per tensor and short strings (the
    // tensor bytes live outside it). Worst case about 60 MB of objects and references.
    struct Limits {
        size_t maxObjects = 400'000;
        size_t maxStack = 100'000;
        size_t maxMarks = 100'000;
        size_t maxMemo = 400'000;
        size_t maxReferences = 2'000'000;      // items held by all lists, tuples, dicts and sets
        size_t maxStringBytes = size_t(16) << 20;
    };
    PickleReader(const unsigned char* data, size_t size, Limits limits);
    PickleReader(const unsigned char* data, size_t size) : PickleReader(data, size, Limits{}) {}

    // Runs the pickle to its STOP and returns the result (valid while this reader lives).
    PyRef load();
    // Objects made so far (after load(): the size of the graph it returned).
    size_t objectCount() const { return arena_.size(); }

private:
    const unsigned char* data_;
    size_t size_, pos_ = 0;
    Limits limits_;
    std::deque<PyObject> arena_;
    std::vector<PyRef> stack_;
    std::vector<size_t> marks_;
    std::unordered_map<uint64_t, PyRef> memo_;
    std::unordered_map<std::string, PyRef> storages_; // one object per storage key
    size_t references_ = 0;

    PyRef make(PyObject::Kind k);
    PyRef makeInt(int64_t v);
    PyRef makeStr(PyObject::Kind k, std::string s);

    [[noreturn]] void corrupt(const std::string& what) const;
    const unsigned char* take(size_t n);
    uint64_t readUInt(size_t n);
    std::string readLine();
    void push(PyRef o);
    PyRef pop();
    PyRef& top();
    std::vector<PyRef> popMark();
    void memoPut(uint64_t index);
    PyRef memoGet(uint64_t index);

    PyRef global(const std::string& module, const std::string& name);
    PyRef call(PyRef callable, PyRef args);
    PyRef newObject(PyRef cls, PyRef args);
    PyRef persistentLoad(PyRef pid);
    PyRef rebuildTensor(const std::vector<PyRef>& args, bool v3);
    void build(PyRef obj, PyRef state);
    void countReferences(size_t n);
    void appendTo(PyRef list, const std::vector<PyRef>& items);
    void setItems(PyRef dict, const std::vector<PyRef>& kv);
};

} // namespace rdbm::checkpoint

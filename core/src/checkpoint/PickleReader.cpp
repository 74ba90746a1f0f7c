#include "checkpoint/PickleReader.h"

#include <cstring>
#include <map>

#include "checkpoint/FormatError.h"
#include "checkpoint/PickleAllowList.h"

namespace rdbm::checkpoint {

using Kind = PyObject::Kind;

std::string PyObject::kindName() const {
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Str: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Set: return "set";
    case Kind::Global: return "global '" + s + "'";
    case Kind::Dtype: return "dtype";
    case Kind::Storage: return "storage";
    case Kind::Tensor: return "tensor";
    }
    return "object";
}

namespace {

using allow::dtypeNames;
using allow::isAllowedGlobal;
using allow::isRebuildFunction;
using allow::storageTypes;

} // namespace

PickleReader::PickleReader(const unsigned char* data, size_t size, Limits limits)
    : data_(data), size_(size), limits_(limits) {}

PyRef PickleReader::make(Kind k) {
    if (arena_.size() >= limits_.maxObjects)
        corrupt("more than " + std::to_string(limits_.maxObjects) + " objects");
    arena_.emplace_back();
    arena_.back().kind = k;
    return &arena_.back();
}

PyRef PickleReader::makeInt(int64_t v) {
    PyRef o = make(Kind::Int);
    o->i = v;
    return o;
}

PyRef PickleReader::makeStr(Kind k, std::string s) {
    PyRef o = make(k);
    o->s = std::move(s);
    return o;
}

void PickleReader::corrupt(const std::string& what) const {
    throw FormatError("corrupt pickle (" + what + " at byte " + std::to_string(pos_) + ")");
}

const unsigned char* PickleReader::take(size_t n) {
    if (n > size_ - pos_) corrupt("unexpected end of data");
    const unsigned char* p = data_ + pos_;
    pos_ += n;
    return p;
}

uint64_t PickleReader::readUInt(size_t n) {
    const unsigned char* p = take(n);
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;) v = v << 8 | p[i];
    return v;
}

std::string PickleReader::readLine() {
    const void* nl = std::memchr(data_ + pos_, '\n', size_ - pos_);
    if (!nl) corrupt("unterminated text argument");
    const size_t len = static_cast<size_t>(static_cast<const unsigned char*>(nl) - (data_ + pos_));
    std::string s(reinterpret_cast<const char*>(data_ + pos_), len);
    pos_ += len + 1;
    return s;
}

void PickleReader::push(PyRef o) {
    if (stack_.size() >= limits_.maxStack) corrupt("stack deeper than " + std::to_string(limits_.maxStack));
    stack_.push_back(o);
}

PyRef PickleReader::pop() {
    if (stack_.empty() || (!marks_.empty() && marks_.back() == stack_.size())) corrupt("stack underflow");
    PyRef o = stack_.back();
    stack_.pop_back();
    return o;
}

PyRef& PickleReader::top() {
    if (stack_.empty() || (!marks_.empty() && marks_.back() == stack_.size())) corrupt("stack underflow");
    return stack_.back();
}

std::vector<PyRef> PickleReader::popMark() {
    if (marks_.empty()) corrupt("missing MARK");
    const size_t m = marks_.back();
    marks_.pop_back();
    std::vector<PyRef> items(stack_.begin() + static_cast<std::ptrdiff_t>(m), stack_.end());
    stack_.resize(m);
    countReferences(items.size());
    return items;
}

void PickleReader::memoPut(uint64_t index) {
    if (memo_.size() >= limits_.maxMemo) corrupt("memo holds more than " + std::to_string(limits_.maxMemo) + " entries");
    memo_[index] = top();
}

PyRef PickleReader::memoGet(uint64_t index) {
    auto it = memo_.find(index);
    if (it == memo_.end()) corrupt("memo key " + std::to_string(index) + " is not defined");
    return it->second;
}

PyRef PickleReader::global(const std::string& module, const std::string& name) {
    const std::string full = module + "." + name;
    if (module == "torch") {
        auto st = storageTypes().find(name);
        if (st != storageTypes().end()) {
            PyRef o = makeStr(Kind::Global, full);
            o->dtype = st->second;
            return o;
        }
        auto dt = dtypeNames().find(name);
        if (dt != dtypeNames().end()) {
            PyRef o = make(Kind::Dtype);
            o->dtype = dt->second;
            return o;
        }
        for (const char* family : {"uint", "int", "float", "bfloat", "complex", "qint", "quint", "bits"})
            if (name.rfind(family, 0) == 0)
                throw FormatError("unsupported tensor dtype '" + full + "' (supported: float32/16/64, bfloat16, "
                                  "int64/32/16/8, uint8, bool)");
        if (name.size() > 7 && name.compare(name.size() - 7, 7, "Storage") == 0)
            throw FormatError("unsupported storage type '" + full + "' (supported: float32/16/64, bfloat16, "
                              "int64/32/16/8, uint8, bool)");
    }
    if (isAllowedGlobal(full)) return makeStr(Kind::Global, full);
    throw FormatError(allow::refusal(module, name));
}

PyRef PickleReader::persistentLoad(PyRef pid) {
    // ('storage', torch.FloatStorage, key, location, numel), as torch.save writes it.
    if (pid->kind != Kind::Tuple || pid->items.size() < 5 || pid->items[0]->kind != Kind::Str ||
        pid->items[0]->s != "storage")
        corrupt("persistent id is not a ('storage', ...) tuple");
    PyRef type = pid->items[1], key = pid->items[2], numel = pid->items[4];
    if (type->kind != Kind::Global || type->s.rfind("torch.", 0) != 0 || storageTypes().count(type->s.substr(6)) == 0)
        corrupt("persistent id names " + type->kindName() + ", not a storage type");
    if (key->kind != Kind::Str || numel->kind != Kind::Int || numel->i < 0)
        corrupt("malformed storage reference");
    auto it = storages_.find(key->s);
    if (it != storages_.end()) {
        if (it->second->dtype != type->dtype || it->second->i != numel->i)
            corrupt("storage '" + key->s + "' is referenced with two different types or sizes");
        return it->second;
    }
    PyRef st = makeStr(Kind::Storage, key->s);
    st->dtype = type->dtype;
    st->i = numel->i;
    storages_.emplace(key->s, st);
    return st;
}

PyRef PickleReader::rebuildTensor(const std::vector<PyRef>& a, bool v3) {
    // v2: (storage, offset, size, stride, requires_grad, backward_hooks[, metadata])
    // v3: (storage, offset, size, stride, requires_grad, backward_hooks, dtype[, metadata])
    const size_t minArgs = v3 ? 7 : 6;
    if (a.size() < minArgs || a.size() > minArgs + 1) corrupt("wrong number of tensor rebuild arguments");
    if (a[0]->kind != Kind::Storage) corrupt("tensor rebuild without a storage");
    if (a[1]->kind != Kind::Int) corrupt("tensor storage offset is not an int");
    auto ints = [&](PyRef t, const char* what) {
        if (t->kind != Kind::Tuple && t->kind != Kind::List) corrupt(std::string("tensor ") + what + " is not a tuple");
        std::vector<int64_t> v;
        for (PyRef x : t->items) {
            if (x->kind != Kind::Int) corrupt(std::string("tensor ") + what + " holds a non-integer");
            v.push_back(x->i);
        }
        return v;
    };
    PyRef t = make(Kind::Tensor);
    t->tensor = std::make_unique<PyObject::TensorView>();
    t->tensor->storage = a[0];
    t->tensor->offset = a[1]->i;
    t->tensor->shape = ints(a[2], "size");
    t->tensor->strides = ints(a[3], "stride");
    if (t->tensor->shape.size() != t->tensor->strides.size()) corrupt("tensor size and stride differ in length");
    t->dtype = a[0]->dtype;
    if (v3) {
        if (a[6]->kind != Kind::Dtype) corrupt("tensor rebuild without a dtype");
        t->dtype = a[6]->dtype;
    }
    return t;
}

PyRef PickleReader::call(PyRef callable, PyRef argTuple) {
    if (callable->kind != Kind::Global) corrupt("REDUCE on " + callable->kindName());
    if (argTuple->kind != Kind::Tuple) corrupt("REDUCE arguments are not a tuple");
    const std::string& g = callable->s;
    const std::vector<PyRef>& a = argTuple->items;
    if (g == "collections.OrderedDict") {
        PyRef d = make(Kind::Dict);
        if (a.size() == 1 && a[0]->kind == Kind::List) {
            for (PyRef pair : a[0]->items) {
                if (pair->kind != Kind::Tuple || pair->items.size() != 2) corrupt("OrderedDict item is not a pair");
                countReferences(2);
                d->items.push_back(pair->items[0]);
                d->items.push_back(pair->items[1]);
            }
        } else if (!a.empty()) {
            corrupt("unexpected OrderedDict arguments");
        }
        return d;
    }
    if (g == "torch._utils._rebuild_tensor_v2") return rebuildTensor(a, false);
    if (g == "torch._utils._rebuild_tensor_v3") return rebuildTensor(a, true);
    if (g == "torch._utils._rebuild_parameter" || g == "torch._utils._rebuild_parameter_with_state") {
        if (a.size() != (g == "torch._utils._rebuild_parameter" ? 3u : 4u) || a[0]->kind != Kind::Tensor)
            corrupt("malformed parameter");
        return a[0];
    }
    if (g == "torch._tensor._rebuild_from_type_v2") {
        // (func, new_type, args, state): a Tensor or Parameter rebuilt by an allowed function.
        if (a.size() != 4 || a[0]->kind != Kind::Global || !isRebuildFunction(a[0]->s) || a[1]->kind != Kind::Global ||
            (a[1]->s != "torch.Tensor" && a[1]->s != "torch.nn.parameter.Parameter"))
            corrupt("unsupported _rebuild_from_type_v2 arguments");
        return call(a[0], a[2]);
    }
    if (g == "_codecs.encode") { // protocol 2 writes bytes as _codecs.encode(str, 'latin1')
        if (a.size() != 2 || a[0]->kind != Kind::Str) corrupt("malformed bytes");
        std::string out;
        const std::string& s = a[0]->s;
        for (size_t i = 0; i < s.size(); ++i) { // UTF-8 code points < 256 -> one byte each
            const auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else if ((c & 0xe0) == 0xc0 && i + 1 < s.size() && c <= 0xc3) {
                out += static_cast<char>(((c & 0x1f) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3f));
            } else {
                corrupt("bytes outside latin-1");
            }
        }
        return makeStr(Kind::Bytes, out);
    }
    corrupt("global '" + g + "' cannot be called");
}

PyRef PickleReader::newObject(PyRef cls, PyRef args) {
    if (cls->kind == Kind::Global && cls->s == "collections.OrderedDict" && args->kind == Kind::Tuple &&
        args->items.empty())
        return make(Kind::Dict);
    corrupt("NEWOBJ on " + cls->kindName());
}

void PickleReader::build(PyRef obj, PyRef /*state*/) {
    // OrderedDict.__setstate__ with {'_metadata': ...} (module versions): not needed here.
    if (obj->kind != Kind::Dict) corrupt("BUILD on " + obj->kindName());
}

void PickleReader::countReferences(size_t n) {
    references_ += n;
    if (references_ > limits_.maxReferences)
        corrupt("containers hold more than " + std::to_string(limits_.maxReferences) + " references");
}

void PickleReader::appendTo(PyRef list, const std::vector<PyRef>& items) {
    if (list->kind != Kind::List) corrupt("APPEND to " + list->kindName());
    countReferences(items.size());
    list->items.insert(list->items.end(), items.begin(), items.end());
}

void PickleReader::setItems(PyRef dict, const std::vector<PyRef>& kv) {
    if (dict->kind != Kind::Dict) corrupt("SETITEM on " + dict->kindName());
    if (kv.size() % 2) corrupt("odd number of dict items");
    countReferences(kv.size());
    dict->items.insert(dict->items.end(), kv.begin(), kv.end());
}

PyRef PickleReader::load() {
    while (true) {
        const size_t opPos = pos_;
        const unsigned char op = *take(1);
        switch (op) {
        case 0x80: { // PROTO
            const unsigned v = *take(1);
            if (v > 5) corrupt("pickle protocol " + std::to_string(v) + " is not supported");
            break;
        }
        case 0x95: take(8); break; // FRAME: we hold the whole stream anyway
        case '.': {                // STOP
            PyRef r = pop();
            return r;
        }
        case '(': // MARK
            if (marks_.size() >= limits_.maxMarks) corrupt("more than " + std::to_string(limits_.maxMarks) + " open MARKs");
            marks_.push_back(stack_.size());
            break;
        case '0': // POP
            if (!stack_.empty() && (marks_.empty() || marks_.back() < stack_.size())) stack_.pop_back();
            else popMark();
            break;
        case '1': popMark(); break; // POP_MARK
        case '2': push(top()); break; // DUP
        case 'N': push(make(Kind::None)); break;
        case 0x88: case 0x89: { // NEWTRUE, NEWFALSE
            PyRef o = make(Kind::Bool);
            o->i = op == 0x88;
            push(o);
            break;
        }
        case 'J': push(makeInt(static_cast<int32_t>(readUInt(4)))); break; // BININT
        case 'K': push(makeInt(static_cast<int64_t>(readUInt(1)))); break; // BININT1
        case 'M': push(makeInt(static_cast<int64_t>(readUInt(2)))); break; // BININT2
        case 0x8a: case 0x8b: { // LONG1, LONG4: little-endian two's complement
            const uint64_t n = op == 0x8a ? readUInt(1) : readUInt(4);
            if (n > size_ - pos_) corrupt("unexpected end of data");
            const unsigned char* p = take(static_cast<size_t>(n));
            if (n <= 8) {
                uint64_t v = 0;
                for (size_t i = n; i-- > 0;) v = v << 8 | p[i];
                if (n > 0 && n < 8 && (p[n - 1] & 0x80)) v |= ~uint64_t(0) << (8 * n); // sign-extend
                push(makeInt(static_cast<int64_t>(v)));
            } else { // beyond int64: keep an approximate float (never a tensor dimension)
                double v = 0;
                const bool neg = p[n - 1] & 0x80;
                for (size_t i = n; i-- > 0;) v = v * 256 + (neg ? 255 - p[i] : p[i]);
                PyRef o = make(Kind::Float);
                o->f = neg ? -(v + 1) : v;
                push(o);
            }
            break;
        }
        case 'I': case 'L': { // INT, LONG (text)
            std::string s = readLine();
            if (op == 'L' && !s.empty() && s.back() == 'L') s.pop_back();
            if (op == 'I' && (s == "00" || s == "01")) {
                PyRef o = make(Kind::Bool);
                o->i = s == "01";
                push(o);
                break;
            }
            try {
                size_t used = 0;
                const long long v = std::stoll(s, &used);
                if (used != s.size()) corrupt("bad integer");
                push(makeInt(v));
            } catch (const std::logic_error&) {
                corrupt("bad integer");
            }
            break;
        }
        case 'G': { // BINFLOAT, big-endian
            const unsigned char* p = take(8);
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) bits = bits << 8 | p[i];
            PyRef o = make(Kind::Float);
            std::memcpy(&o->f, &bits, 8);
            push(o);
            break;
        }
        case 'F': { // FLOAT (text)
            const std::string s = readLine();
            PyRef o = make(Kind::Float);
            try {
                size_t used = 0;
                o->f = std::stod(s, &used);
                if (used != s.size()) corrupt("bad float");
            } catch (const std::logic_error&) {
                corrupt("bad float");
            }
            push(o);
            break;
        }
        case 'X': case 0x8c: case 0x8d: // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
        case 'T': case 'U':             // BINSTRING, SHORT_BINSTRING (py2 str -> str)
        case 'B': case 'C': case 0x8e: case 0x96: { // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
            const size_t lenBytes = (op == 0x8c || op == 'U' || op == 'C') ? 1 : (op == 0x8d || op == 0x8e || op == 0x96) ? 8 : 4;
            const uint64_t n = readUInt(lenBytes);
            if (n > size_ - pos_) corrupt("string length " + std::to_string(n) + " past end of data");
            if (n > limits_.maxStringBytes)
                corrupt("string of " + std::to_string(n) + " bytes (limit " + std::to_string(limits_.maxStringBytes) + ")");
            const unsigned char* p = take(static_cast<size_t>(n));
            const bool isBytes = op == 'B' || op == 'C' || op == 0x8e || op == 0x96;
            push(makeStr(isBytes ? Kind::Bytes : Kind::Str, std::string(reinterpret_cast<const char*>(p), n)));
            break;
        }
        case ')': push(make(Kind::Tuple)); break; // EMPTY_TUPLE
        case 0x85: case 0x86: case 0x87: { // TUPLE1..3
            const size_t n = op - 0x84u;
            PyRef t = make(Kind::Tuple);
            t->items.resize(n);
            for (size_t i = n; i-- > 0;) t->items[i] = pop();
            push(t);
            break;
        }
        case 't': { // TUPLE (from mark)
            PyRef t = make(Kind::Tuple);
            t->items = popMark();
            push(t);
            break;
        }
        case ']': push(make(Kind::List)); break; // EMPTY_LIST
        case 'l': { // LIST (from mark)
            PyRef l = make(Kind::List);
            l->items = popMark();
            push(l);
            break;
        }
        case '}': push(make(Kind::Dict)); break; // EMPTY_DICT
        case 'd': { // DICT (from mark)
            std::vector<PyRef> kv = popMark();
            PyRef d = make(Kind::Dict);
            setItems(d, kv);
            push(d);
            break;
        }
        case 0x8f: push(make(Kind::Set)); break; // EMPTY_SET
        case 0x91: { // FROZENSET
            PyRef s = make(Kind::Set);
            s->items = popMark();
            push(s);
            break;
        }
        case 0x90: { // ADDITEMS
            std::vector<PyRef> items = popMark();
            PyRef s = top();
            if (s->kind != Kind::Set) corrupt("ADDITEMS to " + s->kindName());
            countReferences(items.size());
            s->items.insert(s->items.end(), items.begin(), items.end());
            break;
        }
        case 'a': { // APPEND
            PyRef v = pop();
            appendTo(top(), {v});
            break;
        }
        case 'e': { // APPENDS
            std::vector<PyRef> items = popMark();
            appendTo(top(), items);
            break;
        }
        case 's': { // SETITEM
            PyRef v = pop();
            PyRef k = pop();
            setItems(top(), {k, v});
            break;
        }
        case 'u': { // SETITEMS
            std::vector<PyRef> kv = popMark();
            setItems(top(), kv);
            break;
        }
        case 'q': memoPut(readUInt(1)); break; // BINPUT
        case 'r': memoPut(readUInt(4)); break; // LONG_BINPUT
        case 0x94: memoPut(memo_.size()); break; // MEMOIZE
        case 'p': { // PUT (text)
            const std::string s = readLine();
            try {
                memoPut(std::stoull(s));
            } catch (const std::logic_error&) {
                corrupt("bad memo index");
            }
            break;
        }
        case 'h': push(memoGet(readUInt(1))); break; // BINGET
        case 'j': push(memoGet(readUInt(4))); break; // LONG_BINGET
        case 'g': { // GET (text)
            const std::string s = readLine();
            uint64_t idx = 0;
            try {
                idx = std::stoull(s);
            } catch (const std::logic_error&) {
                corrupt("bad memo index");
            }
            push(memoGet(idx));
            break;
        }
        case 'c': { // GLOBAL "module\nname\n"
            const std::string module = readLine();
            const std::string name = readLine();
            push(global(module, name));
            break;
        }
        case 0x93: { // STACK_GLOBAL
            PyRef name = pop();
            PyRef module = pop();
            if (module->kind != Kind::Str || name->kind != Kind::Str) corrupt("STACK_GLOBAL needs two strings");
            push(global(module->s, name->s));
            break;
        }
        case 'R': { // REDUCE
            PyRef args = pop();
            PyRef fn = pop();
            push(call(fn, args));
            break;
        }
        case 0x81: { // NEWOBJ
            PyRef args = pop();
            PyRef cls = pop();
            push(newObject(cls, args));
            break;
        }
        case 0x92: { // NEWOBJ_EX
            PyRef kwargs = pop();
            PyRef args = pop();
            PyRef cls = pop();
            if (kwargs->kind != Kind::Dict || !kwargs->items.empty()) corrupt("NEWOBJ_EX with keyword arguments");
            push(newObject(cls, args));
            break;
        }
        case 'b': { // BUILD
            PyRef state = pop();
            build(top(), state);
            break;
        }
        case 'Q': { // BINPERSID
            PyRef pid = pop();
            push(persistentLoad(pid));
            break;
        }
        default: {
            static const char hex[] = "0123456789abcdef";
            pos_ = opPos;
            corrupt(std::string("unsupported opcode 0x") + hex[op >> 4] + hex[op & 15]);
        }
        }
    }
}

} // namespace rdbm::checkpoint

#include "checkpoint/RawTensor.h"

#include <algorithm>
#include <cstring>

#include "rdbm/Error.h"

namespace rdbm::checkpoint {

size_t dtypeSize(DType d) {
    switch (d) {
    case DType::F64: case DType::I64: return 8;
    case DType::F32: case DType::I32: return 4;
    case DType::F16: case DType::BF16: case DType::I16: return 2;
    case DType::I8: case DType::U8: case DType::Bool: return 1;
    }
    return 1;
}

std::string toString(DType d) {
    switch (d) {
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::F64: return "F64";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::Bool: return "BOOL";
    }
    return "?";
}

std::string shapeToString(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

int64_t RawTensor::numel() const {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    return n;
}

bool RawTensor::isContiguous() const {
    int64_t expected = 1;
    for (size_t i = shape.size(); i-- > 0;) {
        if (shape[i] == 1) continue; // a size-1 dimension's stride is irrelevant
        if (strides[i] != expected) return false;
        expected *= shape[i];
    }
    return true;
}

std::string checkTensorView(const RawTensor& t) {
    if (t.shape.size() != t.strides.size())
        return "shape " + shapeToString(t.shape) + " and strides " + shapeToString(t.strides) + " differ in rank";
    if (t.shape.size() > 64) return "tensor rank " + std::to_string(t.shape.size()) + " is absurd";
    if (t.offset < 0) return "negative storage offset " + std::to_string(t.offset);
    const size_t elem = dtypeSize(t.dtype);
    const int64_t storageElems = t.storage ? static_cast<int64_t>(t.storage->size() / elem) : 0;
    int64_t numel = 1, last = t.offset; // last: index of the furthest element
    for (size_t i = 0; i < t.shape.size(); ++i) {
        if (t.shape[i] < 0) return "negative size in shape " + shapeToString(t.shape);
        if (t.strides[i] < 0) return "negative stride in strides " + shapeToString(t.strides);
        if (__builtin_mul_overflow(numel, t.shape[i], &numel))
            return "shape " + shapeToString(t.shape) + " overflows";
    }
    if (numel == 0) return {};
    for (size_t i = 0; i < t.shape.size(); ++i) {
        int64_t reach = 0;
        if (__builtin_mul_overflow(t.shape[i] - 1, t.strides[i], &reach) || __builtin_add_overflow(last, reach, &last))
            return "strides " + shapeToString(t.strides) + " overflow";
    }
    if (last >= storageElems)
        return "shape " + shapeToString(t.shape) + ", strides " + shapeToString(t.strides) + " and offset " +
               std::to_string(t.offset) + " need " + std::to_string(last + 1) + " elements but the storage holds " +
               std::to_string(storageElems);
    return {};
}

float halfToFloat(uint16_t h) {
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu, bits;
    if (exp == 0x1f) {
        bits = sign | 0x7f800000u | (mant << 13); // inf / nan
    } else if (exp != 0) {
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    } else if (mant == 0) {
        bits = sign;
    } else { // subnormal: normalize
        int e = -1;
        do { ++e; mant <<= 1; } while ((mant & 0x400u) == 0);
        bits = sign | static_cast<uint32_t>(112 - e) << 23 | ((mant & 0x3ffu) << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float bfloat16ToFloat(uint16_t b) {
    const uint32_t bits = static_cast<uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

namespace {

// Calls fn(elementIndexInStorage) for every element in row-major order.
template <class Fn>
void forEachElement(const RawTensor& t, Fn fn) {
    const std::string problem = checkTensorView(t);
    if (!problem.empty()) throw Error(ErrorKind::Checkpoint, "invalid tensor view: " + problem);
    const int64_t n = t.numel();
    if (n == 0) return;
    if (t.isContiguous()) {
        for (int64_t i = 0; i < n; ++i) fn(t.offset + i);
        return;
    }
    const size_t rank = t.shape.size();
    std::vector<int64_t> idx(rank, 0);
    int64_t pos = t.offset;
    for (int64_t i = 0; i < n; ++i) {
        fn(pos);
        for (size_t d = rank; d-- > 0;) { // odometer increment
            pos += t.strides[d];
            if (++idx[d] < t.shape[d]) break;
            pos -= t.strides[d] * t.shape[d];
            idx[d] = 0;
        }
    }
}

template <class T>
T load(const unsigned char* p) {
    T v;
    std::memcpy(&v, p, sizeof(T)); // storages are little-endian, as is every host we build for
    return v;
}

} // namespace

std::vector<float> RawTensor::toFloat32() const {
    std::vector<float> out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(numel(), 0)));
    const unsigned char* base = storage ? storage->data() : nullptr;
    const size_t es = dtypeSize(dtype);
    forEachElement(*this, [&](int64_t i) {
        const unsigned char* p = base + static_cast<size_t>(i) * es;
        float v = 0;
        switch (dtype) {
        case DType::F32: v = load<float>(p); break;
        case DType::F16: v = halfToFloat(load<uint16_t>(p)); break;
        case DType::BF16: v = bfloat16ToFloat(load<uint16_t>(p)); break;
        case DType::F64: v = static_cast<float>(load<double>(p)); break;
        case DType::I64: v = static_cast<float>(load<int64_t>(p)); break;
        case DType::I32: v = static_cast<float>(load<int32_t>(p)); break;
        case DType::I16: v = static_cast<float>(load<int16_t>(p)); break;
        case DType::I8: v = static_cast<float>(load<int8_t>(p)); break;
        case DType::U8: v = static_cast<float>(load<uint8_t>(p)); break;
        case DType::Bool: v = *p ? 1.0f : 0.0f; break;
        }
        out.push_back(v);
    });
    return out;
}

std::vector<int64_t> RawTensor::toInt64() const {
    if (dtype == DType::F32 || dtype == DType::F16 || dtype == DType::BF16 || dtype == DType::F64)
        throw Error(ErrorKind::Checkpoint, "tensor of dtype " + toString(dtype) + " is not an integer tensor");
    std::vector<int64_t> out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(numel(), 0)));
    const unsigned char* base = storage ? storage->data() : nullptr;
    const size_t es = dtypeSize(dtype);
    forEachElement(*this, [&](int64_t i) {
        const unsigned char* p = base + static_cast<size_t>(i) * es;
        int64_t v = 0;
        switch (dtype) {
        case DType::I64: v = load<int64_t>(p); break;
        case DType::I32: v = load<int32_t>(p); break;
        case DType::I16: v = load<int16_t>(p); break;
        case DType::I8: v = load<int8_t>(p); break;
        case DType::U8: v = load<uint8_t>(p); break;
        case DType::Bool: v = *p ? 1 : 0; break;
        default: break;
        }
        out.push_back(v);
    });
    return out;
}

std::vector<unsigned char> RawTensor::contiguousBytes() const {
    const size_t es = dtypeSize(dtype);
    std::vector<unsigned char> out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(numel(), 0)) * es);
    const unsigned char* base = storage ? storage->data() : nullptr;
    forEachElement(*this, [&](int64_t i) {
        const unsigned char* p = base + static_cast<size_t>(i) * es;
        out.insert(out.end(), p, p + es);
    });
    return out;
}

RawTensor makeContiguous(DType d, std::vector<int64_t> shape, std::vector<unsigned char> bytes) {
    RawTensor t;
    t.dtype = d;
    t.shape = std::move(shape);
    t.strides.assign(t.shape.size(), 1);
    for (size_t i = t.shape.size(); i-- > 1;) t.strides[i - 1] = t.strides[i] * t.shape[i];
    t.storage = std::make_shared<const std::vector<unsigned char>>(std::move(bytes));
    const std::string problem = checkTensorView(t);
    if (!problem.empty()) throw Error(ErrorKind::Checkpoint, "invalid tensor: " + problem);
    return t;
}

} // namespace rdbm::checkpoint

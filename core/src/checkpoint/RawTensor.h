#pragma once
// A tensor exactly as a checkpoint describes it: dtype, shape, strides and offset
// into a storage of raw little-endian bytes. Torch-free, so checkpoint files can be
// read and checked without LibTorch; the model code turns these into torch tensors.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rdbm::checkpoint {

enum class DType { F32, F16, BF16, F64, I64, I32, I16, I8, U8, Bool };

size_t dtypeSize(DType d);
std::string toString(DType d); // safetensors spelling: "F32", "F16", "BF16", ..., "BOOL"

struct RawTensor {
    DType dtype = DType::F32;
    std::vector<int64_t> shape, strides; // strides in elements
    int64_t offset = 0;                  // in elements
    std::shared_ptr<const std::vector<unsigned char>> storage; // the whole storage (little-endian)

    int64_t numel() const;
    bool isContiguous() const;
    // Any dtype and strides -> contiguous row-major float32 (F16/BF16/ints/bool converted).
    std::vector<float> toFloat32() const;
    // Integer and bool dtypes -> contiguous int64, exact. Throws Error(Checkpoint) for floats.
    std::vector<int64_t> toInt64() const;
    // The tensor's elements, contiguous, in its own dtype (what safetensors stores).
    std::vector<unsigned char> contiguousBytes() const;
};

using TensorMap = std::map<std::string, RawTensor>;

// Shape/strides/offset must stay inside the storage; returns an empty string when they
// do, else the problem ("needs 400 bytes, storage has 16"). Used by every reader.
std::string checkTensorView(const RawTensor& t);

// A contiguous tensor owning a copy of the given bytes (tests, writers).
RawTensor makeContiguous(DType d, std::vector<int64_t> shape, std::vector<unsigned char> bytes);

float halfToFloat(uint16_t h);
float bfloat16ToFloat(uint16_t b);

std::string shapeToString(const std::vector<int64_t>& shape); // "[3, 2, 3, 3]"

} // namespace rdbm::checkpoint

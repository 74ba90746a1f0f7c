#pragma once
// Reads a float32 array from a NumPy .npy file (format versions 1 to 3, little-endian
// '<f4', C order), such as the first-state noise of a PyTorch run saved with
// numpy.save(path, noise.numpy()). Only what --initial-noise needs; no pickled objects.
#include <cstdint>
#include <string>
#include <vector>

namespace rdbm::cli {

struct NpyArray {
    std::vector<int64_t> shape;
    std::vector<float> values; // C order
};

// Throws Error(Usage) naming the file and what is wrong (not .npy, not float32, Fortran
// order, size disagreeing with the shape, a file over 1 GiB).
NpyArray readNpyFloat32(const std::string& path);

} // namespace rdbm::cli

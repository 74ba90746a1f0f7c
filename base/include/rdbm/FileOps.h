#pragma once
// Safe file output: write to a temporary beside the target, then rename, so a crash
// never leaves a half-written file and an input is never replaced by mistake.
#include <string>
#include <vector>

namespace rdbm {

// Throws Error(Usage) if the target exists and overwrite is false; Error(Runtime) on IO failure.
void writeFileAtomic(const std::string& path, const std::vector<unsigned char>& bytes, bool overwrite);
// True when both paths name the same existing file (symlinks and hard links resolved).
bool sameFile(const std::string& a, const std::string& b);
// float32 .npy (version 1.0, little-endian, C order).
std::vector<unsigned char> encodeNpyFloat32(const float* data, const std::vector<long>& shape);

} // namespace rdbm

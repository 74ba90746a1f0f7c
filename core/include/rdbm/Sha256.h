#pragma once
// SHA-256 (FIPS 180-4) of a file, for the run record's model checksum. Small and
// dependency-free: the project links no crypto library.
#include <cstddef>
#include <string>

namespace rdbm {

// Lower-case hex digest of `size` bytes.
std::string sha256Hex(const void* data, size_t size);
// Lower-case hex digest of a file's contents, read in blocks. Throws Error(Runtime).
std::string sha256File(const std::string& path);

} // namespace rdbm

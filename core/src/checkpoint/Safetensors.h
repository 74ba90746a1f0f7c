#pragma once
// safetensors: 8-byte little-endian header length, a JSON header {name: {dtype, shape,
// data_offsets}, "__metadata__": {string: string}}, then the raw little-endian bytes.
#include <map>
#include <string>

#include "checkpoint/CheckpointReader.h"

namespace rdbm::checkpoint {

// Internal to readCheckpoint; throws FormatError.
void readSafetensors(const std::string& path, const TensorFilter& wanted, CheckpointContents& out);

// Writes tensors (any strides; stored contiguous) and string metadata, atomically
// (rdbm::writeFileAtomic: temp file + rename). Throws Error(Usage) if the file exists and !overwrite, Error(Runtime)
// on IO failure, Error(Checkpoint) for metadata that is not valid UTF-8.
void writeSafetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata, bool overwrite);

} // namespace rdbm::checkpoint

#pragma once
// torch.save zip archives: "<top>/data.pkl" through the PickleReader, tensor bytes from
// "<top>/data/<key>". Internal to readCheckpoint; throws FormatError.
#include "checkpoint/CheckpointReader.h"

namespace rdbm::checkpoint {

class ZipArchive;

// A TorchScript archive (constants.pkl or code/ records): compiled code inside.
bool isTorchScriptArchive(const ZipArchive& zip);

// Fills format and the flattened tensors/scalars/strings.
void readTorchArchive(const std::string& path, const TensorFilter& wanted, CheckpointContents& out);

} // namespace rdbm::checkpoint

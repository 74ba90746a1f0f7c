#pragma once
// Reads a checkpoint file without Python or LibTorch: PyTorch zip archives written by
// torch.save (through the restricted PickleReader), safetensors files, and recognises
// TorchScript archives (loaded by the caller with torch::jit::load).
#include <functional>
#include <map>
#include <string>

#include "checkpoint/RawTensor.h"

namespace rdbm::checkpoint {

struct CheckpointContents {
    std::string path, format; // "torch-zip" | "safetensors" | "torchscript"
    // Nested dicts and lists flattened with '.': "model.init_conv.weight",
    // "ema.ema_model.model.init_conv.weight", "opt.state.0.exp_avg", ...
    TensorMap tensors;
    std::map<std::string, std::string> metadata; // safetensors __metadata__
    std::map<std::string, double> scalars;       // numeric and bool leaves: "step", "opt.param_groups.0.lr"
    std::map<std::string, std::string> strings;  // string leaves: "version" when it is a string
};

// Which flattened tensor keys to load; the others are skipped without reading their
// bytes (a trainer file's optimizer state, for example). Empty: load everything.
using TensorFilter = std::function<bool(const std::string& key)>;

// Throws rdbm::Error(Checkpoint) "<path>: <problem>". For a TorchScript archive: format
// "torchscript" and no tensors.
CheckpointContents readCheckpoint(const std::string& path, const TensorFilter& wanted = {});

} // namespace rdbm::checkpoint

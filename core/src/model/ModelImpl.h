#pragma once
// The torch side of rdbm::Model: the loaded network wrapped as a Denoiser, plus the
// description and schedule it samples with. Model::load fills it; tests may build one
// around a stand-in network.
#include <string>

#include <torch/types.h>

#include "rdbm/Model.h"
#include "sampler/Denoiser.h"

namespace rdbm {

struct Model::Impl {
    ModelInfo info;
    RdbmSchedule schedule;     // RDBM
    RddmSchedule rddmSchedule; // RDDM (info.metadata.method)
    std::string deviceName = "cpu";                // resolved, as Model::device() reports it
    torch::Device device{torch::kCPU};
    torch::ScalarType dtype = torch::kFloat32;     // weights and activations
    // float32 in and out on `device`; padding, dtype casts and "adds mu" happen inside.
    Denoiser network;
    // Set when the network takes whole-photo statistics: restore() binds the photo's
    // once and samples with the result instead of `network` (which uses each call's own).
    PhotoBinder bindToPhoto;
};

} // namespace rdbm

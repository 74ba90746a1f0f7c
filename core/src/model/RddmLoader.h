#pragma once
// The method a checkpoint holds, and the RDDM side of Model::load (docs/method.md §7, §8.6).
#include <string>

#include <torch/types.h>

#include "checkpoint/NetworkWeights.h"
#include "model/MetadataSources.h"
#include "model/ModelImpl.h"
#include "model/NetworkFactory.h"

namespace rdbm {

// RDBM or RDDM, from (in priority) the options or metadata's "method", an RDDM-only
// objective the metadata names, RDDM's UnetRes keys or ResidualDiffusion buffers, and
// RDBM's U-Net keys. Throws Error(Checkpoint) for a file that fits neither method, or
// whose stated method contradicts its keys.
Method detectMethod(const checkpoint::NetworkWeights& weights, const ResolvedMetadata& md, const std::string& path);

// Fills impl's config, schedule and info.metadata.rddm for an RDDM file and returns its
// network. The layout comes from the keys (a plain U-Net's keys are share_encoder -1),
// the schedule from the buffers unless options set T or sum_scale, the objective from
// the metadata or the layout (two outputs: pred_res_noise; one: pred_res, noted).
LoadedNetwork loadRddmNetwork(Model::Impl& impl, checkpoint::NetworkWeights& weights, ResolvedMetadata& md,
                              const std::string& path, const torch::Device& device, torch::ScalarType dtype);

} // namespace rdbm

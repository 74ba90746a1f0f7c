#pragma once
// The project's model metadata as JSON: embedded in safetensors files (__metadata__ key
// "rdbm_studio") or in a sidecar "<checkpoint>.json". Keys: method (rdbm, rddm; RDDM
// adds share_encoder and sum_scale, and its objective takes the reference's names
// pred_res_noise, ...), objective, pi_mode, schedule,
// lambda, T, pad_mode, adds_mu, architecture {dim, dim_mults, channels, in_channels,
// groups, heads, dim_head}, provenance {string: string}. Every key is optional on input.
#include <optional>
#include <string>

#include "rdbm/ModelInfo.h"

namespace rdbm::checkpoint {

inline constexpr const char* kSafetensorsMetadataKey = "rdbm_studio";

std::string metadataToJson(const ModelMetadata& meta, const UNetConfig& config);

// Overrides the fields the JSON names. Unknown values, wrong types and out-of-range
// numbers throw Error(Checkpoint) naming sourceName and the key. Unknown keys are
// ignored (files written by newer versions stay readable). config may be null: then
// "architecture" is checked but not applied.
void applyMetadataJson(const std::string& json, const std::string& sourceName, ModelMetadata& meta,
                       UNetConfig* config);

// "<path>.json" if it exists, else "<path without extension>.json", else nothing.
std::optional<std::string> findSidecar(const std::string& checkpointPath);

} // namespace rdbm::checkpoint

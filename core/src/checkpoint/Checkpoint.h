#pragma once
// Everything about checkpoint files, torch-free: readCheckpoint, selectNetworkWeights,
// writeSafetensors, the metadata JSON and sidecar lookup.
#include "checkpoint/CheckpointReader.h"
#include "checkpoint/MetadataJson.h"
#include "checkpoint/NetworkWeights.h"
#include "checkpoint/RawTensor.h"
#include "checkpoint/Safetensors.h"

#pragma once
// Where a model's metadata comes from, in increasing priority: defaults, metadata
// embedded in the file (safetensors __metadata__ "rdbm_studio"), a sidecar JSON, then
// the caller's LoadOptions. Torch-free.
#include <set>
#include <string>

#include "checkpoint/CheckpointReader.h"
#include "net/UNetLayout.h"
#include "rdbm/Model.h"

namespace rdbm {

struct ResolvedMetadata {
    ModelMetadata meta;
    UNetConfig architecture;                 // as the metadata describes it (defaults elsewhere)
    std::set<std::string> architectureKeys;  // which "architecture" fields the metadata named
    UNetLayoutHints hints;                   // groups / heads / dim_head, when named
    bool scheduleFromOptions = false;        // the caller set the schedule kind, lambda or T
    // Which RDDM-relevant fields the metadata or the options named (the file decides the rest).
    bool methodNamed = false;
    bool rddmObjectiveNamed = false;
    bool shareEncoderNamed = false;
    bool rddmScheduleNamed = false;          // T or sum_scale from the metadata or the options
    bool rddmScheduleFromOptions = false;    // the caller set T or sum_scale: buffers give way
    bool rdbmObjectiveFromOptions = false;   // --objective named an RDBM-only objective
    std::string source;                      // "embedded", "sidecar", "embedded+sidecar", "defaults", + "+options"
};

// Throws Error(Checkpoint) naming the metadata's source for malformed JSON or values,
// and for a sidecarPath that cannot be read.
ResolvedMetadata resolveMetadata(const checkpoint::CheckpointContents& contents, const std::string& path,
                                 const LoadOptions& options);

} // namespace rdbm

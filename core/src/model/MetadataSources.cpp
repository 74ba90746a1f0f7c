#include "model/MetadataSources.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "checkpoint/MetadataJson.h"
#include "rdbm/Error.h"

namespace rdbm {

namespace {

std::string readText(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::is_regular_file(status))
        throw Error(ErrorKind::Checkpoint, path + ": the metadata file is missing or not a regular file");
    if (std::filesystem::file_size(path, ec) > (1u << 20))
        throw Error(ErrorKind::Checkpoint, path + ": the metadata file is larger than 1 MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::Checkpoint, path + ": cannot read the metadata file");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// applyMetadataJson validates and applies; this only notes which architecture fields
// were named, since the shapes decide the rest.
void noteArchitectureKeys(const std::string& json, ResolvedMetadata& r) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object() || !j.contains("architecture") || !j["architecture"].is_object()) return;
    for (const auto& item : j["architecture"].items()) r.architectureKeys.insert(item.key());
}

// Notes which RDDM fields the metadata named, so the file's keys and buffers decide the others.
void noteRddmKeys(const std::string& json, ResolvedMetadata& r) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object()) return;
    r.methodNamed = r.methodNamed || j.contains("method");
    if (j.contains("objective") && j["objective"].is_string() && isRddmObjectiveName(j["objective"].get<std::string>()))
        r.rddmObjectiveNamed = true;
    r.shareEncoderNamed = r.shareEncoderNamed || j.contains("share_encoder");
    r.rddmScheduleNamed = r.rddmScheduleNamed || j.contains("sum_scale") || j.contains("T");
}

void apply(const std::string& json, const std::string& sourceName, const std::string& label, ResolvedMetadata& r) {
    checkpoint::applyMetadataJson(json, sourceName, r.meta, &r.architecture);
    noteArchitectureKeys(json, r);
    noteRddmKeys(json, r);
    r.source += (r.source.empty() ? "" : "+") + label;
}

} // namespace

ResolvedMetadata resolveMetadata(const checkpoint::CheckpointContents& contents, const std::string& path,
                                 const LoadOptions& options) {
    ResolvedMetadata r;
    const auto embedded = contents.metadata.find(checkpoint::kSafetensorsMetadataKey);
    if (embedded != contents.metadata.end())
        apply(embedded->second, path + " (embedded metadata)", "embedded", r);

    std::optional<std::string> sidecar;
    if (!options.sidecarPath.empty()) sidecar = options.sidecarPath;
    else sidecar = checkpoint::findSidecar(path);
    if (sidecar) apply(readText(*sidecar), *sidecar, "sidecar", r);
    if (r.source.empty()) r.source = "defaults";

    if (r.architectureKeys.count("groups")) r.hints.groups = r.architecture.groups;
    if (r.architectureKeys.count("heads")) r.hints.heads = r.architecture.heads;
    if (r.architectureKeys.count("dim_head")) r.hints.dimHead = r.architecture.dimHead;

    bool overridden = false;
    if (options.objective) {
        r.meta.objective = *options.objective;
        r.rdbmObjectiveFromOptions = !options.rddmObjective;
        overridden = true;
    }
    if (options.method) {
        r.meta.method = *options.method;
        r.methodNamed = true;
        overridden = true;
    }
    if (options.rddmObjective) {
        r.meta.rddm.objective = *options.rddmObjective;
        r.rddmObjectiveNamed = true;
        overridden = true;
    }
    if (options.sumScale) {
        if (!(std::isfinite(*options.sumScale) && *options.sumScale > 0 && *options.sumScale <= 100))
            throw Error(ErrorKind::Usage, "sum_scale " + std::to_string(*options.sumScale) + " is not in (0, 100]");
        r.meta.rddm.sumScale = *options.sumScale;
        r.rddmScheduleNamed = r.rddmScheduleFromOptions = true;
        overridden = true;
    }
    if (options.piMode) {
        r.meta.piMode = *options.piMode;
        overridden = true;
    }
    if (options.scheduleKind) {
        r.meta.schedule.kind = *options.scheduleKind;
        r.scheduleFromOptions = true;
    }
    // Options get the ranges the metadata gets (applyMetadataJson).
    if (options.lambda && !(std::isfinite(*options.lambda) && *options.lambda > 0 && *options.lambda <= 100))
        throw Error(ErrorKind::Usage, "lambda " + std::to_string(*options.lambda) + " is not in (0, 100]");
    if (options.T && (*options.T < 2 || *options.T > 100000))
        throw Error(ErrorKind::Usage, "T " + std::to_string(*options.T) + " is not in [2, 100000]");
    if (options.lambda) {
        r.meta.schedule.lambda = *options.lambda;
        r.scheduleFromOptions = true;
    }
    if (options.T) {
        r.meta.schedule.T = r.meta.rddm.T = *options.T;
        r.scheduleFromOptions = true;
        r.rddmScheduleNamed = r.rddmScheduleFromOptions = true;
    }
    if (overridden || r.scheduleFromOptions) r.source += "+options";
    return r;
}

ModelMetadata peekModelMetadata(const std::string& path, const LoadOptions& options) {
    // No tensor is wanted, so none is read or inflated; a TorchScript archive is only
    // recognised (its code is never loaded here).
    const checkpoint::CheckpointContents contents = checkpoint::readCheckpoint(path, [](const std::string&) { return false; });
    return resolveMetadata(contents, path, options).meta;
}

} // namespace rdbm

// The run record as JSON (one object, the same in an image and in the --record file),
// and reading it back from an image written by rdbm.
#include "rdbm/RestoreRecord.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>

#include <nlohmann/json.hpp>

#include "ImageProbe.h"
#include "metadata/EmbeddedMetadata.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"
#include "rdbm/Version.h"

namespace rdbm {

RestoreRecord makeRestoreRecord(const Model& model, const std::string& modelSha256, const SamplerOptions& options,
                                int seeds, int tileSize) {
    const ModelInfo& info = model.info();
    RestoreRecord r;
    r.modelFile = info.path;
    r.modelSha256 = modelSha256;
    r.method = toString(info.metadata.method);
    if (info.metadata.method == Method::Rddm) {
        r.objective = toString(info.metadata.rddm.objective);
    } else {
        r.objective = toString(info.metadata.objective);
        r.pi = toString(info.metadata.piMode);
    }
    r.steps = options.steps;
    r.eta = options.eta;
    r.piNoise = toString(options.noiseModulation);
    r.seed = options.seed;
    r.seeds = std::max(1, seeds);
    r.tileSize = tileSize;
    r.tileOverlap = options.tileOverlap;
    r.border = options.borderPad;
    r.device = model.device();
    r.version = RDBM_VERSION;
    r.time = utcTimestamp();
    return r;
}

std::string toJson(const RestoreRecord& r) {
    nlohmann::ordered_json j;
    j["model_file"] = r.modelFile;
    j["model_sha256"] = r.modelSha256;
    j["method"] = r.method;
    j["objective"] = r.objective;
    j["pi"] = r.pi;
    j["steps"] = r.steps;
    j["eta"] = r.eta;
    j["pi_noise"] = r.piNoise;
    j["seed"] = r.seed;
    if (r.seeds > 1) j["seeds"] = r.seeds;
    j["tile_size"] = r.tileSize;
    j["tile_overlap"] = r.tileOverlap;
    j["border"] = r.border;
    j["device"] = r.device;
    j["version"] = r.version;
    j["time"] = r.time;
    return j.dump();
}

RestoreRecord restoreRecordFromJson(const std::string& text, const std::string& source) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(ErrorKind::Image, source + ": the run record is not a JSON object");
    RestoreRecord r;
    const auto field = [&](const char* key, auto& value) {
        if (!j.contains(key)) return;
        try {
            j.at(key).get_to(value);
        } catch (const nlohmann::json::exception&) {
            throw Error(ErrorKind::Image,
                        source + ": run record field '" + key + "' has the wrong type (" + j.at(key).type_name() + ")");
        }
    };
    field("model_file", r.modelFile);
    field("model_sha256", r.modelSha256);
    field("method", r.method);
    field("objective", r.objective);
    field("pi", r.pi);
    field("steps", r.steps);
    field("eta", r.eta);
    field("pi_noise", r.piNoise);
    field("seed", r.seed);
    field("seeds", r.seeds);
    field("tile_size", r.tileSize);
    field("tile_overlap", r.tileOverlap);
    field("border", r.border);
    field("device", r.device);
    field("version", r.version);
    field("time", r.time);
    return r;
}

std::optional<RestoreRecord> readRestoreRecord(const std::string& imagePath) {
    std::ifstream in(imagePath, std::ios::binary);
    if (!in) throw Error(ErrorKind::Image, imagePath + ": cannot open: " + std::strerror(errno));
    const metadata::Bytes bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const ImageProbe probe = probeImage(bytes.data(), bytes.size(), imagePath, 1LL << 40);
    const std::string text = metadata::extractRecord(bytes, probe.format);
    if (text.empty()) return std::nullopt;
    return restoreRecordFromJson(text, imagePath);
}

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace rdbm

#include "checkpoint/MetadataJson.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

#include "rdbm/Error.h"

namespace rdbm::checkpoint {

using nlohmann::ordered_json;

std::string metadataToJson(const ModelMetadata& meta, const UNetConfig& config) {
    ordered_json j;
    j["format"] = "rdbm-studio-model";
    if (meta.method == Method::Rddm) {
        // RDDM: the reference's objective name, the UnetRes layout and the schedule's T and sum_scale.
        j["method"] = "rddm";
        j["objective"] = toString(meta.rddm.objective);
        j["share_encoder"] = meta.rddm.shareEncoder;
        j["sum_scale"] = meta.rddm.sumScale;
        j["T"] = meta.rddm.T;
        j["pad_mode"] = meta.padMode;
        j["architecture"] = {{"dim", config.dim},       {"dim_mults", config.dimMults}, {"channels", config.channels},
                             {"in_channels", config.inChannels}, {"groups", config.groups},
                             {"heads", config.heads},   {"dim_head", config.dimHead}};
        j["provenance"] = ordered_json::object();
        for (const auto& [k, v] : meta.provenance) j["provenance"][k] = v;
        return j.dump(2);
    }
    j["objective"] = toString(meta.objective);
    j["pi_mode"] = toString(meta.piMode);
    j["schedule"] = toString(meta.schedule.kind);
    j["lambda"] = meta.schedule.lambda;
    j["T"] = meta.schedule.T;
    j["pad_mode"] = meta.padMode;
    j["adds_mu"] = meta.addsMu;
    j["architecture"] = {{"dim", config.dim},       {"dim_mults", config.dimMults}, {"channels", config.channels},
                         {"in_channels", config.inChannels}, {"groups", config.groups},
                         {"heads", config.heads},   {"dim_head", config.dimHead}};
    if (config.globalStats > 0) j["architecture"]["global_stats"] = config.globalStats; // stats_mlp.* (method.md §6.1)
    j["provenance"] = ordered_json::object();
    for (const auto& [k, v] : meta.provenance) j["provenance"][k] = v;
    return j.dump(2);
}

namespace {

class MetadataParser {
public:
    explicit MetadataParser(const std::string& source) : source_(source) {}

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw Error(ErrorKind::Checkpoint, source_ + ": metadata key '" + key + "': " + problem);
    }

    std::string str(const ordered_json& v, const std::string& key) const {
        if (!v.is_string()) fail(key, "expected a string, found " + v.dump());
        return v.get<std::string>();
    }

    int integer(const ordered_json& v, const std::string& key, long long lo, long long hi) const {
        if (!v.is_number_integer()) fail(key, "expected an integer, found " + v.dump());
        const long long x = v.get<long long>();
        if (x < lo || x > hi)
            fail(key, std::to_string(x) + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return static_cast<int>(x);
    }

    // Converts the library's own parse errors (Error(Usage)) into this file's context.
    template <class Fn>
    auto parseValue(const std::string& key, Fn fn) const {
        try {
            return fn();
        } catch (const Error& e) {
            fail(key, e.what());
        }
    }

private:
    std::string source_;
};

std::string normalizePadMode(const std::string& s) {
    if (s == "reflect" || s == "reflection") return "reflect";
    if (s == "replicate" || s == "edge") return "replicate";
    if (s == "zero" || s == "zeros" || s == "constant") return "zero";
    return {};
}

} // namespace

void applyMetadataJson(const std::string& json, const std::string& sourceName, ModelMetadata& meta,
                       UNetConfig* config) {
    ordered_json j;
    try {
        j = ordered_json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Checkpoint, sourceName + ": metadata is not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object()) throw Error(ErrorKind::Checkpoint, sourceName + ": metadata is not a JSON object");
    const MetadataParser p(sourceName);
    ModelMetadata m = meta; // applied only when everything parses
    UNetConfig c = config ? *config : UNetConfig{};

    if (j.contains("method"))
        m.method = p.parseValue("method", [&] { return methodFromString(p.str(j["method"], "method")); });
    if (j.contains("objective")) {
        // RDDM's names set RDDM's objective; "pred_noise" names an objective of both methods.
        const std::string name = p.str(j["objective"], "objective");
        if (isRddmObjectiveName(name)) m.rddm.objective = rddmObjectiveFromString(name);
        if (!isRddmObjectiveName(name) || name == "pred_noise")
            m.objective = p.parseValue("objective", [&] { return objectiveFromString(name); });
    }
    if (j.contains("share_encoder")) m.rddm.shareEncoder = p.integer(j["share_encoder"], "share_encoder", -1, 1);
    if (j.contains("sum_scale")) {
        const auto& v = j["sum_scale"];
        if (!v.is_number()) p.fail("sum_scale", "expected a number, found " + v.dump());
        const double scale = v.get<double>();
        if (!std::isfinite(scale) || scale <= 0 || scale > 100) p.fail("sum_scale", v.dump() + " is not in (0, 100]");
        m.rddm.sumScale = scale;
    }
    if (j.contains("pi_mode"))
        m.piMode = p.parseValue("pi_mode", [&] { return piModeFromString(p.str(j["pi_mode"], "pi_mode")); });
    if (j.contains("schedule"))
        m.schedule.kind =
            p.parseValue("schedule", [&] { return scheduleKindFromString(p.str(j["schedule"], "schedule")); });
    if (j.contains("lambda")) {
        const auto& v = j["lambda"];
        if (!v.is_number()) p.fail("lambda", "expected a number, found " + v.dump());
        const double lambda = v.get<double>();
        if (!std::isfinite(lambda) || lambda <= 0 || lambda > 100) p.fail("lambda", v.dump() + " is not in (0, 100]");
        m.schedule.lambda = lambda;
    }
    if (j.contains("T")) m.schedule.T = m.rddm.T = p.integer(j["T"], "T", 2, 100000);
    if (j.contains("pad_mode")) {
        const std::string s = p.str(j["pad_mode"], "pad_mode");
        m.padMode = normalizePadMode(s);
        if (m.padMode.empty()) p.fail("pad_mode", "unknown value '" + s + "' (expected reflect, replicate or zero)");
    }
    if (j.contains("adds_mu")) {
        if (!j["adds_mu"].is_boolean()) p.fail("adds_mu", "expected true or false, found " + j["adds_mu"].dump());
        m.addsMu = j["adds_mu"].get<bool>();
    }
    if (j.contains("architecture")) {
        const auto& a = j["architecture"];
        if (!a.is_object()) p.fail("architecture", "expected an object, found " + a.dump());
        const auto field = [&](const char* name, int& dst, long long lo, long long hi) {
            if (a.contains(name)) dst = p.integer(a[name], std::string("architecture.") + name, lo, hi);
        };
        field("dim", c.dim, 1, 4096);
        field("channels", c.channels, 1, 64);
        field("in_channels", c.inChannels, 1, 128);
        field("groups", c.groups, 1, 1024);
        field("heads", c.heads, 1, 256);
        field("dim_head", c.dimHead, 1, 4096);
        field("global_stats", c.globalStats, 0, 64);
        if (a.contains("dim_mults")) {
            const auto& dm = a["dim_mults"];
            if (!dm.is_array() || dm.empty() || dm.size() > 8)
                p.fail("architecture.dim_mults", "expected a list of 1 to 8 integers, found " + dm.dump());
            c.dimMults.clear();
            for (const auto& x : dm) c.dimMults.push_back(p.integer(x, "architecture.dim_mults", 1, 64));
        }
    }
    if (j.contains("provenance")) {
        const auto& pv = j["provenance"];
        if (!pv.is_object()) p.fail("provenance", "expected an object of strings, found " + pv.dump());
        for (auto it = pv.begin(); it != pv.end(); ++it) {
            const auto& v = it.value();
            if (v.is_string()) m.provenance[it.key()] = v.get<std::string>();
            else if (v.is_primitive() && !v.is_null()) m.provenance[it.key()] = v.dump(); // numbers, bools as text
            else p.fail("provenance." + it.key(), "expected a string, found " + v.dump());
        }
    }
    meta = std::move(m);
    if (config) *config = std::move(c);
}

std::optional<std::string> findSidecar(const std::string& checkpointPath) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string appended = checkpointPath + ".json";
    if (fs::is_regular_file(appended, ec)) return appended;
    fs::path replaced(checkpointPath);
    if (replaced.has_extension() && replaced.extension() != ".json") {
        replaced.replace_extension(".json");
        if (fs::is_regular_file(replaced, ec)) return replaced.string();
    }
    return std::nullopt;
}

} // namespace rdbm::checkpoint

#include "Report.h"

#include <cmath>

#include <opencv2/core/version.hpp>

#include "rdbm/Device.h"

#include "rdbm/Version.h"

namespace rdbm::cli {
namespace {

// JSON has no infinity: identical images (PSNR +inf) are reported as null.
nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json metricsJson(const QualityMetrics& m) { return {{"psnr_db", number(m.psnr)}, {"ssim", number(m.ssim)}}; }

template <class T>
nlohmann::json optionalJson(const std::optional<T>& v) {
    return v ? nlohmann::json(toString(*v)) : nlohmann::json(nullptr);
}

nlohmann::json imageJson(const ImageRecord& r) {
    nlohmann::json j;
    j["input"] = r.input;
    j["output"] = r.output;
    j["status"] = r.status;
    if (!r.error.empty()) j["error"] = r.error;
    if (r.width > 0) {
        j["width"] = r.width;
        j["height"] = r.height;
        j["bit_depth"] = r.bitDepth;
        j["output_bit_depth"] = r.outputBitDepth;
        j["grayscale"] = r.grayscale;
        j["alpha"] = r.alpha;
    }
    j["timings"] = {{"read_s", r.readSeconds},     {"restore_s", r.restoreSeconds}, {"write_s", r.writeSeconds},
                    {"total_s", r.totalSeconds},   {"per_step_s", r.stepSeconds}};
    if (r.networkCalls > 0) {
        j["network_calls"] = r.networkCalls;
        j["tiles_per_call"] = r.tiles;
        j["tile_size"] = r.tileSize; // 0: the whole image in one call
        j["processed_area_ratio"] = r.processedAreaRatio; // overlaps and the global-context call
        j["border"] = r.borderPad;  // reflected pixels around the photo in each call
    }
    if (!r.reference.empty()) {
        nlohmann::json m;
        m["reference"] = r.reference;
        if (r.inputMetrics) m["input"] = metricsJson(*r.inputMetrics);
        if (r.outputMetrics) m["output"] = metricsJson(*r.outputMetrics);
        j["metrics"] = m;
    }
    if (!r.trajectoryDir.empty()) j["trajectory"] = {{"dir", r.trajectoryDir}, {"frames", r.trajectoryFrames}};
    if (r.seeds > 0) {
        nlohmann::json u = {{"seeds", r.seeds},       {"first_seed", r.firstSeed}, {"max_std", r.maxStd},
                            {"mean_std", r.meanStd}, {"scale", r.stdScale}};
        if (!r.uncertaintyPath.empty()) u["map"] = r.uncertaintyPath;
        j["uncertainty"] = u;
    }
    if (!r.record.empty()) j["record"] = nlohmann::json::parse(r.record);
    return j;
}

} // namespace

nlohmann::json modelInfoJson(const ModelInfo& info) {
    const ModelMetadata& md = info.metadata;
    nlohmann::json j;
    j["path"] = info.path;
    j["format"] = info.format;
    j["layout"] = info.layout;
    j["parameters"] = info.parameterCount;
    j["architecture"] = {{"dim", info.config.dim},           {"dim_mults", info.config.dimMults},
                         {"channels", info.config.channels}, {"in_channels", info.config.inChannels},
                         {"resnet_block_groups", info.config.groups}, {"heads", info.config.heads},
                         {"dim_head", info.config.dimHead}};
    if (info.config.globalStats > 0) j["architecture"]["global_stats"] = info.config.globalStats;
    j["method"] = toString(md.method);
    if (md.method == Method::Rddm) {
        j["objective"] = toString(md.rddm.objective);
        j["rddm"] = {{"share_encoder", md.rddm.shareEncoder}, {"T", md.rddm.T}, {"sum_scale", md.rddm.sumScale}};
    } else {
        j["objective"] = toString(md.objective);
    }
    j["pi_mode"] = toString(md.piMode);
    j["schedule"] = {{"kind", toString(md.schedule.kind)}, {"T", md.schedule.T}, {"lambda", md.schedule.lambda}};
    j["pad_mode"] = md.padMode;
    j["adds_mu"] = md.addsMu;
    j["provenance"] = md.provenance;
    j["schedule_from_checkpoint"] = info.scheduleFromCheckpoint;
    j["metadata_source"] = info.metadataSource;
    return j;
}

nlohmann::json reportJson(const RunRecord& run) {
    nlohmann::json j;
    j["tool"] = "rdbm-restore";
    j["versions"] = {{"rdbm", RDBM_VERSION}, {"libtorch", libtorchVersion()}, {"opencv", CV_VERSION}};
    if (run.options) {
        const RestoreOptions& o = *run.options;
        j["device"] = {{"requested", o.device}, {"resolved", run.deviceResolved},
                       {"description", run.deviceDescription}, {"half", o.half}};
        j["sampler"] = {{"steps", o.steps},
                        {"eta", o.eta},
                        {"pi_noise", toString(o.piNoise)},
                        {"seed", o.seed},
                        {"tile", o.tile},
                        {"overlap", o.overlap},
                        {"border", o.border < 0 ? nlohmann::json("auto") : nlohmann::json(o.border)}};
        j["overrides"] = {{"objective", optionalJson(o.objective)},
                          {"pi_mode", optionalJson(o.piMode)},
                          {"schedule", optionalJson(o.schedule)},
                          {"lambda", o.lambda ? nlohmann::json(*o.lambda) : nlohmann::json(nullptr)},
                          {"method", o.method ? nlohmann::json(toString(*o.method)) : nlohmann::json("auto")},
                          {"rddm_objective", optionalJson(o.rddmObjective)},
                          {"sum_scale", o.sumScale ? nlohmann::json(*o.sumScale) : nlohmann::json(nullptr)},
                          {"initial_noise", o.initialNoise.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.initialNoise)},
                          {"weights", o.preferEma ? "ema" : "online"}};
    }
    j["model"] = run.model ? modelInfoJson(*run.model) : nlohmann::json(nullptr);
    j["timings"] = {{"load_s", run.loadSeconds}, {"total_s", run.totalSeconds}};
    nlohmann::json images = nlohmann::json::array();
    for (const ImageRecord& r : run.images) images.push_back(imageJson(r));
    j["images"] = images;
    if (!run.error.empty()) j["error"] = run.error;
    j["exit_code"] = run.exitCode;
    return j;
}

} // namespace rdbm::cli

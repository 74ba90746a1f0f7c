// What a training run writes: safetensors checkpoints of the EMA weights with the
// project metadata, the resume file (online and EMA weights, Adam state, step), the
// CSV logs; and the hardware line of the provenance.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checkpoint/Checkpoint.h"
#include "checkpoint/FiniteValues.h"
#include "checkpoint/NetworkWeights.h"
#include "model/MetadataSources.h"
#include "model/NetworkFactory.h"
#include "net/UNetResLayout.h"
#include "rdbm/Error.h"
#include "train/TrainerImpl.h"

namespace rdbm {

namespace {

// Version 2: a safetensors file read by the project's own reader (version 1 was a
// LibTorch archive read by torch::jit::load, which runs code from the file).
constexpr const char* kResumeFormat = "rdbm-train-resume-2";

checkpoint::RawTensor toRaw(const torch::Tensor& t) {
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    std::vector<unsigned char> bytes(static_cast<size_t>(c.numel()) * sizeof(float));
    std::memcpy(bytes.data(), c.data_ptr<float>(), bytes.size());
    return checkpoint::makeContiguous(checkpoint::DType::F32, c.sizes().vec(), std::move(bytes));
}

std::string parameterNames(const torch::nn::Module& net) {
    std::string names;
    for (const auto& p : net.named_parameters()) names += p.key() + "\n";
    return names;
}

// Keys are indices in parameters() order, zero-padded so they sort as they are stored;
// the names are checked separately through the "names" metadata.
std::string indexKey(const char* group, size_t i, const char* field = nullptr) {
    char key[64];
    std::snprintf(key, sizeof key, "%s.%05zu%s%s", group, i, field ? "." : "", field ? field : "");
    return key;
}

// Metadata strings of a resume file; names it in the error when missing.
const std::string& metaString(const checkpoint::CheckpointContents& c, const std::string& key, const std::string& path) {
    const auto it = c.metadata.find(key);
    if (it == c.metadata.end())
        throw Error(ErrorKind::Checkpoint, path + ": not an rdbm-train resume file (no '" + key + "')");
    return it->second;
}

// Only the project's own reader touches the file: no TorchScript, no pickled code.
checkpoint::CheckpointContents readResumeFile(const std::string& path, bool tensors) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(ErrorKind::Usage, "resume file '" + path + "' not found");
    checkpoint::CheckpointContents c = checkpoint::readCheckpoint(path, [tensors](const std::string&) { return tensors; });
    if (c.format != "safetensors")
        throw Error(ErrorKind::Checkpoint,
                    path + ": not an rdbm-train resume file (a " + c.format +
                        " file; resume files from before version 2 were LibTorch archives, which are no longer read "
                        "because loading them can run code: start again or resume with the older build)");
    const std::string& format = metaString(c, "format", path);
    if (format != kResumeFormat)
        throw Error(ErrorKind::Checkpoint, path + ": unsupported resume file version '" + format + "' (expected " +
                                               kResumeFormat + ")");
    return c;
}

const checkpoint::RawTensor& tensorOf(const checkpoint::CheckpointContents& c, const std::string& key, const std::string& path,
                                const std::vector<int64_t>& shape) {
    const auto it = c.tensors.find(key);
    if (it == c.tensors.end()) throw Error(ErrorKind::Checkpoint, path + ": the resume file lacks tensor '" + key + "'");
    if (it->second.shape != shape)
        throw Error(ErrorKind::Checkpoint, path + ": tensor '" + key + "' has shape " +
                                               checkpoint::shapeToString(it->second.shape) + ", expected " +
                                               checkpoint::shapeToString(shape));
    return it->second;
}

void readParameters(const checkpoint::CheckpointContents& c, const char* group, torch::nn::Module& net,
                    const std::string& path) {
    torch::NoGradGuard noGrad;
    const auto params = net.parameters();
    for (size_t i = 0; i < params.size(); ++i) {
        torch::Tensor p = params[i];
        p.copy_(rawToTorch(tensorOf(c, indexKey(group, i), path, p.sizes().vec())));
    }
}

long long parseInteger(const std::string& text, const std::string& key, const std::string& path) {
    try {
        size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used == text.size() && v >= 0) return v;
    } catch (const std::logic_error&) {
    }
    throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: '" + key + "' is '" + text + "'");
}

} // namespace

void Trainer::Impl::writeCheckpoint(const std::string& path) const {
    checkpoint::TensorMap tensors;
    for (const auto& p : ema.module().named_parameters()) tensors.emplace(p.key(), toRaw(p.value()));
    const std::map<std::string, std::string> meta{{checkpoint::kSafetensorsMetadataKey, checkpoint::metadataToJson(metadata(), opt.net)}};
    checkpoint::writeSafetensors(path, tensors, meta, true);
}

void Trainer::Impl::writeResume(const std::string& path) const {
    checkpoint::TensorMap tensors;
    const auto onlineParams = online.module().parameters(), emaParams = ema.module().parameters();
    for (size_t i = 0; i < onlineParams.size(); ++i) tensors.emplace(indexKey("online", i), toRaw(onlineParams[i]));
    for (size_t i = 0; i < emaParams.size(); ++i) tensors.emplace(indexKey("ema", i), toRaw(emaParams[i]));
    // Adam's per-parameter state, keyed like the parameters it belongs to.
    for (size_t i = 0; i < onlineParams.size(); ++i) {
        const auto it = adam->state().find(c10::guts::to_string(onlineParams[i].unsafeGetTensorImpl()));
        if (it == adam->state().end()) continue; // no step taken yet
        const auto& st = static_cast<const torch::optim::AdamParamState&>(*it->second);
        tensors.emplace(indexKey("adam", i, "exp_avg"), toRaw(st.exp_avg()));
        tensors.emplace(indexKey("adam", i, "exp_avg_sq"), toRaw(st.exp_avg_sq()));
        if (st.max_exp_avg_sq().defined())
            tensors.emplace(indexKey("adam", i, "max_exp_avg_sq"), toRaw(st.max_exp_avg_sq()));
        const int64_t steps = st.step();
        std::vector<unsigned char> bytes(sizeof steps);
        std::memcpy(bytes.data(), &steps, sizeof steps);
        tensors.emplace(indexKey("adam", i, "step"), checkpoint::makeContiguous(checkpoint::DType::I64, {1}, std::move(bytes)));
    }
    char seconds[64];
    std::snprintf(seconds, sizeof seconds, "%.17g", priorSeconds + runSeconds);
    const std::map<std::string, std::string> meta{
        {"format", kResumeFormat},
        {"metadata", checkpoint::metadataToJson(metadata(), opt.net)},
        {"seed", std::to_string(opt.seed)},
        {"step", std::to_string(step)},
        {"seconds", seconds},
        {"names", parameterNames(online.module())},
    };
    try {
        checkpoint::writeSafetensors(path, tensors, meta, /*overwrite=*/true); // temp file + rename
    } catch (const Error& e) {
        throw Error(ErrorKind::Runtime, "cannot write resume file '" + path + "': " + e.what());
    }
}

void Trainer::Impl::readResume(const std::string& path) {
    const checkpoint::CheckpointContents c = readResumeFile(path, /*tensors=*/true);
    if (metaString(c, "names", path) != parameterNames(online.module()))
        throw Error(ErrorKind::Checkpoint, path + ": the stored parameter names differ from this network's");
    step = parseInteger(metaString(c, "step", path), "step", path);
    try {
        priorSeconds = std::stod(metaString(c, "seconds", path));
    } catch (const std::logic_error&) {
        throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: bad 'seconds'");
    }
    readParameters(c, "online", online.module(), path);
    readParameters(c, "ema", ema.module(), path);
    torch::NoGradGuard noGrad;
    const auto params = online.module().parameters();
    for (size_t i = 0; i < params.size(); ++i) {
        if (!c.tensors.count(indexKey("adam", i, "exp_avg"))) continue;
        const std::vector<int64_t> shape = params[i].sizes().vec();
        auto st = std::make_unique<torch::optim::AdamParamState>();
        st->exp_avg(rawToTorch(tensorOf(c, indexKey("adam", i, "exp_avg"), path, shape)).to(params[i].device()));
        st->exp_avg_sq(rawToTorch(tensorOf(c, indexKey("adam", i, "exp_avg_sq"), path, shape)).to(params[i].device()));
        if (c.tensors.count(indexKey("adam", i, "max_exp_avg_sq")))
            st->max_exp_avg_sq(
                rawToTorch(tensorOf(c, indexKey("adam", i, "max_exp_avg_sq"), path, shape)).to(params[i].device()));
        const std::vector<int64_t> steps = tensorOf(c, indexKey("adam", i, "step"), path, {1}).toInt64();
        st->step(steps.at(0));
        adam->state()[c10::guts::to_string(params[i].unsafeGetTensorImpl())] = std::move(st);
    }
}

namespace train {

ResumeHeader readResumeHeader(const std::string& path) {
    const checkpoint::CheckpointContents c = readResumeFile(path, /*tensors=*/false);
    ResumeHeader h;
    checkpoint::applyMetadataJson(metaString(c, "metadata", path), path, h.metadata, &h.config);
    try {
        h.seed = std::stoull(metaString(c, "seed", path));
    } catch (const std::logic_error&) { // stoull
        throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: bad seed");
    }
    h.step = parseInteger(metaString(c, "step", path), "step", path);
    return h;
}

std::string describeHardware(const DeviceSpec& device) {
    if (resolveDevice(device) != "cpu") return describeDevice(device);
    std::string model;
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);)
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 1);
            model.erase(0, model.find_first_not_of(' '));
            break;
        }
    std::ostringstream s;
    const int threads = at::get_num_threads();
    s << "CPU (" << threads << (threads == 1 ? " thread" : " threads") << (model.empty() ? "" : ", " + model) << ")";
    return s.str();
}

void appendCsv(const std::string& path, const std::string& header, const std::string& row) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    std::ofstream out(path, std::ios::app);
    if (!out) throw Error(ErrorKind::Runtime, "cannot write '" + path + "'");
    if (!exists) out << header << '\n';
    out << row << '\n';
}

} // namespace train

std::map<std::string, torch::Tensor> Trainer::Impl::readInitWeights(const std::string& path) {
    const checkpoint::CheckpointContents contents = checkpoint::readCheckpoint(path, [](const std::string& key) {
        return key.rfind("opt.", 0) != 0 && key.rfind("scaler.", 0) != 0; // optimizer state is not wanted
    });
    const ResolvedMetadata md = resolveMetadata(contents, path, LoadOptions{});
    const checkpoint::NetworkWeights w = checkpoint::selectNetworkWeights(contents, /*preferEma=*/true); // refuses TorchScript
    if (const std::string bad = checkpoint::describeNonFinite(w.weights); !bad.empty())
        throw Error(ErrorKind::Checkpoint, path + ": " + bad + "; fine-tuning needs finite weights");
    ShapeMap shapes;
    for (const auto& [key, raw] : w.weights) shapes.emplace(key, raw.shape);
    initFrom = path + " (" + w.layout + ")";
    if (opt.method == Method::Rddm) {
        // The file decides the UnetRes layout; the objective and schedule stay the options'.
        const std::optional<int> share = detectShareEncoder(shapes);
        if (!share)
            throw Error(ErrorKind::Checkpoint, path + ": holds no RDDM UnetRes weights (unet0.*, unet1.* or a shared "
                                                      "encoder with ups_no_skip.*); --method rddm fine-tunes only those");
        if (*share != opt.rddm.shareEncoder)
            warnings.push_back(path + ": is " + describeShareEncoder(*share) + "; fine-tuning keeps that layout");
        opt.rddm.shareEncoder = *share;
        opt.net = inferUNetResConfig(shapes, *share, path, md.hints);
        validateUNetResWeights(opt.net, *share, shapes, path);
    } else {
        const int wantedStats = opt.net.globalStats; // --global-stats adds stats_mlp to a file without it
        opt.net = inferUNetConfig(shapes, path, md.hints);
        if (opt.net.globalStats == 0) opt.net.globalStats = wantedStats;
        UNetConfig asStored = opt.net;
        asStored.globalStats = shapes.count("stats_mlp.0.weight") ? opt.net.globalStats : 0;
        validateWeights(asStored, shapes, path);
    }
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, raw] : w.weights) tensors.emplace(key, rawToTorch(raw));
    if (opt.method == Method::Rddm) return tensors;
    if (md.meta.addsMu != opt.addsMu)
        warnings.push_back(path + ": " + (md.meta.addsMu ? "adds" : "does not add") +
                           " mu to its output; fine-tuning keeps that (--adds-mu " +
                           (md.meta.addsMu ? "on)" : "off)"));
    opt.addsMu = md.meta.addsMu;
    return tensors;
}

} // namespace rdbm

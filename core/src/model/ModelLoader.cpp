// Model::load: checkpoint file -> metadata -> U-Net configuration -> validated weights
// -> network on the device -> schedule. Every failure becomes an rdbm::Error naming the
// file; device trouble stays Error(Runtime) and a bad option Error(Usage).
#include <cmath>
#include <filesystem>
#include <new>

#include <torch/torch.h>

#include "checkpoint/Checkpoint.h"
#include "checkpoint/FiniteValues.h"
#include "checkpoint/TorchArchive.h"
#include "checkpoint/ZipArchive.h"
#include "model/MetadataSources.h"
#include "model/ModelImpl.h"
#include "model/NetworkFactory.h"
#include "model/RddmLoader.h"
#include "model/TorchScriptProbe.h"
#include "net/UNetLayout.h"
#include "rdbm/Error.h"

namespace rdbm {

namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Metadata naming the architecture must agree with what the weights' shapes say.
void checkArchitecture(const ResolvedMetadata& md, const UNetConfig& inferred, const std::string& path) {
    auto fail = [&](const std::string& key, const std::string& said, const std::string& found) {
        throw Error(ErrorKind::Checkpoint, path + ": metadata says architecture." + key + " = " + said +
                                               " but the weights have " + found);
    };
    const UNetConfig& a = md.architecture;
    const auto& keys = md.architectureKeys;
    if (keys.count("dim") && a.dim != inferred.dim) fail("dim", std::to_string(a.dim), std::to_string(inferred.dim));
    if (keys.count("channels") && a.channels != inferred.channels)
        fail("channels", std::to_string(a.channels), std::to_string(inferred.channels));
    if (keys.count("in_channels") && a.inChannels != inferred.inChannels)
        fail("in_channels", std::to_string(a.inChannels), std::to_string(inferred.inChannels));
    if (keys.count("dim_mults") && a.dimMults != inferred.dimMults) {
        auto list = [](const std::vector<int>& v) {
            std::string s = "[";
            for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
            return s + "]";
        };
        fail("dim_mults", list(a.dimMults), list(inferred.dimMults));
    }
}

// The wrapper's Theta/Sigma buffers are the schedule the model was trained with. When
// Theta matches the named schedule kind, lambda is read back from Sigma so the values
// shown (and the RNR) are consistent with the buffers.
RdbmSchedule scheduleFromBuffers(ScheduleParams& params, const std::vector<float>& Theta, const std::vector<float>& Sigma) {
    if (Theta.size() >= 2 && static_cast<int>(Theta.size()) != params.T) params.T = static_cast<int>(Theta.size());
    if (Theta.size() == static_cast<size_t>(params.T) && Sigma.size() == Theta.size()) {
        const RdbmSchedule computed(params);
        bool sameKind = true;
        for (size_t i = 0; i < Theta.size() && sameKind; ++i)
            sameKind = std::abs(Theta[i] - computed.Theta()[i]) <= 1e-5f;
        const int mid = params.T / 2;
        const double ratio = computed.Sigma(mid) > 0.0f ? double(Sigma[static_cast<size_t>(mid)]) / computed.Sigma(mid) : 0.0;
        if (sameKind && ratio > 0.0 && std::isfinite(ratio)) {
            const double lambda = params.lambda * ratio * ratio;
            if (std::abs(lambda - params.lambda) > 1e-3 * params.lambda) params.lambda = lambda;
        }
    }
    RdbmSchedule schedule(params);
    schedule.overrideFromBuffers(Theta, Sigma);
    return schedule;
}

std::unique_ptr<Model::Impl> loadImpl(const std::string& path, const LoadOptions& options, const std::string& deviceName,
                                      const torch::Device& device, torch::ScalarType dtype) {
    torch::NoGradGuard noGrad;
    // Optimizer state and the unused copy of the weights are skipped unread.
    const std::string unused = options.preferEma ? "ema.online_model." : "";
    checkpoint::CheckpointContents contents = checkpoint::readCheckpoint(path, [&](const std::string& key) {
        return !startsWith(key, "opt.") && !startsWith(key, "scaler.") && (unused.empty() || !startsWith(key, unused.c_str()));
    });
    ResolvedMetadata md = resolveMetadata(contents, path, options);

    auto impl = std::make_unique<Model::Impl>();
    ModelInfo& info = impl->info;
    info.path = path;
    info.format = contents.format;
    info.metadataSource = md.source;
    impl->deviceName = deviceName;
    impl->device = device;
    impl->dtype = dtype;

    LoadedNetwork network;
    std::optional<std::vector<float>> Theta, Sigma;
    if (contents.format == "torchscript") {
        // Refused before LibTorch opens it: loading a TorchScript archive runs its code.
        if (!options.allowTorchScript)
            throw Error(ErrorKind::Checkpoint,
                        path + ": is a TorchScript archive; such files contain code that runs when they are loaded, "
                               "so they are loaded only when asked for (rdbm-restore --allow-torchscript; in RDBM "
                               "Studio, by trusting the file)");
        if (md.meta.method == Method::Rddm)
            throw Error(ErrorKind::Checkpoint, path + ": RDDM models are read from state dicts, trainer files or "
                                                      "safetensors, not from TorchScript archives");
        info.layout = "torchscript";
        info.config = md.architecture;
        probeTorchScriptInChild(path, md.meta, info.config.downsampleFactor());
        network = makeTorchScriptNetwork(path, md.meta, info.config.downsampleFactor(), device, dtype);
    } else {
        checkpoint::NetworkWeights weights = checkpoint::selectNetworkWeights(contents, options.preferEma);
        contents.tensors.clear();
        if (const std::string bad = checkpoint::describeNonFinite(weights.weights); !bad.empty())
            throw Error(ErrorKind::Checkpoint, path + ": " + bad + "; a network with non-finite weights cannot "
                                                               "restore anything");
        for (const auto* buffer : {&weights.Theta, &weights.Sigma})
            if (*buffer)
                for (float v : **buffer)
                    if (!std::isfinite(v))
                        throw Error(ErrorKind::Checkpoint, path + ": the schedule buffer " +
                                                               (buffer == &weights.Theta ? "Theta" : "Sigma") +
                                                               " holds non-finite values");
        info.layout = weights.layout;
        md.meta.method = detectMethod(weights, md, path);
        if (md.meta.method == Method::Rddm && md.rdbmObjectiveFromOptions)
            throw Error(ErrorKind::Usage, "the objective " + toString(md.meta.objective) + " is RDBM's; " + path +
                                              " is an RDDM model (objectives pred_res_noise, pred_res_add_noise, "
                                              "pred_x0_noise, pred_x0_add_noise, pred_res, pred_noise)");
        if (md.meta.method == Method::Rdbm && options.rddmObjective && !options.objective)
            throw Error(ErrorKind::Usage, "the objective " + toString(*options.rddmObjective) + " is RDDM's; " + path +
                                              " is an RDBM model (objectives x0, pi_eps, eps)");
        if (md.meta.method == Method::Rddm) {
            network = loadRddmNetwork(*impl, weights, md, path, device, dtype);
        } else {
            ShapeMap shapes;
            for (const auto& [key, raw] : weights.weights) shapes.emplace(key, raw.shape);
            info.config = inferUNetConfig(shapes, path, md.hints);
            checkArchitecture(md, info.config, path);
            validateWeights(info.config, shapes, path);
            network = makeUNetNetwork(info.config, weights.weights, path, md.meta, device, dtype);
            Theta = std::move(weights.Theta);
            Sigma = std::move(weights.Sigma);
        }
        if (weights.step && !md.meta.provenance.count("step")) md.meta.provenance["step"] = std::to_string(*weights.step);
        if (!weights.note.empty()) md.meta.provenance["loader note"] = weights.note;
    }
    info.parameterCount = network.parameterCount;
    impl->network = std::move(network.denoiser);
    impl->bindToPhoto = std::move(network.bindToPhoto);

    if (Theta && Sigma && !md.scheduleFromOptions) {
        impl->schedule = scheduleFromBuffers(md.meta.schedule, *Theta, *Sigma);
        info.scheduleFromCheckpoint = true;
    } else {
        impl->schedule = RdbmSchedule(md.meta.schedule);
    }
    info.metadata = md.meta;
    return impl;
}

} // namespace

bool isTorchScriptFile(const std::string& path) {
    try {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec) || !checkpoint::ZipArchive::looksLikeZip(path)) return false;
        return checkpoint::isTorchScriptArchive(checkpoint::ZipArchive(path)); // the directory only
    } catch (const std::exception&) {
        return false;
    }
}

std::shared_ptr<Model> Model::load(const std::string& path, const LoadOptions& options) {
    // The device first: no point reading a large file for a device that is not there.
    const std::string deviceName = resolveDevice(options.device);
    const torch::Device device(deviceName);
    if (options.half && !device.is_cuda())
        throw Error(ErrorKind::Usage, "half precision (float16) needs a CUDA device; this model would run on " + deviceName);
    const torch::ScalarType dtype = options.half ? torch::kHalf : torch::kFloat32;

    try {
        return std::make_shared<Model>(loadImpl(path, options, deviceName, device, dtype));
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Checkpoint && std::string(e.what()).find(path) == std::string::npos)
            throw Error(ErrorKind::Checkpoint, path + ": " + e.what());
        throw;
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": " + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::Checkpoint, path + ": out of memory while loading the model");
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Checkpoint, path + ": " + e.what());
    }
}

} // namespace rdbm

#pragma once
// A loaded restoration network plus everything needed to sample with it.
// Pimpl keeps LibTorch out of this header (Qt code includes it).
#include <memory>
#include <optional>
#include <string>

#include "rdbm/Device.h"
#include "rdbm/ModelInfo.h"

namespace rdbm {

struct LoadOptions {
    DeviceSpec device;
    bool half = false;     // float16 weights and activations (CUDA only)
    bool preferEma = true; // trainer layout: EMA weights (true) or online weights (false)
    std::string sidecarPath; // metadata JSON; empty: "<file>.json" next to the checkpoint if present
    // TorchScript archives hold code that runs when they are loaded, so they are refused
    // unless the user asked for this file. Even then the archive is first loaded and
    // probed in a child process (rdbm-torchscript-probe), so that a crafted archive that
    // crashes or hangs LibTorch becomes an Error here instead of taking the process down.
    bool allowTorchScript = false;
    // Overrides (command-line options win over embedded and sidecar metadata).
    std::optional<Objective> objective;
    std::optional<PiMode> piMode;
    std::optional<ScheduleKind> scheduleKind;
    std::optional<double> lambda;
    std::optional<int> T;
    // The method (otherwise found from the file) and RDDM's settings.
    std::optional<Method> method;
    std::optional<RddmObjective> rddmObjective;
    std::optional<double> sumScale;
};

// True when the file is a TorchScript archive (compiled code inside); cheap, reads only
// the zip directory. False for other files, unreadable ones included.
bool isTorchScriptFile(const std::string& path);

// What a checkpoint says about itself (embedded metadata, sidecar, defaults, options),
// without reading its weights: cheap enough for a model menu. The weights' shapes are
// not looked at, so the architecture and method are as the metadata states them.
// Throws Error(Checkpoint) like Model::load for a file that cannot be read.
ModelMetadata peekModelMetadata(const std::string& path, const LoadOptions& options = {});

class Model {
public:
    // Throws Error(Checkpoint) naming the file and the problem; Error(Runtime) for device trouble.
    static std::shared_ptr<Model> load(const std::string& path, const LoadOptions& options = {});
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const ModelInfo& info() const;
    const RdbmSchedule& schedule() const;     // RDBM models
    const RddmSchedule& rddmSchedule() const; // RDDM models (info().metadata.method)
    std::string device() const; // resolved, e.g. "cpu" or "cuda:0"

    struct Impl; // defined in core/src (torch side)
    Impl& impl() const { return *impl_; }
    explicit Model(std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace rdbm

#pragma once
// The torch side of rdbm::Trainer, shared by its translation units: Trainer.cpp (setup,
// the training step, EMA, the run loop), TrainerValidation.cpp and TrainerFiles.cpp
// (checkpoints and the resume file).
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "net/UNet.h"
#include "net/UNetRes.h"
#include "rdbm/RddmSchedule.h"
#include "rdbm/Trainer.h"
#include "train/BatchLoader.h"
#include "train/TrainingImages.h"
#include "train/TrainingSamples.h"
#include "train/ValidationSet.h"

namespace rdbm {

namespace train {
// The network a run trains, RDBM's U-Net or RDDM's UnetRes (TrainerOptions::method),
// behind the few calls the loss, the EMA, validation and the files need.
struct TrainedNetwork {
    std::shared_ptr<UNet> unet;       // RDBM
    std::shared_ptr<UNetRes> unetRes; // RDDM

    TrainedNetwork() = default;
    explicit TrainedNetwork(const TrainerOptions& o) {
        if (o.method == Method::Rddm)
            unetRes = std::make_shared<UNetRes>(o.net, o.rddm.shareEncoder);
        else
            unet = std::make_shared<UNet>(o.net);
    }
    torch::nn::Module& module() const {
        if (unet) return *unet;
        return *unetRes;
    }
    // Any H, W (reflection padding, as the bundled checkpoints record); the outputs of
    // UnetRes concatenated along channels.
    // stats: whole-photo statistics for a U-Net that takes them (undefined: mu's own).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& t,
                          const torch::Tensor& stats = {}) const {
        return unet ? unet->forwardPadded(x, mu, t, PadMode::Reflect, stats)
                    : unetRes->forwardPadded(x, mu, t, PadMode::Reflect);
    }
    void freezeForInference() const {
        if (unet)
            unet->freezeForInference();
        else
            unetRes->freezeForInference();
    }
    void loadWeights(const std::map<std::string, torch::Tensor>& weights, const std::string& source) const {
        if (unet)
            unet->loadWeights(weights, source);
        else
            unetRes->loadWeights(weights, source);
    }
};
} // namespace train

struct Trainer::Impl {
    TrainerOptions opt;
    std::vector<std::string> warnings;
    train::ImageSet data;
    std::vector<train::ValidationItem> validation;
    train::SampleSpec spec;
    RdbmSchedule schedule;     // RDBM
    RddmSchedule rddmSchedule; // RDDM
    torch::Device device{torch::kCPU};
    std::string deviceName = "cpu";
    std::string hardware; // for provenance

    train::TrainedNetwork online, ema;
    std::unique_ptr<torch::optim::Adam> adam;
    // [T] float32 on device: RDBM's Theta_t, Sigma_t (`schedule`), or RDDM's abar_t,
    // bbar_t (`rddmSchedule`), the weights of the residual and the noise in x_t.
    torch::Tensor residualWeight, noiseWeight;

    long long step = 0;
    double priorSeconds = 0.0; // training time of earlier runs (resume)
    double runSeconds = 0.0;   // training time of this run
    double lastLr = 0.0;       // learning rate of the last step
    std::unique_ptr<train::BatchLoader> loader;
    std::atomic<bool> stopRequested{false};
    mutable std::shared_ptr<Model> emaModel;

    train::BatchLoader::SampleFn sampleFn() const;
    // L1 loss of `net` on a batch, with t and eps drawn from noiseSeed.
    torch::Tensor loss(const train::TrainedNetwork& net, const train::Batch& batch, std::uint64_t noiseSeed) const;
    // RDDM's part of loss(): abar, bbar are [B,1,1,1], t the drawn steps on the device.
    torch::Tensor rddmLoss(const train::TrainedNetwork& net, const torch::Tensor& x0, const torch::Tensor& mu,
                           const torch::Tensor& eps, const torch::Tensor& abar, const torch::Tensor& bbar,
                           const torch::Tensor& t) const;
    void updateEma();
    ModelMetadata metadata() const; // objective, pi, schedule, provenance

    // TrainerFiles.cpp
    void writeCheckpoint(const std::string& path) const;
    void writeResume(const std::string& path) const;
    void readResume(const std::string& path); // weights, optimizer, step (networks must exist)
    // --init: the network weights of a checkpoint, by reference key; sets opt.net (from
    // the shapes), and opt.addsMu (RDBM) or the UnetRes layout (RDDM) from the file,
    // before the networks are built.
    std::map<std::string, torch::Tensor> readInitWeights(const std::string& path);
    std::string initFrom; // provenance: the checkpoint fine-tuning started from
};

namespace train {
// RDDM's training input and the targets of the objective's outputs, in output order.
struct RddmTrainingPair {
    torch::Tensor xt;
    std::vector<torch::Tensor> targets;
};
// x0, mu, eps: [B,3,H,W]; abar, bbar: the schedule at each sample's t, [B,1,1,1].
RddmTrainingPair makeRddmTrainingPair(RddmObjective objective, const torch::Tensor& x0, const torch::Tensor& mu,
                                      const torch::Tensor& eps, const torch::Tensor& abar, const torch::Tensor& bbar);

// What a resume file says about the run, read before the networks are built.
struct ResumeHeader {
    ModelMetadata metadata; // objective, pi, schedule
    UNetConfig config;
    std::uint64_t seed = 0;
    long long step = 0;
};
ResumeHeader readResumeHeader(const std::string& path);
// "CPU (2 threads, Intel Xeon ...)" or the CUDA device's name.
std::string describeHardware(const DeviceSpec& device);
// Appends a row to a CSV file, writing the header first when the file is new.
void appendCsv(const std::string& path, const std::string& header, const std::string& row);
} // namespace train

} // namespace rdbm

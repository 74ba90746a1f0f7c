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
#include "rdbm/Trainer.h"
#include "train/BatchLoader.h"
#include "train/TrainingImages.h"
#include "train/TrainingSamples.h"
#include "train/ValidationSet.h"

namespace rdbm {

struct Trainer::Impl {
    TrainerOptions opt;
    std::vector<std::string> warnings;
    train::ImageSet data;
    std::vector<train::ValidationItem> validation;
    train::SampleSpec spec;
    RdbmSchedule schedule;
    torch::Device device{torch::kCPU};
    std::string deviceName = "cpu";
    std::string hardware; // for provenance

    std::shared_ptr<UNet> online, ema;
    std::unique_ptr<torch::optim::Adam> adam;
    torch::Tensor Theta, Sigma; // [T] float32 on device, from `schedule`

    long long step = 0;
    double priorSeconds = 0.0; // training time of earlier runs (resume)
    double runSeconds = 0.0;   // training time of this run
    double lastLr = 0.0;       // learning rate of the last step
    std::unique_ptr<train::BatchLoader> loader;
    std::atomic<bool> stopRequested{false};
    mutable std::shared_ptr<Model> emaModel;

    train::BatchLoader::SampleFn sampleFn() const;
    // L1 loss of `net` on a batch, with t and eps drawn from noiseSeed.
    torch::Tensor loss(UNet& net, const train::Batch& batch, std::uint64_t noiseSeed) const;
    void updateEma();
    ModelMetadata metadata() const; // objective, pi, schedule, provenance

    // TrainerFiles.cpp
    void writeCheckpoint(const std::string& path) const;
    void writeResume(const std::string& path) const;
    void readResume(const std::string& path); // weights, optimizer, step (networks must exist)
    // --init: the network weights of a checkpoint, by reference key; sets opt.net (from
    // the shapes) and opt.addsMu (from its metadata) before the networks are built.
    std::map<std::string, torch::Tensor> readInitWeights(const std::string& path);
    std::string initFrom; // provenance: the checkpoint fine-tuning started from
};

namespace train {
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

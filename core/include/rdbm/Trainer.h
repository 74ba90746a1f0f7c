#pragma once
// Training the RDBM U-Net (or RDDM's UnetRes) from photos: paired folders (clean/degraded matched by file
// name) or clean photos degraded on the fly (Degradations.h). Random crops and flips
// are prepared on a loader thread; the training thread only runs the network. The
// loss is L1 against the objective's target on the bridge marginal
// x_t = mu + Theta_t (x0 - mu) + Sigma_t pi eps (docs/method.md §2-4); for RDDM, L1 of
// each output against its target on x_t = x0 + abar_t (mu - x0) + bbar_t eps, summed, as
// the reference's p_losses (§8.1, §8.3). Adam, an EMA of
// the weights, periodic validation with the shared sampler (rdbm::restore), and
// safetensors checkpoints of the EMA weights plus a resume file.
// Pimpl keeps LibTorch out of this header.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rdbm/Degradations.h"
#include "rdbm/Device.h"
#include "rdbm/Model.h"
#include "rdbm/ModelInfo.h"
#include "rdbm/Schedule.h"

namespace rdbm {

struct TrainerOptions {
    // Training data: either clean photos in dataDir (degraded on the fly with `tasks`),
    // or pairedCleanDir + pairedDegradedDir (files matched by name).
    std::string dataDir;
    std::string pairedCleanDir, pairedDegradedDir;
    // Validation: clean photos degraded once with fixed seeds (one per image and task),
    // or a paired clean/degraded set. Both empty: no validation.
    std::string valDir;
    std::string valPairedCleanDir, valPairedDegradedDir;
    std::string outDir; // checkpoints, logs, validation strips; created if missing

    std::vector<DegradationKind> tasks = singleDegradationKinds(); // one drawn per sample
    double strengthMin = 0.6, strengthMax = 1.4; // degradation strength, uniform per sample
    double scaleMin = 0.5;   // synthetic data: crops are taken at a random scale in [scaleMin, 1]
    // Synthetic data: this share of samples are identity pairs (the clean crop, rounded to
    // 8 bits, in and out), so that the model learns to leave clean photos alone.
    double identityFraction = 0.0;
    int maxImageSide = 1024; // larger photos are downscaled once when loaded (memory)

    // Network and diffusion. RDBM (the default) trains the U-Net with objective, piMode,
    // addsMu and schedule below; RDDM trains UnetRes with `rddm` (the reference's
    // objective names, layout, T and sum_scale; docs/method.md §8) and ignores those.
    Method method = Method::Rdbm;
    RddmParams rddm{RddmObjective::ResNoise, /*shareEncoder=*/1, /*T=*/1000, /*sumScale=*/1.0};
    UNetConfig net{16, {1, 2, 4, 8}};
    Objective objective = Objective::X0;
    PiMode piMode = PiMode::Residual;
    // x0 objective only: the network predicts x0 - mu and mu is added to its output
    // (recorded as "adds_mu" in the checkpoint). Not the reference's choice, but a
    // fresh network then starts at the identity, which matters for short CPU runs.
    bool addsMu = false;
    ScheduleParams schedule; // kind, T, lambda
    // RDBM: this share of samples is drawn at the bridge's start t = T-1, where x_t = mu
    // for every pair. With pi = x0 - mu an identity pair has x_t = mu at every t, a
    // degraded one only there; without these samples a network learns "x_t equals mu, so
    // leave it" from the neighbouring steps and applies it to the sampler's first call,
    // which starts from mu for every photo (docs/training.md §5). 0 keeps t uniform.
    double startFraction = 0.0;

    // Optimisation.
    long long steps = 1000;
    int batch = 4;
    int crop = 128; // training crop side (pixels)
    double lr = 1e-4;
    // Learning-rate schedule (learningRateAt): a linear warm-up over lrWarmup steps, then
    // constant, or a cosine decay from lr that reaches lrMin at `steps`. A fresh Adam
    // takes full-size steps at once, which undoes much of what an --init network knew;
    // the warm-up avoids that, and the decay settles the weights a short run ends with.
    int lrWarmup = 0;
    bool lrCosine = false;
    double lrMin = 0.0;
    double adamBeta1 = 0.9, adamBeta2 = 0.99; // the reference trainer's betas
    double gradClip = 1.0;                    // max global gradient norm; 0 disables
    double emaDecay = 0.999;
    int emaWarmup = 10; // EMA decay ramps as min(decay, (1 + n) / (warmup + n))
    std::uint64_t seed = 0;

    // Validation and output.
    long long valEvery = 500;  // 0: only at the end
    long long saveEvery = 1000; // 0: only at the end
    int valSize = 128;          // validation images are centre-cropped to this side
    int valMaxImages = 8;       // per task
    int samplingSteps = 10;     // NFE of the validation sampler
    long long logEvery = 10;    // progress callback and train_log.csv row every N steps

    std::string resumePath; // resume file written by a previous run; empty: start fresh
    // Fine-tuning: start from the network weights of any checkpoint Model::load reads
    // (EMA weights preferred), with a fresh optimizer and step 0. The architecture and
    // adds_mu come from the file; pi, objective and schedule from these options. Ignored
    // when resuming.
    std::string initPath;
    DeviceSpec device;
    int threads = 0; // intra-op threads; 0 keeps LibTorch's default
    int loaderQueue = 6; // batches prepared ahead
};

// The learning rate for the optimisation step with 0-based index `step`.
double learningRateAt(const TrainerOptions& options, long long step);

struct TrainProgress {
    long long step = 0, totalSteps = 0;
    double loss = 0.0;          // mean loss over the last logging interval
    double learningRate = 0.0;  // of the last step
    double stepsPerSecond = 0.0; // over the last logging interval
    double elapsedSeconds = 0.0; // this run (not counting resumed time)
    double etaSeconds = 0.0;
};

struct TaskScore {
    std::string task; // degradation name, or "paired"
    int images = 0;
    double psnrIn = 0, psnrOut = 0, ssimIn = 0, ssimOut = 0; // means over the images
};

struct ValidationReport {
    long long step = 0;
    std::vector<TaskScore> tasks;
    TaskScore overall; // means over all images of all tasks
    double seconds = 0.0;
};

class Trainer {
public:
    // Checks the options, loads the data (reporting bad files by name through
    // warnings()), builds the networks and the optimizer, and restores the resume file
    // if one is given (its network, objective, pi and schedule then replace the options').
    // Throws Error(Usage) for bad options or when no usable data remains.
    explicit Trainer(const TrainerOptions& options);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Trains until options.steps, validating, logging and saving as configured, then
    // saves the final checkpoint and resume file. Returns early (after saving) when
    // requestStop() is called. Progress and validation callbacks run on this thread.
    void run(const std::function<void(const TrainProgress&)>& onProgress = {},
             const std::function<void(const ValidationReport&)>& onValidation = {});
    void requestStop(); // thread-safe

    // One optimisation step on the next batch; returns its loss.
    double trainStep();
    // Samples the validation set with the EMA weights; appends to val_log.csv.
    ValidationReport validate();
    // The EMA weights as safetensors with the project metadata (provenance included).
    void saveCheckpoint(const std::string& path) const;
    // Online weights, EMA weights, Adam state and step.
    void saveResume(const std::string& path) const;

    long long step() const;
    const TrainerOptions& options() const; // after resume adjustments
    const std::vector<std::string>& warnings() const; // skipped files and other notes
    int trainingImages() const;
    long long parameterCount() const;
    // The current EMA weights as a Model (shares them: valid while the Trainer lives,
    // reflects later steps); validation samples through this with rdbm::restore.
    std::shared_ptr<Model> emaModel() const;
    // The loss of the online network on a fixed batch (seeded by `seed`), without a step:
    // lets tests see whether training helps.
    double evaluateLoss(std::uint64_t seed, int batches = 1) const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Writes a human-readable duration: "45s", "12m05s", "3h07m".
std::string formatDuration(double seconds);

} // namespace rdbm

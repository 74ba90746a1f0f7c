// rdbm::Trainer: setup, the training step (docs/method.md §4), the EMA, and the run loop.
#include "rdbm/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>

#include <ATen/CPUGeneratorImpl.h>

#include "model/ModelImpl.h"
#include "net/PhotoStatistics.h"
#include "rdbm/Error.h"
#include "train/SeedMix.h"
#include "train/TrainerImpl.h"

namespace rdbm {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kPi = 3.14159265358979323846;

// Independent random streams derived from the run seed.
constexpr std::uint64_t kNoiseStream = 1, kEvalStream = 2, kEvalNoiseStream = 3, kInitStream = 4;

[[noreturn]] void usage(const std::string& msg) { throw Error(ErrorKind::Usage, msg); }

void checkOptions(const TrainerOptions& o) {
    const bool paired = !o.pairedCleanDir.empty() || !o.pairedDegradedDir.empty();
    if (paired && (o.pairedCleanDir.empty() || o.pairedDegradedDir.empty()))
        usage("paired training data needs both a clean and a degraded folder");
    if (paired && !o.dataDir.empty()) usage("give either clean photos (--data) or a paired set (--paired), not both");
    if (!paired && o.dataDir.empty()) usage("no training data: give --data DIR or --paired CLEAN_DIR DEGRADED_DIR");
    if (!o.valPairedCleanDir.empty() != !o.valPairedDegradedDir.empty())
        usage("paired validation data needs both a clean and a degraded folder");
    if (o.outDir.empty()) usage("no output folder given (--out DIR)");
    if (o.tasks.empty()) usage("the degradation task list is empty");
    if (!(o.strengthMin >= 0.0 && o.strengthMin <= o.strengthMax && o.strengthMax <= 4.0))
        usage("degradation strengths must satisfy 0 <= min <= max <= 4");
    if (!(o.identityFraction >= 0.0 && o.identityFraction <= 1.0))
        usage("the identity-pair fraction must be in [0, 1]");
    if (!(o.scaleMin > 0.0 && o.scaleMin <= 1.0)) usage("the minimum crop scale must be in (0, 1]");
    if (!(o.startFraction >= 0.0 && o.startFraction <= 1.0)) usage("the share of bridge-start samples must be in [0, 1]");
    if (o.steps < 0) usage("steps must not be negative");
    if (o.net.globalStats > 0 && o.method == Method::Rddm)
        usage("whole-photo statistics (--global-stats) are for RDBM's U-Net, not RDDM's UnetRes");
    if (o.batch < 1 || o.batch > 4096) usage("batch size must be in 1..4096, got " + std::to_string(o.batch));
    if (o.crop < 8 || o.crop > 4096) usage("crop size must be in 8..4096, got " + std::to_string(o.crop));
    if (!(o.lr > 0.0) || !std::isfinite(o.lr)) usage("the learning rate must be positive");
    if (o.lrWarmup < 0) usage("the learning-rate warm-up must not be negative");
    if (!(o.lrMin >= 0.0 && o.lrMin <= o.lr)) usage("the final learning rate must be in [0, lr]");
    if (!(o.emaDecay >= 0.0 && o.emaDecay < 1.0)) usage("the EMA decay must be in [0, 1)");
    if (o.emaWarmup < 1) usage("the EMA warm-up must be at least 1");
    if (o.gradClip < 0.0) usage("the gradient clipping norm must not be negative");
    if (o.valSize < 8) usage("the validation size must be at least 8 pixels");
    if (o.valEvery < 0 || o.saveEvery < 0 || o.logEvery < 1) usage("intervals must not be negative (log interval >= 1)");
    if (o.samplingSteps < 1 || (o.method == Method::Rdbm && o.samplingSteps > o.schedule.T))
        usage("validation sampling steps must be in 1..T (" + std::to_string(o.schedule.T) + ")");
    if (o.maxImageSide < o.crop) usage("the maximum image side must be at least the crop size");
}

// The targets of section 4 only make sense with their pi: eps is the pi = 1 target,
// and with pi = 0 there is no noise for pi_eps to predict.
void checkObjective(Objective objective, PiMode pi, bool addsMu) {
    if (addsMu && objective != Objective::X0) usage("adding mu to the output only makes sense for objective x0");
    if (objective == Objective::Eps && pi != PiMode::One)
        usage("objective eps is the pi = 1 parameterisation; use pi_eps (or x0) with pi " + toString(pi));
    if (objective == Objective::PiEps && pi == PiMode::Zero)
        usage("objective pi_eps has nothing to predict with pi = 0 (no noise); use x0");
}

// RDDM: the objective's outputs must be the network's (a second decoder that no loss
// reaches would stay untrained), and RDBM's options have no meaning there.
void checkRddm(const TrainerOptions& o) {
    const int outputs = o.rddm.shareEncoder == -1 ? 1 : 2;
    if (o.rddm.shareEncoder < -1 || o.rddm.shareEncoder > 1)
        usage("share_encoder must be 1, 0 or -1, got " + std::to_string(o.rddm.shareEncoder));
    if (rddmOutputCount(o.rddm.objective) != outputs)
        usage("objective " + toString(o.rddm.objective) + " has " + std::to_string(rddmOutputCount(o.rddm.objective)) +
              (rddmOutputCount(o.rddm.objective) == 1 ? " output" : " outputs") + " but share_encoder " +
              std::to_string(o.rddm.shareEncoder) + " builds a network with " + std::to_string(outputs) +
              (outputs == 1 ? "; use share_encoder 1 or 0" : "; use share_encoder -1"));
    if (o.addsMu) usage("adding mu to the output is an RDBM option; RDDM predicts the residual and the noise");
    if (o.rddm.T < 2 || o.rddm.T > 100000) usage("T must be in 2..100000");
    if (o.samplingSteps > o.rddm.T)
        usage("validation sampling steps must be in 1..T (" + std::to_string(o.rddm.T) + ")");
}

torch::Tensor scheduleTensor(const std::vector<float>& v, const torch::Device& device) {
    return torch::tensor(v, torch::TensorOptions().dtype(torch::kFloat32)).to(device);
}

} // namespace

double learningRateAt(const TrainerOptions& o, long long step) {
    if (step < o.lrWarmup) return o.lr * static_cast<double>(step + 1) / o.lrWarmup;
    if (!o.lrCosine) return o.lr;
    const double span = static_cast<double>(std::max<long long>(1, o.steps - o.lrWarmup));
    const double progress = std::clamp(static_cast<double>(step - o.lrWarmup) / span, 0.0, 1.0);
    return o.lrMin + (o.lr - o.lrMin) * 0.5 * (1.0 + std::cos(kPi * progress));
}

std::string formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    const long long s = std::llround(seconds);
    char buf[64];
    if (s < 60) std::snprintf(buf, sizeof buf, "%llds", s);
    else if (s < 3600) std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
    return buf;
}

train::BatchLoader::SampleFn Trainer::Impl::sampleFn() const {
    // Copies what the loader thread reads, so it never races with the trainer.
    const train::ImageSet* set = &data;
    const train::SampleSpec sp = spec;
    const std::uint64_t seed = opt.seed;
    return [set, sp, seed](long long batch, int slot) {
        return train::makeSample(*set, sp, train::mixSeed(seed, static_cast<std::uint64_t>(batch), static_cast<std::uint64_t>(slot)));
    };
}

torch::Tensor Trainer::Impl::loss(const train::TrainedNetwork& net, const train::Batch& batch,
                                  std::uint64_t noiseSeed) const {
    const int64_t B = batch.x0.size(0);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(noiseSeed);
    // Drawn on the CPU from a per-step generator: reproducible on any device and after resume.
    const int T = opt.method == Method::Rddm ? rddmSchedule.T() : schedule.T();
    torch::Tensor t = at::randint(0, T, {B}, gen, torch::TensorOptions().dtype(torch::kLong));
    const torch::Tensor eps = at::randn(batch.x0.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat32));
    if (opt.startFraction > 0.0 && opt.method == Method::Rdbm) {
        // Drawn after eps, so runs without it keep their exact random streams.
        const torch::Tensor atStart = at::rand({B}, gen) < opt.startFraction;
        t = at::where(atStart, at::full_like(t, T - 1), t);
    }

    const torch::Tensor x0 = batch.x0.to(device), mu = batch.mu.to(device);
    const torch::Tensor tDev = t.to(device);
    const torch::Tensor noise = eps.to(device);
    const torch::Tensor Th = residualWeight.index_select(0, tDev).view({B, 1, 1, 1});
    const torch::Tensor Sg = noiseWeight.index_select(0, tDev).view({B, 1, 1, 1});
    if (opt.method == Method::Rddm) return rddmLoss(net, x0, mu, noise, Th, Sg, tDev);
    const torch::Tensor residual = x0 - mu;

    torch::Tensor piEps; // pi * eps
    switch (opt.piMode) {
    case PiMode::Residual: piEps = residual * noise; break;
    case PiMode::One: piEps = noise; break;
    case PiMode::Zero: piEps = torch::zeros_like(noise); break;
    }
    const torch::Tensor xt = mu + Th * residual + Sg * piEps;
    torch::Tensor out = net.forward(xt, mu, tDev.to(torch::kFloat32));
    if (opt.addsMu) out = out + mu;
    torch::Tensor target;
    switch (opt.objective) {
    case Objective::X0: target = x0; break;
    case Objective::PiEps: target = piEps; break;
    case Objective::Eps: target = noise; break;
    }
    return (out - target).abs().mean();
}

namespace train {

RddmTrainingPair makeRddmTrainingPair(RddmObjective objective, const torch::Tensor& x0, const torch::Tensor& mu,
                                      const torch::Tensor& eps, const torch::Tensor& abar, const torch::Tensor& bbar) {
    // The reference's q_sample and its p_losses targets (docs/method.md §8.1, §8.3): the
    // residual is degraded minus clean.
    const torch::Tensor res = mu - x0;
    RddmTrainingPair pair;
    pair.xt = x0 + abar * res + bbar * eps;
    switch (objective) {
    case RddmObjective::ResNoise: pair.targets = {res, eps}; break;
    case RddmObjective::ResAddNoise: pair.targets = {res, res + eps}; break;
    case RddmObjective::X0Noise: pair.targets = {x0, eps}; break;
    case RddmObjective::X0AddNoise: pair.targets = {x0, x0 + eps}; break;
    case RddmObjective::Res: pair.targets = {res}; break;
    case RddmObjective::Noise: pair.targets = {eps}; break;
    }
    return pair;
}

} // namespace train

torch::Tensor Trainer::Impl::rddmLoss(const train::TrainedNetwork& net, const torch::Tensor& x0, const torch::Tensor& mu,
                                      const torch::Tensor& eps, const torch::Tensor& abar, const torch::Tensor& bbar,
                                      const torch::Tensor& t) const {
    const train::RddmTrainingPair pair = train::makeRddmTrainingPair(opt.rddm.objective, x0, mu, eps, abar, bbar);
    const torch::Tensor out = net.forward(pair.xt, mu, t.to(torch::kFloat32));
    // Each output against its own target; the outputs' L1 losses are added, as the reference does.
    const int64_t C = x0.size(1);
    torch::Tensor total;
    for (size_t i = 0; i < pair.targets.size(); ++i) {
        const torch::Tensor l1 = (out.narrow(1, static_cast<int64_t>(i) * C, C) - pair.targets[i]).abs().mean();
        total = total.defined() ? total + l1 : l1;
    }
    return total;
}

void Trainer::Impl::updateEma() {
    torch::NoGradGuard noGrad;
    const double n = static_cast<double>(step);
    const double decay = std::min(opt.emaDecay, (1.0 + n) / (opt.emaWarmup + n));
    auto src = online.module().parameters();
    auto dst = ema.module().parameters();
    for (size_t i = 0; i < dst.size(); ++i) dst[i].mul_(decay).add_(src[i].detach(), 1.0 - decay);
}

ModelMetadata Trainer::Impl::metadata() const {
    ModelMetadata m;
    m.method = opt.method;
    m.rddm = opt.rddm;
    m.objective = opt.objective;
    m.piMode = opt.piMode;
    m.schedule = opt.schedule;
    m.padMode = "reflect";
    m.addsMu = opt.addsMu;
    auto& p = m.provenance;
    p["trainer"] = "rdbm-train (RDBM Studio)";
    p["weights"] = "ema";
    p["data"] = data.source;
    p["data_kind"] = data.paired ? "paired" : "synthetic";
    p["data_images"] = std::to_string(data.images.size());
    if (!data.paired) {
        p["degradations"] = toString(opt.tasks);
        std::ostringstream s;
        s << opt.strengthMin << ".." << opt.strengthMax;
        p["degradation_strength"] = s.str();
        std::ostringstream identity;
        identity << opt.identityFraction;
        p["identity_fraction"] = identity.str();
    }
    if (opt.startFraction > 0.0) {
        std::ostringstream start;
        start << opt.startFraction;
        p["start_fraction"] = start.str();
    }
    p["steps"] = std::to_string(step);
    p["batch"] = std::to_string(opt.batch);
    p["crop"] = std::to_string(opt.crop);
    std::ostringstream lr, emaDecay; // not `ema`: Impl has a member of that name
    lr << opt.lr;
    emaDecay << opt.emaDecay;
    p["lr"] = lr.str();
    if (opt.lrWarmup > 0 || opt.lrCosine) {
        std::ostringstream lrSchedule;
        if (opt.lrWarmup > 0) lrSchedule << "linear warm-up over " << opt.lrWarmup << " steps";
        if (opt.lrWarmup > 0 && opt.lrCosine) lrSchedule << ", then ";
        if (opt.lrCosine) lrSchedule << "cosine decay to " << opt.lrMin;
        p["lr_schedule"] = lrSchedule.str();
    }
    p["ema_decay"] = emaDecay.str();
    p["seed"] = std::to_string(opt.seed);
    if (!initFrom.empty()) p["initialised_from"] = initFrom;
    p["train_seconds"] = std::to_string(std::llround(priorSeconds + runSeconds));
    p["hardware"] = hardware;
    p["libtorch"] = libtorchVersion();
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    p["date"] = date;
    return m;
}

Trainer::Trainer(const TrainerOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.opt = options;
    if (!d.opt.resumePath.empty()) {
        // The resume file decides what network is being trained.
        const train::ResumeHeader stored = train::readResumeHeader(d.opt.resumePath);
        d.opt.net = stored.config;
        d.opt.objective = stored.metadata.objective;
        d.opt.piMode = stored.metadata.piMode;
        d.opt.schedule = stored.metadata.schedule;
        d.opt.addsMu = stored.metadata.addsMu;
        d.opt.method = stored.metadata.method;
        d.opt.rddm = stored.metadata.rddm;
        d.opt.seed = stored.seed; // the batches and noise of the remaining steps follow from it
    }
    std::map<std::string, torch::Tensor> initWeights;
    if (d.opt.resumePath.empty() && !d.opt.initPath.empty()) initWeights = d.readInitWeights(d.opt.initPath);
    checkOptions(d.opt);
    if (d.opt.method == Method::Rddm) {
        checkRddm(d.opt);
        d.rddmSchedule = RddmSchedule(d.opt.rddm.T, d.opt.rddm.sumScale);
    } else {
        checkObjective(d.opt.objective, d.opt.piMode, d.opt.addsMu);
        d.schedule = RdbmSchedule(d.opt.schedule);
    }

    d.deviceName = resolveDevice(d.opt.device);
    d.device = torch::Device(d.deviceName);
    if (d.opt.threads > 0) torch::set_num_threads(d.opt.threads);
    d.hardware = train::describeHardware(d.opt.device);

    // Data: loaded before anything heavy so bad folders fail fast.
    if (!d.opt.dataDir.empty())
        d.data = train::loadCleanImages(d.opt.dataDir, d.opt.maxImageSide, d.opt.crop, "training");
    else
        d.data = train::loadPairedImages(d.opt.pairedCleanDir, d.opt.pairedDegradedDir, d.opt.maxImageSide,
                                         d.opt.crop, "training");
    d.warnings.insert(d.warnings.end(), d.data.warnings.begin(), d.data.warnings.end());
    d.spec = {d.opt.crop, d.opt.tasks, d.opt.strengthMin, d.opt.strengthMax, d.opt.scaleMin, d.opt.identityFraction};
    if (!d.opt.valDir.empty()) {
        const auto set = train::loadCleanImages(d.opt.valDir, 0, 8, "validation");
        for (const auto& w : set.warnings) d.warnings.push_back("validation: " + w);
        d.validation = train::makeSyntheticValidation(set, d.opt.tasks, d.opt.valSize, d.opt.valMaxImages);
    } else if (!d.opt.valPairedCleanDir.empty()) {
        const auto set = train::loadPairedImages(d.opt.valPairedCleanDir, d.opt.valPairedDegradedDir, 0, 8, "validation");
        for (const auto& w : set.warnings) d.warnings.push_back("validation: " + w);
        d.validation = train::makePairedValidation(set, d.opt.valSize, d.opt.valMaxImages);
    }

    std::error_code ec;
    std::filesystem::create_directories(d.opt.outDir, ec);
    if (ec) throw Error(ErrorKind::Usage, "cannot create output folder '" + d.opt.outDir + "': " + ec.message());

    // Networks: the initialisation follows the run seed (LibTorch's global generator is
    // the only way to seed module initialisation).
    torch::manual_seed(train::mixSeed(d.opt.seed, kInitStream));
    d.online = train::TrainedNetwork(d.opt);
    d.ema = train::TrainedNetwork(d.opt);
    if (!initWeights.empty()) {
        // A reference checkpoint has no stats_mlp: it keeps its fresh initialisation,
        // whose zero last layer leaves the fine-tuned network where the file left it.
        if (d.online.unet)
            for (const auto& p : d.online.unet->named_parameters())
                if (p.key().rfind("stats_mlp.", 0) == 0 && !initWeights.count(p.key()))
                    initWeights.emplace(p.key(), p.value().detach().clone());
        d.online.loadWeights(initWeights, d.opt.initPath);
        initWeights.clear();
    }
    d.online.module().to(d.device);
    d.ema.module().to(d.device);
    {
        torch::NoGradGuard noGrad;
        auto src = d.online.module().parameters();
        auto dst = d.ema.module().parameters();
        for (size_t i = 0; i < dst.size(); ++i) {
            dst[i].copy_(src[i]);
            dst[i].set_requires_grad(false);
        }
    }
    d.online.module().train();
    d.ema.module().eval();
    d.adam = std::make_unique<torch::optim::Adam>(
        d.online.module().parameters(),
        torch::optim::AdamOptions(d.opt.lr).betas(std::make_tuple(d.opt.adamBeta1, d.opt.adamBeta2)));
    if (d.opt.method == Method::Rddm) {
        d.residualWeight = scheduleTensor(d.rddmSchedule.alphasCumsum(), d.device);
        d.noiseWeight = scheduleTensor(d.rddmSchedule.betasCumsum(), d.device);
    } else {
        d.residualWeight = scheduleTensor(d.schedule.Theta(), d.device);
        d.noiseWeight = scheduleTensor(d.schedule.Sigma(), d.device);
    }

    // The learning rate may change on resume (trainStep sets it from the options every
    // step); Adam's moments and step carry over.
    if (!d.opt.resumePath.empty()) d.readResume(d.opt.resumePath);
}

Trainer::~Trainer() {
    impl_->loader.reset(); // stop the loader thread before the data it reads goes away
}

double Trainer::trainStep() {
    Impl& d = *impl_;
    if (!d.loader)
        d.loader = std::make_unique<train::BatchLoader>(d.sampleFn(), d.opt.batch, d.opt.crop, d.step,
                                                        d.opt.loaderQueue);
    const train::Batch batch = d.loader->next();
    if (batch.index != d.step)
        throw Error(ErrorKind::Runtime, "training batch " + std::to_string(batch.index) + " arrived at step " +
                                            std::to_string(d.step));
    const auto started = Clock::now();
    torch::Tensor loss;
    try {
        d.online.module().train();
        d.lastLr = learningRateAt(d.opt, d.step);
        for (auto& group : d.adam->param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(d.lastLr);
        loss = d.loss(d.online, batch, train::mixSeed(d.opt.seed, static_cast<std::uint64_t>(d.step), kNoiseStream));
        d.adam->zero_grad();
        loss.backward();
        if (d.opt.gradClip > 0) torch::nn::utils::clip_grad_norm_(d.online.module().parameters(), d.opt.gradClip);
        d.adam->step();
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Runtime, "training step " + std::to_string(d.step) + " failed: " + e.what_without_backtrace());
    }
    ++d.step;
    d.updateEma();
    const double value = loss.item<double>();
    d.runSeconds += std::chrono::duration<double>(Clock::now() - started).count();
    if (!std::isfinite(value))
        throw Error(ErrorKind::Runtime, "the loss became " + std::to_string(value) + " at step " + std::to_string(d.step) +
                                            " (try a lower learning rate)");
    return value;
}

double Trainer::evaluateLoss(std::uint64_t seed, int batches) const {
    const Impl& d = *impl_;
    torch::NoGradGuard noGrad;
    const auto fn = d.sampleFn();
    double total = 0;
    for (int i = 0; i < batches; ++i) {
        // Batches far outside the training sequence, from their own seed.
        const long long index = -1 - static_cast<long long>(train::mixSeed(seed, kEvalStream, static_cast<std::uint64_t>(i)) >> 2);
        const train::Batch b = train::BatchLoader::build(fn, d.opt.batch, d.opt.crop, index);
        total += d.loss(d.online, b, train::mixSeed(seed, kEvalNoiseStream, static_cast<std::uint64_t>(i))).item<double>();
    }
    return total / std::max(1, batches);
}

void Trainer::run(const std::function<void(const TrainProgress&)>& onProgress,
                  const std::function<void(const ValidationReport&)>& onValidation) {
    Impl& d = *impl_;
    const auto& o = d.opt;
    const std::string trainLog = (std::filesystem::path(o.outDir) / "train_log.csv").string();
    const auto runStarted = Clock::now();
    auto intervalStarted = Clock::now();
    double lossSum = 0;
    int lossCount = 0;
    long long lastValidated = -1;

    while (d.step < o.steps && !d.stopRequested.load()) {
        lossSum += trainStep();
        ++lossCount;
        const bool logNow = d.step % o.logEvery == 0 || d.step == o.steps;
        if (logNow) {
            const double interval = std::chrono::duration<double>(Clock::now() - intervalStarted).count();
            TrainProgress p;
            p.step = d.step;
            p.totalSteps = o.steps;
            p.loss = lossSum / std::max(1, lossCount);
            p.learningRate = d.lastLr;
            p.stepsPerSecond = interval > 0 ? lossCount / interval : 0.0;
            p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - runStarted).count();
            p.etaSeconds = p.stepsPerSecond > 0 ? (o.steps - d.step) / p.stepsPerSecond : 0.0;
            std::ostringstream row;
            row << p.step << ',' << p.loss << ',' << p.stepsPerSecond << ',' << p.elapsedSeconds << ',' << p.learningRate;
            train::appendCsv(trainLog, "step,loss,steps_per_s,elapsed_s,lr", row.str());
            if (onProgress) onProgress(p);
            lossSum = 0;
            lossCount = 0;
            intervalStarted = Clock::now();
        }
        if (o.valEvery > 0 && d.step % o.valEvery == 0 && !d.validation.empty()) {
            const auto report = validate();
            lastValidated = d.step;
            if (onValidation) onValidation(report);
            intervalStarted = Clock::now(); // keep validation out of the steps/s figure
        }
        if (o.saveEvery > 0 && d.step % o.saveEvery == 0 && d.step < o.steps) {
            char name[64];
            std::snprintf(name, sizeof name, "checkpoint-%07lld.safetensors", d.step);
            saveCheckpoint((std::filesystem::path(o.outDir) / name).string());
            saveResume((std::filesystem::path(o.outDir) / "resume.pt").string());
            intervalStarted = Clock::now();
        }
    }
    // A run of zero steps is an evaluation: --init MODEL --steps 0 scores a model on the
    // validation set.
    if (!d.validation.empty() && lastValidated != d.step && (d.step > 0 || o.steps == 0)) {
        const auto report = validate();
        if (onValidation) onValidation(report);
    }
    saveCheckpoint((std::filesystem::path(o.outDir) / "model.safetensors").string());
    saveResume((std::filesystem::path(o.outDir) / "resume.pt").string());
}

void Trainer::requestStop() { impl_->stopRequested.store(true); }

void Trainer::saveCheckpoint(const std::string& path) const { impl_->writeCheckpoint(path); }
void Trainer::saveResume(const std::string& path) const { impl_->writeResume(path); }

long long Trainer::step() const { return impl_->step; }
const TrainerOptions& Trainer::options() const { return impl_->opt; }
const std::vector<std::string>& Trainer::warnings() const { return impl_->warnings; }
int Trainer::trainingImages() const { return static_cast<int>(impl_->data.images.size()); }

long long Trainer::parameterCount() const {
    long long n = 0;
    for (const auto& p : impl_->online.module().parameters()) n += p.numel();
    return n;
}

std::shared_ptr<Model> Trainer::emaModel() const {
    const Impl& d = *impl_;
    if (d.emaModel) {
        d.emaModel->impl().info.metadata = d.metadata();
        return d.emaModel;
    }
    auto mi = std::make_unique<Model::Impl>();
    mi->info.path = d.opt.outDir + " (in-memory EMA weights)";
    mi->info.format = "in-memory";
    mi->info.layout = "trainer(ema)";
    mi->info.config = d.opt.net;
    mi->info.metadata = d.metadata();
    mi->info.parameterCount = parameterCount();
    mi->info.metadataSource = "embedded";
    mi->schedule = d.schedule;
    mi->rddmSchedule = d.rddmSchedule;
    mi->deviceName = d.deviceName;
    mi->device = d.device;
    mi->dtype = torch::kFloat32;
    const train::TrainedNetwork net = d.ema;
    const bool addsMu = d.opt.addsMu;
    // The same conventions as a loaded checkpoint's network (model/UNetNetwork.cpp,
    // model/UNetResNetwork.cpp).
    const auto call = [net, addsMu](const torch::Tensor& x, const torch::Tensor& mu, int64_t t,
                                    const torch::Tensor& stats) {
        const torch::Tensor tt = torch::full({x.size(0)}, static_cast<float>(t), x.options());
        const torch::Tensor out = net.forward(x, mu, tt, stats);
        return addsMu ? out + mu : out;
    };
    mi->network = [call](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        return call(x, mu, t, torch::Tensor());
    };
    if (d.opt.net.globalStats > 0) mi->bindToPhoto = statisticsBinder(call);
    d.emaModel = std::make_shared<Model>(std::move(mi));
    return d.emaModel;
}

} // namespace rdbm

// rdbm-train: trains an RDBM restoration network (see --help).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include <unistd.h>

#include "rdbm/CpuRuntime.h"
#include "TrainOptions.h"
#include "rdbm/Device.h"
#include "rdbm/Error.h"
#include "rdbm/Trainer.h"

#include "rdbm/Version.h"

namespace {

rdbm::Trainer* gTrainer = nullptr;
std::atomic<bool> gStopped{false};

// First Ctrl-C: finish the current step, save checkpoint and resume file, exit 5.
extern "C" void onInterrupt(int) {
    gStopped.store(true);
    if (gTrainer) gTrainer->requestStop(); // sets an atomic flag only
    static const char text[] = "\nrdbm-train: stopping after the current step and saving (Ctrl-C again to abort)\n";
    const ssize_t ignored = ::write(STDERR_FILENO, text, sizeof text - 1);
    (void)ignored;
    std::signal(SIGINT, SIG_DFL);
}

int exitCodeFor(rdbm::ErrorKind kind) {
    switch (kind) {
    case rdbm::ErrorKind::Usage: return 2;
    case rdbm::ErrorKind::Image: return 3;
    case rdbm::ErrorKind::Checkpoint: return 4;
    case rdbm::ErrorKind::Cancelled: return 5;
    case rdbm::ErrorKind::Runtime: return 1;
    }
    return 1;
}

void printValidation(const rdbm::ValidationReport& r) {
    std::printf("validation at step %lld (%s):\n", r.step, rdbm::formatDuration(r.seconds).c_str());
    auto line = [](const rdbm::TaskScore& s) {
        std::printf("  %-9s %3d images  PSNR %6.2f -> %6.2f dB  SSIM %.4f -> %.4f\n", s.task.c_str(), s.images,
                    s.psnrIn, s.psnrOut, s.ssimIn, s.ssimOut);
    };
    for (const auto& s : r.tasks) line(s);
    if (r.tasks.size() > 1) line(r.overall);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    rdbm::restartWithCpuRuntimeSettings(argv); // rdbm/CpuRuntime.h: why
    using namespace rdbm;
    cli::TrainCommandLine cl;
    try {
        cl = cli::parseTrainOptions(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const Error& e) {
        std::fprintf(stderr, "rdbm-train: %s\n", e.what());
        return exitCodeFor(e.kind());
    }
    if (cl.help) {
        std::fputs(cli::trainUsage().c_str(), stdout);
        return 0;
    }
    if (cl.version) {
        std::printf("rdbm-train %s (LibTorch %s)\n", RDBM_VERSION, libtorchVersion().c_str());
        return 0;
    }
    try {
        Trainer trainer(cl.trainer);
        const TrainerOptions& o = trainer.options();
        for (const auto& w : trainer.warnings()) std::fprintf(stderr, "rdbm-train: warning: %s\n", w.c_str());
        std::printf("rdbm-train: %d training images, U-Net dim %d mults", trainer.trainingImages(), o.net.dim);
        for (size_t i = 0; i < o.net.dimMults.size(); ++i) std::printf("%s%d", i ? "," : " ", o.net.dimMults[i]);
        if (o.method == Method::Rddm)
            std::printf(" (%.2fM parameters), RDDM, objective %s, share_encoder %d, T=%d sum_scale=%g\n",
                        trainer.parameterCount() / 1e6, toString(o.rddm.objective).c_str(), o.rddm.shareEncoder,
                        o.rddm.T, o.rddm.sumScale);
        else
            std::printf(" (%.2fM parameters), pi %s, objective %s%s, %s T=%d lambda=%g\n",
                        trainer.parameterCount() / 1e6, toString(o.piMode).c_str(), toString(o.objective).c_str(),
                        o.addsMu ? " (adds mu)" : "", toString(o.schedule.kind).c_str(), o.schedule.T,
                        o.schedule.lambda);
        std::printf("rdbm-train: %s, batch %d, crop %d, lr %g, EMA %g, seed %llu, device %s%s\n",
                    o.pairedCleanDir.empty() ? ("synthetic " + toString(o.tasks)).c_str() : "paired data", o.batch,
                    o.crop, o.lr, o.emaDecay, static_cast<unsigned long long>(o.seed), describeDevice(o.device).c_str(),
                    trainer.step() > 0 ? (", resuming at step " + std::to_string(trainer.step())).c_str() : "");
        std::fflush(stdout);

        gTrainer = &trainer;
        std::signal(SIGINT, onInterrupt);
        const bool quiet = cl.quiet;
        trainer.run(
            [quiet](const TrainProgress& p) {
                if (quiet) return;
                std::printf("step %lld/%lld  loss %.5f  lr %.3g  %.2f steps/s  elapsed %s  ETA %s\n", p.step,
                            p.totalSteps, p.loss, p.learningRate, p.stepsPerSecond, formatDuration(p.elapsedSeconds).c_str(),
                            formatDuration(p.etaSeconds).c_str());
                std::fflush(stdout);
            },
            printValidation);
        gTrainer = nullptr;
        std::printf("rdbm-train: saved %s/model.safetensors and resume.pt at step %lld\n", o.outDir.c_str(),
                    trainer.step());
        return gStopped.load() ? 5 : 0;
    } catch (const Error& e) {
        gTrainer = nullptr;
        std::fprintf(stderr, "rdbm-train: %s\n", e.what());
        return exitCodeFor(e.kind());
    }
}

#include "TrainOptions.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "rdbm/Error.h"

namespace rdbm::cli {

namespace {

[[noreturn]] void bad(const std::string& option, const std::string& problem) {
    throw Error(ErrorKind::Usage, option + ": " + problem);
}

double parseDouble(const std::string& text, const std::string& option) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) bad(option, "expected a number, got '" + text + "'");
    return v;
}

long long parseInteger(const std::string& text, const std::string& option, long long lo, long long hi) {
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || end != text.c_str() + text.size()) bad(option, "expected an integer, got '" + text + "'");
    if (v < lo || v > hi) bad(option, std::to_string(v) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return v;
}

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) parts.push_back(item);
    return parts;
}

} // namespace

double parseNumberOrRatio(const std::string& text, const std::string& option) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return parseDouble(text, option);
    const double num = parseDouble(text.substr(0, slash), option), den = parseDouble(text.substr(slash + 1), option);
    if (den == 0.0) bad(option, "division by zero in '" + text + "'");
    return num / den;
}

TrainCommandLine parseTrainOptions(const std::vector<std::string>& args) {
    TrainCommandLine cl;
    TrainerOptions& o = cl.trainer;
    std::string objective; // read once the method is known: the two methods name theirs differently
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) bad(a, "needs a value");
            return args[++i];
        };
        if (a == "-h" || a == "--help") cl.help = true;
        else if (a == "--version") cl.version = true;
        else if (a == "-q" || a == "--quiet") cl.quiet = true;
        else if (a == "--data") o.dataDir = value();
        else if (a == "--paired") {
            if (i + 2 >= args.size()) bad(a, "needs CLEAN_DIR and DEGRADED_DIR");
            o.pairedCleanDir = args[++i];
            o.pairedDegradedDir = args[++i];
        } else if (a == "--val") o.valDir = value();
        else if (a == "--val-paired") {
            if (i + 2 >= args.size()) bad(a, "needs CLEAN_DIR and DEGRADED_DIR");
            o.valPairedCleanDir = args[++i];
            o.valPairedDegradedDir = args[++i];
        } else if (a == "--out") o.outDir = value();
        else if (a == "--pi-mode") o.piMode = piModeFromString(value());
        else if (a == "--objective") objective = value();
        else if (a == "--method") o.method = methodFromString(value());
        else if (a == "--share-encoder") o.rddm.shareEncoder = static_cast<int>(parseInteger(value(), a, -1, 1));
        else if (a == "--sum-scale") {
            o.rddm.sumScale = parseDouble(value(), a);
            if (!(o.rddm.sumScale > 0.0 && o.rddm.sumScale <= 100.0)) bad(a, "must be in (0, 100]");
        }
        else if (a == "--adds-mu") o.addsMu = true;
        else if (a == "--global-stats") o.net.globalStats = 12; // rdbm::kPhotoStatisticsWidth (core-internal)
        else if (a == "--start-fraction") {
            o.startFraction = parseDouble(value(), a);
            if (!(o.startFraction >= 0.0 && o.startFraction <= 1.0)) bad(a, "must be in [0, 1]");
        }
        else if (a == "--schedule") o.schedule.kind = scheduleKindFromString(value());
        else if (a == "--lambda") {
            o.schedule.lambda = parseNumberOrRatio(value(), a);
            // The range the metadata accepts, so every trained model can be loaded again.
            if (!(o.schedule.lambda > 0.0 && o.schedule.lambda <= 100.0)) bad(a, "must be in (0, 100]");
        } else if (a == "--T") o.schedule.T = o.rddm.T = static_cast<int>(parseInteger(value(), a, 2, 100000));
        else if (a == "--dim") o.net.dim = static_cast<int>(parseInteger(value(), a, 8, 1024));
        else if (a == "--dim-mults") {
            o.net.dimMults.clear();
            for (const auto& m : splitCommas(value())) o.net.dimMults.push_back(static_cast<int>(parseInteger(m, a, 1, 64)));
            if (o.net.dimMults.empty()) bad(a, "needs at least one multiplier");
        } else if (a == "--crop") o.crop = static_cast<int>(parseInteger(value(), a, 8, 4096));
        else if (a == "--batch") o.batch = static_cast<int>(parseInteger(value(), a, 1, 4096));
        else if (a == "--lr") o.lr = parseDouble(value(), a);
        else if (a == "--lr-warmup") o.lrWarmup = static_cast<int>(parseInteger(value(), a, 0, 1000000000));
        else if (a == "--lr-decay") {
            const std::string v = value();
            if (v == "cosine") o.lrCosine = true;
            else if (v == "constant") o.lrCosine = false;
            else throw Error(ErrorKind::Usage, "--lr-decay takes constant or cosine, got '" + v + "'");
        } else if (a == "--lr-min") o.lrMin = parseDouble(value(), a);
        else if (a == "--ema") o.emaDecay = parseDouble(value(), a);
        else if (a == "--ema-warmup") o.emaWarmup = static_cast<int>(parseInteger(value(), a, 1, 1000000000));
        else if (a == "--grad-clip") o.gradClip = parseDouble(value(), a);
        else if (a == "--steps") o.steps = parseInteger(value(), a, 0, 1000000000000LL);
        else if (a == "--val-every") o.valEvery = parseInteger(value(), a, 0, 1000000000000LL);
        else if (a == "--save-every") o.saveEvery = parseInteger(value(), a, 0, 1000000000000LL);
        else if (a == "--log-every") o.logEvery = parseInteger(value(), a, 1, 1000000000000LL);
        else if (a == "--seed") o.seed = static_cast<std::uint64_t>(parseInteger(value(), a, 0, 9223372036854775807LL));
        else if (a == "--tasks") o.tasks = parseDegradationList(value());
        else if (a == "--strength") {
            const auto parts = splitCommas(value());
            if (parts.size() == 1) o.strengthMin = o.strengthMax = parseDouble(parts[0], a);
            else if (parts.size() == 2) {
                o.strengthMin = parseDouble(parts[0], a);
                o.strengthMax = parseDouble(parts[1], a);
            } else bad(a, "expected S or MIN,MAX");
        } else if (a == "--scale-min") o.scaleMin = parseDouble(value(), a);
        else if (a == "--identity") o.identityFraction = parseDouble(value(), a);
        else if (a == "--max-side") o.maxImageSide = static_cast<int>(parseInteger(value(), a, 8, 100000));
        else if (a == "--val-size") o.valSize = static_cast<int>(parseInteger(value(), a, 8, 4096));
        else if (a == "--val-images") o.valMaxImages = static_cast<int>(parseInteger(value(), a, 0, 100000));
        else if (a == "--sampling-steps") o.samplingSteps = static_cast<int>(parseInteger(value(), a, 1, 100000));
        else if (a == "--resume") o.resumePath = value();
        else if (a == "--init") o.initPath = value();
        else if (a == "--device") o.device = parseDevice(value());
        else if (a == "--threads") o.threads = static_cast<int>(parseInteger(value(), a, 0, 1024));
        else bad(a, "unknown option (see --help)");
    }
    if (cl.help || cl.version) return cl;
    if (!objective.empty()) {
        if (o.method == Method::Rddm) {
            if (!isRddmObjectiveName(objective))
                bad("--objective", "'" + objective + "' is not an RDDM objective (pred_res_noise, pred_res_add_noise, "
                                                     "pred_x0_noise, pred_x0_add_noise, pred_res, pred_noise)");
            o.rddm.objective = rddmObjectiveFromString(objective);
        } else {
            if (isRddmObjectiveName(objective) && objective != "pred_noise")
                bad("--objective", "'" + objective + "' is an RDDM objective; add --method rddm");
            o.objective = objectiveFromString(objective);
        }
    }
    if (o.outDir.empty()) throw Error(ErrorKind::Usage, "--out DIR is required");
    if (o.dataDir.empty() && o.pairedCleanDir.empty())
        throw Error(ErrorKind::Usage, "training data is required: --data DIR or --paired CLEAN_DIR DEGRADED_DIR");
    return cl;
}

std::string trainUsage() {
    return R"(Usage: rdbm-train (--data DIR | --paired CLEAN_DIR DEGRADED_DIR) --out DIR [options]

Trains the RDBM U-Net, or RDDM's UnetRes with --method rddm. With --data, clean photos are degraded on the fly (random task
per sample from --tasks); with --paired, clean and degraded files are matched by name.
Writes OUT/model.safetensors (EMA weights + metadata), OUT/checkpoint-N.safetensors,
OUT/resume.pt, OUT/train_log.csv, OUT/val_log.csv and OUT/val/step-N.png.

Data
  --data DIR              clean training photos
  --paired CLEAN DEG      paired training folders (matched by file name)
  --val DIR               clean validation photos (degraded once per task, fixed seeds)
  --val-paired CLEAN DEG  paired validation folders
  --tasks LIST            rain,lowlight,snow,haze,blur,mixed or all (default all)
  --strength S|MIN,MAX    degradation strength range (default 0.6,1.4)
  --scale-min S           smallest crop scale for synthetic data (default 0.5)
  --identity F            share of identity pairs, clean in and out (default 0)
  --max-side N            downscale larger photos when loading (default 1024)
Model
  --method rdbm|rddm      the method (default rdbm); RDDM uses --objective (its own
                          names), --share-encoder, --T and --sum-scale
  --pi-mode residual|one|zero   noise coefficient pi (default residual)
  --objective NAME        RDBM: x0|pi_eps|eps (default x0); RDDM: pred_res_noise
                          (default), pred_res_add_noise, pred_x0_noise,
                          pred_x0_add_noise, pred_res, pred_noise
  --share-encoder 1|0|-1  RDDM UnetRes layout: one encoder and two decoders (default),
                          two U-Nets, or one U-Net (one-output objectives)
  --sum-scale S           RDDM total noise variance (default 1)
  --adds-mu               x0 only: the network predicts x0 - mu (starts at the identity;
                          recorded in the checkpoint, not the reference's layout)
  --schedule cosine|linear|sigmoid (default cosine)
  --lambda L              stationary variance, e.g. 10/255 (default 10/255)
  --T N                   timesteps (default 100; RDDM 1000)
  --dim N                 U-Net width (default 16)
  --dim-mults LIST        per-level multipliers (default 1,2,4,8)
  --global-stats          RDBM: the network is also told the whole photo's tone (per
                          channel mean and 1/50/99 % quantiles), so tiles agree and a
                          clean photo can be told from a dark one (not the reference's
                          layout; with --init, adds it to the file's network)
  --start-fraction F      RDBM: draw this share of samples at t = T-1, where x_t = mu
                          for every pair, so the sampler's first step decides the
                          correction from the photo (default 0; see --identity)
Optimisation
  --steps N               total steps (default 1000); 0 with --init and --val
                          only scores the model on the validation set
  --batch N               batch size (default 4)
  --crop N                training crop side (default 128)
  --lr X                  Adam learning rate (default 1e-4)
  --lr-warmup N           linear learning-rate warm-up over N steps (default 0)
  --lr-decay constant|cosine  after the warm-up (default constant); cosine
                          reaches --lr-min at the last step
  --lr-min X              final learning rate of the cosine decay (default 0)
  --ema X                 EMA decay (default 0.999)
  --ema-warmup N          EMA decay ramps as (1+n)/(N+n) (default 10)
  --grad-clip X           gradient norm clip, 0 = off (default 1)
  --seed N                run seed: initialisation, crops, degradations, noise (default 0)
Validation and output
  --out DIR               output folder (required)
  --val-every N           validate every N steps, 0 = at the end only (default 500)
  --save-every N          checkpoint every N steps, 0 = at the end only (default 1000)
  --log-every N           progress line every N steps (default 10)
  --val-size N            validation crop side (default 128)
  --val-images N          validation photos per task (default 8)
  --sampling-steps N      validation sampler NFE (default 10)
  --resume FILE           continue from a resume.pt (its network, pi, objective,
                          schedule and seed are used)
  --init CKPT             fine-tune: start from a checkpoint's network weights
                          (.pt/.pth/.safetensors; its architecture and adds_mu are
                          used), fresh optimizer, step 0
Runtime
  --device auto|cpu|cuda|cuda:N (default auto)
  --threads N             CPU threads, 0 = LibTorch default
  -q, --quiet             no progress lines
  -h, --help, --version

Exit codes: 0 done, 1 runtime error, 2 usage, 3 image, 4 checkpoint, 5 stopped (Ctrl-C;
the resume file is saved first).
)";
}

} // namespace rdbm::cli

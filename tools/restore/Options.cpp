#include "Options.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::cli {
namespace {

[[noreturn]] void usageError(const std::string& message) {
    throw Error(ErrorKind::Usage, message + " (see rdbm-restore --help)");
}

long long parseInteger(const std::string& name, const std::string& text, long long lo, long long hi) {
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || std::isspace(static_cast<unsigned char>(text[0])))
        usageError(name + " expects an integer, got '" + text + "'");
    if (v < lo || v > hi)
        usageError(name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + text);
    return v;
}

std::uint64_t parseSeed(const std::string& name, const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || text[0] == '-' || text[0] == '+' ||
        std::isspace(static_cast<unsigned char>(text[0])))
        usageError(name + " expects a non-negative integer, got '" + text + "'");
    return v;
}

double parseReal(const std::string& name, const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v) ||
        std::isspace(static_cast<unsigned char>(text[0])))
        usageError(name + " expects a number, got '" + text + "'");
    return v;
}

// The core's parsers throw Error(Usage) without naming the option: add it.
template <class F>
auto parseNamed(const std::string& name, const std::string& text, F parse) -> decltype(parse(text)) {
    try {
        return parse(text);
    } catch (const Error& e) {
        usageError(name + ": " + e.what());
    }
}

std::string fileNameOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

const std::set<std::string> kValueOptions = {
    "-o", "--out", "--out-dir", "--model", "--steps", "--device", "--objective", "--pi-mode",
    "--schedule", "--lambda", "--eta", "--pi-noise", "--seed", "--tile", "--overlap", "--border",
    "--reference", "--trajectory", "--report", "--bit-depth", "--method", "--sum-scale", "--initial-noise",
    "--seeds", "--uncertainty"};
const std::set<std::string> kFlags = {"--half", "--ema", "--online", "--overwrite", "--allow-torchscript", "--quiet", "-q",
                                      "--help", "-h", "--version", "--no-global-context", "--recursive", "--record"};

bool isFolder(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

} // namespace

std::string restoreUsage() {
    return R"(Usage: rdbm-restore INPUT... (-o OUT | --out-dir DIR) --model CKPT [--steps 10]
         [--device auto|cpu|cuda[:N]] [--half] [--method auto|rdbm|rddm] [--objective O]
         [--pi-mode residual|one|zero] [--schedule cosine|linear|sigmoid] [--lambda L]
         [--sum-scale S] [--initial-noise NOISE.npy]
         [--ema|--online] [--eta E --pi-noise residual|one|zero --seed N]
         [--seeds N [--uncertainty MAP.png]]
         [--tile N --overlap N] [--reference GT] [--trajectory DIR] [--report FILE.json]
         [--bit-depth 8|16] [--overwrite] [--recursive] [--record] [--allow-torchscript]
         [--quiet] [--help] [--version]

Restores photos with a Residual Diffusion Bridge Model (RDBM): the network predicts
the clean image and a short bridge sampler runs from the degraded input to it; or with a
Residual Denoising Diffusion Model (RDDM), whose sampler starts from the input plus noise.

Input and output:
  INPUT                  an image file, or a folder: its images (.png .jpg .tif .webp .bmp)
  -o, --out OUT          output file (a single input only); the extension picks the format
  --out-dir DIR          write each output as DIR/<input file name>; a folder's images as
                         DIR/<path inside the folder> (folders are created if missing)
  --recursive            folders: include the images of their subfolders
  --bit-depth 8|16       output bit depth (default: the input's; JPEG/WebP/BMP hold 8)
  --overwrite            replace existing outputs (inputs are never replaced); without it,
                         --out-dir skips images whose output exists and -o refuses to run
  --record               also write each output's run record as OUTPUT.json beside it
                         (the record is always embedded in PNG, JPEG, TIFF and WebP outputs;
                         the input's ICC profile and EXIF are kept too, see the README)
Model:
  --model CKPT           checkpoint (.pt/.pth zip, .safetensors; TorchScript needs the next option)
  --allow-torchscript    load a TorchScript model: such files run their own code, so only
                         for files you trust (loaded first in a separate process)
  --device D             auto (default), cpu, cuda or cuda:N
  --half                 float16 on CUDA
  --ema | --online       trainer checkpoints: EMA weights (default) or online weights
  --method M             auto (default: found from the file), rdbm or rddm
  --objective O          override what the network predicts: x0, pi_eps or eps (RDBM);
                         pred_res_noise, pred_res_add_noise, pred_x0_noise,
                         pred_x0_add_noise, pred_res or pred_noise (RDDM)
  --pi-mode P            override the noise coefficient pi: residual, one or zero
  --schedule S           override the schedule: cosine, linear or sigmoid
  --lambda L             override the stationary variance lambda, in (0, 100]
  --sum-scale S          RDDM: override the total noise variance sum_scale, in (0, 100]
Sampling:
  --steps N              network evaluations (default 10)
  --eta E                0 (default) is the deterministic sampler; up to 1 adds fresh noise
  --pi-noise P           scale of that noise per pixel: residual (default), one or zero
  --seed N               random seed of the noise (default 0)
  --seeds N              restore N times (2..64) with the seeds S, S+1, ..., S+N-1 (S from
                         --seed) and write their per-pixel mean; needs --eta above 0 (RDDM:
                         any eta, its first state is drawn from the seed)
  --uncertainty MAP.png  with --seeds: the runs' per-pixel standard deviation as a colour
                         heat map with a colour bar (white 0, red at the printed scale):
                         where the model is unsure; a single input only
  --initial-noise F.npy  RDDM: the first state's noise (float32, 1x3xHxW standard normal),
                         to reproduce a run made elsewhere; a single input only
  --tile N               tile size in pixels; 0 (default) tiles automatically when needed
  --overlap N            tile overlap in pixels (default 16)
  --border N|auto        reflected border around the photo in every network call, cut
                         off afterwards (default auto: 16 for models trained by
                         rdbm-train, 0 for other checkpoints, as their reference runs them)
  --no-global-context    tiles correct tone and haze each on their own (default: they take
                         the photo's coarse band from one downscaled whole-image call)
Diagnostics:
  --reference GT         ground truth: PSNR/SSIM of input and output are reported
  --trajectory DIR       per-step PNGs (x_t, predicted x0, pi*eps colour map) and float32
                         .npy stacks xt.npy [S+1,H,W,3] (frame 0 is the input), x0.npy,
                         pieps.npy [S,H,W,3]; with several inputs, in DIR/<input name>/
  --report FILE.json     paths, sizes, timings, metrics, model and device as JSON
  -q, --quiet            no progress output (errors are still printed)
  -h, --help             this text
  --version              version information

Exit codes: 0 success, 1 runtime failure, 2 usage error, 3 bad image, 4 bad checkpoint,
5 cancelled (Ctrl-C; the current image is abandoned, finished ones are kept).
)";
}

RestoreOptions parseRestoreOptions(const std::vector<std::string>& args) {
    RestoreOptions o;
    bool sawEma = false, sawOnline = false, onlyInputs = false;
    std::string objectiveName;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (onlyInputs || arg.size() < 2 || arg[0] != '-') {
            o.inputs.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyInputs = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        if (kFlags.count(name)) {
            if (inlineValue) usageError("option " + name + " takes no value");
            if (name == "--half") o.half = true;
            else if (name == "--ema") sawEma = true;
            else if (name == "--online") sawOnline = true;
            else if (name == "--overwrite") o.overwrite = true;
            else if (name == "--allow-torchscript") o.allowTorchScript = true;
            else if (name == "--no-global-context") o.globalContext = false;
            else if (name == "--recursive") o.recursive = true;
            else if (name == "--record") o.record = true;
            else if (name == "--quiet" || name == "-q") o.quiet = true;
            else if (name == "--help" || name == "-h") o.help = true;
            else if (name == "--version") o.version = true;
            continue;
        }
        if (!kValueOptions.count(name)) usageError("unknown option '" + name + "'");
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size()) usageError("option " + name + " needs a value");
            value = args[++i];
        }
        if (name == "-o" || name == "--out") o.output = value;
        else if (name == "--out-dir") o.outDir = value;
        else if (name == "--model") o.model = value;
        else if (name == "--steps") o.steps = static_cast<int>(parseInteger(name, value, 1, 10000));
        else if (name == "--device") {
            o.device = value;
            o.deviceSpec = parseNamed(name, value, parseDevice);
        } else if (name == "--objective") objectiveName = value;
        else if (name == "--method") {
            if (value != "auto") o.method = parseNamed(name, value, methodFromString);
        } else if (name == "--sum-scale") {
            o.sumScale = parseReal(name, value);
            if (!(*o.sumScale > 0.0 && *o.sumScale <= 100.0)) usageError("--sum-scale must be in (0, 100], got " + value);
        } else if (name == "--initial-noise") o.initialNoise = value;
        else if (name == "--pi-mode") o.piMode = parseNamed(name, value, piModeFromString);
        else if (name == "--schedule") o.schedule = parseNamed(name, value, scheduleKindFromString);
        else if (name == "--lambda") {
            o.lambda = parseReal(name, value);
            // The range a model's metadata may give it: beyond, the sampler's noise overflows.
            if (!(*o.lambda > 0.0 && *o.lambda <= 100.0)) usageError("--lambda must be in (0, 100], got " + value);
        } else if (name == "--eta") {
            o.eta = parseReal(name, value);
            if (o.eta < 0.0 || o.eta > 1.0) usageError("--eta must be between 0 and 1, got " + value);
        } else if (name == "--pi-noise") o.piNoise = parseNamed(name, value, piModeFromString);
        else if (name == "--seed") o.seed = parseSeed(name, value);
        else if (name == "--seeds") o.seeds = static_cast<int>(parseInteger(name, value, 2, kMaxSeedRuns));
        else if (name == "--uncertainty") o.uncertainty = value;
        else if (name == "--tile") o.tile = static_cast<int>(parseInteger(name, value, 0, 1 << 16));
        else if (name == "--overlap") o.overlap = static_cast<int>(parseInteger(name, value, 0, 1 << 15));
        else if (name == "--border") o.border = value == "auto" ? -1 : static_cast<int>(parseInteger(name, value, 0, 1024));
        else if (name == "--reference") o.reference = value;
        else if (name == "--trajectory") o.trajectoryDir = value;
        else if (name == "--report") o.reportPath = value;
        else if (name == "--bit-depth") {
            o.bitDepth = static_cast<int>(parseInteger(name, value, 8, 16));
            if (o.bitDepth != 8 && o.bitDepth != 16) usageError("--bit-depth must be 8 or 16, got " + value);
        }
    }
    if (sawEma && sawOnline) usageError("--ema and --online exclude each other");
    // Each method has its own objectives; pred_noise names one of both, the model decides.
    if (!objectiveName.empty()) {
        const bool rddmName = isRddmObjectiveName(objectiveName);
        if (rddmName && o.method != Method::Rdbm) o.rddmObjective = rddmObjectiveFromString(objectiveName);
        if (!rddmName || (objectiveName == "pred_noise" && o.method != Method::Rddm))
            o.objective = parseNamed("--objective", objectiveName, objectiveFromString);
        if (o.method == Method::Rdbm && rddmName && !o.objective)
            usageError("--objective " + objectiveName + " is RDDM's; RDBM's are x0, pi_eps and eps");
        if (o.method == Method::Rddm && !o.rddmObjective)
            usageError("--objective " + objectiveName + " is RDBM's; RDDM's are pred_res_noise, pred_res_add_noise, "
                       "pred_x0_noise, pred_x0_add_noise, pred_res and pred_noise");
    }
    o.preferEma = !sawOnline;
    if (o.help || o.version) return o;

    if (o.inputs.empty()) usageError("no input image given");
    if (o.model.empty()) usageError("--model CKPT is required");
    if (!o.output.empty() && !o.outDir.empty()) usageError("give either -o OUT or --out-dir DIR, not both");
    if (o.output.empty() && o.outDir.empty()) usageError("give -o OUT (one input) or --out-dir DIR");
    if (!o.output.empty() && o.inputs.size() > 1)
        usageError("-o takes a single input, got " + std::to_string(o.inputs.size()) + "; use --out-dir DIR");
    const bool anyFolder = std::any_of(o.inputs.begin(), o.inputs.end(), isFolder);
    if (!o.output.empty() && anyFolder) usageError(o.inputs[0] + " is a folder: use --out-dir DIR for its images");
    if (!o.reference.empty() && anyFolder) usageError("--reference needs a single input image, not a folder");
    if (!o.output.empty() && !isSupportedImageExtension(o.output))
        usageError("cannot tell the output format of '" + o.output + "' (use .png, .jpg, .tif, .webp or .bmp)");
    if (!o.reference.empty() && o.inputs.size() > 1) usageError("--reference needs a single input");
    if (!o.initialNoise.empty() && o.inputs.size() > 1) usageError("--initial-noise needs a single input");
    if (!o.initialNoise.empty() && o.method == Method::Rdbm)
        usageError("--initial-noise is for RDDM models; RDBM starts from the degraded image alone");
    if (!o.uncertainty.empty() && o.seeds == 0) usageError("--uncertainty needs --seeds N (2..64): the map is their spread");
    // An auto-detected RDDM model varies with the seed even at eta = 0: checked when it is loaded.
    if (o.seeds != 0 && o.method == Method::Rdbm && !(o.eta > 0.0))
        usageError("--seeds needs --eta above 0: with eta = 0 the bridge sampler is deterministic, so every seed gives "
                   "the same image");
    if (o.seeds != 0 && !o.trajectoryDir.empty()) usageError("--trajectory records one run; it cannot be combined with --seeds");
    if (!o.uncertainty.empty()) {
        if (o.inputs.size() > 1 || anyFolder) usageError("--uncertainty needs a single input image");
        std::string ext = o.uncertainty.size() >= 4 ? o.uncertainty.substr(o.uncertainty.size() - 4) : std::string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext != ".png") usageError("--uncertainty writes a PNG heat map; give a .png file, got '" + o.uncertainty + "'");
    }
    if (o.tile != 0 && o.tile < 8) usageError("--tile must be 0 (automatic) or at least 8, got " + std::to_string(o.tile));
    if (o.tile != 0 && 2 * o.overlap > o.tile)
        usageError("--overlap " + std::to_string(o.overlap) + " must be at most half of --tile " + std::to_string(o.tile));
    plannedOutputs(o); // names every output now: a bad one is a usage error before any work
    return o;
}

std::vector<std::string> plannedOutputs(const RestoreOptions& options) {
    if (!options.output.empty()) return {options.output};
    std::vector<std::string> outputs;
    std::set<std::string> seen;
    std::string dir = options.outDir;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    for (const std::string& input : options.inputs) {
        if (isFolder(input)) continue;
        const std::string name = fileNameOf(input);
        if (name.empty() || !isSupportedImageExtension(name))
            usageError("cannot name an output after '" + input +
                       "' (no .png/.jpg/.tif/.webp/.bmp extension); use -o for it");
        if (!seen.insert(name).second)
            usageError("two inputs are named '" + name + "': their outputs in " + options.outDir + " would collide");
        outputs.push_back(dir == "/" ? "/" + name : dir + "/" + name);
    }
    return outputs;
}

} // namespace rdbm::cli

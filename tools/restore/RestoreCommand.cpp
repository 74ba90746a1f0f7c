#include "RestoreCommand.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include <opencv2/core.hpp>

#include "NpyFile.h"
#include "Report.h"
#include "Trajectory.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Metrics.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace rdbm::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

std::string fileNameOf(const std::string& path) { return fs::path(path).filename().string(); }

std::string fixed(double v, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

// Where an image's trajectory goes: DIR itself for one input, DIR/<input file name> for
// several (file names are unique then: --out-dir names outputs by them).
std::string trajectoryDirFor(const RestoreOptions& o, size_t index) {
    if (o.trajectoryDir.empty()) return {};
    if (o.inputs.size() == 1) return o.trajectoryDir;
    return o.trajectoryDir + "/" + fileNameOf(o.inputs[index]);
}

// One spelling per location ("./a.png", "a.png" and "x/../a.png" agree), for comparing
// paths that may not exist yet.
std::string normalized(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? path : p.string();
}

// Everything this run would write, checked before the model loads and before anything
// is written: no two outputs in one place, nothing replaces an input (even with
// --overwrite), nothing existing is replaced without --overwrite, and nothing that is
// not a regular file (a device, a named pipe, a directory) is ever replaced.
void checkOutputPaths(const RestoreOptions& o, const std::vector<std::string>& outputs) {
    const auto isInput = [&](const std::string& path) {
        for (const std::string& in : o.inputs)
            if (sameFile(path, in)) return true;
        return !o.reference.empty() && sameFile(path, o.reference);
    };
    if (!o.reportPath.empty())
        for (const std::string& out : outputs)
            if (normalized(out) == normalized(o.reportPath) || sameFile(out, o.reportPath))
                throw Error(ErrorKind::Usage, "--report " + o.reportPath + " is also an output image");
    std::vector<std::string> targets = outputs;
    if (!o.reportPath.empty()) targets.push_back(o.reportPath);
    for (size_t i = 0; i < o.inputs.size() && !o.trajectoryDir.empty(); ++i)
        for (const std::string& name : trajectoryFileNames(o.steps))
            targets.push_back(trajectoryDirFor(o, i) + "/" + name);
    std::map<std::string, std::string> seen; // normalized -> as given
    for (const std::string& t : targets) {
        const auto [it, fresh] = seen.emplace(normalized(t), t);
        if (!fresh) throw Error(ErrorKind::Usage, t + ": two outputs of this run would be written there");
        if (isInput(t)) throw Error(ErrorKind::Usage, t + ": is an input of this run; refusing to overwrite it");
        std::error_code ec;
        const auto status = fs::status(t, ec);
        if (exists(t) && fs::exists(status) && !fs::is_regular_file(status))
            throw Error(ErrorKind::Usage, t + ": exists and is not a regular file (a directory, device or named pipe); "
                                              "refusing to replace it, even with --overwrite");
        if (!o.overwrite && exists(t)) throw Error(ErrorKind::Usage, t + ": already exists (use --overwrite to replace it)");
    }
}

void makeDirectory(const std::string& dir, const char* what) {
    if (dir.empty()) return;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) throw Error(ErrorKind::Runtime, dir + ": cannot create the " + what + ": " + ec.message());
}

// What writeImage stores: 16 bits only in PNG and TIFF.
int storedBitDepth(const std::string& path, int requested) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool wide = ext == ".png" || ext == ".tif" || ext == ".tiff";
    return requested == 16 && wide ? 16 : 8;
}

QualityMetrics measure(const cv::Mat& image, const cv::Mat& reference) {
    return {psnr(image, reference), ssim(image, reference)};
}

std::string metricsText(const QualityMetrics& m) {
    const std::string p = std::isinf(m.psnr) ? "inf" : fixed(m.psnr, 2);
    return "PSNR " + p + " dB, SSIM " + fixed(m.ssim, 4);
}

class RestoreRun {
public:
    RestoreRun(const RestoreOptions& o, ProgressReporter& progress, const std::atomic<bool>& cancel)
        : o_(o), progress_(progress), cancel_(cancel) {
        run_.options = &o;
    }

    int execute() {
        const auto started = Clock::now();
        try {
            outputs_ = plannedOutputs(o_);
            checkOutputPaths(o_, outputs_);
            pathsChecked_ = true;
            makeDirectory(o_.outDir, "output folder");
            loadModel();
            loadReference();
            for (size_t i = 0; i < o_.inputs.size(); ++i) {
                if (cancel_.load()) {
                    fail(ErrorKind::Cancelled, "cancelled before " + o_.inputs[i]);
                    break;
                }
                if (!restoreOne(i)) break;
            }
        } catch (const Error& e) {
            progress_.error(e.what());
            fail(e.kind(), e.what());
            run_.error = e.what();
        }
        run_.totalSeconds = secondsSince(started);
        writeReport();
        return run_.exitCode;
    }

private:
    void fail(ErrorKind kind, const std::string&) {
        if (run_.exitCode == kExitOk) run_.exitCode = exitCodeFor(kind);
    }

    void loadModel() {
        LoadOptions lo;
        lo.device = o_.deviceSpec;
        lo.half = o_.half;
        lo.preferEma = o_.preferEma;
        lo.objective = o_.objective;
        lo.piMode = o_.piMode;
        lo.scheduleKind = o_.schedule;
        lo.lambda = o_.lambda;
        lo.method = o_.method;
        lo.rddmObjective = o_.rddmObjective;
        lo.sumScale = o_.sumScale;
        lo.allowTorchScript = o_.allowTorchScript;
        const auto t0 = Clock::now();
        model_ = Model::load(o_.model, lo);
        run_.loadSeconds = secondsSince(t0);
        const ModelInfo& info = model_->info();
        run_.model = info;
        run_.deviceResolved = model_->device();
        run_.deviceDescription = describeDevice(parseDevice(model_->device()));
        const bool rddm = info.metadata.method == Method::Rddm;
        const int T = rddm ? model_->rddmSchedule().T() : model_->schedule().T();
        if (o_.steps > T)
            throw Error(ErrorKind::Usage,
                        "--steps " + std::to_string(o_.steps) + " exceeds the model's T = " + std::to_string(T));
        if (!rddm && !o_.initialNoise.empty())
            throw Error(ErrorKind::Usage, "--initial-noise is for RDDM models; " + o_.model + " is an RDBM model");
        if (rddm) {
            const RddmParams& r = info.metadata.rddm;
            progress_.message("model " + o_.model + ": RDDM, " + info.format + " " + info.layout + ", UnetRes share_encoder " +
                              std::to_string(r.shareEncoder) + ", dim " + std::to_string(info.config.dim) + ", " +
                              fixed(info.parameterCount / 1e6, 2) + "M parameters, predicts " + toString(r.objective) +
                              ", T " + std::to_string(r.T) + ", sum_scale " + fixed(r.sumScale, 4) + "; " +
                              run_.deviceDescription + "; loaded in " + fixed(run_.loadSeconds, 2) + " s");
            return;
        }
        progress_.message("model " + o_.model + ": " + info.format + " " + info.layout + ", dim " +
                          std::to_string(info.config.dim) + ", " + fixed(info.parameterCount / 1e6, 2) +
                          "M parameters, predicts " + toString(info.metadata.objective) + ", pi " +
                          toString(info.metadata.piMode) + ", lambda " + fixed(info.metadata.schedule.lambda, 5) +
                          "; " + run_.deviceDescription + "; loaded in " + fixed(run_.loadSeconds, 2) + " s");
    }

    void loadReference() {
        if (o_.reference.empty()) return;
        reference_ = readImage(o_.reference).rgb;
    }

    // Returns false when the run must stop (cancelled).
    bool restoreOne(size_t index) {
        const auto started = Clock::now();
        ImageRecord rec;
        rec.input = o_.inputs[index];
        rec.output = outputs_[index];
        rec.reference = o_.reference;
        bool goOn = true;
        try {
            Image image = readImage(rec.input);
            rec.readSeconds = secondsSince(started);
            rec.width = image.rgb.cols;
            rec.height = image.rgb.rows;
            rec.bitDepth = image.bitDepth;
            rec.grayscale = image.grayscale;
            rec.alpha = !image.alpha.empty();
            if (!reference_.empty() && reference_.size() != image.rgb.size())
                throw Error(ErrorKind::Image, o_.reference + ": reference is " + std::to_string(reference_.cols) + "x" +
                                                  std::to_string(reference_.rows) + " but " + rec.input + " is " +
                                                  std::to_string(rec.width) + "x" + std::to_string(rec.height));

            SamplerOptions so;
            so.steps = o_.steps;
            so.eta = o_.eta;
            so.noiseModulation = o_.piNoise;
            so.seed = o_.seed;
            so.tileSize = o_.tile;
            so.tileOverlap = o_.overlap;
            so.globalContext = o_.globalContext;
            if (!o_.initialNoise.empty()) so.initialNoise = initialNoise(rec.width, rec.height);
            so.emitFrames = !o_.trajectoryDir.empty();
            std::unique_ptr<TrajectoryRecorder> trajectory;
            if (so.emitFrames) trajectory = std::make_unique<TrajectoryRecorder>(image.rgb);

            progress_.beginImage(static_cast<int>(index + 1), static_cast<int>(o_.inputs.size()), rec.input, o_.steps);
            const auto restoreStarted = Clock::now();
            const RestoreResult result = restore(*model_, image.rgb, so, [&](const StepFrame& f) {
                rec.stepSeconds.push_back(f.stepSeconds);
                progress_.step(f.step, f.steps, f.t, f.stepSeconds);
                if (trajectory) trajectory->add(f);
                return !cancel_.load();
            }, [&](const TileProgress& p) {
                // Ctrl-C is noticed between tiles, so it takes effect within a tile's time.
                if (p.tiles > 1) progress_.tile(p.step, p.steps, p.tile, p.tiles);
                return !cancel_.load();
            });
            rec.restoreSeconds = secondsSince(restoreStarted);
            progress_.endImage();
            rec.networkCalls = result.networkCalls;
            rec.tiles = result.tiles;
            rec.tileSize = result.tileSize;

            Image out;
            out.rgb = result.image;
            out.alpha = image.alpha;
            out.bitDepth = image.bitDepth;
            out.grayscale = image.grayscale;
            WriteOptions wo;
            wo.bitDepth = o_.bitDepth;
            wo.overwrite = o_.overwrite;
            const auto writeStarted = Clock::now();
            writeImage(rec.output, out, wo);
            rec.writeSeconds = secondsSince(writeStarted);
            rec.outputBitDepth = storedBitDepth(rec.output, wo.bitDepth ? wo.bitDepth : image.bitDepth);

            std::string metrics;
            if (!reference_.empty()) {
                try {
                    rec.inputMetrics = measure(image.rgb, reference_);
                    rec.outputMetrics = measure(result.image, reference_);
                    metrics = "; input " + metricsText(*rec.inputMetrics) + " -> output " + metricsText(*rec.outputMetrics);
                } catch (const Error& e) {
                    progress_.message("metrics unavailable: " + std::string(e.what()));
                }
            }
            if (trajectory) {
                rec.trajectoryDir = trajectoryDirFor(o_, index);
                trajectory->write(rec.trajectoryDir, o_.overwrite);
                rec.trajectoryFrames = trajectory->frames();
            }
            rec.status = "ok";
            rec.totalSeconds = secondsSince(started);
            progress_.message("wrote " + rec.output + " (" + std::to_string(rec.width) + "x" + std::to_string(rec.height) +
                              ", " + std::to_string(rec.networkCalls) + " network calls" +
                              (rec.tileSize ? " in " + std::to_string(rec.tiles) + " tiles of " + std::to_string(rec.tileSize) : "") +
                              ", " + ProgressReporter::formatDuration(rec.restoreSeconds) + ")" + metrics);
        } catch (const Error& e) {
            progress_.endImage();
            rec.status = e.kind() == ErrorKind::Cancelled ? "cancelled" : "error";
            rec.error = e.what();
            rec.totalSeconds = secondsSince(started);
            progress_.error(e.kind() == ErrorKind::Cancelled ? rec.input + ": cancelled" : std::string(e.what()));
            fail(e.kind(), e.what());
            goOn = e.kind() != ErrorKind::Cancelled;
        } catch (const std::exception& e) { // OpenCV or allocation failures outside the core's checks
            progress_.endImage();
            rec.status = "error";
            rec.error = rec.input + ": " + e.what();
            progress_.error(rec.error);
            fail(ErrorKind::Runtime, rec.error);
        }
        run_.images.push_back(rec);
        return goOn;
    }

    void writeReport() {
        // A refused path conflict: nothing at all is written, the report included.
        if (o_.reportPath.empty() || !pathsChecked_) return;
        // Inputs never reached are listed as skipped so the report covers the whole run.
        for (size_t i = run_.images.size(); i < o_.inputs.size(); ++i) {
            ImageRecord rec;
            rec.input = o_.inputs[i];
            rec.output = i < outputs_.size() ? outputs_[i] : std::string();
            rec.status = "skipped";
            run_.images.push_back(rec);
        }
        try {
            const std::string text = reportJson(run_).dump(2) + "\n";
            // A refused path was already reported before the run; never replace it now.
            if (run_.exitCode == kExitUsage && !o_.overwrite && exists(o_.reportPath)) return;
            for (const std::string& in : o_.inputs)
                if (sameFile(o_.reportPath, in)) return;
            writeFileAtomic(o_.reportPath, std::vector<unsigned char>(text.begin(), text.end()), o_.overwrite);
        } catch (const Error& e) {
            progress_.error(e.what());
            fail(ErrorKind::Runtime, e.what());
        }
    }

    const RestoreOptions& o_;
    ProgressReporter& progress_;
    const std::atomic<bool>& cancel_;
    RunRecord run_;
    std::vector<std::string> outputs_;
    bool pathsChecked_ = false; // checkOutputPaths passed: the outputs may be written
    // --initial-noise: 1x3xHxW (or 3xHxW) float32 for an image of width x height.
    std::vector<float> initialNoise(int width, int height) const {
        NpyArray a = readNpyFloat32(o_.initialNoise);
        std::vector<int64_t> shape = a.shape;
        if (shape.size() == 4 && shape[0] == 1) shape.erase(shape.begin());
        if (shape != std::vector<int64_t>{3, height, width}) {
            std::string found;
            for (size_t i = 0; i < a.shape.size(); ++i) found += (i ? "x" : "") + std::to_string(a.shape[i]);
            throw Error(ErrorKind::Usage, o_.initialNoise + ": the noise has shape " + (found.empty() ? "()" : found) +
                                              "; the image needs 1x3x" + std::to_string(height) + "x" +
                                              std::to_string(width));
        }
        return std::move(a.values);
    }

    std::shared_ptr<Model> model_;
    cv::Mat reference_;
};

} // namespace

int exitCodeFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Usage: return kExitUsage;
    case ErrorKind::Image: return kExitBadImage;
    case ErrorKind::Checkpoint: return kExitBadCheckpoint;
    case ErrorKind::Cancelled: return kExitCancelled;
    case ErrorKind::Runtime: return kExitRuntime;
    }
    return kExitRuntime;
}

int runRestore(const RestoreOptions& options, ProgressReporter& progress, const std::atomic<bool>& cancel) {
    return RestoreRun(options, progress, cancel).execute();
}

} // namespace rdbm::cli

#include "RestoreCommand.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "BatchPlan.h"
#include "NpyFile.h"
#include "Report.h"
#include "Trajectory.h"
#include "UncertaintyMap.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Metrics.h"
#include "rdbm/Model.h"
#include "rdbm/RestoreRecord.h"
#include "rdbm/Sampler.h"
#include "rdbm/Sha256.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

std::string fixed(double v, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

// Where an image's trajectory goes: DIR itself for one input, DIR/<output name> for
// several (output names are unique: BatchPlan refuses collisions).
std::string trajectoryDirFor(const RestoreOptions& o, const std::vector<PlannedImage>& plan, size_t index) {
    if (o.trajectoryDir.empty()) return {};
    if (plan.size() == 1) return o.trajectoryDir;
    return o.trajectoryDir + "/" + plan[index].name;
}

// --record: the run record's file beside an output.
std::string recordPathFor(const std::string& output) { return output + ".json"; }

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
// not a regular file (a device, a named pipe, a directory) is ever replaced. With
// --out-dir and without --overwrite, an image whose output exists is skipped (marked in
// `skipped`, its other files unchecked) instead of stopping the run: a batch resumes.
void checkOutputPaths(const RestoreOptions& o, const std::vector<PlannedImage>& plan, std::vector<bool>& skipped) {
    const auto isInput = [&](const std::string& path) {
        for (const std::string& in : o.inputs)
            if (sameFile(path, in)) return true;
        return !o.reference.empty() && sameFile(path, o.reference);
    };
    if (!o.reportPath.empty())
        for (const PlannedImage& p : plan)
            if (normalized(p.output) == normalized(o.reportPath) || sameFile(p.output, o.reportPath))
                throw Error(ErrorKind::Usage, "--report " + o.reportPath + " is also an output image");
    skipped.assign(plan.size(), false);
    std::vector<std::string> targets;
    for (size_t i = 0; i < plan.size(); ++i) {
        const std::string& out = plan[i].output;
        std::error_code ec;
        if (o.output.empty() && !o.overwrite && exists(out) && fs::is_regular_file(fs::status(out, ec)) && !isInput(out)) {
            skipped[i] = true;
            continue;
        }
        targets.push_back(out);
        if (o.record) targets.push_back(recordPathFor(out));
        if (!o.uncertainty.empty()) targets.push_back(o.uncertainty);
        if (!o.trajectoryDir.empty())
            for (const std::string& name : trajectoryFileNames(o.steps))
                targets.push_back(trajectoryDirFor(o, plan, i) + "/" + name);
    }
    if (!o.reportPath.empty()) targets.push_back(o.reportPath);
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
        run_.options = &o_;
    }

    int execute() {
        const auto started = Clock::now();
        try {
            plannedOutputs(o_); // the parser's checks, for callers that skipped it
            plan_ = planImages(o_);
            // From here on the inputs are the images, folders expanded.
            o_.inputs.clear();
            for (const PlannedImage& p : plan_) {
                o_.inputs.push_back(p.input);
                outputs_.push_back(p.output);
            }
            std::vector<bool> skipped;
            checkOutputPaths(o_, plan_, skipped);
            pathsChecked_ = true;
            for (size_t i = 0; i < plan_.size(); ++i)
                if (skipped[i]) progress_.message("skipping " + plan_[i].input + ": " + plan_[i].output +
                                                  " already exists (--overwrite replaces it)");
            const bool anyToDo = std::find(skipped.begin(), skipped.end(), false) != skipped.end();
            makeDirectory(o_.outDir, "output folder");
            if (anyToDo) {
                loadModel();
                loadReference();
            }
            for (size_t i = 0; i < o_.inputs.size(); ++i) {
                if (skipped[i]) {
                    skip(i, "output exists");
                    continue;
                }
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
        summarize();
        return run_.exitCode;
    }

private:
    void fail(ErrorKind kind, const std::string&) {
        if (run_.exitCode == kExitOk) run_.exitCode = exitCodeFor(kind);
    }

    void skip(size_t index, const std::string& why) {
        ImageRecord rec;
        rec.input = o_.inputs[index];
        rec.output = outputs_[index];
        rec.status = "skipped";
        rec.error = why;
        run_.images.push_back(rec);
    }

    // The closing line of a batch: what was done, skipped and failed, and how long it took.
    void summarize() {
        if (!pathsChecked_ || plan_.size() < 2) return;
        int done = 0, skipped = 0, failed = 0;
        for (const ImageRecord& r : run_.images) {
            if (r.status == "ok") ++done;
            else if (r.status == "skipped") ++skipped;
            else ++failed;
        }
        const int notReached = static_cast<int>(plan_.size()) - done - skipped - failed;
        progress_.message("summary: " + std::to_string(done) + " done, " + std::to_string(skipped) + " skipped, " +
                          std::to_string(failed) + " failed" +
                          (notReached > 0 ? ", " + std::to_string(notReached) + " not reached" : "") + " of " +
                          std::to_string(plan_.size()) + " in " + ProgressReporter::formatDuration(run_.totalSeconds));
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
        modelSha256_ = sha256File(o_.model); // for every output's run record
        const bool rddm = info.metadata.method == Method::Rddm;
        const int T = rddm ? model_->rddmSchedule().T() : model_->schedule().T();
        if (o_.steps > T)
            throw Error(ErrorKind::Usage,
                        "--steps " + std::to_string(o_.steps) + " exceeds the model's T = " + std::to_string(T));
        if (!rddm && !o_.initialNoise.empty())
            throw Error(ErrorKind::Usage, "--initial-noise is for RDDM models; " + o_.model + " is an RDBM model");
        if (o_.seeds > 0) {
            SamplerOptions so;
            so.eta = o_.eta;
            so.noiseModulation = o_.piNoise;
            if (!o_.initialNoise.empty()) so.initialNoise.resize(1); // only whether one is given matters here
            if (const std::string why = whyDeterministic(*model_, so); !why.empty())
                throw Error(ErrorKind::Usage, "--seeds: " + why);
        }
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
            so.borderPad = o_.border;
            so.globalContext = o_.globalContext;
            if (!o_.initialNoise.empty()) so.initialNoise = initialNoise(rec.width, rec.height);
            so.emitFrames = !o_.trajectoryDir.empty();
            std::unique_ptr<TrajectoryRecorder> trajectory;
            if (so.emitFrames) trajectory = std::make_unique<TrajectoryRecorder>(image.rgb);

            const auto restoreStarted = Clock::now();
            const StepCallback onStep = [&](const StepFrame& f) {
                rec.stepSeconds.push_back(f.stepSeconds);
                progress_.step(f.step, f.steps, f.t, f.stepSeconds);
                if (trajectory) trajectory->add(f);
                return !cancel_.load();
            };
            const TileCallback onTile = [&](const TileProgress& p) {
                // Ctrl-C is noticed between tiles, so it takes effect within a tile's time.
                if (p.tiles > 1) progress_.tile(p.step, p.steps, p.tile, p.tiles);
                return !cancel_.load();
            };
            RestoreResult result;
            UncertaintyResult spread;
            if (o_.seeds > 0) {
                // --seeds: one progress line (or bar) per run, then the mean as the output.
                spread = restoreSeeds(*model_, image.rgb, so, o_.seeds, onStep, onTile, [&](const SeedProgress& p) {
                    if (p.run > 1) progress_.endImage();
                    progress_.beginImage(static_cast<int>(index + 1), static_cast<int>(o_.inputs.size()),
                                         rec.input + " (seed " + std::to_string(p.seed) + ", run " +
                                             std::to_string(p.run) + "/" + std::to_string(p.runs) + ")",
                                         o_.steps);
                    return !cancel_.load();
                });
                result.image = spread.mean;
                result.networkCalls = spread.networkCalls;
                result.tiles = spread.tiles;
                result.tileSize = spread.tileSize;
                result.processedAreaRatio = spread.processedAreaRatio;
                result.borderPad = spread.borderPad;
                rec.seeds = spread.runs;
                rec.firstSeed = spread.firstSeed;
                rec.maxStd = spread.maxStd;
                rec.meanStd = spread.meanStd;
            } else {
                progress_.beginImage(static_cast<int>(index + 1), static_cast<int>(o_.inputs.size()), rec.input,
                                     o_.steps);
                result = restore(*model_, image.rgb, so, onStep, onTile);
            }
            rec.restoreSeconds = secondsSince(restoreStarted);
            progress_.endImage();
            rec.networkCalls = result.networkCalls;
            rec.tiles = result.tiles;
            rec.tileSize = result.tileSize;
            rec.processedAreaRatio = result.processedAreaRatio;
            rec.borderPad = result.borderPad;

            Image out;
            out.rgb = result.image;
            out.alpha = image.alpha;
            out.bitDepth = image.bitDepth;
            out.grayscale = image.grayscale;
            out.metadata = image.metadata; // ICC profile and EXIF (orientation already applied)
            const RestoreRecord record = makeRestoreRecord(*model_, modelSha256_, so, o_.seeds, result.tileSize);
            WriteOptions wo;
            wo.bitDepth = o_.bitDepth;
            wo.overwrite = o_.overwrite;
            wo.record = toJson(record);
            const auto writeStarted = Clock::now();
            // A folder's subfolders, recreated under --out-dir.
            if (!o_.outDir.empty()) makeDirectory(fs::path(rec.output).parent_path().string(), "output folder");
            for (const std::string& note : writeImage(rec.output, out, wo)) progress_.message(note);
            if (o_.record) {
                const std::string text = nlohmann::ordered_json::parse(wo.record).dump(2) + "\n";
                writeFileAtomic(recordPathFor(rec.output), std::vector<unsigned char>(text.begin(), text.end()),
                                o_.overwrite);
            }
            std::string spreadText;
            if (o_.seeds > 0) {
                const float scale = uncertaintyScale(spread.stdDev);
                rec.stdScale = scale;
                if (!o_.uncertainty.empty()) {
                    Image map;
                    map.rgb = uncertaintyHeatMap(spread.stdDev, scale);
                    map.bitDepth = 8;
                    WriteOptions mo;
                    mo.overwrite = o_.overwrite;
                    writeImage(o_.uncertainty, map, mo);
                    rec.uncertaintyPath = o_.uncertainty;
                }
                spreadText = "; " + std::to_string(spread.runs) + " seeds " + std::to_string(spread.firstSeed) + ".." +
                             std::to_string(spread.firstSeed + static_cast<std::uint64_t>(spread.runs - 1)) +
                             ", std max " + fixed(spread.maxStd, 4) + " mean " + fixed(spread.meanStd, 4) +
                             " (0-1 units; map scale " + fixed(scale, 4) + ")" +
                             (o_.uncertainty.empty() ? std::string() : ", map " + o_.uncertainty);
            }
            rec.writeSeconds = secondsSince(writeStarted);
            rec.record = wo.record;
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
                rec.trajectoryDir = trajectoryDirFor(o_, plan_, index);
                trajectory->write(rec.trajectoryDir, o_.overwrite);
                rec.trajectoryFrames = trajectory->frames();
            }
            rec.status = "ok";
            rec.totalSeconds = secondsSince(started);
            progress_.message("wrote " + rec.output + " (" + std::to_string(rec.width) + "x" + std::to_string(rec.height) +
                              ", " + std::to_string(rec.networkCalls) + " network calls" +
                              (rec.tileSize ? " in " + std::to_string(rec.tiles) + " tiles of " + std::to_string(rec.tileSize) : "") +
                              ", " + ProgressReporter::formatDuration(rec.restoreSeconds) + ")" + metrics + spreadText);
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

    RestoreOptions o_; // a copy: the run replaces folder inputs by their images
    ProgressReporter& progress_;
    const std::atomic<bool>& cancel_;
    RunRecord run_;
    std::vector<PlannedImage> plan_;
    std::vector<std::string> outputs_;
    std::string modelSha256_;
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

// rdbm::restore (rdbm/Sampler.h): image in, image out, through the bridge sampler, with automatic
// tiling and a per-step callback. Runs entirely under InferenceMode so it can be
// called from any thread on a shared Model.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>
#include <optional>

#include <torch/torch.h>

#include "model/ModelImpl.h"
#include "rdbm/Error.h"
#include "rdbm/Sampler.h"
#include "sampler/GlobalContextDenoiser.h"
#include "sampler/ImageTensor.h"
#include "sampler/RddmSampler.h"
#include "sampler/RdbmSampler.h"
#include "sampler/TiledDenoiser.h"
#include "sampler/TilePlan.h"

namespace rdbm {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The reflected border each network call gets (SamplerOptions::borderPad): the project's
// own models were measured better with it; a foreign checkpoint runs as its reference runs it.
constexpr int kTrainedModelBorder = 16;

int resolveBorderPad(const SamplerOptions& o, const ModelInfo& info, int height, int width) {
    if (o.borderPad < -1 || o.borderPad > 1024)
        throw Error(ErrorKind::Usage, "the border must be in 0..1024 pixels (or -1 for automatic), got " +
                                          std::to_string(o.borderPad));
    int pad = o.borderPad;
    if (pad < 0) {
        const auto it = info.metadata.provenance.find("trainer");
        pad = it != info.metadata.provenance.end() && it->second.rfind("rdbm-train", 0) == 0 ? kTrainedModelBorder : 0;
    }
    return std::min({pad, height - 1, width - 1}); // reflection needs a pad smaller than the side
}

} // namespace

RestoreResult restore(const Model& model, const cv::Mat& input, const SamplerOptions& options,
                      const StepCallback& onStep, const TileCallback& onTile) {
    const auto started = Clock::now();
    const Model::Impl& impl = model.impl();
    if (!impl.network) throw Error(ErrorKind::Runtime, "restore: the model has no network loaded");

    SamplerSettings settings;
    settings.objective = impl.info.metadata.objective;
    settings.modelPi = impl.info.metadata.piMode;
    settings.steps = options.steps;
    settings.eta = options.eta;
    settings.noiseModulation = options.noiseModulation;
    settings.seed = options.seed;
    // One of the two methods' samplers, by the model (both validate steps and eta).
    const bool rddm = impl.info.metadata.method == Method::Rddm;
    std::optional<RdbmSampler> rdbmSampler;
    std::optional<RddmSampler> rddmSampler;
    if (rddm)
        rddmSampler.emplace(impl.rddmSchedule,
                            RddmSamplerSettings{impl.info.metadata.rddm.objective, options.steps, options.eta, options.seed});
    else
        rdbmSampler.emplace(impl.schedule, settings);
    const auto& stepPairs = rddm ? rddmSampler->stepPairs() : rdbmSampler->stepPairs();
    if (!rddm && !options.initialNoise.empty())
        throw Error(ErrorKind::Usage, "an initial noise is for RDDM models; RDBM starts from the degraded image alone");

    if (input.empty()) throw Error(ErrorKind::Usage, "restore: the input image is empty");
    const int pad = resolveBorderPad(options, impl.info, input.rows, input.cols);
    // Every network call sees the padded photo, so tiling plans for that size.
    const int callRows = input.rows + 2 * pad, callCols = input.cols + 2 * pad;
    // The cost model needs the network's layers, which a TorchScript file does not list.
    const int factor = impl.info.config.downsampleFactor();
    const bool globalContext = options.globalContext && !rddm && settings.objective == Objective::X0;
    const TilingPlan plan = planTiling(callRows, callCols, options,
                                       impl.info.format == "torchscript" ? nullptr : &impl.info.config, factor,
                                       globalContext);

    RestoreResult result;
    result.tiles = plan.tiles;
    result.tileSize = plan.tileSize;
    result.processedAreaRatio = plan.processedAreaRatio; // 1 for a whole call
    result.borderPad = pad;
    if (plan.tileSize > 0) {
        const TileGrid grid = makeTileGrid(callRows, callCols, plan.tileSize, options.tileOverlap);
        const cv::Rect photo(0, 0, input.cols, input.rows);
        for (const int64_t y : grid.rows.starts)
            for (const int64_t x : grid.cols.starts) {
                const cv::Rect tile(static_cast<int>(x) - pad, static_cast<int>(y) - pad,
                                    static_cast<int>(grid.cols.length), static_cast<int>(grid.rows.length));
                const cv::Rect onPhoto = tile & photo;
                if (!onPhoto.empty()) result.tileRects.push_back(onPhoto);
            }
    }
    try {
        c10::InferenceMode inference;
        const torch::Tensor mu = imageToModelTensor(input, impl.device);
        torch::Tensor initialNoise;
        if (!options.initialNoise.empty()) {
            if (static_cast<int64_t>(options.initialNoise.size()) != mu.numel())
                throw Error(ErrorKind::Usage, "the initial noise has " + std::to_string(options.initialNoise.size()) +
                                                  " values; the image needs 1 x 3 x " + std::to_string(input.rows) +
                                                  " x " + std::to_string(input.cols) + " = " +
                                                  std::to_string(mu.numel()));
            initialNoise = torch::from_blob(const_cast<float*>(options.initialNoise.data()), mu.sizes(),
                                            torch::TensorOptions().dtype(torch::kFloat32))
                               .clone()
                               .to(impl.device);
        }
        // The sampler calls the network once per step, so counting calls names the step
        // that tile progress belongs to.
        const int steps = static_cast<int>(stepPairs.size());
        int step = 0;
        const auto reportTiles = [&](int64_t done, int64_t total) {
            if (!onTile) return true;
            TileProgress p;
            p.step = step;
            p.steps = steps;
            p.tile = static_cast<int>(done);
            p.tiles = static_cast<int>(total);
            return onTile(p);
        };
        // Every tile and the global-context pass see the whole photo's statistics.
        const Denoiser network = impl.bindToPhoto ? impl.bindToPhoto(mu) : impl.network;
        Denoiser inner = network;
        if (plan.tileSize != 0) {
            if (options.tileWorkers < 0)
                throw Error(ErrorKind::Usage, "tile workers must not be negative, got " + std::to_string(options.tileWorkers));
            const int workers = options.tileWorkers > 0 ? options.tileWorkers : at::get_num_threads();
            inner = TiledDenoiser(network, plan.tileSize, options.tileOverlap, plan.maxBatch, reportTiles,
                                  std::max(1, workers));
            if (globalContext)
                inner = GlobalContextDenoiser(
                    inner, network,
                    globalContextFactor(callRows, callCols, globalContextBudget(options, factor)));
        }
        const Denoiser net = [&, inner](const torch::Tensor& x, const torch::Tensor& m, int64_t t) {
            ++step;
            torch::Tensor out;
            if (pad > 0) {
                // The sampler's state stays the photo's size; only the call sees the border.
                const std::vector<int64_t> sides{pad, pad, pad, pad};
                out = inner(at::reflection_pad2d(x, sides), at::reflection_pad2d(m, sides), t)
                          .narrow(2, pad, x.size(2))
                          .narrow(3, pad, x.size(3))
                          .contiguous();
            } else {
                out = inner(x, m, t);
            }
            if (plan.tileSize == 0 && !reportTiles(1, 1))
                throw Error(ErrorKind::Cancelled, "restoration cancelled in step " + std::to_string(step) + " of " +
                                                      std::to_string(steps));
            return out;
        };

        auto stepStarted = Clock::now();
        StepTensorCallback perStep;
        if (onStep) {
            perStep = [&](const StepTensors& s) {
                StepFrame frame;
                frame.step = s.step;
                frame.steps = s.steps;
                frame.t = s.t;
                frame.tNext = s.tNext;
                if (options.emitFrames) {
                    frame.xt = modelTensorToImage(s.xt);
                    frame.x0 = modelTensorToImage(s.x0);
                    frame.piEps = tensorToMat(s.piEps);
                    if (s.residual.defined()) frame.residual = tensorToMat(s.residual);
                }
                frame.stepSeconds = secondsSince(stepStarted);
                const bool goOn = onStep(frame);
                stepStarted = Clock::now();
                return goOn;
            };
        }
        const torch::Tensor x =
            rddm ? rddmSampler->sample(net, mu, initialNoise, perStep) : rdbmSampler->sample(net, mu, perStep);
        result.image = modelTensorToImage(x);
        result.networkCalls = static_cast<int>(stepPairs.size());
    } catch (const Error&) {
        throw;
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Runtime, std::string("restore failed: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::Runtime, "restore failed: out of memory (try a smaller tile size)");
    }
    result.seconds = secondsSince(started);
    return result;
}

} // namespace rdbm
